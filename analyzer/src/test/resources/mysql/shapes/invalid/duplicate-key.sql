-- MySQL dump 10.13  Distrib 8.4.3, for Linux (x86_64)
-- Server version	8.4.3
CREATE TABLE `books` (
  `isbn` char(13) NOT NULL,
  `title` varchar(200) NOT NULL,
  UNIQUE KEY `books_key` (`isbn`),
  KEY `books_key` (`title`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;
