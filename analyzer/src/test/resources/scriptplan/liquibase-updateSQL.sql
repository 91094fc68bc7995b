-- *********************************************************************
-- Update Database Script
-- *********************************************************************
-- Change Log: db/changelog/db.changelog-master.yaml
-- Ran at: 12/7/26, 4:00 PM
-- Against: dba@jdbc:postgresql://db.internal:5432/dify
-- Liquibase version: 4.33.0
-- *********************************************************************

SET SEARCH_PATH TO public, "$user","public";

-- Lock Database
UPDATE public.databasechangeloglock SET LOCKED = TRUE, LOCKEDBY = 'ci-runner (10.0.0.7)', LOCKGRANTED = NOW() WHERE ID = 1 AND LOCKED = FALSE;

-- Changeset db/changelog/042-conversation-archive.yaml::42::ops
ALTER TABLE public.conversations ADD archived BOOLEAN DEFAULT FALSE;

CREATE INDEX conversation_archived_idx ON public.conversations(archived);

ALTER TABLE public.conversations ADD CONSTRAINT fk_conversation_app FOREIGN KEY (app_id) REFERENCES public.apps (id);

INSERT INTO public.databasechangelog (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, DESCRIPTION, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('42', 'ops', 'db/changelog/042-conversation-archive.yaml', NOW(), 42, '9:0c4a1b2c3d4e5f60718293a4b5c6d7e8', 'addColumn tableName=conversations; createIndex indexName=conversation_archived_idx, tableName=conversations; addForeignKeyConstraint baseTableName=conversations, constraintName=fk_conversation_app, referencedTableName=apps', '', 'EXECUTED', NULL, NULL, '4.33.0', '5123456789');

-- Release Database Lock
UPDATE public.databasechangeloglock SET LOCKED = FALSE, LOCKEDBY = NULL, LOCKGRANTED = NULL WHERE ID = 1;
