package io.schemaplan.impact;

import static io.schemaplan.impact.PgOperation.ALTER_TYPE_BINARY_COERCIBLE;
import static io.schemaplan.impact.PgOperation.ALTER_TYPE_REWRITE;
import static io.schemaplan.impact.PgOperation.ALTER_TYPE_TIMESTAMPTZ_UTC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schemaplan.model.DataType;
import io.schemaplan.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which type changes rewrite. Each case is also run on the local server (session TimeZone UTC when the
 * case says so): the table's relfilenode changes exactly when the classifier says ALTER_TYPE_REWRITE.
 */
class PgTypeChangesTest {
    private static final String DB = "sp_impact_types";

    static Stream<Arguments> cases() {
        return Stream.of(
                // from, to, session TimeZone UTC, expected
                Arguments.of(t("integer"), t("bigint"), false, ALTER_TYPE_REWRITE),
                Arguments.of(t("bigint"), t("integer"), false, ALTER_TYPE_REWRITE),
                Arguments.of(t("json"), t("jsonb"), false, ALTER_TYPE_REWRITE),
                Arguments.of(t("text"), t("varchar", 255), false, ALTER_TYPE_REWRITE),
                Arguments.of(t("varchar", 255), t("varchar", 100), false, ALTER_TYPE_REWRITE),
                Arguments.of(t("varchar"), t("varchar", 100), false, ALTER_TYPE_REWRITE),
                Arguments.of(new DataType("numeric", 10, 2, 0), new DataType("numeric", 12, 4, 0), false, ALTER_TYPE_REWRITE),
                Arguments.of(t("numeric"), new DataType("numeric", 12, 2, 0), false, ALTER_TYPE_REWRITE),
                Arguments.of(t("char", 5), t("char", 10), false, ALTER_TYPE_REWRITE),
                Arguments.of(t("varchar", 10), t("char", 10), false, ALTER_TYPE_REWRITE),
                Arguments.of(t("uuid"), t("text"), false, ALTER_TYPE_REWRITE),
                Arguments.of(t("inet"), t("cidr"), false, ALTER_TYPE_REWRITE),
                Arguments.of(t("timestamp"), t("timestamptz"), false, ALTER_TYPE_REWRITE),
                Arguments.of(t("timestamp", 6), t("timestamp", 3), false, ALTER_TYPE_REWRITE),
                Arguments.of(new DataType("varchar", 10, null, 1), new DataType("varchar", 20, null, 1), false, ALTER_TYPE_REWRITE),
                Arguments.of(new DataType("varchar", null, null, 1), new DataType("text", null, null, 1), false, ALTER_TYPE_REWRITE),
                Arguments.of(t("varchar", 100), t("varchar", 200), false, ALTER_TYPE_BINARY_COERCIBLE),
                Arguments.of(t("varchar", 100), t("varchar"), false, ALTER_TYPE_BINARY_COERCIBLE),
                Arguments.of(t("varchar", 100), t("text"), false, ALTER_TYPE_BINARY_COERCIBLE),
                Arguments.of(t("text"), t("varchar"), false, ALTER_TYPE_BINARY_COERCIBLE),
                Arguments.of(new DataType("numeric", 10, 2, 0), new DataType("numeric", 12, 2, 0), false, ALTER_TYPE_BINARY_COERCIBLE),
                Arguments.of(new DataType("numeric", 10, 2, 0), t("numeric"), false, ALTER_TYPE_BINARY_COERCIBLE),
                Arguments.of(t("varbit", 8), t("varbit", 16), false, ALTER_TYPE_BINARY_COERCIBLE),
                Arguments.of(t("cidr"), t("inet"), false, ALTER_TYPE_BINARY_COERCIBLE),
                Arguments.of(t("timestamp", 3), t("timestamp"), false, ALTER_TYPE_BINARY_COERCIBLE),
                Arguments.of(t("timestamptz", 3), t("timestamptz", 6), false, ALTER_TYPE_BINARY_COERCIBLE),
                Arguments.of(t("time", 0), t("time", 3), false, ALTER_TYPE_BINARY_COERCIBLE),
                Arguments.of(t("interval", 0), t("interval"), false, ALTER_TYPE_BINARY_COERCIBLE),
                Arguments.of(t("timestamp"), t("timestamptz"), true, ALTER_TYPE_TIMESTAMPTZ_UTC),
                Arguments.of(t("timestamptz"), t("timestamp"), true, ALTER_TYPE_TIMESTAMPTZ_UTC));
    }

    private static DataType t(String name) {
        return DataType.of(name);
    }

    private static DataType t(String name, int size) {
        return DataType.of(name, size);
    }

    @BeforeAll
    static void database() {
        LocalPostgres.freshDatabase(DB);
    }

    @ParameterizedTest(name = "{0} -> {1} (UTC {2}): {3}")
    @MethodSource("cases")
    void classifiesAsTheServerBehaves(DataType from, DataType to, boolean utc, PgOperation expected) throws SQLException {
        assertEquals(expected, PgTypeChanges.classify(from, to, utc));
        String table = "x_" + Integer.toHexString((from + ">" + to + utc).hashCode());
        try (Connection c = LocalPostgres.connect(DB); Statement s = c.createStatement()) {
            s.execute("SET TimeZone = '" + (utc ? "UTC" : "Europe/Berlin") + "'");
            s.execute("DROP TABLE IF EXISTS " + table);
            // A NULL needs no conversion function that could fail; a row must exist for a rewrite to matter.
            s.execute("CREATE TABLE " + table + " (v " + from.sql() + "); INSERT INTO " + table + " VALUES (NULL)");
            long before = relfilenode(s, table);
            s.execute("ALTER TABLE " + table + " ALTER COLUMN v TYPE " + to.sql() + " USING v::" + to.sql());
            boolean rewritten = relfilenode(s, table) != before;
            assertEquals(expected == ALTER_TYPE_REWRITE, rewritten, from + " -> " + to + " rewrote: " + rewritten);
        }
    }

    private static long relfilenode(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT relfilenode FROM pg_class WHERE oid = '" + table + "'::regclass")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
