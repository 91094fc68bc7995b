package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Interrupted mid-statement (what the Ctrl-C shutdown hook does), calibration still drops its schema. */
class PgCalibratorTest {
    static final String DB = "sp_calib_interrupt";

    static boolean schemaExists(String schema) {
        try (Connection c = LocalPostgres.connect(DB); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = '" + schema + "'")) {
            rs.next();
            return rs.getInt(1) == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void cleanUpWhileBuildingCancelsTheStatementAndDropsTheSchema() throws Exception {
        LocalPostgres.freshDatabase(DB);
        // Large enough that building the table takes seconds, so the clean-up lands while a statement runs.
        PgCalibrator calibrator = new PgCalibrator(PgUrl.parse(LocalPostgres.url(DB)), 500_000, m -> { });
        CompletableFuture<PgCalibrator.Result> run = CompletableFuture.supplyAsync(calibrator::run);
        while (!schemaExists(calibrator.schema()) && !run.isDone()) {
            Thread.onSpinWait();
        }
        assertTrue(schemaExists(calibrator.schema()), "the scratch schema was created");
        calibrator.cleanUp();
        assertTrue(!schemaExists(calibrator.schema()), "dropped by the clean-up");
        ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, run::get);
        assertInstanceOf(ReadException.class, failed.getCause(), failed.toString());
        assertEquals(false, schemaExists(calibrator.schema()));
    }
}
