-- MariaDB dump 10.19-11.4.5-MariaDB, for debian-linux-gnu (x86_64)
-- Server version	11.4.5-MariaDB
CREATE TABLE `cities` (
  `name` varchar(40) NOT NULL,
  `Name` varchar(80) DEFAULT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_ai_ci;
