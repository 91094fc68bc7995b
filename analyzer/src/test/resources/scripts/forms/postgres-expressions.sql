-- Expressions as a migration writes them by hand; the server prints each its own way (casts, parentheses,
-- qualified columns, ~~ for LIKE, = ANY (ARRAY[...]) for IN). ScriptFormsServerTest runs this on PostgreSQL.
CREATE TABLE items (id integer NOT NULL, qty integer, label text, kind varchar(16), created timestamp);
ALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY (id);
ALTER TABLE items ADD CONSTRAINT items_qty_check CHECK (qty > 0 and label <> 'x');
CREATE INDEX items_lower_label_idx ON items (lower(label)) WHERE qty > 10;
CREATE VIEW active_items AS select id, qty+1 as next_qty from items where label like 'a%' and kind in ('x', 'y');
ALTER TABLE items ALTER COLUMN created SET DEFAULT now();
ALTER TABLE items ADD COLUMN flag boolean default false not null;
