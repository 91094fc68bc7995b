-- MySQL dump 10.13  Distrib 8.0.39, for Linux (x86_64)
-- Server version	8.0.39
CREATE TABLE `tickets` (
  `id` bigint NOT NULL,
  `seat` varchar(4) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `tickets_seat` (`seat_no`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
