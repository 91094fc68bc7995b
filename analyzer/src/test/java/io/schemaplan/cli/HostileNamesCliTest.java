package io.schemaplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.testing.Cli;
import io.schemaplan.testing.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names that try to drive a terminal or a CI log, read from two real databases: a table whose name holds a
 * line feed and a GitHub workflow command, a column with ESC sequences (clear screen, window title) and a
 * bidi override, an index named with U+202E. Every text output must show them escaped: no line of output
 * may start with {@code ::} (GitHub runs such a line as a command, after leading blanks), and no raw ESC or
 * U+202E may reach the terminal.
 */
class HostileNamesCliTest {
    static final String FROM = "sp_quote_cli_from";
    static final String TO = "sp_quote_cli_to";
    static final String TABLE = "t\n::error title=X::y";
    static final String COLUMN = "c\u001b[2J\u001b]0;owned\u0007\u202Eexe.txt";
    static final String INDEX = "i\u202E\n::warning::z";

    @TempDir
    static Path tmp;

    static String q(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    @BeforeAll
    static void databases() {
        String base = "CREATE TABLE " + q(TABLE) + " (id int PRIMARY KEY, " + q(COLUMN) + " int);";
        LocalPostgres.exec(LocalPostgres.freshDatabase(FROM), base);
        LocalPostgres.exec(LocalPostgres.freshDatabase(TO), base.replace(q(COLUMN) + " int", q(COLUMN) + " bigint")
                + " CREATE INDEX " + q(INDEX) + " ON " + q(TABLE) + " (" + q(COLUMN) + ");"
                + " CREATE TABLE " + q("::error::added\u001b[31m") + " (id int);");
    }

    /** Statistics that make the table large, so that the plan shows its recipes. */
    static Path largeStats() throws Exception {
        return Files.writeString(tmp.resolve("stats.json"), """
                {"format": "schemaplan-stats/1", "serverVersion": "15.10", "maintenanceWorkMemBytes": 268435456,
                 "maxParallelMaintenanceWorkers": 2, "blockSize": 8192, "tables": [
                  {"table": "public.t\\n::error title=X::y", "rows": 50000000, "heapBytes": 50000000000,
                   "toastBytes": 0, "indexBytes": 1000000000, "indexes": {}}]}
                """);
    }

    @AfterAll
    static void drop() {
        LocalPostgres.dropDatabase(FROM);
        LocalPostgres.dropDatabase(TO);
    }

    static void assertHarmless(String out) {
        assertTrue(out.lines().noneMatch(l -> l.strip().startsWith("::")), "a line starts with '::':\n" + out);
        assertTrue(out.codePoints().noneMatch(c -> c == 0x1b || c == 0x07 || c == 0x202e), "raw ESC, BEL or U+202E:\n" + out);
        assertTrue(out.contains("t\\n::error title=X::y"), "the table name, escaped:\n" + out);
    }

    @Test
    void diffShowsTheNamesEscaped() {
        Cli.Result r = Cli.run("diff", LocalPostgres.url(FROM), LocalPostgres.url(TO), "--color", "never");
        assertEquals(0, r.exitCode(), r.err());
        assertHarmless(r.out());
        assertTrue(r.out().contains("c\\e[2J\\e]0;owned\\x07\\u202eexe.txt"), r.out());
        assertTrue(r.out().contains("::error::added\\e[31m"), r.out());
    }

    @Test
    void planShowsTheNamesEscapedAndItsRecipeKeepsThemOnOneLine() throws Exception {
        Cli.Result r = Cli.run("plan", LocalPostgres.url(FROM), LocalPostgres.url(TO), "--color", "never",
                "--stats", largeStats().toString(), "--recipes");
        assertEquals(0, r.exitCode(), r.err());
        assertHarmless(r.out());
        // The CREATE INDEX recipe (printed whole with --recipes) names the table as U&"t\000A::error…": runnable, and one line.
        assertTrue(r.out().contains("U&\"t\\000A::error title=X::y\""), r.out());
    }

    @Test
    void gateTextAnnotationsAndJunitShowTheNamesEscaped() throws Exception {
        Path policy = Files.writeString(tmp.resolve("policy.yaml"), """
                checks:
                  - name: no-rewrites
                    deny: [table-rewrite]
                  - name: index-builds
                    warn: [blocking-index-build]
                """);
        Path junit = tmp.resolve("junit.xml");
        Cli.Result text = Cli.run("gate", LocalPostgres.url(FROM), LocalPostgres.url(TO), "--policy", policy.toString(),
                "--color", "never", "--junit", junit.toString(), "--stats", largeStats().toString());
        assertEquals(1, text.exitCode(), text.out() + text.err());
        assertHarmless(text.out());
        assertTrue(text.out().contains("Violations"), text.out());
        String xml = Files.readString(junit);
        assertTrue(xml.codePoints().noneMatch(c -> c < 0x20 && c != '\n' || c == 0x202e), xml);
        assertTrue(xml.contains("t\\n::error title=X::y"), xml);

        Cli.Result github = Cli.run("gate", LocalPostgres.url(FROM), LocalPostgres.url(TO), "--policy", policy.toString(),
                "--color", "never", "--github", "--stats", largeStats().toString());
        assertEquals(1, github.exitCode(), github.err());
        List<String> commands = github.out().lines().filter(l -> l.strip().startsWith("::")).toList();
        assertTrue(commands.stream().allMatch(l -> l.startsWith("::error ") || l.startsWith("::warning ")), github.out());
        assertTrue(commands.stream().anyMatch(l -> l.startsWith("::error ") && l.contains("t\\n::error title=X::y")),
                github.out());
        assertHarmless(github.out().lines().filter(l -> !commands.contains(l)).reduce("", (a, b) -> a + b + "\n"));
        assertTrue(github.out().codePoints().noneMatch(c -> c == 0x1b || c == 0x202e), github.out());
    }

    @Test
    void anErrorNamingAnObjectStaysOneHarmlessLine() throws Exception {
        Path dump = Files.writeString(tmp.resolve("bad\u001b[2J\n::error::x.sql"), "CREATE TABLE t (id int;\n");
        Cli.Result r = Cli.badInput("diff", dump.toString(), dump.toString());
        assertTrue(r.err().codePoints().noneMatch(c -> c == 0x1b), r.err());
        assertTrue(r.err().lines().noneMatch(l -> l.strip().startsWith("::")), r.err());
    }
}
