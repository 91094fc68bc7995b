package io.schemaplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schemaplan dify migrations --sql FILE}: what a user's {@code flask db upgrade --sql} output holds. */
class DifyMigrationsSqlTest {

    private static String script(String engine, String pair) {
        return Samples.root().resolve("dify-migrations/" + engine + "/dify-" + pair + ".sql").toString();
    }

    @Test
    void namesTheRevisionsTheReleasesAndTheOfflineNotes() {
        Cli.Result r = Cli.run("dify", "migrations", "--sql", script("postgres", "1.7.2-to-1.8.1"));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Dify migration script for postgres, 5 revisions, 1.7.2 -> 1.8.1\n"), r.out());
        assertTrue(r.out().contains("  e8446f481c1e   1.8.1        5     0      0  1 offline note\n"), r.out());
        assertTrue(r.out().contains("migrate_existing_providers_data"), r.out());
        assertTrue(r.out().contains("transaction: every revision in one BEGIN … COMMIT"), r.out());
    }

    @Test
    void jsonCountsStatementsPerRevisionAndFlagsTheAutocommitBlock() throws Exception {
        Cli.Result r = Cli.run("dify", "migrations", "--sql", script("postgres", "0.8.3-to-0.9.2"), "-f", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("schemaplan-dify-migration-sql/1", j.path("format").asText());
        assertEquals("0.8.3", j.path("from").asText());
        assertEquals("0.9.2", j.path("to").asText());
        assertTrue(j.path("toComplete").asBoolean());
        // d57ba9ebb251 backfills messages.parent_message_id: one data statement besides alembic_version's
        JsonNode first = j.path("revisions").get(0);
        assertEquals("d57ba9ebb251", first.path("revision").asText());
        assertEquals(1, first.path("data").asInt());
        JsonNode base = new ObjectMapper().readTree(Cli.run("dify", "migrations", "--sql", script("postgres", "base-to-1.12.1"),
                "-f", "json").out());
        assertEquals("base", base.path("from").asText());
        long autocommit = 0;
        for (JsonNode rev : base.path("revisions")) if (rev.path("autocommit").asBoolean()) autocommit++;
        assertEquals(1, autocommit);
    }

    @Test
    void aPartialRangeAndAMysqlScriptAreSaidSo(@TempDir Path dir) throws Exception {
        // the first two revisions of 1.10.1→1.11.4 only: the install stops before 1.11.4's head
        String full = Files.readString(Path.of(script("mysql", "1.10.1-to-1.11.4")));
        Path part = dir.resolve("part.sql");
        Files.writeString(part, full.substring(0, full.indexOf("-- Running upgrade d57accd375ae")));
        Cli.Result r = Cli.run("dify", "migrations", "--sql", part.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("for mysql, 2 revisions, 1.10.1 -> 1.11.4 (partway: the last revision is not 1.11.4's head)"), r.out());
        assertTrue(r.out().contains("transaction: none"), r.out());
    }

    @Test
    void whatIsNotADifyScriptIsOneLineAndExit2(@TempDir Path dir) throws Exception {
        Cli.Result forms = Cli.run("dify", "migrations", "--sql", "src/test/resources/scripts/forms/postgres.sql");
        assertEquals(2, forms.exitCode());
        assertEquals(1, forms.err().strip().lines().count(), forms.err());
        assertTrue(forms.err().contains("not a Dify migration script: no '-- Running upgrade X -> Y' line"), forms.err());
        Path other = dir.resolve("other.sql");
        Files.writeString(other, "BEGIN;\n-- Running upgrade  -> abc123\nCREATE TABLE t (a int);\nCOMMIT;\n");
        Cli.Result foreign = Cli.run("dify", "migrations", "--sql", other.toString());
        assertEquals(2, foreign.exitCode());
        assertTrue(foreign.err().contains("none of its 1 revision (abc123) is a Dify revision"), foreign.err());
        Path binary = dir.resolve("bin.sql");
        Files.write(binary, new byte[] {'B', 'E', 0, 1});
        Cli.Result bin = Cli.run("dify", "migrations", "--sql", binary.toString());
        assertEquals(2, bin.exitCode());
        assertFalse(bin.err().contains("Exception"), bin.err());
        Cli.Result both = Cli.run("dify", "migrations", "somedir", "--sql", other.toString());
        assertEquals(2, both.exitCode());
    }
}
