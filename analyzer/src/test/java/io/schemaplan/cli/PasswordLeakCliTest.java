package io.schemaplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.testing.Cli;
import io.schemaplan.testing.LocalPostgres;
import io.schemaplan.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 2: a password with a raw '@' appears in no output of any command, neither on success (the local
 * PostgreSQL trusts root and ignores the password) nor on the error paths (a closed port, an unknown host,
 * MariaDB refusing the password, a malformed URL, a command line picocli rejects).
 */
class PasswordLeakCliTest {
    private static final String PASSWORD = "S3cr3t-P@ss!";
    private static final String DB = "sp_inputs_leak";
    private static final String URL = "postgresql://root:" + PASSWORD + "@127.0.0.1:5432/" + DB;
    private static final String SHOWN = "postgresql://root@127.0.0.1:5432/" + DB;
    private static final String POLICY = Samples.root().resolve("ci/dify-policy.yaml").toString();

    @TempDir
    static Path dir;

    @BeforeAll
    static void database() {
        LocalPostgres.freshDatabase(DB);
        LocalPostgres.exec(DB, "CREATE TABLE public.runs (id bigint PRIMARY KEY, total_tokens integer NOT NULL DEFAULT 0);"
                + " CREATE INDEX runs_tokens_idx ON public.runs (total_tokens);"
                // An (empty) alembic_version makes dify doctor write its whole report, not "not a Dify database".
                + " CREATE TABLE public.alembic_version (version_num varchar(32) NOT NULL)");
    }

    @AfterAll
    static void drop() {
        LocalPostgres.exec("postgres", "DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
    }

    @Test
    void noCommandShowsThePasswordWhenTheServerAcceptsIt() throws IOException {
        Path dump = dir.resolve("to.sql");
        Cli.Result snapshot = checked(0, "snapshot", URL);
        assertTrue(snapshot.out().contains("\"source\" : \"" + SHOWN + "\""), snapshot.out());
        Files.writeString(dir.resolve("from.json"), snapshot.out());
        Files.writeString(dump, Files.readString(Samples.postgres("1.12.1")));

        Cli.Result text = checked(0, "plan", URL, URL, "--stats", URL, "--color", "never");
        assertTrue(text.out().contains(SHOWN), text.out());
        checked(0, "plan", URL, "--to", URL, "-f", "json");
        checked(0, "plan", URL, URL, "-f", "markdown");
        checked(0, "plan", URL, URL, "-f", "html", "-o", dir.resolve("plan.html").toString());
        checked(0, "diff", URL, URL, "--color", "never");
        checked(0, "diff", URL, dir.resolve("from.json").toString(), "-f", "json");
        checked(0, "stats", URL);
        checked(0, "gate", URL, URL, "--policy", POLICY, "--github", "--color", "never",
                "--junit", dir.resolve("gate.xml").toString(), "--sarif", dir.resolve("gate.sarif").toString(),
                "--summary", dir.resolve("summary.md").toString());
        checked(1, "dify", "doctor", URL);
        checked(1, "dify", "doctor", URL, "-f", "json");
        checked(0, "portability", URL);
        for (String written : List.of("plan.html", "gate.xml", "gate.sarif", "summary.md")) {
            assertNoPassword(written, Files.readString(dir.resolve(written)));
        }
        assertTrue(Files.readString(dir.resolve("summary.md")).contains(SHOWN));
    }

    @Test
    void noErrorShowsThePassword() {
        String closedPort = "postgresql://root:" + PASSWORD + "@127.0.0.1:1/" + DB;
        String unknownHost = "postgresql://root:" + PASSWORD + "@no-such-host.invalid:5432/" + DB;
        String mariadb = "mysql://root:" + PASSWORD + "@127.0.0.1:3306/mysql";
        String jdbc = "jdbc:mariadb://127.0.0.1:3306/mysql?user=root&Password=" + PASSWORD;
        List<String[]> runs = new ArrayList<>();
        for (String url : List.of(closedPort, unknownHost, mariadb, jdbc)) {
            runs.add(new String[] {"snapshot", url});
            runs.add(new String[] {"stats", url});
            runs.add(new String[] {"plan", url, URL, "-f", "json"});
            runs.add(new String[] {"diff", URL, url, "-f", "json"});
            runs.add(new String[] {"gate", URL, url, "--policy", POLICY});
            runs.add(new String[] {"dify", "doctor", url});
        }
        runs.add(new String[] {"snapshot", "postgresql://root:" + PASSWORD + "@127.0.0.1:x/" + DB}); // a bad port
        runs.add(new String[] {"snapshot", "postgresql://root:12/" + PASSWORD + "@127.0.0.1/" + DB}); // a raw '/'
        runs.add(new String[] {"snapshot", "postgresq://root:" + PASSWORD + "@127.0.0.1/" + DB}); // a mistyped scheme
        runs.add(new String[] {"stats", "postgresq://root:" + PASSWORD + "@127.0.0.1/" + DB});
        runs.add(new String[] {"diff", URL, URL, URL}); // picocli: an unmatched argument
        runs.add(new String[] {"plan", URL, URL, "--stats=" + closedPort, "--bogus"});
        for (String[] args : runs) {
            Cli.Result r = Cli.run(args);
            String what = String.join(" ", args).replace(PASSWORD, "<password>");
            assertEquals(2, r.exitCode(), what + ": " + r.err());
            assertEquals(1, r.errLines().stream().filter(l -> l.startsWith("schemaplan: ")).count(), what + ": " + r.err());
            assertNoPassword(what, r.out() + r.err());
        }
        String refused = Cli.run("snapshot", mariadb).err();
        assertTrue(refused.startsWith("schemaplan: mysql://root@127.0.0.1:3306/mysql: "), refused);
        assertEquals("schemaplan: postgresql://root@127.0.0.1:1/" + DB + ": cannot connect to 127.0.0.1:1 (connection"
                + " refused: is the server running and accepting TCP connections there?)", Cli.run("snapshot", closedPort)
                .err().strip());
    }

    private static Cli.Result checked(int exitCode, String... args) {
        Cli.Result r = Cli.run(args);
        String what = String.join(" ", args).replace(PASSWORD, "<password>");
        assertEquals(exitCode, r.exitCode(), what + ": " + r.err());
        assertNoPassword(what, r.out());
        assertNoPassword(what + " (stderr)", r.err());
        return r;
    }

    /** Neither the password nor any piece of it of 3 characters or more. */
    private static void assertNoPassword(String what, String output) {
        List<String> pieces = Stream.iterate(0, i -> i + 1).limit(PASSWORD.length() - 2)
                .flatMap(from -> Stream.iterate(from + 3, to -> to + 1).limit(PASSWORD.length() - from - 2)
                        .map(to -> PASSWORD.substring(from, to))).toList();
        for (String piece : pieces) {
            assertFalse(output.contains(piece), what + " shows '" + piece + "' of the password: " + output);
        }
    }
}
