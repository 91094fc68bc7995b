-- MySQL dump 10.13  Distrib 5.7.44, for Linux (x86_64)
-- Server version	5.7.44
CREATE TABLE `rooms` (
  `number` smallint(6) NOT NULL,
  `floor` tinyint(4) NOT NULL DEFAULT '0'
  `wing` char(1) NOT NULL,
  PRIMARY KEY (`number`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
