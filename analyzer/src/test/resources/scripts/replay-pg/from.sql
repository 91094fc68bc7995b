-- The schema the replay fixtures start from: an application schema with a trigger function, row-level
-- security and a second schema holding its own tables, sequence, types, views, function and trigger.
CREATE TABLE accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_name text NOT NULL,
    tenant_id integer NOT NULL,
    updated_at timestamptz
);
CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE FUNCTION tenant_of(account bigint) RETURNS integer LANGUAGE sql STABLE AS $$ SELECT tenant_id FROM accounts WHERE id = account $$;
CREATE FUNCTION tenant_of(account bigint, fallback integer) RETURNS integer LANGUAGE sql STABLE
    AS $$ SELECT coalesce((SELECT tenant_id FROM accounts WHERE id = account), fallback) $$;
CREATE PROCEDURE purge_account(account bigint) LANGUAGE sql AS $$ DELETE FROM accounts WHERE id = account $$;
ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
CREATE POLICY accounts_owner ON accounts FOR SELECT USING (owner_name = current_user);
CREATE POLICY accounts_tenant ON accounts USING (tenant_id > 0) WITH CHECK (tenant_id > 0);
CREATE POLICY accounts_insert ON accounts FOR INSERT WITH CHECK (true);
CREATE DOMAIN legacy_code AS text CHECK (VALUE <> '');

CREATE SCHEMA billing;
CREATE TYPE billing.invoice_state AS ENUM ('draft', 'sent', 'paid');
CREATE DOMAIN billing.money_amount AS numeric(12, 2) NOT NULL CHECK (VALUE >= 0);
CREATE TABLE billing.invoices (
    id serial PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id),
    state billing.invoice_state NOT NULL DEFAULT 'draft',
    amount billing.money_amount,
    updated_at timestamptz
);
CREATE TYPE billing.address AS (street text, city text);
CREATE TABLE billing.lines (
    invoice_id integer NOT NULL REFERENCES billing.invoices (id) ON DELETE CASCADE,
    label text NOT NULL,
    ship_to billing.address
);
CREATE INDEX lines_invoice_idx ON billing.lines (invoice_id);
COMMENT ON TABLE billing.invoices IS 'One invoice per account and month';
CREATE FUNCTION billing.total(state billing.invoice_state) RETURNS numeric LANGUAGE sql STABLE SET search_path = billing
    AS $$ SELECT sum(amount) FROM billing.invoices WHERE invoices.state = total.state $$;
CREATE TRIGGER invoices_touch BEFORE UPDATE ON billing.invoices FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE VIEW billing.open_invoices AS SELECT id, amount FROM billing.invoices WHERE state <> 'paid';
CREATE VIEW billing.invoice_owners AS SELECT i.id, a.owner_name FROM billing.invoices i JOIN accounts a ON a.id = i.account_id;
ALTER TABLE billing.invoices ENABLE ROW LEVEL SECURITY;
CREATE POLICY invoices_sent ON billing.invoices FOR SELECT USING (state <> 'draft'::billing.invoice_state);
