package io.schemaplan.model;

/** The database engine a schema was read from; it decides which dialect rules apply. */
public enum Engine {
    POSTGRES, MYSQL, MARIADB;

    public boolean isMysqlFamily() {
        return this == MYSQL || this == MARIADB;
    }
}
