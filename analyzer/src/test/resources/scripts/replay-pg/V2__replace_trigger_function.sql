-- Flyway V2: the trigger function stamps the clock time; a helper is replaced (another body, STRICT), a new one
-- is added and renamed, an overload dropped by its argument types, a new function moved to the billing schema,
-- two have their options changed, the procedure rewritten; an unused domain goes.
CREATE OR REPLACE FUNCTION touch_updated_at()
    RETURNS trigger
    LANGUAGE plpgsql
AS $function$
BEGIN
    NEW.updated_at := clock_timestamp();
    RETURN NEW;
END
$function$;

CREATE OR REPLACE FUNCTION tenant_of(account bigint) RETURNS integer
    AS $$ SELECT coalesce(tenant_id, 0) FROM accounts WHERE id = account $$ LANGUAGE sql STABLE STRICT;

CREATE OR REPLACE FUNCTION is_active(account bigint, since timestamptz DEFAULT now()) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$ SELECT EXISTS (SELECT 1 FROM accounts WHERE id = account AND updated_at > since) $$;

DROP FUNCTION tenant_of(bigint, integer);
DROP FUNCTION IF EXISTS tenant_of(text);

ALTER FUNCTION is_active(bigint, timestamptz) RENAME TO account_is_active;

CREATE FUNCTION invoice_label(invoice integer, prefix varchar(8)) RETURNS text
    LANGUAGE sql IMMUTABLE AS 'SELECT prefix || invoice';
ALTER FUNCTION invoice_label(int4, character varying) SET SCHEMA billing;

ALTER FUNCTION tenant_of(bigint) SECURITY DEFINER SET search_path TO public;
ALTER FUNCTION billing.total(billing.invoice_state) VOLATILE COST 50 RESET search_path;

CREATE OR REPLACE PROCEDURE purge_account(account bigint)
    LANGUAGE plpgsql
AS $$
BEGIN
    DELETE FROM accounts WHERE id = account;
END
$$;

DROP DOMAIN legacy_code;
