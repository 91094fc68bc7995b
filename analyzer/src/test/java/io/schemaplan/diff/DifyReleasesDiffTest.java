package io.schemaplan.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schemaplan.read.Sources;
import io.schemaplan.model.Schema;
import io.schemaplan.report.ChangeText;
import io.schemaplan.testing.LocalPostgres;
import io.schemaplan.testing.Samples;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The differ on the 23 real Dify releases, from dump files and from live databases restored from them. */
class DifyReleasesDiffTest {

    static Schema dump(String version) {
        return Sources.load(Samples.postgres(version).toString(), null).schema();
    }

    static Schema live(String version) {
        return Sources.load(LocalPostgres.url(LocalPostgres.restoredDump(Samples.postgres(version))), null).schema();
    }

    static List<String> lines(List<Change> changes) {
        return changes.stream().map(c -> c.kind() + " " + c.object() + ": " + ChangeText.describe(c)).toList();
    }

    @ParameterizedTest
    @MethodSource("io.schemaplan.testing.Samples#postgresVersions")
    void aDumpAndTheDatabaseRestoredFromItHaveNoDifferences(String version) {
        assertEquals(List.of(), lines(SchemaDiff.diff(dump(version), live(version))));
    }

    static Stream<Arguments> consecutiveReleases() {
        List<String> v = Samples.postgresVersions();
        return IntStream.range(1, v.size()).mapToObj(i -> Arguments.of(v.get(i - 1), v.get(i)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("consecutiveReleases")
    void theDiffOfTwoReleasesIsTheSameFromDumpsAsFromLiveDatabases(String from, String to) {
        List<Change> fromDumps = SchemaDiff.diff(dump(from), dump(to));
        List<Change> fromLive = SchemaDiff.diff(live(from), live(to));
        assertEquals(lines(fromDumps), lines(fromLive));
        assertEquals(fromDumps, fromLive);
    }

    @Test
    void dify0142To0153IsTwoNewTablesAndTheTotalTokensWidening() {
        List<Change> changes = SchemaDiff.diff(dump("0.14.2"), dump("0.15.3"));
        assertEquals(List.of(
                "table.added public.child_chunks",
                "table.added public.dataset_auto_disable_logs",
                "column.type_changed public.workflow_runs.total_tokens"),
                changes.stream().map(c -> c.kind() + " " + c.object()).toList());
        Change.ColumnTypeChanged tokens = (Change.ColumnTypeChanged) changes.get(2);
        assertEquals("integer", tokens.from().type().sql());
        assertEquals("bigint", tokens.to().type().sql());
        // The added tables arrive with their keys and indexes.
        Change.TableAdded chunks = (Change.TableAdded) changes.get(0);
        assertEquals("child_chunk_pkey", chunks.definition().primaryKey().orElseThrow().name());
        assertEquals(List.of("child_chunk_dataset_id_idx"),
                chunks.definition().indexes().stream().map(i -> i.name()).toList());
        Change.TableAdded logs = (Change.TableAdded) changes.get(1);
        assertEquals(3, logs.definition().indexes().size());
    }
}
