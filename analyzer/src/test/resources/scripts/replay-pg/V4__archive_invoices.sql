-- Flyway V4: accounts and invoices move to an archive schema with their keys, indexes, triggers, policies and
-- the sequences their columns own (identity and serial); the invoice lines stay and keep their foreign key, the
-- open-invoices view follows, a ticket sequence is made and moved, another renamed; the state type and the
-- amount domain move too.
CREATE SCHEMA archive;
ALTER TABLE accounts SET SCHEMA archive;
ALTER TABLE IF EXISTS billing.invoices SET SCHEMA archive;
ALTER TABLE IF EXISTS billing.gone SET SCHEMA archive;
ALTER VIEW billing.open_invoices SET SCHEMA archive;
CREATE SEQUENCE ticket_seq;
CREATE SEQUENCE billing.note_seq;
ALTER SEQUENCE ticket_seq SET SCHEMA archive;
ALTER SEQUENCE billing.note_seq RENAME TO memo_seq;
ALTER TABLE billing.lines ADD COLUMN memo bigint DEFAULT nextval('billing.memo_seq');
ALTER TYPE billing.invoice_state SET SCHEMA archive;
ALTER DOMAIN billing.money_amount SET SCHEMA archive;
