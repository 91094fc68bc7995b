package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Recipes for tables and columns whose names are hostile or merely unusual, run with psql on a database
 * at FROM ({@link PgRecipesServerTest#runToTarget}): each must end in TO's schema, so a name that breaks
 * out of its identifier (dropping the victim table, or leaving the index unbuilt) fails the test.
 */
class PgRecipesHostileNamesTest {
    /** The column of issue 12: printed bare, it closed the key list and dropped a table. */
    static final String INJECTION = "x); DROP TABLE public.victim; CREATE INDEX z ON public.t (id";
    /** 31 Cyrillic letters and an x: 63 bytes, the most PostgreSQL keeps. */
    static final String LONG_TABLE = "т".repeat(31) + "x";
    /** An x, 15 emoji and ab: 63 bytes; cut at a byte count, not a character count, it would split an emoji. */
    static final String LONG_COLUMN = "x" + "\uD83D\uDE00".repeat(15) + "ab";
    static final String LONG_INDEX = "и".repeat(31) + "x";
    static final String NEWLINE = "c\n::error title=X::y";

    @TempDir
    Path tmp;

    static String q(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static Stream<Arguments> cases() {
        String victim = "CREATE TABLE public.victim (id int); INSERT INTO public.victim VALUES (1);";
        String injected = victim + " CREATE TABLE public.t (id int PRIMARY KEY, " + q(INJECTION) + " int);";
        String injectedRows = "INSERT INTO t SELECT g, g FROM generate_series(1, 2000) g";

        String mixed = "CREATE TABLE \"Parent\" (\"Id\" int PRIMARY KEY);"
                + " CREATE TABLE t (id int PRIMARY KEY, \"userId\" int, \"Name\" text);";
        String mixedRows = "INSERT INTO \"Parent\" SELECT g FROM generate_series(1, 10) g;"
                + " INSERT INTO t SELECT g, g % 10 + 1, 'n' || g FROM generate_series(1, 12000) g";
        String mixedRewrite = mixed.replace("\"userId\" int", "\"userId\" int DEFAULT 1 NOT NULL")
                + " CREATE INDEX \"t_userId_idx\" ON t (\"userId\" DESC NULLS LAST) INCLUDE (\"Name\");";

        String longFrom = "CREATE TABLE " + q(LONG_TABLE) + " (id int PRIMARY KEY, " + q(LONG_COLUMN) + " int DEFAULT 1 NOT NULL);"
                + " CREATE INDEX " + q(LONG_INDEX) + " ON " + q(LONG_TABLE) + " (" + q(LONG_COLUMN) + ");";
        String longRows = "INSERT INTO " + q(LONG_TABLE) + " SELECT g, g FROM generate_series(1, 12000) g";
        String longNullable = longFrom.replace(" DEFAULT 1 NOT NULL", "");

        String dollars = "CREATE TABLE t (id int PRIMARY KEY, \"a$$b\" int, \"a$sp$b\" int);";
        String dollarRows = "INSERT INTO t SELECT g, g, g FROM generate_series(1, 12000) g";

        String control = "CREATE TABLE " + q("t\n::error title=X::y") + " (id int PRIMARY KEY, " + q(NEWLINE) + " int);";
        String controlRows = "INSERT INTO " + q("t\n::error title=X::y") + " SELECT g, g FROM generate_series(1, 2000) g";
        return Stream.of(
                Arguments.of("injected_key", "CREATE_INDEX", injected, injectedRows,
                        injected + " CREATE INDEX t_x_idx ON public.t (" + q(INJECTION) + ");"),
                Arguments.of("injected_include", "CREATE_INDEX", injected, injectedRows,
                        injected + " CREATE INDEX t_id_idx ON public.t (id) INCLUDE (" + q(INJECTION) + ");"),
                Arguments.of("mixed_index", "CREATE_INDEX", mixed, mixedRows,
                        mixed + " CREATE INDEX \"t_userId_idx\" ON t (\"userId\" DESC NULLS LAST) INCLUDE (\"Name\");"),
                Arguments.of("mixed_collate", "CREATE_INDEX", mixed, mixedRows,
                        mixed + " CREATE INDEX t_name_idx ON t (\"Name\" COLLATE \"C\" text_pattern_ops, lower(\"Name\"));"),
                Arguments.of("mixed_fkey", "ADD_FOREIGN_KEY", mixed, mixedRows,
                        mixed + " ALTER TABLE t ADD CONSTRAINT \"t_userId_fkey\" FOREIGN KEY (\"userId\") REFERENCES \"Parent\" (\"Id\");"),
                Arguments.of("mixed_not_null", "SET_NOT_NULL", mixed, mixedRows,
                        mixed.replace("\"userId\" int", "\"userId\" int NOT NULL")),
                Arguments.of("mixed_rewrite", "ALTER_TYPE_REWRITE", mixedRewrite, mixedRows,
                        mixedRewrite.replace("\"userId\" int", "\"userId\" bigint")),
                Arguments.of("long_rewrite", "ALTER_TYPE_REWRITE", longFrom, longRows,
                        longFrom.replace(" int DEFAULT", " bigint DEFAULT")),
                Arguments.of("long_not_null", "SET_NOT_NULL", longNullable, longRows,
                        longNullable.replace(q(LONG_COLUMN) + " int", q(LONG_COLUMN) + " int NOT NULL")),
                Arguments.of("dollar_rewrite", "ALTER_TYPE_REWRITE", dollars, dollarRows,
                        dollars.replace("\"a$$b\" int", "\"a$$b\" bigint")),
                Arguments.of("dollar_tag_rewrite", "ALTER_TYPE_REWRITE", dollars, dollarRows,
                        dollars.replace("\"a$sp$b\" int", "\"a$sp$b\" bigint")),
                Arguments.of("control_index", "CREATE_INDEX", control, controlRows,
                        control + " CREATE INDEX " + q("i\u001b[2J\u202E") + " ON " + q("t\n::error title=X::y")
                                + " (" + q(NEWLINE) + ");"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theRecipeRunsAndEndsInTheTargetSchema(String name, String operation, String from, String rows, String to)
            throws Exception {
        String sql = PgRecipesServerTest.runToTarget("sp_quote_" + name, operation, from, rows, to, tmp);
        if (name.startsWith("injected")) assertTrue(sql.contains(q(INJECTION)), "the column stays one identifier:\n" + sql);
        assertTrue(sql.lines().noneMatch(l -> l.strip().startsWith("::")), "a name starts no line:\n" + sql);
        assertTrue(sql.codePoints().noneMatch(c -> c == 0x1b || c == 0x202e), "no raw ESC or U+202E:\n" + sql);
        if (name.startsWith("long")) {
            for (String helper : new String[] {"_new", "_sync", "_not_null"}) {
                if (name.equals("long_not_null") && !helper.equals("_not_null")) continue;
                assertTrue(sql.contains(helper), helper + " in\n" + sql);
            }
            sql.lines().flatMap(l -> java.util.regex.Pattern.compile("\"([^\"]*)\"").matcher(l).results())
                    .map(m -> m.group(1)).forEach(n -> assertTrue(n.getBytes(StandardCharsets.UTF_8).length <= 63, n));
        }
        if (name.startsWith("mixed")) assertTrue(sql.contains("\"userId\"") || sql.contains("\"Name\""), sql);
        if (name.equals("dollar_tag_rewrite")) assertTrue(sql.contains("$sp1$"), sql);
        if (name.startsWith("control")) assertEquals(1, sql.lines().filter(l -> l.startsWith("CREATE INDEX")).count(), sql);
    }
}
