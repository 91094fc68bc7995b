-- *********************************************************************
-- Update Database Script
-- *********************************************************************
-- Change Log: db/changelog/db.changelog-master.xml
-- Ran at: 12/7/26, 9:00 AM
-- Against: app@jdbc:mariadb://db:3306/app
-- Liquibase version: 4.29.2
-- *********************************************************************

-- Lock Database
UPDATE DATABASECHANGELOGLOCK SET `LOCKED` = 1, LOCKEDBY = 'build-host (10.0.0.5)', LOCKGRANTED = NOW() WHERE ID = 1 AND `LOCKED` = 0;

-- Changeset db/changelog/001-invoices.xml::1::dba
CREATE TABLE invoices (id BIGINT AUTO_INCREMENT NOT NULL, number VARCHAR(40) NOT NULL, amount DECIMAL(12, 2) DEFAULT 0 NOT NULL, CONSTRAINT PK_INVOICES PRIMARY KEY (id));

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('1', 'dba', 'db/changelog/001-invoices.xml', NOW(), 1, '9:00000000000000000000000000000003', 'createTable tableName=invoices', '', 'EXECUTED', NULL, NULL, '4.29.2', '0000000002');

-- Changeset db/changelog/002-invoice-index.xml::2::dba
CREATE UNIQUE INDEX invoices_number_key ON invoices(number);

ALTER TABLE invoices ADD issued_on date NULL;

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('2', 'dba', 'db/changelog/002-invoice-index.xml', NOW(), 2, '9:00000000000000000000000000000004', 'createIndex indexName=invoices_number_key, tableName=invoices; addColumn tableName=invoices', '', 'EXECUTED', NULL, NULL, '4.29.2', '0000000002');

-- Release Database Lock
UPDATE DATABASECHANGELOGLOCK SET `LOCKED` = 0, LOCKEDBY = NULL, LOCKGRANTED = NULL WHERE ID = 1;

