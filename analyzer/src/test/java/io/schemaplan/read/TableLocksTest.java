package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.schemaplan.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A table under another session's DDL is not read half-changed: the read stops and names that session. */
class TableLocksTest {
    private static final String DB = "sp_catalog_locks";

    @BeforeAll
    static void database() {
        LocalPostgres.freshDatabase(DB);
        LocalPostgres.exec(DB, "CREATE TABLE public.apps (id integer PRIMARY KEY);"
                + " CREATE TABLE public.workflow_runs (id integer PRIMARY KEY, app_id integer)");
    }

    @Test
    void aTableHeldExclusivelyByAnotherSessionFailsTheReadAndNamesTheHolder() throws SQLException {
        try (Connection holder = LocalPostgres.connect(DB); Statement s = holder.createStatement()) {
            int pid = pid(s);
            holder.setAutoCommit(false);
            s.execute("LOCK TABLE public.workflow_runs IN ACCESS EXCLUSIVE MODE");
            // The guard only stops a hang; the lock_timeout of 1 s is what ends the read.
            ReadException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(
                    ReadException.class, () -> PostgresCatalogReader.read(LocalPostgres.url(DB), null)));
            assertEquals(LocalPostgres.url(DB) + ": table public.workflow_runs is locked by another session (pid "
                    + pid + ": LOCK TABLE public.workflow_runs IN ACCESS EXCLUSIVE MODE); retry when it is done",
                    e.getMessage());
            holder.rollback();
        }
        assertEquals(2, PostgresCatalogReader.read(LocalPostgres.url(DB), null).tables().size());
    }

    /** {@code stats --exact-counts} counts each table's rows: a locked table is named, not "a table". */
    @Test
    void exactCountsNameTheLockedTable() throws SQLException {
        try (Connection holder = LocalPostgres.connect(DB); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            s.execute("LOCK TABLE public.workflow_runs IN ACCESS EXCLUSIVE MODE");
            ReadException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(
                    ReadException.class, () -> PostgresStatsReader.read(LocalPostgres.url(DB), true)));
            assertEquals(LocalPostgres.url(DB) + ": table public.workflow_runs is locked by another session"
                    + " (lock_timeout expired while counting its rows for --exact-counts); retry when it is done",
                    e.getMessage());
            holder.rollback();
        }
    }

    @Test
    void sharedLocksOfOtherSessionsDoNotStopTheRead() throws SQLException {
        try (Connection reader = LocalPostgres.connect(DB); Statement s = reader.createStatement()) {
            reader.setAutoCommit(false);
            s.execute("SELECT * FROM public.apps");
            assertEquals(2, PostgresCatalogReader.read(LocalPostgres.url(DB), null).tables().size());
            reader.rollback();
        }
    }

    private static int pid(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
