-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)
-- Server version	10.11.19-MariaDB
CREATE SEQUENCE `order_numbers` start with 1 minvalue 1 maxvalue 9223372036854775806 increment by 1 cache 1000 nocycle ENGINE=InnoDB;
CREATE SEQUENCE `label_numbers` start with 1 minvalue 1 maxvalue 9223372036854775806 increment by 1 cache 1000 no cycle ENGINE=InnoDB;
