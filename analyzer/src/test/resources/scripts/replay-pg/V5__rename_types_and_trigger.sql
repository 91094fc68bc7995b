-- Flyway V5: the invoice state type is renamed and its first label too (the default and the policy that name it
-- print the new ones), it gains labels, a composite type and a domain are renamed under the columns that use
-- them, two triggers are renamed, and the invoices become bills (their trigger and the view that reads them print the new name).
ALTER TYPE billing.invoice_state RENAME TO invoice_status;
ALTER TYPE billing.invoice_status RENAME VALUE 'draft' TO 'open';
ALTER TYPE billing.invoice_status ADD VALUE 'void' AFTER 'sent';
ALTER TYPE billing.invoice_status ADD VALUE IF NOT EXISTS 'paid';
ALTER TYPE billing.invoice_status ADD VALUE 'quote' BEFORE 'open';
ALTER TYPE billing.invoice_status ADD VALUE 'archived';
ALTER TYPE billing.address RENAME TO postal_address;
ALTER DOMAIN billing.money_amount RENAME TO amount;
ALTER TRIGGER invoices_touch ON billing.invoices RENAME TO invoices_stamp;
ALTER TRIGGER accounts_touch ON accounts RENAME TO "Accounts Stamp";
ALTER TABLE billing.invoices RENAME TO bills;
