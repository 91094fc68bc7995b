package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.QName;
import io.schemaplan.model.Stats;
import io.schemaplan.model.TableStats;
import io.schemaplan.testing.LocalMariadb;
import io.schemaplan.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MySQL/MariaDB statistics come from the catalog alone, and the client script and the JDBC reader agree. */
class MysqlStatsReaderTest {
    private static final QName RUNS = QName.of("", "workflow_runs");
    static String db;

    @BeforeAll
    static void database() {
        db = LocalMariadb.freshDatabase("stats");
        LocalMariadb.exec(db,
                "CREATE TABLE workflow_runs (id bigint PRIMARY KEY, app_id int, graph longtext,"
                        + " KEY workflow_run_app_idx (app_id), KEY workflow_run_graph_idx (graph(20))) ENGINE=InnoDB",
                // seq_1_to_N is MariaDB's SEQUENCE engine: rows without a client loop.
                "INSERT INTO workflow_runs SELECT seq, seq % 50, IF(seq % 100 = 0, REPEAT(MD5(seq), 300), NULL)"
                        + " FROM seq_1_to_50000",
                "CREATE TABLE empty_one (id int PRIMARY KEY) ENGINE=InnoDB",
                "CREATE VIEW runs_view AS SELECT id FROM workflow_runs",
                "ANALYZE TABLE workflow_runs, empty_one");
    }

    @Test
    void readsSizesAndRowsFromTheCatalog() {
        Stats stats = MysqlStatsReader.read(LocalMariadb.url(db));
        TableStats runs = stats.table(RUNS).orElseThrow();
        assertTrue(Math.abs(runs.rows() - 50_000) < 10_000, "rows " + runs.rows()); // InnoDB samples pages
        assertTrue(runs.heapBytes() > 2_000_000, "heap " + runs.heapBytes());
        assertEquals(0, runs.heapBytes() % stats.blockSize());
        assertEquals(0, runs.toastBytes());
        assertEquals(Set.of("workflow_run_app_idx", "workflow_run_graph_idx"), runs.indexes().keySet());
        assertEquals(runs.indexes().values().stream().mapToLong(Long::longValue).sum(), runs.indexBytes());
        assertEquals(Set.of(RUNS, QName.of("", "empty_one")),
                Set.copyOf(stats.tables().stream().map(TableStats::table).toList()), "views are not measured");
        assertTrue(stats.serverVersion().matches("10\\.11\\.\\d+-MariaDB"), stats.serverVersion());
        assertEquals(16384, stats.blockSize());
        assertTrue(stats.maintenanceWorkMemBytes() >= 64 * 1024);
        assertTrue(stats.bufferPoolBytes() >= 5L << 20, "innodb_buffer_pool_size " + stats.bufferPoolBytes());
    }

    @Test
    void theClientScriptWritesWhatTheReaderReads(@TempDir Path tmp) throws Exception {
        Path script = Samples.root().resolveSibling("scripts/stats-mysql.sql");
        LocalMariadb.ClientRun run = LocalMariadb.run(script, "-N", "-B", "-r", db);
        assertEquals(0, run.exitCode(), run.output());
        Path file = Files.writeString(tmp.resolve("stats.json"), run.output());
        Stats fromScript = StatsJson.read(file);
        Stats fromReader = MysqlStatsReader.read(LocalMariadb.url(db));
        // Row estimates can move between two reads (InnoDB re-samples in the background); nothing else does.
        assertEquals(withoutRows(fromReader), withoutRows(fromScript));
        long scriptRows = fromScript.table(RUNS).orElseThrow().rows();
        assertTrue(Math.abs(scriptRows - fromReader.table(RUNS).orElseThrow().rows()) < 10_000, "rows " + scriptRows);
        assertEquals(fromScript, StatsJson.parse("again", StatsJson.toJson(fromScript)));
        assertEquals(withoutRows(fromReader), withoutRows(Sources.stats(file.toString())));
        assertEquals(withoutRows(fromReader), withoutRows(Sources.stats(LocalMariadb.url(db))));
    }

    private static Stats withoutRows(Stats s) {
        return new Stats(s.serverVersion(), s.maintenanceWorkMemBytes(), s.maxParallelMaintenanceWorkers(), s.blockSize(),
                s.tables().stream().map(t -> new TableStats(t.table(), TableStats.UNKNOWN_ROWS, t.heapBytes(),
                        t.toastBytes(), t.indexBytes(), t.indexes())).toList(), s.binaryCasts(), s.bufferPoolBytes());
    }
}
