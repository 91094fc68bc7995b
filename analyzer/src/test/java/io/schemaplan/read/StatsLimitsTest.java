package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.QName;
import io.schemaplan.model.Stats;
import io.schemaplan.model.TableStats;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statistics and profiles are checked on read: a negative, fractional, missing or physically impossible
 * number is one line naming the file and the JSON path of the value, exit 2, never a plan.
 */
class StatsLimitsTest {
    @TempDir
    Path tmp;

    static final String FROM = Samples.postgres("0.14.2").toString();
    static final String TO = Samples.postgres("0.15.3").toString();

    /** A statistics file whose workflow_runs entry has {@code heapBytes} (raw JSON) and the rest sane. */
    static String stats(String settings, String workflowRuns) {
        return "{\"format\": \"schemaplan-stats/1\", \"serverVersion\": \"15.10\", " + settings
                + " \"blockSize\": 8192, \"tables\": [\n"
                + "  {\"table\": \"public.accounts\", \"rows\": 10, \"heapBytes\": 8192, \"toastBytes\": 0, \"indexBytes\": 0},\n"
                + "  {\"table\": \"public.workflow_runs\", " + workflowRuns + "}]}";
    }

    static String sane(String workflowRuns) {
        return stats("\"maintenanceWorkMemBytes\": 67108864, \"maxParallelMaintenanceWorkers\": 2,", workflowRuns);
    }

    Cli.Result plan(String statsJson) throws Exception {
        Path file = tmp.resolve("stats.json");
        Files.writeString(file, statsJson);
        return Cli.run("plan", FROM, TO, "--stats", file.toString(), "--color", "never");
    }

    String refused(String statsJson, String path) throws Exception {
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, statsJson);
        Cli.Result r = Cli.badInput("plan", FROM, TO, "--stats", file.toString());
        String line = r.errLines().get(0);
        assertTrue(line.startsWith("schemaplan: " + file + ": invalid statistics: " + path + " "), line);
        return line;
    }

    @Test
    void aNegativeByteCountIsRefusedInsteadOfPlanningARewriteAsLowAndInstant() throws Exception {
        String line = refused(sane("\"rows\": 1000, \"heapBytes\": -1000000000001, \"toastBytes\": 0, \"indexBytes\": 0"),
                "tables[1].heapBytes");
        assertTrue(line.contains("-1000000000001, a negative number of bytes (table public.workflow_runs)"), line);
    }

    @Test
    void aHeapOfLongMaxBytesIsPastAnyPhysicalTable() throws Exception {
        String line = refused(sane("\"rows\": 1000, \"heapBytes\": 9223372036854775807, \"toastBytes\": 0, \"indexBytes\": 0"),
                "tables[1].heapBytes");
        assertTrue(line.contains("above the limit of " + (1L << 50) + " bytes"), line);
        refused(sane("\"rows\": 1000, \"heapBytes\": 92233720368547758070, \"indexBytes\": 0"), "tables[1].heapBytes");
    }

    static String withCheckpoints(String checkpoints) {
        return stats("\"maintenanceWorkMemBytes\": 67108864, \"maxParallelMaintenanceWorkers\": 2, \"checkpoints\": "
                + checkpoints + ",", "\"rows\": 1, \"heapBytes\": 8192");
    }

    @Test
    void theCheckpointSettingsAreCheckedToo() throws Exception {
        String ok = "\"maxWalSizeBytes\": 1073741824, \"checkpointTimeoutSeconds\": 300";
        refused(withCheckpoints("{\"maxWalSizeBytes\": 0, \"checkpointTimeoutSeconds\": 300,"
                + " \"checkpointCompletionTarget\": 0.9, \"fullPageWrites\": true}"), "checkpoints.maxWalSizeBytes");
        refused(withCheckpoints("{\"maxWalSizeBytes\": 1073741824, \"checkpointTimeoutSeconds\": 100000,"
                + " \"checkpointCompletionTarget\": 0.9, \"fullPageWrites\": true}"), "checkpoints.checkpointTimeoutSeconds");
        refused(withCheckpoints("{" + ok + ", \"checkpointCompletionTarget\": 1.5, \"fullPageWrites\": true}"),
                "checkpoints.checkpointCompletionTarget");
        refused(withCheckpoints("{" + ok + ", \"checkpointCompletionTarget\": 0.9, \"fullPageWrites\": \"on\"}"),
                "checkpoints.fullPageWrites");
        refused(withCheckpoints("{" + ok + ", \"fullPageWrites\": true}"), "checkpoints.checkpointCompletionTarget");
        refused(withCheckpoints("{\"checkpointTimeoutSeconds\": 300, \"checkpointCompletionTarget\": 0.9,"
                + " \"fullPageWrites\": true}"), "checkpoints.maxWalSizeBytes");
        refused(withCheckpoints("300"), "checkpoints");
        refused(sane("\"rows\": 1, \"heapBytes\": 8192, \"heapOrderedIndexes\": {\"workflow_run_pkey\": 0}"),
                "tables[1].heapOrderedIndexes.workflow_run_pkey");
        assertEquals(0, plan(withCheckpoints("{" + ok + ", \"checkpointCompletionTarget\": 0.5, \"fullPageWrites\": false}"))
                .exitCode());
    }

    @Test
    void everyNumberOfAnEntryAndOfTheSettingsIsChecked() throws Exception {
        refused(sane("\"rows\": -2, \"heapBytes\": 8192"), "tables[1].rows");
        refused(sane("\"rows\": 1, \"heapBytes\": 8192, \"toastBytes\": -1"), "tables[1].toastBytes");
        refused(sane("\"rows\": 1, \"heapBytes\": 8192, \"indexBytes\": 1.5"), "tables[1].indexBytes");
        refused(sane("\"rows\": 1, \"heapBytes\": \"8192\""), "tables[1].heapBytes");
        refused(sane("\"rows\": 1, \"heapBytes\": 8192, \"indexes\": {\"workflow_run_pkey\": -8192}"),
                "tables[1].indexes.workflow_run_pkey");
        refused(sane("\"rows\": 1, \"heapBytes\": 8192, \"columnBytes\": {\"graph\": 2000000000}"),
                "tables[1].columnBytes.graph");
        refused(sane("\"rows\": 1"), "tables[1].heapBytes");
        refused(sane("\"heapBytes\": 1"), "tables[1].rows");
        refused(sane("\"rows\": 1, \"heapBytes\": 8192, \"table\": \"\""), "tables[1].table");
        refused(sane("\"rows\": 1, \"heapBytes\": 1").replace("\"15.10\"", "\"99999999999.0\""), "serverVersion");
        refused(sane("\"rows\": 1, \"heapBytes\": 1").replace("\"15.10\"", "15"), "serverVersion");
        refused(stats("\"maintenanceWorkMemBytes\": -1, \"maxParallelMaintenanceWorkers\": 2,", "\"rows\": 1, \"heapBytes\": 1"),
                "maintenanceWorkMemBytes");
        refused(stats("\"maintenanceWorkMemBytes\": 1, \"maxParallelMaintenanceWorkers\": 100000,", "\"rows\": 1, \"heapBytes\": 1"),
                "maxParallelMaintenanceWorkers");
    }

    @Test
    void neverAnalyzedRowsAndTheLargeInstallSampleStillRead() throws Exception {
        Cli.Result r = plan(sane("\"rows\": -1, \"heapBytes\": 107374182400, \"toastBytes\": 0, \"indexBytes\": 0"));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("workflow_runs"), r.out());
        Path sample = Samples.root().resolve("stats/dify-large-install.json");
        assertEquals(0, Cli.run("plan", FROM, TO, "--stats", sample.toString(), "--color", "never").exitCode());
    }

    @Test
    void statisticsFromALiveReaderMeetTheSameLimits() {
        Stats broken = new Stats("15.10", 1 << 26, 2, 8192, List.of(
                new TableStats(QName.of("public", "t"), 5, -8192, 0, 0, Map.of())));
        ReadException e = assertThrows(ReadException.class,
                () -> StatsJson.checked("postgresql://reader@db:5432/prod", broken));
        assertEquals("postgresql://reader@db:5432/prod: invalid statistics: tables[0].heapBytes is -8192, a negative"
                + " number of bytes (table public.t)", e.getMessage());
    }

    String badProfile(String numbers) throws Exception {
        Path file = tmp.resolve("profile.json");
        Files.writeString(file, "{\"format\": \"schemaplan-profile/1\", \"name\": \"x\", " + numbers + "}");
        return Cli.badInput("plan", FROM, TO, "--profile", file.toString()).errLines().get(0);
    }

    static final String GOOD = "\"rewriteBytesPerSecond\": 1e8, \"indexBuildBytesPerSecond\": 3e7, "
            + "\"indexRebuildBytesPerSecond\": 2e7, \"foreignKeyRowsPerSecond\": 4e6";

    @Test
    void aProfileNeedsFinitePositiveThroughputsAndASpreadOfAtLeastOne() throws Exception {
        assertTrue(badProfile("\"seqScanBytesPerSecond\": 1e999, " + GOOD + ", \"spread\": 2")
                .endsWith("invalid profile: seqScanBytesPerSecond must be a finite number, got Infinity"));
        assertTrue(badProfile("\"seqScanBytesPerSecond\": 1e300, " + GOOD + ", \"spread\": 2")
                .contains("seqScanBytesPerSecond must be at most 1099511627776 bytes per second"));
        assertTrue(badProfile("\"seqScanBytesPerSecond\": 0, " + GOOD + ", \"spread\": 2")
                .contains("seqScanBytesPerSecond must be positive, got 0"));
        assertTrue(badProfile("\"seqScanBytesPerSecond\": \"fast\", " + GOOD + ", \"spread\": 2")
                .contains("seqScanBytesPerSecond must be a number, got \"fast\""));
        assertTrue(badProfile(GOOD + ", \"spread\": 2").contains("seqScanBytesPerSecond is missing"));
        assertTrue(badProfile("\"seqScanBytesPerSecond\": 8e8, " + GOOD + ", \"spread\": 0.5")
                .contains("spread must be at least 1, got 0.5"));
        assertTrue(badProfile("\"seqScanBytesPerSecond\": 8e8, "
                + GOOD.replace("4e6", "-4e6") + ", \"spread\": 2").contains("foreignKeyRowsPerSecond must be positive"));
    }
}
