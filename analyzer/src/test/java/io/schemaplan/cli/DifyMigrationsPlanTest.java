package io.schemaplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.Samples;
import org.junit.jupiter.api.Test;

/** dify migrations --sql FILE --from SOURCE: the user's script planned on SOURCE and compared with its release. */
class DifyMigrationsPlanTest {
    static final String PAIR = Samples.root().resolve("dify-migrations/postgres/dify-0.8.3-to-0.9.2.sql").toString();

    @Test
    void withFromTheScriptIsPlannedAndComparedWithTheReleaseItEndsAt() throws Exception {
        Cli.Result r = Cli.run("dify", "migrations", "--sql", PAIR, "--from", "dify:0.8.3", "--stats",
                Samples.root().resolve("stats/dify-large-install.json").toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("schemaplan-script-plan/1", doc.get("format").asText());
        assertEquals("dify:0.9.2", doc.get("to").asText());
        assertEquals(0, doc.get("replayFindings").size(), doc.get("replayFindings").toString());
        boolean backfill = false;
        for (JsonNode s : doc.get("statements")) {
            backfill |= s.has("data") && s.get("data").get("table").asText().equals("public.messages");
        }
        assertTrue(backfill, "the messages backfill is planned");
    }

    @Test
    void withoutFromItIsTheSummaryAndAWrongDialectIsOneLine() {
        Cli.Result summary = Cli.run("dify", "migrations", "--sql", PAIR);
        assertEquals(0, summary.exitCode(), summary.err());
        assertTrue(summary.out().contains("0.9.2"), summary.out());
        assertTrue(!summary.out().contains("Statement view"), summary.out());
        Cli.Result wrong = Cli.run("dify", "migrations", "--sql", PAIR, "--from", "dify:1.12.1/mysql");
        assertEquals(2, wrong.exitCode(), wrong.err());
        assertEquals(1, wrong.err().strip().lines().count(), wrong.err());
    }
}
