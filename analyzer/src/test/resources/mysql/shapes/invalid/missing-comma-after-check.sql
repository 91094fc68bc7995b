-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)
-- Server version	10.11.19-MariaDB
CREATE TABLE `flags` (
  `code` varchar(8) NOT NULL,
  `on` tinyint(1) NOT NULL,
  CONSTRAINT `flags_on` CHECK (`on` in (0,1))
  CONSTRAINT `flags_code` CHECK (`code` <> '')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
