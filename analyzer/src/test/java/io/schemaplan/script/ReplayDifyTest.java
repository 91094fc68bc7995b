package io.schemaplan.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schemaplan.model.Engine;
import io.schemaplan.model.Schema;
import io.schemaplan.read.PgDumpReader;
import io.schemaplan.testing.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each of Dify's PostgreSQL upgrade scripts, replayed on the model of the release it starts from, gives exactly the
 * model of the release it ends at: the replay and the dumps meet, statement for statement (the scripts were
 * checked the same way on a real server when they were rendered: applied to PREV's dump, they dump as TO).
 */
class ReplayDifyTest {

    static Stream<String> pairs() {
        List<String> v = Samples.postgresVersions();
        List<String> out = new ArrayList<>();
        for (int k = 1; k < v.size(); k++) out.add(v.get(k - 1) + "-to-" + v.get(k));
        return out.stream();
    }

    private static Schema pg(String version) {
        return PgDumpReader.read(Samples.postgres(version)).schema();
    }

    private static List<String> describe(List<Finding> findings) {
        return findings.stream().map(f -> f.kind() + " #" + f.statement() + " line " + f.line() + " " + f.message()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void eachPairReplayedOnFromGivesTo(String pair) {
        String[] v = pair.split("-to-");
        Script script = ScriptReader.read(ScriptReaderDifyTest.script("postgres", pair), Engine.POSTGRES);
        Replayed r = Replay.run(pg(v[0]), script);
        assertEquals(List.of(), describe(r.findings()), "statements not applied");
        assertEquals(List.of(), describe(Replay.compare(r, pg(v[1]))), "differences from " + v[1]);
    }

    @Test
    void baseToLatestFromAnEmptySchemaGivesLatest() {
        Schema empty = new Schema(Engine.POSTGRES, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        Script script = ScriptReader.read(ScriptReaderDifyTest.script("postgres", "base-to-1.12.1"), Engine.POSTGRES);
        Replayed r = Replay.run(empty, script);
        assertEquals(List.of(), describe(r.findings()), "statements not applied");
        assertEquals(List.of(), describe(Replay.compare(r, pg("1.12.1"))), "differences from 1.12.1");
    }
}
