package io.schemaplan.read;

import static io.schemaplan.model.Engine.POSTGRES;
import static io.schemaplan.sql.Identifiers.quote;

import io.schemaplan.impact.Calibration;
import io.schemaplan.impact.CostModel;
import io.schemaplan.impact.Calibration.Timings;
import io.schemaplan.impact.Profile;
import io.schemaplan.impact.Work;
import io.schemaplan.model.QName;
import io.schemaplan.model.Stats;
import io.schemaplan.model.TableStats;
import io.schemaplan.text.Printable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Measures a PostgreSQL server's throughputs for {@code schemaplan calibrate}: the one piece of schemaplan
 * that writes to a database. It creates a schema of its own ({@code schemaplan_calibrate_<random>}),
 * builds a table shaped like Dify's workflow_runs in it ({@code calibration-table.sql}), times the
 * statements the cost model prices, and drops the schema again: in a finally block, and from a shutdown
 * hook when the process is interrupted (Ctrl-C) mid-statement.
 *
 * <p>Each timed statement runs in its own transaction that is rolled back, so every measurement starts
 * from the same table. The statements are timed in {@link #ROUNDS} rounds, each timing every statement
 * once; each round gives a profile and the profile is the median of each throughput over the rounds
 * ({@link Calibration#derive(Work, long, List, String)}), so that one round slowed down by other work on
 * the server (a checkpoint, autovacuum, another session) does not skew it. The rewrite "without indexes"
 * drops the indexes inside its transaction first, which measures the copy alone without building a copy
 * of the table. {@code statement_timeout} bounds every statement, so a slow or stuck server cannot hang
 * the command.
 *
 * <p>A CHECKPOINT precedes every timed run (when the role may: superuser or pg_checkpoint). Building and
 * vacuuming the table leaves all of it dirty, and without the checkpoint the first measurements also pay
 * for writing that back, which a production table that has sat on disk for months does not: measured
 * here, the copy of a freshly built 1 M-row table took 17.1 s, the next runs 13.5 s and 13.3 s.
 *
 * <p>The default of {@link #DEFAULT_ROWS} rows is past the knee where both the copy and the index builds
 * slow down per byte on stock settings: measured here, the copy ran at 131 MB/s on 300,000 rows
 * (348 MB), 102 MB/s on 1 M and 96 MB/s on 2 M, because a rewrite that writes more WAL than
 * max_wal_size (1 GB by default) triggers checkpoints that a smaller one never waits for, and index
 * builds took 3.2–4.5× longer for 3.3× the rows (their sorts outgrow maintenance_work_mem and spill),
 * then 2.0–2.4× for 2×. A production rewrite of a large table is always past that knee.
 */
public final class PgCalibrator {
    public static final int DEFAULT_ROWS = 1_000_000;
    public static final String SCHEMA_PREFIX = "schemaplan_calibrate_";
    static final int ROUNDS = 3;
    static final String TABLE = "workflow_runs";
    private static final String TABLE_SQL = "calibration-table.sql";

    /** One timed statement, for the summary the command prints. */
    public record Measurement(String what, double seconds) {
    }

    /**
     * The profile, the table it was measured on (as the statistics see it), the timings, and notes on what
     * may make the profile less representative (no CHECKPOINT permitted, a table below max_wal_size).
     */
    public record Result(Profile profile, Work table, long builtIndexBytes, List<Measurement> measurements,
                         List<String> notes) {
    }

    private final PgUrl url;
    private final int rows;
    private final Consumer<String> progress;
    private final String schema;
    private final int statementTimeoutSeconds;
    private volatile Connection conn;
    private volatile Statement running;
    private boolean cleanedUp;
    /** Whether this role may run CHECKPOINT; found out once, after the build. */
    private boolean checkpoints = true;

    public PgCalibrator(PgUrl url, int rows, Consumer<String> progress) {
        if (rows < 1000) throw new IllegalArgumentException("at least 1000 rows are needed to measure anything");
        this.url = url;
        this.rows = rows;
        this.progress = progress;
        this.schema = SCHEMA_PREFIX + String.format("%08x", ThreadLocalRandom.current().nextInt());
        // Generous for this server's size of work (1 M rows take about 40 s to build here), yet finite.
        this.statementTimeoutSeconds = 60 + rows / 2500;
    }

    public String schema() {
        return schema;
    }

    /** Builds, measures and drops; the schema is gone when this returns or throws. */
    public Result run() {
        Thread hook = new Thread(() -> {
            try {
                cleanUp();
            } catch (ReadException e) {
                System.err.println("schemaplan: " + Printable.escape(e.getMessage()));
            }
        }, "schemaplan-calibrate-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            conn = PgConnections.connect(url);
            try {
                execute("SET statement_timeout = '" + statementTimeoutSeconds + "s'");
                execute("SET lock_timeout = '5s'");
                execute("SET application_name = 'schemaplan calibrate'");
                return measure();
            } catch (SQLException e) {
                throw describe(e);
            }
        } finally {
            cleanUp();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or has run; nothing to remove.
            }
        }
    }

    private Result measure() throws SQLException {
        String s = quote(POSTGRES, schema);
        QName table = QName.of(schema, TABLE);
        String t = s + "." + TABLE;
        progress.accept("building " + rows + " rows in " + schema + " …");
        execute("CREATE SCHEMA " + s);
        execute(tableSql().replace("{{schema}}", s).replace("{{rows}}", String.valueOf(rows)));
        execute("VACUUM ANALYZE " + t);
        execute("VACUUM ANALYZE " + s + ".tenants");
        List<String> notes = new ArrayList<>();
        progress.accept("writing the calibration table back to disk (CHECKPOINT) …");
        probeCheckpoint(notes);
        Stats stats = PostgresStatsReader.read(conn);
        Work work = work(stats, table);
        long maxWal = maxWalSizeBytes();
        if (work.tableBytes() < maxWal) {
            notes.add(String.format(java.util.Locale.ROOT, "the calibration table (%,d MB) is smaller than"
                    + " max_wal_size (%,d MB): its rewrite triggers no checkpoint, so the rewrite throughput is"
                    + " optimistic for large tables; calibrate with more --rows (about %,d)",
                    work.tableBytes() >> 20, maxWal >> 20, (long) ((double) maxWal / work.tableBytes() * rows) + 1));
        }

        long[] built = new long[1];
        List<Timed> statements = List.of(
                new Timed("scan (SET NOT NULL)", List.of(),
                        "ALTER TABLE " + t + " ALTER COLUMN total_steps SET NOT NULL"),
                new Timed("rewrite without indexes (ALTER TYPE bigint)",
                        List.of("ALTER TABLE " + t + " DROP CONSTRAINT workflow_run_pkey",
                                "DROP INDEX " + s + ".workflow_run_triggerd_from_idx, " + s
                                        + ".workflow_run_created_at_idx"),
                        "ALTER TABLE " + t + " ALTER COLUMN total_tokens TYPE bigint"),
                new Timed("rewrite with " + work.indexCount() + " indexes (ALTER TYPE bigint)", List.of(),
                        "ALTER TABLE " + t + " ALTER COLUMN total_tokens TYPE bigint"),
                new Timed("index build (CREATE INDEX)", List.of(),
                        "CREATE INDEX calibrate_idx ON " + t + " (workflow_id, created_at)",
                        () -> built[0] = relationBytes(s + ".calibrate_idx")),
                new Timed("foreign key validation (ADD FOREIGN KEY)", List.of(),
                        "ALTER TABLE " + t + " ADD FOREIGN KEY (tenant_id) REFERENCES " + s + ".tenants (id)"),
                // An unindexed column, as Dify's backfills are; rolled back like the others, then vacuumed:
                // the aborted new versions fill the pages after the table's end, which VACUUM empties and cuts
                // off, so the next round updates the same packed table (no room for HOT updates).
                new Timed("full-table update (UPDATE " + work.indexCount() + " indexes, "
                        + CostModel.awayEntries(work) + " away entries a row)", List.of(),
                        "UPDATE " + t + " SET total_steps = total_steps + 1", () -> { }, List.of("VACUUM " + t)));

        // Rounds, each timing every statement once, so that the copy and the rewrite with indexes (whose
        // difference is the index work) are timed minutes apart at most, under the same conditions.
        double[][] seconds = new double[statements.size()][ROUNDS];
        List<Timings> rounds = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            for (int i = 0; i < statements.size(); i++) {
                progress.accept("round " + (r + 1) + " of " + ROUNDS + ": " + statements.get(i).what() + " …");
                seconds[i][r] = once(statements.get(i));
            }
            rounds.add(new Timings(seconds[0][r], seconds[1][r], seconds[2][r], seconds[3][r], seconds[4][r],
                    seconds[5][r]));
        }
        List<Measurement> out = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) out.add(new Measurement(statements.get(i).what(), Calibration.median(seconds[i])));
        Profile profile = Calibration.derive(work, built[0], rounds, measuredOn(), stats.bufferPoolBytes());
        return new Result(profile, work, built[0], out, List.copyOf(notes));
    }

    /** Tries CHECKPOINT once (in autocommit); a role without the right measures without it, and says so. */
    private void probeCheckpoint(List<String> notes) throws SQLException {
        try {
            execute("CHECKPOINT");
        } catch (SQLException e) {
            if (!"42501".equals(e.getSQLState())) throw e;
            checkpoints = false;
            notes.add("CHECKPOINT is not permitted to this role (it needs superuser or pg_checkpoint): the"
                    + " measurements include writing back the freshly built table, so the profile is pessimistic");
        }
    }

    private long maxWalSizeBytes() throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_size_bytes(current_setting('max_wal_size'))")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** What the cost model would see for this table: the same statistics reader as {@code --stats}. */
    private static Work work(Stats stats, QName table) {
        TableStats ts = stats.table(table).orElseThrow(() -> new IllegalStateException("no statistics for " + table));
        return Work.of(ts, stats, ts.rows());
    }

    @FunctionalInterface
    private interface Probe {
        void run() throws SQLException;
    }

    /**
     * A timed statement: {@code before} runs first in the same transaction, untimed; {@code after} looks at
     * the result; {@code cleanUp} runs in autocommit after the rollback (VACUUM cannot run in a transaction).
     */
    private record Timed(String what, List<String> before, String sql, Probe after, List<String> cleanUp) {
        Timed(String what, List<String> before, String sql) {
            this(what, before, sql, () -> { }, List.of());
        }

        Timed(String what, List<String> before, String sql, Probe after) {
            this(what, before, sql, after, List.of());
        }
    }

    /**
     * Runs {@code before} and then {@code sql} in a transaction that is rolled back, after a CHECKPOINT when
     * the role may; only {@code sql} is timed.
     */
    private double once(Timed st) throws SQLException {
        conn.setAutoCommit(false);
        try {
            if (checkpoints) execute("CHECKPOINT");
            for (String b : st.before()) execute(b);
            long start = System.nanoTime();
            execute(st.sql());
            double seconds = (System.nanoTime() - start) / 1e9;
            st.after().run();
            conn.rollback();
            endTransaction();
            for (String c : st.cleanUp()) execute(c);
            return seconds;
        } finally {
            endTransaction();
        }
    }

    /** Back to autocommit after a measurement, also after a failed one (whose error is the one to report). */
    private void endTransaction() {
        try {
            if (!conn.isClosed()) {
                conn.rollback();
                conn.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // The measurement's own exception is on its way up.
        }
    }

    private long relationBytes(String relation) throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT relpages::bigint * current_setting('block_size')::bigint"
                     + " FROM pg_class WHERE oid = '" + relation + "'::regclass")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String measuredOn() throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT split_part(current_setting('server_version'), ' ', 1)")) {
            rs.next();
            return url.host() + ":" + url.port() + "/" + url.database() + ", PostgreSQL " + rs.getString(1)
                    + ", " + LocalDate.now(ZoneOffset.UTC);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            running = st;
            st.execute(sql);
        } finally {
            running = null;
        }
    }

    /**
     * Drops the schema, once, whether called by {@link #run()} or by the shutdown hook. A statement still
     * running (Ctrl-C) is cancelled and its session closed first, so the drop does not wait behind its locks.
     */
    synchronized void cleanUp() {
        if (cleanedUp) return;
        cleanedUp = true;
        Connection c = conn;
        if (c == null) return;
        Statement st = running;
        try {
            if (st != null) st.cancel();
        } catch (SQLException ignored) {
            // Closing the session below ends the statement anyway.
        }
        PgConnections.closeQuietly(c);
        try (Connection fresh = PgConnections.connect(url); Statement drop = fresh.createStatement()) {
            drop.execute("SET lock_timeout = '10s'");
            drop.execute("DROP SCHEMA IF EXISTS " + quote(POSTGRES, schema) + " CASCADE");
        } catch (SQLException | ReadException e) {
            throw new ReadException(url.redacted() + ": could not drop the calibration schema " + schema
                    + " (drop it by hand: DROP SCHEMA " + quote(POSTGRES, schema) + " CASCADE): " + oneLine(e));
        }
    }

    private ReadException describe(SQLException e) {
        if ("57014".equals(e.getSQLState())) {
            return new ReadException(url.redacted() + ": a calibration statement ran longer than "
                    + statementTimeoutSeconds + " s (statement_timeout) and was cancelled; try fewer --rows");
        }
        return PgErrors.describe(url, e);
    }

    private static String oneLine(Exception e) {
        return e instanceof SQLException s ? PgErrors.serverText(s) : e.getMessage();
    }

    private static String tableSql() {
        try (InputStream in = PgCalibrator.class.getResourceAsStream(TABLE_SQL)) {
            if (in == null) throw new IllegalStateException(TABLE_SQL + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
