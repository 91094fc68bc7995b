package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every rule that applies to the local server's major version and checks what the server does
 * against what the rule says. Session A runs the DDL; session B watches:
 * <ul>
 * <li>lock: {@code pg_locks} rows of A's pid on the relations that existed before the DDL (the table and
 * its indexes, because planning any query on a table opens all its indexes), read while A's transaction
 * is still open, or, for CONCURRENTLY forms (which refuse a transaction block), while A waits behind each
 * blocker session;</li>
 * <li>rewrite: {@code pg_class.relfilenode} of the table (by oid) and of its indexes (by name, since a type
 * change recreates them under new oids) before and after commit;</li>
 * <li>scan: the delta of {@code pg_stat_user_tables.seq_scan}. PostgreSQL 15 keeps a backend's counters
 * pending and flushes them at most once a second when the backend goes idle;
 * {@code pg_stat_force_next_flush()} makes the next idle point flush unconditionally, and that flush runs
 * before the server reports ReadyForQuery, so once A's COMMIT returns, B sees the counts. Autovacuum is off
 * on the test tables, and analyze/vacuum would not count as seq scans anyway. (The pg_stat_get_xact_*
 * functions would work in-transaction too, but not for CONCURRENTLY forms that run several transactions.)</li>
 * </ul>
 */
class PgRulesTraceTest {
    /** Overridable so that two worktrees tracing at once on one server do not share a database. */
    private static final String DB = System.getProperty("schemaplan.trace.db", "sp_impact_trace");
    private static int serverMajor;

    @BeforeAll
    static void database() {
        LocalPostgres.freshDatabase(DB);
    }

    static Stream<PgRule> rulesOfThisServer() {
        return PgRules.all().stream().filter(r -> r.appliesTo(serverMajor()));
    }

    /** Read before @BeforeAll runs: JUnit asks for the parameters first. */
    private static int serverMajor() {
        if (serverMajor == 0) {
            try (Connection c = LocalPostgres.connect("postgres"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
                rs.next();
                serverMajor = rs.getInt(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return serverMajor;
    }

    @Test
    void everyOperationHasATrace() {
        for (PgOperation op : PgOperation.values()) {
            assertTrue(PgTraces.ALL.containsKey(op), "no trace for " + op);
        }
    }

    /** What the server did, in the rule's terms. */
    record Observed(LockMode lock, LockMode otherLock, boolean rewritesTable, boolean rebuildsIndexes,
                    boolean scansTable) {
        /**
         * TRUNCATE's new empty files change relfilenode just as a rewrite's copies do, and it builds each index
         * again over the new empty heap, which counts as a seq scan (of nothing).
         */
        static Observed predictedBy(PgRule r) {
            boolean empties = r.emptiesTable();
            return new Observed(r.lock(), r.otherLock(), r.rewritesTable() || empties, r.rebuildsIndexes() || empties,
                    r.scansTable() || empties);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesOfThisServer")
    void serverDoesWhatTheRuleSays(PgRule rule) throws Exception {
        PgTraces trace = PgTraces.ALL.get(rule.operation()).named(rule.operation());
        try (Connection a = LocalPostgres.connect(DB); Connection b = LocalPostgres.connect(DB)) {
            run(a, trace.setup());
            run(a, "SELECT pg_stat_force_next_flush()");
            int pidA = intOf(a, "SELECT pg_backend_pid()");
            Set<Long> table = relationAndIndexes(b, trace.table());
            Set<Long> other = relationAndIndexes(b, trace.other());
            Map<String, Long> filesBefore = files(b, trace.table(), trace.other());
            long seqScansBefore = seqScans(b, trace.scanned());

            Map<Long, LockMode> locks = rule.runsInTransactionBlock()
                    ? inTransaction(a, b, pidA, trace.ddl())
                    : outsideTransaction(a, b, pidA, trace);
            run(a, "SELECT pg_stat_force_next_flush()");

            Map<String, Long> filesAfter = files(b, trace.table(), trace.other());
            Observed observed = new Observed(
                    strongest(locks, table),
                    strongest(locks, other),
                    changed(filesBefore, filesAfter, Set.of(trace.table())),
                    changed(filesBefore, filesAfter, indexNames(filesBefore, trace)),
                    seqScans(b, trace.scanned()) > seqScansBefore);
            System.out.println("[trace] " + rule.operation() + " " + observed);
            assertEquals(Observed.predictedBy(rule), observed, rule.id() + " " + rule.operation() + ": " + trace.ddl());
        }
    }

    /** The CONCURRENTLY forms really refuse a transaction block, so a migration tool must run them apart. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesOfThisServer")
    void operationsOutsideTransactionBlocksAreRefusedInside(PgRule rule) throws Exception {
        if (rule.runsInTransactionBlock()) return;
        PgTraces trace = PgTraces.ALL.get(rule.operation()).named(rule.operation(), "n");
        try (Connection a = LocalPostgres.connect(DB)) {
            run(a, trace.setup());
            a.setAutoCommit(false);
            SQLException e = assertThrows(SQLException.class, () -> run(a, trace.ddl()));
            assertEquals("25001", e.getSQLState(), rule.operation() + ": " + e.getMessage());
            a.rollback();
        }
    }

    private static Map<Long, LockMode> inTransaction(Connection a, Connection b, int pidA, String ddl) throws SQLException {
        a.setAutoCommit(false);
        run(a, ddl);
        Map<Long, LockMode> locks = locksOf(b, pidA);
        a.commit();
        a.setAutoCommit(true);
        return locks;
    }

    /**
     * Runs a CONCURRENTLY form on A while the blockers hold their transactions open on other sessions; at
     * each stop (A waiting on a lock) the locks A holds or awaits are recorded, then the next blocker ends.
     */
    private static Map<Long, LockMode> outsideTransaction(Connection a, Connection b, int pidA, PgTraces trace)
            throws Exception {
        List<Connection> blockers = new ArrayList<>();
        try {
            for (String sql : trace.blockers()) {
                Connection c = LocalPostgres.connect(DB);
                c.setAutoCommit(false);
                run(c, sql);
                blockers.add(c);
            }
            CompletableFuture<Void> ddl = CompletableFuture.runAsync(() -> {
                try {
                    run(a, trace.ddl());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Map<Long, LockMode> locks = new HashMap<>();
            for (Connection blocker : blockers) {
                awaitLockWait(b, pidA, ddl);
                // A multi-transaction DDL (DETACH … CONCURRENTLY) can report a lock wait at the instant it
                // sits between its transactions holding no relation lock: look again until it holds one.
                Map<Long, LockMode> seen = locksOf(b, pidA);
                for (int i = 0; i < 200 && seen.isEmpty() && !ddl.isDone(); i++) {
                    Thread.sleep(10);
                    seen = locksOf(b, pidA);
                }
                seen.forEach((rel, mode) -> locks.merge(rel, mode, LockMode::stronger));
                blocker.commit();
            }
            ddl.get(30, TimeUnit.SECONDS);
            return locks;
        } finally {
            for (Connection c : blockers) c.close();
        }
    }

    private static void awaitLockWait(Connection b, int pid, CompletableFuture<Void> ddl) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (ddl.isDone()) {
                ddl.get();
                throw new AssertionError("the DDL finished without waiting for the blocker");
            }
            try (PreparedStatement ps = b.prepareStatement(
                    "SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = ?")) {
                ps.setInt(1, pid);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) return;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the DDL never waited for a lock");
    }

    /** Relation locks held or awaited by a backend: relation oid to its strongest mode. */
    private static Map<Long, LockMode> locksOf(Connection b, int pid) throws SQLException {
        Map<Long, LockMode> locks = new HashMap<>();
        try (PreparedStatement ps = b.prepareStatement(
                "SELECT relation::bigint, mode FROM pg_locks WHERE pid = ? AND locktype = 'relation'")) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    locks.merge(rs.getLong(1), LockMode.ofPgName(rs.getString(2)), LockMode::stronger);
                }
            }
        }
        return locks;
    }

    private static LockMode strongest(Map<Long, LockMode> locks, Set<Long> relations) {
        return relations.stream().map(locks::get).reduce(null, LockMode::stronger);
    }

    /** The relation and its indexes, as they exist now (nothing when the relation does not exist yet). */
    private static Set<Long> relationAndIndexes(Connection b, String relation) throws SQLException {
        Set<Long> oids = new HashSet<>();
        if (relation == null) return oids;
        try (PreparedStatement ps = b.prepareStatement("SELECT c.oid::bigint FROM pg_class c WHERE c.oid = to_regclass(?)"
                + " UNION ALL SELECT indexrelid::bigint FROM pg_index WHERE indrelid = to_regclass(?)")) {
            ps.setString(1, relation);
            ps.setString(2, relation);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) oids.add(rs.getLong(1));
            }
        }
        return oids;
    }

    /**
     * relfilenode by name of the watched relations and their indexes. The table is looked up by its oid
     * (captured under its first name) so that a rename does not look like a rewrite.
     */
    private Map<String, Long> files(Connection b, String... relations) throws SQLException {
        Map<String, Long> files = new HashMap<>();
        for (String relation : relations) {
            if (relation == null) continue;
            Long oid = tableOids.computeIfAbsent(relation, r -> oidOf(b, r));
            if (oid == null) continue;
            try (PreparedStatement ps = b.prepareStatement("SELECT ?, relfilenode::bigint FROM pg_class WHERE oid = ?"
                    + " UNION ALL SELECT c.relname, c.relfilenode::bigint FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                    + " WHERE i.indrelid = ?")) {
                ps.setString(1, relation);
                ps.setLong(2, oid);
                ps.setLong(3, oid);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) files.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return files;
    }

    private final Map<String, Long> tableOids = new HashMap<>();

    private static Long oidOf(Connection b, String relation) {
        try (PreparedStatement ps = b.prepareStatement("SELECT to_regclass(?)::oid::bigint")) {
            ps.setString(1, relation);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long oid = rs.getLong(1);
                return rs.wasNull() ? null : oid;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> indexNames(Map<String, Long> before, PgTraces trace) {
        Set<String> names = new HashSet<>(before.keySet());
        names.remove(trace.table());
        names.remove(trace.other());
        return names;
    }

    /** True when one of the names exists before and after with a different relfilenode. */
    private static boolean changed(Map<String, Long> before, Map<String, Long> after, Set<String> names) {
        return names.stream().anyMatch(n -> before.containsKey(n) && after.containsKey(n)
                && !before.get(n).equals(after.get(n)));
    }

    private static long seqScans(Connection b, String relation) throws SQLException {
        if (relation == null) return 0;
        try (PreparedStatement ps = b.prepareStatement(
                "SELECT coalesce((SELECT seq_scan FROM pg_stat_user_tables WHERE relid = to_regclass(?)), 0)")) {
            ps.setString(1, relation);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static int intOf(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static void run(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
