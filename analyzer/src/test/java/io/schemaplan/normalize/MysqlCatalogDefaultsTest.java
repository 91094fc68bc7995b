package io.schemaplan.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.schemaplan.model.DataType;
import org.junit.jupiter.api.Test;

/**
 * {@code COLUMNS.COLUMN_DEFAULT} + {@code EXTRA} as each server stores them give the default a dump of the same
 * column prints (MySQL 8 rows as the 8.0 manual describes them; MariaDB rows as 10.11 returns them).
 */
class MysqlCatalogDefaultsTest {
    static final DataType VARCHAR = DataType.of("varchar", 16);
    static final DataType INT = DataType.of("integer");
    static final DataType DATETIME = DataType.of("datetime");

    @Test
    void mysql8KeepsLiteralsBareAndMarksExpressions() {
        // `install_permission` varchar(16) NOT NULL DEFAULT 'everyone'
        assertEquals("'everyone'", MysqlExpressions.catalogDefault("everyone", "", VARCHAR, false));
        assertEquals("'it''s'", MysqlExpressions.catalogDefault("it's", "", VARCHAR, false));
        // `is_admin` tinyint(1) NOT NULL DEFAULT '0'
        assertEquals("0", MysqlExpressions.catalogDefault("0", "", new DataType("tinyint", 1, null, 0), false));
        // `uid` char(36) NOT NULL DEFAULT (uuid())
        assertEquals("uuid()", MysqlExpressions.catalogDefault("uuid()", "DEFAULT_GENERATED", VARCHAR, false));
        // `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6)
        assertEquals("CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6)", MysqlExpressions.catalogDefault(
                "CURRENT_TIMESTAMP(6)", "DEFAULT_GENERATED on update CURRENT_TIMESTAMP(6)", DATETIME, false));
        assertNull(MysqlExpressions.catalogDefault(null, "", INT, false));
    }

    @Test
    void mariadbStoresTheTextADumpPrints() {
        assertEquals("'everyone'", MysqlExpressions.catalogDefault("'everyone'", "", VARCHAR, true));
        assertEquals("0", MysqlExpressions.catalogDefault("0", "", INT, true));
        assertNull(MysqlExpressions.catalogDefault("NULL", "", INT, true));
        assertEquals("CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP", MysqlExpressions.catalogDefault(
                "current_timestamp()", "on update current_timestamp()", DATETIME, true));
        assertEquals("ON UPDATE CURRENT_TIMESTAMP", MysqlExpressions.catalogDefault(
                "NULL", "on update current_timestamp()", DATETIME, true));
    }
}
