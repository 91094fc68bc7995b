--
-- Create model Shelf
--
CREATE TABLE `library_shelf` (`id` bigint AUTO_INCREMENT NOT NULL PRIMARY KEY, `label` varchar(50) NOT NULL UNIQUE);
--
-- Create model Book
--
CREATE TABLE `library_book` (`id` bigint AUTO_INCREMENT NOT NULL PRIMARY KEY, `title` varchar(200) NOT NULL, `published` date NULL, `shelf_id` bigint NOT NULL);
ALTER TABLE `library_book` ADD CONSTRAINT `library_book_shelf_id_5a1b2c3d_fk_library_shelf_id` FOREIGN KEY (`shelf_id`) REFERENCES `library_shelf` (`id`);
--
-- Add field isbn to book
--
ALTER TABLE `library_book` ADD COLUMN `isbn` varchar(13) DEFAULT '' NOT NULL;
ALTER TABLE `library_book` ALTER COLUMN `isbn` DROP DEFAULT;
