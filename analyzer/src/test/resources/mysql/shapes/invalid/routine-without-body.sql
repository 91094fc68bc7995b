-- MySQL dump 10.13  Distrib 8.0.40, for Linux (x86_64)
-- Server version	8.0.40
CREATE TABLE `totals` (
  `day` date NOT NULL,
  `amount` decimal(14,2) NOT NULL,
  PRIMARY KEY (`day`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
DELIMITER ;;
CREATE DEFINER=`root`@`localhost` PROCEDURE `refresh_totals`(IN since date)
    MODIFIES SQL DATA
    COMMENT 'rebuilds the totals'
;;
DELIMITER ;
