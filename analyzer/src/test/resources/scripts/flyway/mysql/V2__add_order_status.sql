ALTER TABLE orders ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'new' AFTER total_cents, ALGORITHM=INSTANT;
ALTER TABLE orders MODIFY total_cents BIGINT NOT NULL DEFAULT 0;
UPDATE orders SET status = 'placed' WHERE total_cents > 0;
DELIMITER //
CREATE TRIGGER orders_status_bi BEFORE INSERT ON orders FOR EACH ROW BEGIN
  IF NEW.status = '' THEN SET NEW.status = 'new'; END IF;
END//
DELIMITER ;
