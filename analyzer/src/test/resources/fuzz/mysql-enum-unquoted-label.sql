-- MySQL dump 10.13  Distrib 10.11.19-MariaDB
CREATE TABLE `t` (
  `kind` enum(a,'b') NOT NULL
) ENGINE=InnoDB;
