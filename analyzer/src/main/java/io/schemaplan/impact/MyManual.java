package io.schemaplan.impact;

/** A section of the MySQL or MariaDB manual that a rule rests on. */
public record MyManual(String section, String url) {
    private static final String MYSQL = "https://dev.mysql.com/doc/refman/8.0/en/";
    private static final String MARIADB = "https://mariadb.com/kb/en/";

    public static final MyManual MYSQL_ONLINE_DDL = new MyManual("MySQL 8.0, 17.12.1 Online DDL Operations",
            MYSQL + "innodb-online-ddl-operations.html");
    public static final MyManual MYSQL_COLUMN_OPERATIONS = new MyManual("MySQL 8.0, Online DDL Operations, Column "
            + "Operations", MYSQL + "innodb-online-ddl-operations.html#online-ddl-column-operations");
    public static final MyManual MYSQL_INDEX_OPERATIONS = new MyManual("MySQL 8.0, Online DDL Operations, Primary Key "
            + "and Index Operations", MYSQL + "innodb-online-ddl-operations.html#online-ddl-index-operations");
    public static final MyManual MYSQL_GENERATED_COLUMNS = new MyManual("MySQL 8.0, Online DDL Operations, "
            + "Generated Column Operations", MYSQL + "innodb-online-ddl-operations.html#online-ddl-generated-column-operations");
    public static final MyManual MYSQL_FOREIGN_KEYS = new MyManual("MySQL 8.0, Online DDL Operations, Foreign Key "
            + "Operations", MYSQL + "innodb-online-ddl-operations.html#online-ddl-foreign-key-operations");
    public static final MyManual MYSQL_TABLE_OPERATIONS = new MyManual("MySQL 8.0, Online DDL Operations, Table "
            + "Operations", MYSQL + "innodb-online-ddl-operations.html#online-ddl-table-operations");
    public static final MyManual MYSQL_PARTITIONING = new MyManual("MySQL 8.0, Online DDL Operations, Partitioning "
            + "Operations", MYSQL + "innodb-online-ddl-operations.html#online-ddl-partitioning");
    public static final MyManual MYSQL_ALTER_TABLE = new MyManual("MySQL 8.0, ALTER TABLE Statement",
            MYSQL + "alter-table.html");
    public static final MyManual MYSQL_CREATE_VIEW = new MyManual("MySQL 8.0, Metadata Locking",
            MYSQL + "metadata-locking.html");
    public static final MyManual MYSQL_DEFAULT_VALUES = new MyManual("MySQL 8.0, 13.6 Data Type Default Values "
            + "(expression defaults; INSTANT refuses them, vitessio/vitess#16024)", MYSQL + "data-type-defaults.html");
    public static final MyManual MYSQL_LOCKS_SET = new MyManual("MySQL 8.0, 17.7.3 Locks Set by Different SQL "
            + "Statements in InnoDB", MYSQL + "innodb-locks-set.html");
    public static final MyManual MYSQL_TRUNCATE = new MyManual("MySQL 8.0, TRUNCATE TABLE Statement",
            MYSQL + "truncate-table.html");
    public static final MyManual MARIADB_LOCK_MODES = new MyManual("MariaDB, InnoDB Lock Modes",
            MARIADB + "innodb-lock-modes/");
    public static final MyManual MARIADB_TRUNCATE = new MyManual("MariaDB, TRUNCATE TABLE", MARIADB + "truncate-table/");
    public static final MyManual MARIADB_INSTANT = new MyManual("MariaDB, InnoDB Online DDL Operations with the "
            + "INSTANT Alter Algorithm", MARIADB + "innodb-online-ddl-operations-with-the-instant-alter-algorithm/");
    public static final MyManual MARIADB_NOCOPY = new MyManual("MariaDB, InnoDB Online DDL Operations with the "
            + "NOCOPY Alter Algorithm", MARIADB + "innodb-online-ddl-operations-with-the-nocopy-alter-algorithm/");
    public static final MyManual MARIADB_INPLACE = new MyManual("MariaDB, InnoDB Online DDL Operations with the "
            + "INPLACE Alter Algorithm", MARIADB + "innodb-online-ddl-operations-with-the-inplace-alter-algorithm/");
    public static final MyManual MARIADB_OVERVIEW = new MyManual("MariaDB, InnoDB Online DDL Overview "
            + "(COPY and the LOCK clause)", MARIADB + "innodb-online-ddl-overview/");
    public static final MyManual MARIADB_PARTITIONS = new MyManual("MariaDB, ALTER TABLE, Partitions",
            MARIADB + "alter-table/#partitions");
    public static final MyManual MYSQL_GRANT = new MyManual("MySQL 8.0, GRANT Statement", MYSQL + "grant.html");
    public static final MyManual MARIADB_GRANT = new MyManual("MariaDB, GRANT", MARIADB + "grant/");
    public static final MyManual MYSQL_LOCK_TABLES = new MyManual("MySQL 8.0, LOCK TABLES and UNLOCK TABLES Statements",
            MYSQL + "lock-tables.html");
    public static final MyManual MARIADB_LOCK_TABLES = new MyManual("MariaDB, LOCK TABLES", MARIADB + "lock-tables/");
    public static final MyManual MYSQL_TABLE_MAINTENANCE = new MyManual("MySQL 8.0, Table Maintenance Statements",
            MYSQL + "table-maintenance-statements.html");
    public static final MyManual MARIADB_CHECK_TABLE = new MyManual("MariaDB, CHECK TABLE", MARIADB + "check-table/");
    public static final MyManual MARIADB_REPAIR_TABLE = new MyManual("MariaDB, REPAIR TABLE", MARIADB + "repair-table/");
    public static final MyManual MYSQL_DATABASES = new MyManual("MySQL 8.0, CREATE DATABASE and DROP DATABASE Statements",
            MYSQL + "drop-database.html");
    public static final MyManual MARIADB_DROP_DATABASE = new MyManual("MariaDB, DROP DATABASE", MARIADB + "drop-database/");
    public static final MyManual MYSQL_AUTO_INCREMENT = new MyManual("MySQL 8.0, Using AUTO_INCREMENT (MySQL has no "
            + "sequences)", MYSQL + "example-auto-increment.html");
    public static final MyManual MARIADB_SEQUENCES = new MyManual("MariaDB, Sequences (CREATE, ALTER, DROP SEQUENCE)",
            MARIADB + "sequences/");
    public static final MyManual MARIADB_SETVAL = new MyManual("MariaDB, SETVAL and NEXT VALUE FOR", MARIADB + "setval/");
    public static final MyManual MARIADB_METADATA_LOCKING = new MyManual("MariaDB, Metadata Locking",
            MARIADB + "metadata-locking/");
    public static final MyManual MYSQL_ALTER_PROCEDURE = new MyManual("MySQL 8.0, ALTER PROCEDURE Statement (only "
            + "characteristics; a body is changed by DROP and CREATE)", MYSQL + "alter-procedure.html");
    public static final MyManual MARIADB_CREATE_PROCEDURE = new MyManual("MariaDB, CREATE PROCEDURE (OR REPLACE)",
            MARIADB + "create-procedure/");
}
