-- Expressions as a migration writes them by hand; MariaDB prints each its own way (backquotes, qualified
-- columns in views, charset introducers). ScriptFormsServerTest runs this on MariaDB.
CREATE TABLE items (id int NOT NULL, qty int, label varchar(64), kind varchar(16), PRIMARY KEY (id));
ALTER TABLE items ADD CONSTRAINT items_qty_check CHECK (qty > 0 and label <> 'x');
CREATE VIEW active_items AS select id, qty+1 as next_qty from items where label like 'a%' and kind in ('x', 'y');
ALTER TABLE items ADD COLUMN flag boolean default false not null;
