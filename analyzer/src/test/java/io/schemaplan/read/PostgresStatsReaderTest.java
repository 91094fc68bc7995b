package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.QName;
import io.schemaplan.model.Stats;
import io.schemaplan.model.TableStats;
import io.schemaplan.testing.LocalPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Statistics come from the catalog alone, and the psql script and the JDBC reader agree exactly. */
class PostgresStatsReaderTest {
    private static final String DB = "sp_impact_stats";
    private static final QName RUNS = QName.of("public", "workflow_runs");

    @BeforeAll
    static void database() {
        LocalPostgres.freshDatabase(DB);
        LocalPostgres.exec(DB, "CREATE SCHEMA app;"
                + " CREATE TABLE workflow_runs (id bigint PRIMARY KEY, app_id int, graph text) WITH (autovacuum_enabled = off);"
                + " INSERT INTO workflow_runs SELECT g, g % 50, CASE WHEN g % 100 = 0 THEN"
                + "   (SELECT string_agg(md5(g::text || i::text), '') FROM generate_series(1, 100) i) END"
                + "   FROM generate_series(1, 1000000) g;"
                + " CREATE INDEX workflow_run_app_idx ON workflow_runs (app_id);"
                + " CREATE TABLE app.never_analyzed (id int) WITH (autovacuum_enabled = off);"
                + " INSERT INTO app.never_analyzed VALUES (1);"
                + " CREATE TABLE app.events (id int, at date) PARTITION BY RANGE (at);");
        LocalPostgres.exec(DB, "VACUUM ANALYZE workflow_runs");
    }

    @Test
    void readsSizesAndRowsFromTheCatalog() {
        Stats stats = PostgresStatsReader.read(LocalPostgres.url(DB));
        TableStats runs = stats.table(RUNS).orElseThrow();
        assertTrue(Math.abs(runs.rows() - 1_000_000) < 10_000, "rows " + runs.rows());
        assertTrue(runs.heapBytes() > 30_000_000, "heap " + runs.heapBytes());
        assertTrue(runs.toastBytes() > 0, "10,000 incompressible 3.2 kB values go to TOAST");
        assertEquals(java.util.Set.of("workflow_runs_pkey", "workflow_run_app_idx"), runs.indexes().keySet());
        assertEquals(runs.indexes().values().stream().mapToLong(Long::longValue).sum(), runs.indexBytes());
        assertEquals(0, runs.heapBytes() % stats.blockSize());
        assertFalse(stats.table(QName.of("app", "never_analyzed")).orElseThrow().rowsKnown());
        assertTrue(stats.table(QName.of("app", "events")).isPresent(), "partitioned tables are listed");
        assertTrue(stats.serverVersion().matches("\\d+\\.\\d+"), stats.serverVersion());
        assertTrue(stats.maintenanceWorkMemBytes() >= 1024 * 1024);
        // ANALYZE's average stored widths: fixed types their size; the text's values all went to TOAST, so
        // the heap holds 18-byte TOAST pointers for them.
        assertEquals(8, runs.columnBytes().get("id"));
        assertEquals(4, runs.columnBytes().get("app_id"));
        assertEquals(18, runs.columnBytes().get("graph"), runs.columnBytes().toString());
        assertEquals(java.util.Map.of(), stats.table(QName.of("app", "never_analyzed")).orElseThrow().columnBytes());
    }

    /** The buffer cache is shared_buffers in bytes, as SHOW prints it (a number and a unit) read here by hand. */
    @Test
    void readsSharedBuffersInBytes() throws SQLException {
        String shown;
        try (Connection c = LocalPostgres.connect(DB); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW shared_buffers")) {
            rs.next();
            shown = rs.getString(1);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(kB|MB|GB|TB)").matcher(shown);
        assertTrue(m.matches(), "SHOW shared_buffers: " + shown);
        long unit = switch (m.group(2)) {
            case "kB" -> 1L << 10;
            case "MB" -> 1L << 20;
            case "GB" -> 1L << 30;
            default -> 1L << 40;
        };
        long bytes = Long.parseLong(m.group(1)) * unit;
        assertEquals(bytes, PostgresStatsReader.read(LocalPostgres.url(DB)).bufferPoolBytes(), shown);
        assertTrue(bytes >= 128L << 10, "PostgreSQL's least shared_buffers is 16 pages: " + shown);
    }

    @Test
    void thePsqlScriptWritesWhatTheReaderReads() throws Exception {
        String json = psqlScript();
        Stats fromScript = StatsJson.parse("stats.json", json);
        // The script leaves out the server's casts (a plan from its file uses the generated cast table).
        assertEquals(PostgresStatsReader.read(LocalPostgres.url(DB)).withBinaryCasts(java.util.List.of()), fromScript);
    }

    @Test
    void theJsonFormatRoundTripsAndIsStable() {
        Stats stats = PostgresStatsReader.read(LocalPostgres.url(DB));
        String json = StatsJson.toJson(stats);
        assertTrue(json.startsWith("{\n  \"format\" : \"schemaplan-stats/1\",\n  \"serverVersion\""), json);
        assertEquals(stats, StatsJson.parse("x.json", json));
        assertEquals(json, StatsJson.toJson(StatsJson.parse("x.json", json)));
    }

    @Test
    void anotherFormatIsAOneLineError() {
        ReadException e = org.junit.jupiter.api.Assertions.assertThrows(ReadException.class,
                () -> StatsJson.parse("s.json", "{\"format\":\"schemaplan-snapshot/1\"}"));
        assertEquals("s.json: not a schemaplan statistics file (format is 'schemaplan-snapshot/1', expected "
                + "'schemaplan-stats/1')", e.getMessage());
    }

    /** The reader never scans a table: the seq_scan counter of a 1 M-row table does not move. */
    @Test
    void readingStatisticsScansNoTable() throws SQLException {
        long before = seqScans();
        try (Connection c = LocalPostgres.connect(DB); Statement s = c.createStatement()) {
            s.execute("SET default_transaction_read_only = on");
            PostgresStatsReader.read(c);
            // Flush this backend's counters before it goes idle (see PgRulesTraceTest for why this works).
            s.execute("SELECT pg_stat_force_next_flush()");
            s.execute("SELECT 1");
        }
        assertEquals(before, seqScans());
        // The counter does move when the table is scanned, so the assertion above could fail.
        try (Connection c = LocalPostgres.connect(DB); Statement s = c.createStatement()) {
            s.execute("SELECT count(*) FROM workflow_runs WHERE graph IS NULL AND app_id + 0 = 1");
            s.execute("SELECT pg_stat_force_next_flush()");
            s.execute("SELECT 1");
        }
        assertTrue(seqScans() > before);
    }

    private static long seqScans() throws SQLException {
        try (Connection c = LocalPostgres.connect(DB); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq_scan FROM pg_stat_user_tables WHERE relname = 'workflow_runs'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String psqlScript() throws IOException, InterruptedException {
        Path script = Path.of("..", "scripts", "stats-postgres.sql").toAbsolutePath().normalize();
        Process p = new ProcessBuilder("psql", "-XAtq", "-h", LocalPostgres.HOST, "-p", String.valueOf(LocalPostgres.PORT),
                "-U", LocalPostgres.USER, "-d", DB, "-f", script.toString()).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "psql failed: " + err);
        return out;
    }
}
