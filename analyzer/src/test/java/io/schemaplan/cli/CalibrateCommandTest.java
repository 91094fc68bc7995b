package io.schemaplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.impact.Profile;
import io.schemaplan.read.PgCalibrator;
import io.schemaplan.read.ProfileJson;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.LocalPostgres;
import io.schemaplan.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** schemaplan calibrate: writes only when allowed, only in its own schema, and leaves nothing behind. */
class CalibrateCommandTest {
    static final String DB = "sp_calib_cli";

    @TempDir
    Path tmp;

    @BeforeAll
    static void database() {
        LocalPostgres.freshDatabase(DB);
    }

    static int calibrationSchemas() {
        try (Connection c = LocalPostgres.connect(DB); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname LIKE '"
                     + PgCalibrator.SCHEMA_PREFIX.replace("_", "\\_") + "%'")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void refusesToWriteWithoutTheFlag() {
        Cli.Result r = Cli.run("calibrate", LocalPostgres.url(DB));
        assertEquals(2, r.exitCode());
        assertEquals(1, r.errLines().size(), r.err());
        assertEquals("schemaplan: " + CalibrateCommand.REFUSAL, r.errLines().get(0));
        assertTrue(r.err().contains("--allow-write-scratch"), r.err());
        assertEquals("", r.out());
        assertEquals(0, calibrationSchemas());
    }

    @Test
    void tooFewRowsIsAUsageError() {
        Cli.Result r = Cli.run("calibrate", LocalPostgres.url(DB), "--allow-write-scratch", "--rows", "10");
        assertEquals(2, r.exitCode());
        assertEquals("schemaplan: --rows must be at least 1000, got 10", r.err().strip());
    }

    @Test
    void measuresWritesAProfileThatPlanReadsAndDropsItsSchema() throws Exception {
        Path out = tmp.resolve("profile.json");
        Cli.Result r = Cli.run("calibrate", LocalPostgres.url(DB), "--allow-write-scratch", "--rows", "20000",
                "-o", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out(), "the profile goes to -o");
        assertTrue(r.err().contains("20,000 rows"), r.err());
        assertTrue(r.err().contains("rewrite with 3 indexes"), r.err());
        assertTrue(r.err().contains("note: the calibration table (") && r.err().contains("is smaller than max_wal_size"),
                "20,000 rows write far less WAL than max_wal_size, and the summary says what that means: " + r.err());
        assertTrue(!r.err().contains("CHECKPOINT is not permitted"), "root may checkpoint: " + r.err());

        Profile p = ProfileJson.read(out);
        assertEquals("calibrated", p.name());
        assertTrue(p.measuredOn().startsWith("127.0.0.1:5432/" + DB + ", PostgreSQL "), p.measuredOn());
        assertTrue(p.seqScanBytesPerSecond() > 0 && p.rewriteBytesPerSecond() > 0
                && p.indexBuildBytesPerSecond() > 0 && p.foreignKeyRowsPerSecond() > 0, p.toString());
        // The reader sees created_at heap-ordered from its first column: the primary key and (tenant_id, app_id,
        // triggered_from) are the entries a row writes away from the last one.
        assertTrue(r.err().contains("full-table update (UPDATE 3 indexes, 2 away entries a row)"), r.err());
        assertTrue(p.rowWriteBytesPerSecond() != Profile.DEFAULT_ROW_WRITE_BYTES_PER_SECOND,
                "the row-write throughput is measured, not the default: " + p);
        assertTrue(p.updateEntryMicros() != Profile.DEFAULT_UPDATE_ENTRY_MICROS, "measured, not the default: " + p);
        assertEquals(Profile.DEFAULT_UPDATE_ENTRY_MICROS / Profile.DEFAULT_UPDATE_ROW_MICROS,
                p.updateEntryMicros() / p.updateRowMicros(), 1e-9, "one factor scales both");
        assertEquals(1.5, p.spread());
        assertEquals(0, calibrationSchemas(), "the scratch schema is dropped");

        Cli.Result plan = Cli.run("plan", Samples.postgres("0.14.2").toString(), Samples.postgres("0.15.3").toString(),
                "--profile", out.toString());
        assertEquals(0, plan.exitCode(), plan.err());
    }

    @Test
    void withoutOutputTheProfileGoesToStdout() {
        Cli.Result r = Cli.run("calibrate", LocalPostgres.url(DB), "--allow-write-scratch", "--rows", "2000");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("calibrated", ProfileJson.parse("stdout", r.out()).name());
        assertEquals(0, calibrationSchemas());
    }

    /** Requested checkpoints so far (pg_stat_bgwriter until PostgreSQL 16, pg_stat_checkpointer from 17). */
    static long checkpointsRequested() {
        try (Connection c = LocalPostgres.connect(DB); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int >= 170000")) {
            rs.next();
            String sql = rs.getBoolean(1) ? "SELECT num_requested FROM pg_stat_checkpointer"
                    : "SELECT checkpoints_req FROM pg_stat_bgwriter";
            try (ResultSet n = s.executeQuery(sql)) {
                n.next();
                return n.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyTimedRunStartsAfterACheckpoint() throws Exception {
        long before = checkpointsRequested();
        Cli.Result r = Cli.run("calibrate", LocalPostgres.url(DB), "--allow-write-scratch", "--rows", "2000");
        assertEquals(0, r.exitCode(), r.err());
        // One after the build, then one before each of 3 runs of 5 measurements. The checkpointer publishes
        // its count when a checkpoint ends, so wait for it briefly.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (checkpointsRequested() - before < 16 && System.nanoTime() < deadline) Thread.sleep(50);
        assertTrue(checkpointsRequested() - before >= 16, "checkpoints requested: " + (checkpointsRequested() - before));
    }

    @Test
    void aRoleThatMayNotCheckpointStillCalibratesAndIsToldSo() {
        LocalPostgres.exec(DB, "DROP ROLE IF EXISTS sp_calib_plain");
        LocalPostgres.exec(DB, "CREATE ROLE sp_calib_plain LOGIN");
        try {
            LocalPostgres.exec(DB, "GRANT CREATE ON DATABASE " + DB + " TO sp_calib_plain");
            String url = "postgresql://sp_calib_plain@" + LocalPostgres.HOST + ":" + LocalPostgres.PORT + "/" + DB;
            Cli.Result r = Cli.run("calibrate", url, "--allow-write-scratch", "--rows", "2000");
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.err().contains("note: CHECKPOINT is not permitted to this role"), r.err());
            assertEquals("calibrated", ProfileJson.parse("stdout", r.out()).name());
            assertEquals(0, calibrationSchemas());
        } finally {
            LocalPostgres.exec(DB, "REVOKE ALL ON DATABASE " + DB + " FROM sp_calib_plain");
            LocalPostgres.exec(DB, "DROP ROLE sp_calib_plain");
        }
    }

    @Test
    void aBadProfileIsAOneLineErrorNamingTheFile() throws Exception {
        String from = Samples.postgres("0.14.2").toString();
        String to = Samples.postgres("0.15.3").toString();
        String[][] cases = {
                {"not JSON", "{\"format\": \"schemaplan-profile/1\",\n nope}", ":2: invalid profile JSON"},
                {"another format", "{\"format\": \"schemaplan-stats/1\"}", ": not a schemaplan profile"},
                {"negative", "{\"format\": \"schemaplan-profile/1\", \"name\": \"x\", \"measuredOn\": null,"
                        + " \"seqScanBytesPerSecond\": 1, \"rewriteBytesPerSecond\": -5, \"indexBuildBytesPerSecond\": 1,"
                        + " \"foreignKeyRowsPerSecond\": 1, \"spread\": 2}", "rewriteBytesPerSecond must be positive"},
        };
        for (String[] c : cases) {
            Path file = tmp.resolve(c[0].replace(' ', '-') + ".json");
            Files.writeString(file, c[1]);
            Cli.Result r = Cli.run("plan", from, to, "--profile", file.toString());
            assertEquals(2, r.exitCode(), c[0]);
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().startsWith("schemaplan: " + file + ":"), c[0] + ": " + r.err());
            assertTrue(r.err().contains(c[2]), c[0] + ": " + r.err());
        }
    }
}
