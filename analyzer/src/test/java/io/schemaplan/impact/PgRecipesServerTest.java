package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.diff.Change;
import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.model.Schema;
import io.schemaplan.read.PostgresCatalogReader;
import io.schemaplan.testing.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each safer recipe, run with psql on a database at FROM that holds rows, must end in the schema TO:
 * the recipe replaces the migration's statement, so it has to produce the same result.
 */
class PgRecipesServerTest {
    static final String BASE = "CREATE TABLE p (id int PRIMARY KEY);"
            + " CREATE TABLE t (id int PRIMARY KEY, a int, b text);";
    static final String ROWS = "INSERT INTO p SELECT g FROM generate_series(1, 10) g;"
            + " INSERT INTO t SELECT g, g % 10 + 1, 'b' || g FROM generate_series(1, 12000) g;";

    @TempDir
    Path tmp;

    static Stream<Arguments> recipes() {
        return Stream.of(
                Arguments.of("SET_NOT_NULL", BASE, BASE.replace("a int,", "a int NOT NULL,")),
                Arguments.of("CREATE_INDEX", BASE, BASE + " CREATE INDEX t_a_idx ON t (a);"),
                Arguments.of("CREATE_UNIQUE_INDEX", BASE, BASE + " CREATE UNIQUE INDEX t_b_key ON t (b);"),
                Arguments.of("ADD_CHECK", BASE, BASE + " ALTER TABLE t ADD CONSTRAINT t_a_check CHECK (a > 0);"),
                Arguments.of("ADD_FOREIGN_KEY", BASE, BASE + " ALTER TABLE t ADD CONSTRAINT t_a_fkey FOREIGN KEY (a) REFERENCES p (id);"),
                Arguments.of("ADD_UNIQUE", BASE, BASE + " ALTER TABLE t ADD CONSTRAINT t_b_key UNIQUE (b);"),
                Arguments.of("ADD_PRIMARY_KEY", "CREATE TABLE t (id int, a int);", "CREATE TABLE t (id int PRIMARY KEY, a int);"),
                Arguments.of("ALTER_TYPE_REWRITE", BASE + " ALTER TABLE t ALTER a SET DEFAULT 1, ALTER a SET NOT NULL;"
                        + " CREATE INDEX t_a_idx ON t (a);",
                        BASE.replace("a int,", "a bigint DEFAULT 1 NOT NULL,") + " CREATE INDEX t_a_idx ON t (a);"),
                Arguments.of("ADD_COLUMN_VOLATILE_DEFAULT", BASE, BASE.replace("b text", "b text, u uuid DEFAULT gen_random_uuid() NOT NULL")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recipes")
    void theRecipeReachesTheTargetSchema(String operation, String fromDdl, String toDdl) throws Exception {
        String rows = fromDdl.startsWith(BASE) ? ROWS : "INSERT INTO t SELECT g, g FROM generate_series(1, 12000) g";
        runToTarget("sp_recipe_" + operation.toLowerCase(), operation, fromDdl, rows, toDdl, tmp);
    }

    /** DROP INDEX CONCURRENTLY, the safer way of a dropped index, ends where the plain DROP INDEX does. */
    @org.junit.jupiter.api.Test
    void droppingAnIndexConcurrentlyReachesTheTargetSchema() throws Exception {
        String sql = runToTarget("sp_pgimpact_drop_index", "DROP_INDEX", BASE + " CREATE INDEX t_a_idx ON t (a);",
                ROWS, BASE, tmp);
        assertTrue(sql.contains("DROP INDEX CONCURRENTLY public.t_a_idx;"), sql);
    }

    /**
     * Makes the databases {@code name} at FROM (holding {@code rows}) and {@code name_to} at TO, runs the
     * recipe of {@code operation} on the first with psql, asserts that it ends at TO with no helper left,
     * and drops both. Returns the recipe.
     */
    static String runToTarget(String name, String operation, String fromDdl, String rows, String toDdl, Path tmp)
            throws Exception {
        String db = LocalPostgres.freshDatabase(name);
        String target = LocalPostgres.freshDatabase(name + "_to");
        try {
            LocalPostgres.exec(db, fromDdl);
            LocalPostgres.exec(db, rows);
            LocalPostgres.exec(target, toDdl);
            Schema from = PostgresCatalogReader.read(LocalPostgres.url(db), null);
            Schema to = PostgresCatalogReader.read(LocalPostgres.url(target), null);

            List<Change> changes = SchemaDiff.diff(from, to);
            PgRecipes recipes = new PgRecipes(from, to);
            PgImpacts impacts = new PgImpacts(from, to, null);
            String sql = changes.stream().flatMap(c -> impacts.steps(c).stream()
                            .filter(s -> s.operation().name().equals(operation))
                            .map(s -> recipes.sql(c, operation)))
                    .filter(java.util.Optional::isPresent).map(java.util.Optional::get).findFirst()
                    .orElseThrow(() -> new AssertionError("no recipe for " + operation + " in " + changes));
            assertFalse(java.util.regex.Pattern.compile("\\bnull\\b").matcher(sql).find(), sql);
            Path script = tmp.resolve(name + ".sql");
            Files.writeString(script, sql + "\n");
            LocalPostgres.psqlFile(db, script);

            Schema after = PostgresCatalogReader.read(LocalPostgres.url(db), null);
            List<Change> left = SchemaDiff.diff(after, to);
            assertEquals(List.of(), left, "after the recipe:\n" + sql);
            assertTrue(after.routines().isEmpty(), "no helper left behind");
            return sql;
        } finally {
            LocalPostgres.dropDatabase(db);
            LocalPostgres.dropDatabase(target);
        }
    }
}
