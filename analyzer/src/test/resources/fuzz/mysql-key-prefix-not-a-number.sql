-- MySQL dump 10.13  Distrib 10.11.19-MariaDB
CREATE TABLE `t` (
  `name` varchar(20) NOT NULL,
  KEY `ix` (`name`(x))
) ENGINE=InnoDB;
