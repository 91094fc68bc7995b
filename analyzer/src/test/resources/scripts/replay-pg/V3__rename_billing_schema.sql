-- Flyway V3: the billing schema becomes finance; every object in it moves along.
ALTER SCHEMA billing RENAME TO finance;
