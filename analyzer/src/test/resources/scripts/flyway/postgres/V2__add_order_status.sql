-- Flyway: one file per version; psql-style session settings are common at the top
SET lock_timeout = '3s';

ALTER TABLE orders ADD COLUMN status varchar(20) NOT NULL DEFAULT 'new';
ALTER TABLE orders ALTER COLUMN total_cents TYPE bigint;
UPDATE orders SET status = 'placed' WHERE placed_at IS NOT NULL;
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON orders (status) WHERE status <> 'done';
