package io.schemaplan.read;

import static io.schemaplan.model.Engine.POSTGRES;
import static io.schemaplan.sql.Identifiers.qualified;

import io.schemaplan.model.CheckpointSettings;
import io.schemaplan.model.QName;
import io.schemaplan.model.Stats;
import io.schemaplan.model.TableStats;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@link Stats} from a live PostgreSQL catalog, never from table data, in a read-only session with
 * lock_timeout 1 s ({@link PgConnections}).
 *
 * <p>Sizes are {@code relpages × block_size}, not {@code pg_relation_size()}: pg_relation_size opens
 * each relation under ACCESS SHARE, so during a migration it queues behind (and, while queued, in front
 * of) an ACCESS EXCLUSIVE request, and it stats every file. relpages is plain catalog data, read in one
 * snapshot without locking any table; it is as fresh as the last VACUUM, ANALYZE or CREATE INDEX, which
 * autovacuum keeps close enough for estimating minutes. {@code scripts/stats-postgres.sql} runs the same
 * expressions, so its JSON equals what this reader returns. The buffer cache ({@link Stats#bufferPoolBytes}) is
 * shared_buffers in bytes: {@code current_setting} shows it with its unit, which {@code pg_size_bytes} reads.
 */
public final class PostgresStatsReader {
    /** The relations measured: tables, partitioned tables and materialized views of user schemas. */
    static final String USER_RELATION = "c.relkind IN ('r', 'p', 'm') AND n.nspname <> 'information_schema'"
            + " AND n.nspname NOT LIKE 'pg\\_%'";

    static final String SETTINGS_SQL = "SELECT split_part(current_setting('server_version'), ' ', 1),"
            + " (SELECT setting::bigint * 1024 FROM pg_settings WHERE name = 'maintenance_work_mem'),"
            + " current_setting('max_parallel_maintenance_workers')::int, current_setting('block_size')::int,"
            + " pg_size_bytes(current_setting('shared_buffers'))";

    /** The checkpoint settings ({@link CheckpointSettings}), units resolved by pg_settings itself. */
    static final String CHECKPOINT_SQL = "SELECT (SELECT pg_size_bytes(setting || unit) FROM pg_settings"
            + " WHERE name = 'max_wal_size'), (SELECT setting::bigint FROM pg_settings WHERE name = 'checkpoint_timeout'),"
            + " current_setting('checkpoint_completion_target')::float8, current_setting('full_page_writes')::bool";

    /**
     * Per index, the position of its first key column that follows the heap's order (|correlation| ≥ 0.9 in
     * pg_stats) and the product of the preceding key columns' distinct counts (n_distinct, a negative one
     * being a share of the rows); an index with no such column, or a prefix column without statistics (an
     * expression, not analyzed), is left out: it counts as scattered ({@link TableStats#heapOrderedIndexes}).
     * scripts/stats-postgres.sql runs the same query.
     */
    static final String HEAP_ORDERED_SQL = resource("heap-ordered-indexes.sql");

    static final String TABLES_SQL = "SELECT n.nspname, c.relname, c.reltuples::bigint,"
            + " c.relpages::bigint * current_setting('block_size')::bigint,"
            + " coalesce(t.relpages, 0)::bigint * current_setting('block_size')::bigint"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_class t ON t.oid = c.reltoastrelid WHERE " + USER_RELATION;

    static final String INDEXES_SQL = "SELECT n.nspname, c.relname, i.relname,"
            + " i.relpages::bigint * current_setting('block_size')::bigint"
            + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_RELATION;

    /** Average stored widths as ANALYZE sampled them; a partitioned parent's rows are its children's. */
    static final String COLUMNS_SQL = "SELECT s.schemaname, s.tablename, s.attname, s.avg_width FROM pg_stats s"
            + " WHERE NOT s.inherited AND s.schemaname <> 'information_schema' AND s.schemaname NOT LIKE 'pg\\_%'";

    private PostgresStatsReader() {
    }

    /** Reads the statistics of the database a URL names ({@code postgresql://user@host:port/db}). */
    public static Stats read(String url) {
        return read(url, false);
    }

    /**
     * The same; with {@code exactCounts} the row counts come from {@code count(*)} on each table instead of
     * reltuples. That reads every table (and takes ACCESS SHARE locks, which queue behind a running
     * migration), so it is never the default; its statement timeout is raised to {@link #COUNT_TIMEOUT}.
     */
    public static Stats read(String url, boolean exactCounts) {
        PgUrl pgUrl = PgUrl.parse(url);
        try (Connection conn = PgConnections.openReadOnly(pgUrl)) {
            Stats stats = read(conn);
            return StatsJson.checked(pgUrl.redacted(), exactCounts ? withExactCounts(conn, stats, pgUrl) : stats);
        } catch (SQLException e) {
            throw PgErrors.describe(pgUrl, e);
        }
    }

    static final String COUNT_TIMEOUT = "30min";

    static Stats withExactCounts(Connection conn, Stats stats, PgUrl url) throws SQLException {
        List<TableStats> counted = new ArrayList<>();
        try (Statement s = conn.createStatement()) {
            s.execute("SET LOCAL statement_timeout = '" + COUNT_TIMEOUT + "'");
            for (TableStats t : stats.tables()) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM ONLY "
                        + qualified(POSTGRES, t.table()))) {
                    rs.next();
                    counted.add(t.withRows(rs.getLong(1)));
                } catch (SQLException e) {
                    // The generic 55P03 message cannot say which table: here we know it.
                    if (!"55P03".equals(e.getSQLState())) throw e;
                    throw new ReadException(url.redacted() + ": table " + t.table() + " is locked by another session"
                            + " (lock_timeout expired while counting its rows for --exact-counts); retry when it is done");
                }
            }
        }
        return stats.withTables(counted);
    }


    /** Reads the statistics over an open session (the caller chose its settings). */
    public static Stats read(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement()) {
            String version;
            long maintenanceWorkMem;
            int workers;
            int blockSize;
            long sharedBuffers;
            try (ResultSet rs = s.executeQuery(SETTINGS_SQL)) {
                rs.next();
                version = rs.getString(1);
                maintenanceWorkMem = rs.getLong(2);
                workers = rs.getInt(3);
                blockSize = rs.getInt(4);
                sharedBuffers = rs.getLong(5);
            }
            CheckpointSettings checkpoints;
            try (ResultSet rs = s.executeQuery(CHECKPOINT_SQL)) {
                rs.next();
                checkpoints = new CheckpointSettings(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getBoolean(4));
            }
            Map<QName, Map<String, Long>> ordered = new HashMap<>();
            try (ResultSet rs = s.executeQuery(HEAP_ORDERED_SQL)) {
                while (rs.next()) {
                    ordered.computeIfAbsent(QName.of(rs.getString(1), rs.getString(2)), k -> new HashMap<>())
                            .put(rs.getString(3), rs.getLong(4));
                }
            }
            Map<QName, Map<String, Long>> indexes = new HashMap<>();
            try (ResultSet rs = s.executeQuery(INDEXES_SQL)) {
                while (rs.next()) {
                    indexes.computeIfAbsent(QName.of(rs.getString(1), rs.getString(2)), k -> new HashMap<>())
                            .put(rs.getString(3), rs.getLong(4));
                }
            }
            Map<QName, Map<String, Integer>> widths = new HashMap<>();
            try (ResultSet rs = s.executeQuery(COLUMNS_SQL)) {
                while (rs.next()) {
                    widths.computeIfAbsent(QName.of(rs.getString(1), rs.getString(2)), k -> new HashMap<>())
                            .put(rs.getString(3), rs.getInt(4));
                }
            }
            List<TableStats> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(TABLES_SQL)) {
                while (rs.next()) {
                    QName name = QName.of(rs.getString(1), rs.getString(2));
                    Map<String, Long> ix = indexes.getOrDefault(name, Map.of());
                    long rows = rs.getLong(3);
                    tables.add(new TableStats(name, rows < 0 ? TableStats.UNKNOWN_ROWS : rows, rs.getLong(4),
                            rs.getLong(5), ix.values().stream().mapToLong(Long::longValue).sum(), ix,
                            widths.getOrDefault(name, Map.of()), ordered.getOrDefault(name, Map.of())));
                }
            }
            List<io.schemaplan.model.BinaryCast> casts = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(CASTS_SQL)) {
                while (rs.next()) {
                    String methods = rs.getString(4);
                    casts.add(new io.schemaplan.model.BinaryCast(rs.getString(1), rs.getString(2),
                            methods.isEmpty() ? List.of() : List.of(methods.split(","))));
                }
            }
            return new Stats(version, maintenanceWorkMem, workers, blockSize, tables, casts, sharedBuffers, checkpoints);
        }
    }

    /**
     * The server's binary-coercible casts (its own pg_cast, so the extensions it has count), the query that
     * also generates the table for dumps ({@code scripts/pg-casts.sql}); about 50 ms on a stock server.
     */
    static final String CASTS_SQL = resource("pg-binary-casts.sql");

    private static String resource(String name) {
        try (var in = PostgresStatsReader.class.getResourceAsStream(name)) {
            return new String(java.util.Objects.requireNonNull(in, name).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
