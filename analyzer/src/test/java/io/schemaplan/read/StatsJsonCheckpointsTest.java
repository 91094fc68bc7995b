package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.CheckpointSettings;
import io.schemaplan.model.QName;
import io.schemaplan.model.Stats;
import io.schemaplan.model.TableStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checkpoint settings and heap-ordered indexes in {@code schemaplan-stats/1}: optional, round-tripped. */
class StatsJsonCheckpointsTest {
    static final CheckpointSettings BIG = new CheckpointSettings(16L << 30, 900, 0.9, true);

    @Test
    void settingsAndHeapOrderedIndexesSurviveARoundTrip() {
        TableStats ts = new TableStats(QName.of("public", "messages"), 1_000, 8192, 0, 16384,
                Map.of("message_pkey", 8192L, "message_app_id_idx", 8192L), Map.of("id", 16),
                Map.of("message_app_id_idx", 500L));
        Stats stats = new Stats("15.10", 64L << 20, 2, 8192, List.of(ts), List.of(), BIG);
        String json = StatsJson.toJson(stats);
        assertTrue(json.contains("\"checkpoints\" : {"), json);
        assertTrue(json.contains("\"heapOrderedIndexes\" : {"), json);
        assertEquals(stats, StatsJson.parse("t.json", json));
    }

    @Test
    void aFileWrittenBeforeTheSettingsReadsWithPostgresDefaultsAndScatteredIndexes() {
        String old = "{\"format\": \"schemaplan-stats/1\", \"serverVersion\": \"15.10\", \"maintenanceWorkMemBytes\": 1,"
                + " \"maxParallelMaintenanceWorkers\": 2, \"blockSize\": 8192, \"tables\": [{\"table\": \"public.t\","
                + " \"rows\": 1, \"heapBytes\": 8192, \"toastBytes\": 0, \"indexBytes\": 8192, \"indexes\": {\"t_pkey\": 8192}}]}";
        Stats stats = StatsJson.parse("old.json", old);
        assertEquals(CheckpointSettings.POSTGRES_DEFAULTS, stats.checkpoints());
        assertEquals(1L << 30, stats.checkpoints().maxWalSizeBytes());
        assertEquals(300, stats.checkpoints().checkpointTimeoutSeconds());
        assertEquals(0.9, stats.checkpoints().checkpointCompletionTarget());
        assertTrue(stats.checkpoints().fullPageWrites());
        assertTrue(stats.tables().get(0).heapOrderedIndexes().isEmpty());
        // Written again, an empty heapOrderedIndexes stays out of the file (the same table, the same bytes).
        assertFalse(StatsJson.toJson(stats).contains("heapOrderedIndexes"));
    }

    @Test
    void theSampleStatisticsSayWhatTheyAssume() {
        Path samples = Path.of("..", "samples", "stats");
        Stats pg = StatsJson.read(samples.resolve("dify-large-install.json"));
        assertEquals(new CheckpointSettings(16L << 30, 900, 0.9, true), pg.checkpoints());
        assertTrue(pg.table(QName.of("public", "messages")).orElseThrow().heapOrderedIndexes()
                .containsKey("message_app_id_idx"));
        Stats my = StatsJson.read(samples.resolve("dify-large-install-mysql.json"));
        assertFalse(my.checkpoints().fullPageWrites());
        assertTrue(Files.exists(samples.resolve("make-large-install.py")));
    }
}
