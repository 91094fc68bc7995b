-- Flyway V6: a composite type is made and its attributes added, dropped, retyped and renamed; the address type
-- under billing.lines.ship_to gains, loses and renames attributes (the column still prints its name); a view, a
-- materialized view, a sequence and an index are renamed and moved with ALTER TABLE, as Liquibase's renameView
-- writes it; a trigger on a partitioned table is renamed (PostgreSQL 15 renames its clone on the partition too)
-- and a partition made afterwards clones it under the new name.
CREATE TYPE billing.contact AS (name text, phone text);
ALTER TYPE billing.contact ADD ATTRIBUTE email text, DROP ATTRIBUTE phone;
ALTER TYPE billing.contact ALTER ATTRIBUTE name SET DATA TYPE varchar(200);
ALTER TYPE billing.contact RENAME ATTRIBUTE email TO mail;
ALTER TYPE billing.address ADD ATTRIBUTE zip text;
ALTER TYPE billing.address DROP ATTRIBUTE IF EXISTS street;
ALTER TYPE billing.address DROP ATTRIBUTE IF EXISTS nowhere;
ALTER TYPE billing.address RENAME ATTRIBUTE city TO town;
CREATE SEQUENCE billing.ticket_seq;
ALTER TABLE billing.ticket_seq RENAME TO support_ticket_seq;
ALTER TABLE billing.support_ticket_seq SET SCHEMA public;
ALTER TABLE billing.open_invoices RENAME TO unpaid_invoices;
ALTER TABLE IF EXISTS billing.unpaid_invoices SET SCHEMA public;
CREATE MATERIALIZED VIEW billing.invoice_totals AS SELECT account_id, count(*) AS invoices FROM billing.invoices GROUP BY account_id;
ALTER TABLE billing.invoice_totals RENAME TO account_totals;
ALTER TABLE billing.account_totals SET SCHEMA public;
ALTER TABLE billing.lines_invoice_idx RENAME TO lines_by_invoice;
CREATE TABLE events (id bigint NOT NULL, happened date NOT NULL) PARTITION BY RANGE (happened);
CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TRIGGER events_touch AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
ALTER TRIGGER events_touch ON events RENAME TO events_audit;
CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
