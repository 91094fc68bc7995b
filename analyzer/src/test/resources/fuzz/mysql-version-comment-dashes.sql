-- MySQL dump 10.13  Distrib 10.11.19-MariaDB
/*!40101 --SET NAMES utf8mb4 */;
CREATE TABLE `t` (
  `id` int NOT NULL
) ENGINE=InnoDB;
