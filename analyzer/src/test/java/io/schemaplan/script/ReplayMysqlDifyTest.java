package io.schemaplan.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.Engine;
import io.schemaplan.model.Schema;
import io.schemaplan.read.MysqlDumpReader;
import io.schemaplan.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dify's MySQL scripts replayed on MariaDB dumps' models. base→1.10.1 gives 1.10.1. 1.10.1→1.11.4 and
 * 1.11.4→1.12.1 carry {@code DEFAULT (uuid_generate_v4())} (Dify issue 32196), which MariaDB rejects: the replay
 * names exactly those statements, and the same scripts with the #32196 fix applied to their text (as the
 * reference dumps were made) replay to the {@code patched-32196} dumps.
 */
class ReplayMysqlDifyTest {

    private static Schema mysql(String version) {
        return MysqlDumpReader.read(Samples.mysql(version)).schema();
    }

    private static Script script(String pair) {
        return ScriptReader.read(ScriptReaderDifyTest.script("mysql", pair), Engine.MARIADB);
    }

    /** The #32196 fix as the README applies it: no PostgreSQL default, no PostgreSQL cast. */
    private static Script patched(String pair) throws Exception {
        String text = Files.readString(ScriptReaderDifyTest.script("mysql", pair), StandardCharsets.UTF_8)
                .replace(" DEFAULT (uuid_generate_v4())", "").replaceAll("'([^']*)'::character varying", "'$1'");
        return ScriptReader.read("patched-" + pair, text.getBytes(StandardCharsets.UTF_8), Engine.MARIADB);
    }

    private static List<String> describe(List<Finding> findings) {
        return findings.stream().map(f -> f.kind() + " #" + f.statement() + " line " + f.line() + " " + f.revision()
                + " " + f.message()).toList();
    }

    @Test
    void baseTo1101FromAnEmptyDatabaseGives1101() {
        Schema empty = new Schema(Engine.MARIADB, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        // the database's default collation, which a script's CREATE TABLE does not say (Dify creates it utf8mb4)
        Replayed r = Replay.run(empty, script("base-to-1.10.1"), "utf8mb4_general_ci");
        assertEquals(List.of(), describe(r.findings()), "statements not applied");
        assertEquals(List.of(), describe(Replay.compare(r, mysql("1.10.1"))), "differences from 1.10.1");
    }

    @Test
    void theFixedScriptsReplayToThePatchedDumps() throws Exception {
        Replayed first = Replay.run(mysql("1.10.1"), patched("1.10.1-to-1.11.4"));
        assertEquals(List.of(), describe(first.findings()));
        assertEquals(List.of(), describe(Replay.compare(first, mysql("1.11.4.patched-32196"))));
        Replayed second = Replay.run(mysql("1.11.4.patched-32196"), patched("1.11.4-to-1.12.1"));
        assertEquals(List.of(), describe(second.findings()));
        assertEquals(List.of(), describe(Replay.compare(second, mysql("1.12.1.patched-32196"))));
    }

    /**
     * The first finding is the statement MariaDB rejects (where the README's validation stopped: script line 53 of
     * 1.10.1→1.11.4); the later ones of the same revision follow from it (an index on the table that was not made).
     */
    @Test
    void theUnfixedScriptsAreNamedWhereMariadbRejectsThem() {
        List<Finding> found = Replay.run(mysql("1.10.1"), script("1.10.1-to-1.11.4")).findings();
        assertEquals("NOT_APPLIED #11 line 53 7df29de0f6be cannot parse CREATE TABLE tenant_credit_pools: the default of"
                + " column id, (uuid_generate_v4()), calls uuid_generate_v4(), a PostgreSQL function that MySQL and"
                + " MariaDB do not have: the server rejects the statement", describe(found).get(0));
        assertTrue(found.stream().allMatch(f -> "7df29de0f6be".equals(f.revision())), describe(found).toString());
        List<Finding> more = Replay.run(mysql("1.11.4.patched-32196"), script("1.11.4-to-1.12.1")).findings();
        assertTrue(describe(more).get(0).contains(" f9f6d18a37f9 ") && describe(more).get(0).contains("uuid_generate_v4()"),
                describe(more).toString());
        assertTrue(more.stream().allMatch(f -> "f9f6d18a37f9".equals(f.revision())), describe(more).toString());
    }
}
