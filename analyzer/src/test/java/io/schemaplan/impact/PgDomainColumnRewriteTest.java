package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schemaplan.diff.Change;
import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.model.Schema;
import io.schemaplan.read.PostgresCatalogReader;
import io.schemaplan.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ADD COLUMN of a domain type, measured by relfilenode on the local server: a domain with a CHECK or NOT
 * NULL makes PostgreSQL rewrite the table whether the column has a default or not (each row's value must
 * be checked against the domain); a domain without constraints does not. The plan classifies each case
 * as the server behaves: the domain is read from the live catalog before and after.
 */
class PgDomainColumnRewriteTest {
    private static final String DB = "sp_objects_domain_rewrite";

    @BeforeAll
    static void database() {
        LocalPostgres.freshDatabase(DB);
        LocalPostgres.exec(DB, "CREATE DOMAIN checked AS integer CHECK (VALUE > 0);"
                + " CREATE DOMAIN checked_with_default AS integer DEFAULT 1 CHECK (VALUE > 0);"
                + " CREATE DOMAIN required AS integer NOT NULL DEFAULT 1;"
                + " CREATE DOMAIN plain AS integer;");
    }

    @AfterAll
    static void drop() {
        LocalPostgres.exec("postgres", "DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
    }

    static Stream<Arguments> columns() {
        return Stream.of(
                Arguments.of("checked", "", true, PgOperation.ADD_COLUMN_DOMAIN_CHECK),
                Arguments.of("checked", " DEFAULT 5", true, PgOperation.ADD_COLUMN_DOMAIN_CHECK),
                Arguments.of("checked_with_default", "", true, PgOperation.ADD_COLUMN_DOMAIN_CHECK),
                Arguments.of("required", "", true, PgOperation.ADD_COLUMN_DOMAIN_CHECK),
                Arguments.of("plain", "", false, PgOperation.ADD_COLUMN),
                Arguments.of("plain", " DEFAULT 3", false, PgOperation.ADD_COLUMN_CONSTANT_DEFAULT));
    }

    @ParameterizedTest(name = "{0}{1}")
    @MethodSource("columns")
    void addingAColumnOfAConstrainedDomainRewritesTheTable(String domain, String columnDefault, boolean rewrites,
                                                          PgOperation planned) throws SQLException {
        String table = "t_" + domain + (columnDefault.isEmpty() ? "" : "_default");
        LocalPostgres.exec(DB, "CREATE TABLE " + table + " (id int); INSERT INTO " + table
                + " SELECT g FROM generate_series(1, 1000) g");
        Schema before = PostgresCatalogReader.read(LocalPostgres.url(DB), null);
        long fileBefore = relfilenode(table);
        LocalPostgres.exec(DB, "ALTER TABLE " + table + " ADD COLUMN c public." + domain + columnDefault);
        assertEquals(rewrites, relfilenode(table) != fileBefore, "rewrite by " + domain + columnDefault);

        Schema after = PostgresCatalogReader.read(LocalPostgres.url(DB), null);
        List<Change> changes = SchemaDiff.diff(before, after);
        assertEquals(List.of("column.added"), changes.stream().map(Change::kind).toList());
        assertEquals(planned, new PgImpacts(before, after, null).steps(changes.get(0)).get(0).operation());
        assertEquals(rewrites, PgRules.forOperation(planned, 15).orElseThrow().rewritesTable());
    }

    private static long relfilenode(String table) throws SQLException {
        try (Connection c = LocalPostgres.connect(DB); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT relfilenode FROM pg_class WHERE oid = '" + table + "'::regclass")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
