package io.schemaplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.schemaplan.report.DiffJsonRenderer;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.LocalPostgres;
import io.schemaplan.testing.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: output, formats, exit codes, and one-line errors. */
class CliTest {
    static final String V0142 = Samples.postgres("0.14.2").toString();
    static final String V0153 = Samples.postgres("0.15.3").toString();

    @TempDir
    Path tmp;

    @Test
    void diffPrintsTheChangesGroupedByTableWithoutColoursWhenNotOnATerminal() {
        Cli.Result r = Cli.run("diff", V0142, V0153);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("+ table public.child_chunks ("), r.out());
        assertTrue(r.out().contains("  public.workflow_runs\n    ~ column total_tokens: integer -> bigint\n"), r.out());
        assertTrue(r.out().contains("3 changes in 3 tables"), r.out());
        assertFalse(r.out().contains("\033["), "no ANSI colours in a pipe");
        assertEquals("", r.err());
    }

    @Test
    void colorsCanBeForced() {
        assertTrue(Cli.run("diff", "--color=always", V0142, V0153).out().contains("\033[33m"));
    }

    @Test
    void jsonIsStableAndCarriesBothSides() throws IOException {
        Cli.Result r = Cli.run("diff", "--format", "json", V0142, V0153);
        assertEquals(0, r.exitCode(), r.err());
        JsonNode root = DiffJsonRenderer.parse(r.out());
        assertEquals("schemaplan-diff/1", root.get("format").asText());
        assertEquals(3, root.get("summary").get("changes").asInt());
        JsonNode tokens = root.get("changes").get(2);
        assertEquals("column.type_changed", tokens.get("kind").asText());
        assertEquals("public.workflow_runs", tokens.get("table").asText());
        assertEquals("integer", tokens.get("from").asText());
        assertEquals("bigint", tokens.get("to").asText());
        assertEquals(r.out(), Cli.run("diff", "--format", "json", V0142, V0153).out(), "same input, same bytes");
    }

    @Test
    void exitCodeOneOnDifferencesOnlyWhenAsked() {
        assertEquals(1, Cli.run("diff", "--exit-code", V0142, V0153).exitCode());
        assertEquals(0, Cli.run("diff", "--exit-code", V0153, V0153).exitCode());
        assertTrue(Cli.run("diff", V0153, V0153).out().contains("no differences"));
    }

    @Test
    void aSnapshotIsAcceptedWhereverASourceIsAndDiffsToNothingAgainstItsSource() throws IOException {
        Path snap = tmp.resolve("0.15.3.json");
        assertEquals(0, Cli.run("snapshot", V0153, "-o", snap.toString()).exitCode());
        assertTrue(Files.readString(snap).contains("\"format\" : \"schemaplan-snapshot/1\""));
        assertEquals(0, Cli.run("diff", "--exit-code", V0153, snap.toString()).exitCode());
        Cli.Result r = Cli.run("diff", V0142, snap.toString());
        assertTrue(r.out().contains("~ column total_tokens: integer -> bigint"), r.out());
        // A snapshot of a snapshot is the same bytes (it keeps naming the original source).
        Path again = tmp.resolve("again.json");
        Cli.run("snapshot", snap.toString(), "-o", again.toString());
        assertEquals(Files.readString(snap), Files.readString(again));
    }

    @Test
    void aLiveDatabaseAndItsDumpDiffToNothing() {
        String db = LocalPostgres.restoredDump(Samples.postgres("0.15.3"));
        Cli.Result r = Cli.run("diff", "--exit-code", V0153, LocalPostgres.url(db));
        assertEquals(0, r.exitCode(), r.out() + r.err());
    }

    @Test
    void theSchemaFilterKeepsOnlyTheNamedSchemas() {
        Cli.Result r = Cli.run("diff", "--schema", "public", V0142, V0153);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("~ column total_tokens: integer -> bigint"), r.out());
    }

    /** A typo in --schema must not read as "no differences": that is a silent all-clear in CI. */
    @Test
    void aSchemaThatExistsNowhereIsAnErrorNamingTheSchemas() {
        for (String[] args : new String[][] {
                {"diff", "--schema", "pubilc", V0142, V0153},
                {"plan", "--schema", "pubilc", V0142, V0153},
                {"snapshot", "--schema", "nosuch", V0153}}) {
            Cli.Result r = Cli.run(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.out() + r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().contains("no such schema") && r.err().contains("the schemas there: public"), r.err());
            assertFalse(r.out().contains("no differences"), r.out());
        }
    }

    @Test
    void helpAndVersionWork() {
        Cli.Result r = Cli.run("diff", "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("--format"), r.out());
        assertTrue(Cli.run("--help").out().contains("Exit codes"));
        assertTrue(Cli.run("--version").out().startsWith("schemaplan "));
    }

    @Test
    void usageMistakesAreToldWhatWasMeant() {
        Cli.Result typo = Cli.run("diff", "--foramt", "json", V0142, V0153);
        assertEquals(2, typo.exitCode());
        assertTrue(typo.err().contains("Did you mean: --format?"), typo.err());
        Cli.Result nested = Cli.run("help", "dify", "doctor");
        assertEquals(0, nested.exitCode(), nested.err());
        assertTrue(nested.out().startsWith("Usage: schemaplan dify doctor"), nested.out());
        Cli.Result noDir = Cli.run("diff", V0142, V0153, "-o", "/no/such/dir/x.txt");
        assertEquals(2, noDir.exitCode());
        assertEquals("schemaplan: cannot write /no/such/dir/x.txt: the directory /no/such/dir does not exist",
                noDir.err().strip());
    }

    /** The version is the pom's (read here from the root pom, as a user would read it), never "dev". */
    @Test
    void versionIsThePomVersion() throws IOException {
        String pom = Files.readString(Samples.root().getParent().resolve("pom.xml"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<artifactId>schemaplan-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(m.find(), "the parent pom names its version");
        assertEquals("schemaplan " + m.group(1), Cli.run("--version").out().strip());
        assertEquals("schemaplan " + m.group(1), Cli.run("-V").out().strip());
    }

    // ---- bad input: exit code 2 and one line naming the file and line, or the URL without password ----

    private Cli.Result badInput(String... args) {
        Cli.Result r = Cli.badInput(args);
        return r;
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(tmp.resolve(name), content);
    }

    @Test
    void anEmptyFile() throws IOException {
        Path f = file("empty.sql", new byte[0]);
        assertTrue(badInput("diff", f.toString(), V0153).err().contains(f + ":"));
    }

    @Test
    void aBinaryFile() throws IOException {
        Path f = file("blob.sql", new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2});
        assertTrue(badInput("diff", V0142, f.toString()).err().contains(f + ":1:"));
    }

    @Test
    void aTruncatedDump() throws IOException {
        String text = Files.readString(Path.of(V0153));
        Path f = file("truncated.sql", text.substring(0, text.indexOf("CREATE TABLE public.workflow_runs") + 60).getBytes(StandardCharsets.UTF_8));
        String err = badInput("diff", f.toString(), V0153).err();
        assertTrue(err.matches("(?s)schemaplan: " + java.util.regex.Pattern.quote(f.toString()) + ":\\d+: .*\n"), err);
    }

    @Test
    void aCustomFormatDump() throws IOException {
        Path f = file("custom.dump", "PGDMP\u0001\u000e\u0000\u0004\u0008\u0001\u0001".getBytes(StandardCharsets.ISO_8859_1));
        String err = badInput("snapshot", f.toString()).err();
        assertTrue(err.contains("pg_restore"), err);
    }

    @Test
    void aMissingFileAndADirectory() {
        assertTrue(badInput("diff", "no/such.sql", V0153).err().contains("no/such.sql"));
        assertTrue(badInput("diff", tmp.toString(), V0153).err().contains("directory"));
    }

    @Test
    void anUnreachableDatabase() {
        String err = badInput("diff", "postgresql://root:s3cret@127.0.0.1:1/dify", V0153).err();
        assertTrue(err.contains("postgresql://root@127.0.0.1:1/dify"), err);
        assertFalse(err.contains("s3cret"), err);
    }

    @Test
    void anUnknownDatabase() {
        String err = badInput("snapshot", "postgresql://root:pw@127.0.0.1:5432/sp_no_such_db").err();
        assertTrue(err.contains("sp_no_such_db"), err);
        assertFalse(err.contains(":pw@"), err);
    }

    @Test
    void aBrokenSnapshot() throws IOException {
        Path f = file("broken.json", "{\"format\":\"schemaplan-snapshot/1\",\"schema\":{\"engine\":\"POSTGRES\",\"tables\":[{\"nme\":1}]}}".getBytes(StandardCharsets.UTF_8));
        String err = badInput("diff", f.toString(), V0153).err();
        assertTrue(err.contains(f.toString()) && err.contains("nme"), err);
    }

    @Test
    void aBadOption() {
        Cli.Result r = Cli.run("diff", "--format", "yaml", V0142, V0153);
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--format"), r.err());
    }

    @Test
    void anUnwritableOutputFile() {
        badInput("diff", V0142, V0153, "-o", tmp.resolve("no/such/dir/out.txt").toString());
    }
}
