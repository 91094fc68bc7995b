-- Flyway versioned migration, written by hand (schemaplan's own fixture)
CREATE TABLE customers (
    id bigserial PRIMARY KEY,
    email varchar(320) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX customers_email_key ON customers (lower(email));

CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    total_cents integer NOT NULL DEFAULT 0,
    placed_at timestamptz
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
