package io.schemaplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan FROM --script FILE… TO: the script replayed on FROM, its end compared with TO. */
class ScriptCompareCliTest {
    static final String FROM = Samples.postgres("0.8.3").toString();
    static final Path PAIR = Samples.root().resolve("dify-migrations/postgres/dify-0.8.3-to-0.9.2.sql");

    @Test
    void theReleasePairScriptEndsAtTheNextRelease() throws Exception {
        Cli.Result r = Cli.run("plan", FROM, "--script", PAIR.toString(), "--to", Samples.postgres("0.9.2").toString(),
                "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("schemaplan-script-plan/1", doc.get("format").asText());
        assertEquals(Samples.postgres("0.9.2").toString(), doc.get("to").asText());
        assertEquals(0, doc.get("replayFindings").size(), doc.get("replayFindings").toString());
        Cli.Result text = Cli.run("plan", FROM, "--script", PAIR.toString(), "dify:0.9.2");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("The replayed script ends at dify:0.9.2: no differences."), text.out());
    }

    /** Without its ADD COLUMN the script misses what 0.9.2 has; with an extra one it makes what 0.9.2 lacks. */
    @Test
    void aMissingAndAnExtraStatementAreNamed(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(PAIR));
        int add = lines.indexOf("ALTER TABLE messages ADD COLUMN parent_message_id UUID;");
        assertTrue(add > 0, "the pair script adds messages.parent_message_id");
        lines.set(add, "ALTER TABLE apps ADD COLUMN extra_flag boolean;");
        Path script = dir.resolve("edited.sql");
        Files.write(script, lines);
        Cli.Result r = Cli.run("plan", FROM, "dify:0.9.2", "--script", script.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode findings = new ObjectMapper().readTree(r.out()).get("replayFindings");
        assertEquals(2, findings.size(), findings.toString());
        JsonNode missing = findings.get(0).get("kind").asText().equals("not_in_script") ? findings.get(0) : findings.get(1);
        JsonNode extra = missing == findings.get(0) ? findings.get(1) : findings.get(0);
        assertEquals("not_in_script", missing.get("kind").asText());
        assertEquals("public.messages", missing.get("table").asText());
        assertEquals("not_in_target", extra.get("kind").asText());
        assertEquals("public.apps", extra.get("table").asText());
        assertEquals(add + 1, extra.get("line").asInt(), "the statement that added it");
        Cli.Result md = Cli.run("plan", FROM, "--script", script.toString(), "--to", "dify:0.9.2", "--format", "markdown");
        assertTrue(md.out().contains("## Schema changes no statement makes (dify:0.9.2 has them)"), md.out());
        assertTrue(md.out().contains("## Statements whose effect dify:0.9.2 does not have"), md.out());
        Cli.Result html = Cli.run("plan", FROM, "--script", script.toString(), "--to", "dify:0.9.2", "--format", "html");
        assertTrue(html.out().contains("<h2>Statements whose effect dify:0.9.2 does not have</h2>"), html.out());
    }
}
