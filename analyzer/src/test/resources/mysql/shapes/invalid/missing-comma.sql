-- MySQL dump 10.13  Distrib 8.0.39, for Linux (x86_64)
-- Server version	8.0.39
-- The comma after the first foreign key is missing: the server refuses the table.

CREATE TABLE `pets` (
  `id` int NOT NULL,
  `owner_id` int NOT NULL,
  `vet_id` int NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `pets_owner_fk` FOREIGN KEY (`owner_id`) REFERENCES `pets` (`id`)
  CONSTRAINT `pets_vet_fk` FOREIGN KEY (`vet_id`) REFERENCES `pets` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
