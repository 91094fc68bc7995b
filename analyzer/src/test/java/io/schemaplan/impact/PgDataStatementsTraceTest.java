package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The data statement rules and their cost terms, replayed on the local PostgreSQL beyond what
 * {@code PgRulesTraceTest} checks for every rule: who waits for whom while the statement's transaction is
 * open (a reader, a writer of other rows, an ALTER TABLE, each under a short lock_timeout so a wait shows as
 * SQLSTATE 55P03 instead of a hang), the row counters, the files, and the WAL the statement wrote. WAL is
 * read with pg_walinspect and counted for the statement's own transaction id only, so the other sessions
 * writing to the same server at the same time do not count; a CHECKPOINT first makes the pages old, as a
 * production table's are, so the full-page images the model counts are really written. A temporary
 * replication slot of session B keeps that WAL on disk until it is read: on a shared server other sessions'
 * checkpoints would otherwise recycle the segments first.
 */
class PgDataStatementsTraceTest {
    private static final String DB = "sp_dataops_pg";
    private static final int ROWS = 20_000;
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    /** The rows of {@link #ROWS} in a table shaped like PgTraces' base table, packed (fillfactor 100). */
    private static final String TABLE = "CREATE TABLE %1$s (id int NOT NULL, a int, b text, c varchar(100), d timestamp,"
            + " e text) WITH (autovacuum_enabled = off);"
            + " INSERT INTO %1$s SELECT g, g %% 100, 'b' || g, 'c' || g, timestamp '2024-01-01' + g * interval '1 minute',"
            + " 'e' || g FROM generate_series(1, " + ROWS + ") g;"
            + " CREATE UNIQUE INDEX %1$s_id ON %1$s (id); CREATE INDEX %1$s_a ON %1$s (a)";

    @BeforeAll
    static void database() {
        LocalPostgres.freshDatabase(DB);
        LocalPostgres.exec(DB, "CREATE EXTENSION pg_walinspect");
    }

    @AfterAll
    static void dropDatabase() {
        LocalPostgres.dropDatabase(DB);
    }

    /** What one statement did: its WAL (records and page images), and the table's files before and after. */
    record Written(long walBytes, long pageImageBytes, Work before, long heapAfter, long indexesAfter,
                   long fileBefore, long fileAfter) {
    }

    @Test
    void aFullTableUpdateLocksRowsNotTheTableWritesEveryRowAgainAndTheWalTheModelSays() throws Exception {
        table("upd");
        try (Connection a = LocalPostgres.connect(DB); Connection b = LocalPostgres.connect(DB)) {
            Map<String, Long> counters = counters(b, "upd");
            Written w = written(a, b, "upd", "UPDATE upd SET e = 'x' || id", () -> {
                assertEquals(LockMode.ROW_EXCLUSIVE, lockOf(b, pid(a), "upd"));
                assertTrue(readerGoesOn(b, "SELECT count(*) FROM upd"), "a reader waited for the UPDATE");
                assertEquals(LOCK_NOT_AVAILABLE, waits(b, "ALTER TABLE upd ADD COLUMN z int"),
                        "an ALTER TABLE waits for the UPDATE's transaction");
                assertEquals(LOCK_NOT_AVAILABLE, waits(b, "UPDATE upd SET a = 0 WHERE id = 7"),
                        "a writer of an updated row waits");
            });
            Map<String, Long> after = counters(b, "upd");
            assertEquals(ROWS, after.get("n_tup_upd") - counters.get("n_tup_upd"));
            // e is not indexed, yet the table is packed: the new versions find no room on their page, so
            // almost none is a heap-only tuple and every index gets an entry per row.
            assertTrue(after.get("n_tup_hot_upd") - counters.get("n_tup_hot_upd") < ROWS / 50, after.toString());
            assertEquals(w.fileBefore(), w.fileAfter(), "an UPDATE rewrites no file");
            Estimate e = CostModel.estimate(Cost.ROW_WRITES, w.before(), Profile.DEFAULT);
            System.out.printf("[dataops] UPDATE wal %,d (page images %,d), model %,d; growth %,d, model %,d%n",
                    w.walBytes(), w.pageImageBytes(), e.walBytes(), growth(w), e.extraDiskBytes());
            assertWithin(e.walBytes(), w.walBytes(), 1.3, "UPDATE WAL");
            assertWithin(w.before().heapBytes() + w.before().indexBytes(), w.pageImageBytes(), 1.3,
                    "one image of every heap and index page");
            assertWithin(e.extraDiskBytes(), growth(w), 1.3, "the table and its indexes double");
        }
    }

    @Test
    void aBatchedUpdateHoldsOnlyTheRowsOfItsBatch() throws Exception {
        table("bat");
        int batch = 5_000;
        try (Connection a = LocalPostgres.connect(DB); Connection b = LocalPostgres.connect(DB)) {
            a.setAutoCommit(false);
            for (int lo = 1; lo <= ROWS; lo += batch) {
                int hi = lo + batch;
                run(a, "UPDATE bat SET e = 'x' || id WHERE id >= " + lo + " AND id < " + hi);
                int outside = hi <= ROWS ? hi : 1;
                assertEquals(LockMode.ROW_EXCLUSIVE, lockOf(b, pid(a), "bat"));
                assertTrue(readerGoesOn(b, "UPDATE bat SET a = a WHERE id = " + outside),
                        "a writer of a row outside the batch " + lo + ".." + hi + " waited");
                assertEquals(LOCK_NOT_AVAILABLE, waits(b, "UPDATE bat SET a = a WHERE id = " + lo),
                        "a writer of a row in the batch waits until the batch commits");
                a.commit();
                assertTrue(readerGoesOn(b, "UPDATE bat SET a = a WHERE id = " + lo), "the batch committed");
            }
            assertEquals(ROWS, count(b, "SELECT count(*) FROM bat WHERE e LIKE 'x%'"));
        }
    }

    @Test
    void aDeleteMarksRowsWithoutNewFilesOrGrowth() throws Exception {
        table("del");
        try (Connection a = LocalPostgres.connect(DB); Connection b = LocalPostgres.connect(DB)) {
            Map<String, Long> counters = counters(b, "del");
            Written w = written(a, b, "del", "DELETE FROM del", () -> {
                assertEquals(LockMode.ROW_EXCLUSIVE, lockOf(b, pid(a), "del"));
                assertTrue(readerGoesOn(b, "SELECT count(*) FROM del"), "a reader waited for the DELETE");
            });
            assertEquals(ROWS, counters(b, "del").get("n_tup_del") - counters.get("n_tup_del"));
            assertEquals(w.fileBefore(), w.fileAfter());
            assertEquals(0, growth(w), "the deleted rows stay until VACUUM: nothing grows, nothing shrinks");
            Estimate e = CostModel.estimate(Cost.ROW_DELETES, w.before(), Profile.DEFAULT);
            System.out.printf("[dataops] DELETE wal %,d, model %,d%n", w.walBytes(), e.walBytes());
            assertWithin(e.walBytes(), w.walBytes(), 1.3, "DELETE WAL");
            assertWithin(w.before().heapBytes(), w.pageImageBytes(), 1.3, "one image of every heap page, none of an index");
        }
    }

    @Test
    void insertSelectTakesAccessShareOnTheSourceAndItsWritersGoOn() throws Exception {
        table("src");
        LocalPostgres.exec(DB, "CREATE TABLE dst (LIKE src); CREATE UNIQUE INDEX dst_id ON dst (id)");
        try (Connection a = LocalPostgres.connect(DB); Connection b = LocalPostgres.connect(DB)) {
            Work source = work(b, "src");
            Written w = written(a, b, "dst", "INSERT INTO dst SELECT * FROM src", () -> {
                assertEquals(LockMode.ROW_EXCLUSIVE, lockOf(b, pid(a), "dst"));
                assertEquals(LockMode.ACCESS_SHARE, lockOf(b, pid(a), "src"));
                assertTrue(readerGoesOn(b, "UPDATE src SET a = a WHERE id = 3"), "a writer of the source waited");
                assertEquals(LOCK_NOT_AVAILABLE, waits(b, "ALTER TABLE src ADD COLUMN z int"),
                        "an ALTER TABLE of the source waits");
            });
            // The target had no rows: its one index is sized from the source's bytes per index.
            Estimate e = CostModel.estimate(Cost.ROW_INSERTS, Work.copying(source, ROWS, w.before()), Profile.DEFAULT);
            System.out.printf("[dataops] INSERT ... SELECT wal %,d, model %,d; growth %,d, model %,d%n",
                    w.walBytes(), e.walBytes(), growth(w), e.extraDiskBytes());
            assertWithin(e.walBytes(), w.walBytes(), 1.5, "INSERT ... SELECT WAL");
            assertWithin(e.extraDiskBytes(), growth(w), 1.5, "the rows and their index entries");
        }
    }

    @Test
    void createTableAsReadsUnderAccessShareAndWritesTheRows() throws Exception {
        table("cta");
        try (Connection a = LocalPostgres.connect(DB); Connection b = LocalPostgres.connect(DB)) {
            Work source = work(b, "cta");
            keepWal(b);
            a.setAutoCommit(false);
            long x = count(a, "SELECT txid_current()");
            String start = text(a, "SELECT pg_current_wal_lsn()");
            run(a, "CREATE TABLE cta_copy AS SELECT * FROM cta");
            assertEquals(LockMode.ACCESS_SHARE, lockOf(b, pid(a), "cta"));
            assertTrue(readerGoesOn(b, "UPDATE cta SET a = a WHERE id = 3"), "a writer of the source waited");
            a.commit();
            long[] wal = wal(b, start, x);
            Estimate e = CostModel.estimate(Cost.ROW_INSERTS, Work.copying(source, ROWS, Work.NONE), Profile.DEFAULT);
            long size = count(b, "SELECT pg_table_size('cta_copy')");
            System.out.printf("[dataops] CREATE TABLE AS wal %,d, model %,d; size %,d, model %,d%n",
                    wal[0], e.walBytes(), size, e.extraDiskBytes());
            assertEquals(ROWS, count(b, "SELECT count(*) FROM cta_copy"));
            assertWithin(e.walBytes(), wal[0], 1.5, "CREATE TABLE AS WAL");
            assertWithin(e.extraDiskBytes(), size, 1.3, "the new table");
        }
    }

    @Test
    void truncateTakesAccessExclusiveAndNewFilesInConstantTime() throws Exception {
        table("tru");
        try (Connection a = LocalPostgres.connect(DB); Connection b = LocalPostgres.connect(DB)) {
            Written w = written(a, b, "tru", "TRUNCATE tru", () -> {
                assertEquals(LockMode.ACCESS_EXCLUSIVE, lockOf(b, pid(a), "tru"));
                assertEquals(LOCK_NOT_AVAILABLE, waits(b, "SELECT count(*) FROM tru"), "a reader waits for TRUNCATE");
            });
            assertNotEquals(w.fileBefore(), w.fileAfter(), "TRUNCATE gives the table a new file");
            assertTrue(w.walBytes() < 64 * 1024, "constant WAL whatever the rows: " + w.walBytes());
            assertEquals(Estimate.NONE, CostModel.estimate(PgRules.forOperation(PgOperation.TRUNCATE, 15).orElseThrow()
                    .cost(), w.before(), Profile.DEFAULT));
        }
    }

    /** The work of a row-writing statement between the expected and the measured: within a factor. */
    private static void assertWithin(long expected, long measured, double factor, String what) {
        assertTrue(measured >= expected / factor && measured <= expected * factor,
                what + ": measured " + measured + ", expected " + expected + " (within x" + factor + ")");
    }

    private static long growth(Written w) {
        return w.heapAfter() + w.indexesAfter() - w.before().heapBytes() - w.before().indexBytes();
    }

    private static void table(String name) {
        LocalPostgres.exec(DB, String.format(TABLE, name));
        LocalPostgres.exec(DB, "VACUUM ANALYZE " + name); // as a production table: hint bits set, visibility map
    }

    interface Check {
        void run() throws Exception;
    }

    /**
     * Runs {@code sql} on A in a transaction after a CHECKPOINT, runs {@code whileOpen} before commit, and
     * returns the WAL of A's transaction and the table's sizes and file around it.
     */
    private static Written written(Connection a, Connection b, String table, String sql, Check whileOpen)
            throws Exception {
        Work before = work(b, table);
        long fileBefore = count(b, "SELECT pg_relation_filenode('" + table + "')");
        run(b, "CHECKPOINT");
        keepWal(b);
        a.setAutoCommit(false);
        long x = count(a, "SELECT txid_current()");
        String start = text(a, "SELECT pg_current_wal_lsn()");
        run(a, sql);
        whileOpen.run();
        run(a, "SELECT pg_stat_force_next_flush()"); // the counters are flushed as A goes idle after COMMIT
        a.commit();
        a.setAutoCommit(true);
        long[] wal = wal(b, start, x);
        return new Written(wal[0], wal[1], before, count(b, "SELECT pg_relation_size('" + table + "')"),
                count(b, "SELECT pg_indexes_size('" + table + "')"), fileBefore,
                count(b, "SELECT pg_relation_filenode('" + table + "')"));
    }

    /** Keeps the WAL from now on until B's session ends (a temporary slot, reserved at once). */
    private static void keepWal(Connection b) throws SQLException {
        run(b, "SELECT pg_create_physical_replication_slot('sp_dataops_' || pg_backend_pid(), true, true)"
                + " WHERE NOT EXISTS (SELECT FROM pg_replication_slots WHERE slot_name = 'sp_dataops_' || pg_backend_pid())");
    }

    /** The WAL bytes of transaction {@code xid} since {@code start}, and the part of it that is page images. */
    private static long[] wal(Connection b, String start, long xid) throws SQLException {
        try (PreparedStatement ps = b.prepareStatement("SELECT coalesce(sum(record_length), 0)::bigint,"
                + " coalesce(sum(fpi_length), 0)::bigint FROM pg_get_wal_records_info(?::pg_lsn, pg_current_wal_lsn())"
                + " WHERE xid = ?::xid")) {
            ps.setString(1, start);
            ps.setString(2, String.valueOf(xid));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    /** The table as the cost model sees it: rows, heap (+ TOAST), indexes. */
    private static Work work(Connection b, String table) throws SQLException {
        long rows = count(b, "SELECT count(*) FROM " + table);
        long heap = count(b, "SELECT pg_relation_size('" + table + "')");
        long all = count(b, "SELECT pg_table_size('" + table + "')");
        long indexes = count(b, "SELECT pg_indexes_size('" + table + "')");
        int n = (int) count(b, "SELECT count(*) FROM pg_index WHERE indrelid = '" + table + "'::regclass");
        return new Work(rows, all, heap, indexes, n, 0, true);
    }

    private static Map<String, Long> counters(Connection b, String table) throws SQLException {
        run(b, "SELECT pg_stat_clear_snapshot()");
        Map<String, Long> m = new HashMap<>();
        try (Statement s = b.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT n_tup_upd, n_tup_hot_upd, n_tup_del FROM pg_stat_user_tables WHERE relname = '" + table + "'")) {
            rs.next();
            for (String c : new String[] {"n_tup_upd", "n_tup_hot_upd", "n_tup_del"}) m.put(c, rs.getLong(c));
        }
        return m;
    }

    /** The strongest relation lock a backend holds on a table. */
    private static LockMode lockOf(Connection b, int pid, String table) throws SQLException {
        LockMode strongest = null;
        try (PreparedStatement ps = b.prepareStatement("SELECT mode FROM pg_locks WHERE pid = ? AND locktype = 'relation'"
                + " AND relation = ?::regclass")) {
            ps.setInt(1, pid);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) strongest = LockMode.stronger(strongest, LockMode.ofPgName(rs.getString(1)));
            }
        }
        return strongest;
    }

    /** True when the statement runs to its end on B without waiting more than a second for a lock. */
    private static boolean readerGoesOn(Connection b, String sql) throws SQLException {
        return waits(b, sql) == null;
    }

    /** The SQLSTATE the statement fails with under lock_timeout 1 s on B (rolled back), or null when it ran. */
    private static String waits(Connection b, String sql) throws SQLException {
        boolean auto = b.getAutoCommit();
        b.setAutoCommit(false);
        try {
            run(b, "SET LOCAL lock_timeout = '1s'");
            run(b, sql);
            return null;
        } catch (SQLException e) {
            return e.getSQLState();
        } finally {
            b.rollback();
            b.setAutoCommit(auto);
        }
    }

    private static int pid(Connection c) throws SQLException {
        return (int) count(c, "SELECT pg_backend_pid()");
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
