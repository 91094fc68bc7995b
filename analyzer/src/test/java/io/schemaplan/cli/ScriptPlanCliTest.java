package io.schemaplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.LocalPostgres;
import io.schemaplan.testing.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

/** plan --script, plan dify:A dify:B and plan URL --to dify:B: the statement view from the command line. */
class ScriptPlanCliTest {
    static final String LARGE = Samples.root().resolve("stats/dify-large-install.json").toString();

    @Test
    void twoDifyReleasesArePlannedStatementByStatementWithTheSchemaDiffBeside() {
        Cli.Result r = Cli.run("plan", "dify:0.8.3", "dify:0.9.2", "--stats", LARGE);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Statement view: Dify's migrations 0.8.3 → 0.9.2"), r.out());
        assertTrue(r.out().contains("CRITICAL PG-DATA-UPDATE UPDATE_ROWS: UPDATE of every row of public.messages"
                + " (21,000,000"), r.out());
        assertTrue(r.out().contains("blocks public.messages: ACCESS EXCLUSIVE"), r.out());
        assertTrue(r.out().contains("Schema-diff view (beside): dify:0.8.3 → dify:0.9.2"), r.out());
    }

    @Test
    void theJsonStatementViewIsVersionedAndNestsTheDiffView() throws Exception {
        Cli.Result r = Cli.run("plan", "dify:1.3.1", "dify:1.4.3", "--stats", LARGE, "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("schemaplan-script-plan/1", doc.get("format").asText());
        assertEquals(3, doc.get("transactions").size());
        JsonNode build = doc.get("transactions").get(1);
        assertEquals("autocommit", build.get("kind").asText());
        assertEquals("2adcbe1f5dfb", build.get("committedVersion").asText());
        JsonNode statement = doc.get("statements").get(build.get("first").asInt() - 1);
        assertEquals("SHARE UPDATE EXCLUSIVE", statement.get("lock").asText());
        assertEquals("CREATE_INDEX_CONCURRENTLY", statement.get("operations").get(0).get("operation").asText());
        assertEquals("schemaplan-plan/1", doc.get("diffView").get("format").asText());
    }

    /**
     * Across 14 release pairs Dify runs one joined script: one BEGIN … COMMIT interrupted only by 4474872b0ee6's
     * autocommit block, so every window ends at that block's COMMIT or at the one final COMMIT.
     */
    @Test
    void aRangeOfReleasesHoldsItsLocksUntilTheOneFinalCommit() throws Exception {
        Cli.Result r = Cli.run("plan", "dify:0.14.2", "dify:1.12.1", "--stats", LARGE, "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        JsonNode tx = doc.get("transactions");
        assertEquals(3, tx.size(), "BEGIN … autocommit block … COMMIT");
        assertEquals(List.of("explicit", "autocommit", "explicit"),
                List.of(tx.get(0).get("kind").asText(), tx.get(1).get("kind").asText(), tx.get(2).get("kind").asText()));
        int last = doc.get("statements").size();
        assertEquals(last, tx.get(2).get("last").asInt());
        boolean messages = false;
        for (JsonNode w : tx.get(2).get("windows")) {
            assertEquals(last, w.get("until").asInt(), w.toString());
            messages |= w.get("table").asText().equals("public.messages");
        }
        assertTrue(messages, "public.messages is locked until the final COMMIT");
        for (JsonNode w : tx.get(0).get("windows")) assertEquals(tx.get(0).get("last").asInt(), w.get("until").asInt());
        assertTrue(doc.get("script").asText().contains("14 release pairs"), doc.get("script").asText());
    }

    @Test
    void aFileThatIsNoSqlSaysSoInOneLine() {
        // README.md has backquotes, which a dialect sniff would take for MySQL.
        String readme = Samples.root().getParent().resolve("README.md").toString();
        Cli.Result r = Cli.run("plan", Samples.postgres("0.8.3").toString(), "--script", readme);
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.err().contains("README.md:1: not a migration script: this line is not SQL (# schemaplan)"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void aPostgresScriptOnAMysqlSchemaIsOneLineAndExitTwo() {
        String script = Samples.root().resolve("dify-migrations/postgres/dify-0.8.3-to-0.9.2.sql").toString();
        Cli.Result r = Cli.run("plan", "dify:1.10.1/mysql", "--script", script);
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.err().contains("dify-0.8.3-to-0.9.2.sql:1: this is a PostgreSQL migration script; the schema it"
                + " runs on is MySQL/MariaDB"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void aScriptFileIsPlannedOnADumpAndMarkdownAndHtmlRender() {
        String dump = Samples.postgres("0.8.3").toString();
        String script = Samples.root().resolve("dify-migrations/postgres/dify-0.8.3-to-0.9.2.sql").toString();
        Cli.Result md = Cli.run("plan", dump, "--script", script, "--stats", LARGE, "--format", "markdown");
        assertEquals(0, md.exitCode(), md.err());
        assertTrue(md.out().startsWith("# Migration script plan (statement view)"), md.out());
        assertTrue(md.out().contains("```sql"), md.out());
        Cli.Result html = Cli.run("plan", dump, "--script", script, "--stats", LARGE, "--format", "html");
        assertEquals(0, html.exitCode(), html.err());
        assertTrue(html.out().contains("<h1>Migration script plan"), html.out());
        // Assumptions name commands and SQL as code, never with literal backticks.
        String assumptions = html.out().substring(html.out().indexOf("<section id=\"assumptions\">"));
        assertTrue(assumptions.contains("<code>schemaplan calibrate</code>"), assumptions);
        assertFalse(assumptions.substring(0, assumptions.indexOf("</section>")).contains("`"), assumptions);
        Cli.Result exit = Cli.run("plan", dump, "--script", script, "--stats", LARGE, "--exit-code");
        assertEquals(1, exit.exitCode(), "a critical statement with --exit-code");
    }

    @Test
    void aMissingScriptIsOneLineAndExitTwo() {
        Cli.Result r = Cli.run("plan", Samples.postgres("0.8.3").toString(), "--script", "no-such-file.sql");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("schemaplan: no-such-file.sql"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void aLiveDatabaseIsPlannedFromTheReleaseItsAlembicVersionNames() {
        String db = LocalPostgres.freshDatabase("sp_scriptplan_live");
        try {
            LocalPostgres.psqlFile(db, Samples.postgres("1.3.1"));
            LocalPostgres.exec(db, "INSERT INTO public.alembic_version VALUES ('6a9f914f656c')");
            Cli.Result r = Cli.run("plan", LocalPostgres.url(db), "--to", "dify:1.4.3");
            assertEquals(0, r.exitCode(), r.err());
            // 1.2.0 and 1.3.1 share the revision: the way starts at the newer one, one release pair.
            assertTrue(r.out().startsWith("Statement view: Dify's migrations 1.3.1 → 1.4.3 (1 release pair)"), r.out());
            assertTrue(r.out().contains("before the CONCURRENTLY build"), r.out());
        } finally {
            LocalPostgres.dropDatabase(db);
        }
    }

    @Test
    void twoMysqlReleasesCommitEachDdlStatementOnItsOwn() throws Exception {
        Cli.Result r = Cli.run("plan", "dify:1.11.4/mysql", "dify:1.12.1/mysql", "--stats",
                Samples.root().resolve("stats/dify-large-install-mysql.json").toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("MariaDB", doc.get("engine").asText());
        int ddl = 0;
        for (JsonNode t : doc.get("transactions")) {
            assertEquals(t.get("first").asInt(), t.get("last").asInt(), "no BEGIN in Alembic's MySQL output");
            if (t.get("kind").asText().equals("implicit_commit")) ddl++;
        }
        assertTrue(ddl >= 10, "every DDL statement commits on its own: " + ddl);
    }
}
