-- MySQL dump 10.13  Distrib 10.11.19-MariaDB
CREATE TABLE `t` (
  `name` varchar() NOT NULL
) ENGINE=InnoDB;
