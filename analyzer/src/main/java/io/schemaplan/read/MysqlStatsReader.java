package io.schemaplan.read;

import io.schemaplan.model.Engine;
import io.schemaplan.model.QName;
import io.schemaplan.model.Stats;
import io.schemaplan.model.TableStats;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@link Stats} from a live MySQL/MariaDB catalog, never from table data, in the readers' read-only
 * session ({@link MysqlConnections}). {@code scripts/stats-mysql.sql} computes the same values with the
 * {@code mysql}/{@code mariadb} client alone, so its JSON equals what this reader returns:
 * <ul>
 *   <li>rows: {@code information_schema.TABLES.TABLE_ROWS}, InnoDB's estimate from its persistent
 *       statistics (reading it does not scan: {@code innodb_stats_on_metadata} is off by default);</li>
 *   <li>heapBytes: {@code DATA_LENGTH}, the clustered index, which holds every column including off-page
 *       BLOB/TEXT, so toastBytes is 0; indexBytes: {@code INDEX_LENGTH}, the secondary indexes;</li>
 *   <li>per-index bytes: {@code mysql.innodb_index_stats} {@code size} pages × page size, PRIMARY left out
 *       (it is the table); omitted when the user may not read that table;</li>
 *   <li>maintenanceWorkMemBytes: {@code innodb_sort_buffer_size}, the buffer an online index build sorts
 *       in; maxParallelMaintenanceWorkers 0 (not read); blockSize: {@code innodb_page_size};</li>
 *   <li>bufferPoolBytes: {@code innodb_buffer_pool_size}, which a data statement's index entries must fit in
 *       to cost what the InnoDB model prices ({@code impact/InnodbCost}).</li>
 * </ul>
 */
public final class MysqlStatsReader {
    private MysqlStatsReader() {
    }

    static final String SETTINGS_SQL = "SELECT @@innodb_sort_buffer_size, @@innodb_page_size, @@innodb_buffer_pool_size";
    static final String TABLES_SQL = "SELECT TABLE_NAME, COALESCE(TABLE_ROWS, -1), COALESCE(DATA_LENGTH, 0),"
            + " COALESCE(INDEX_LENGTH, 0) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?"
            + " AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')";
    static final String INDEXES_SQL = "SELECT table_name, index_name, stat_value * @@innodb_page_size"
            + " FROM mysql.innodb_index_stats WHERE database_name = ? AND stat_name = 'size' AND index_name <> 'PRIMARY'";
    /** ER_TABLEACCESS_DENIED_ERROR: no SELECT on mysql.innodb_index_stats. */
    private static final int TABLE_ACCESS_DENIED = 1142;

    /** Reads the statistics of the database a URL names ({@code mysql://user@host:port/db}). */
    public static Stats read(String url) {
        try (MysqlConnections.Session session = MysqlConnections.openReadOnly(MysqlUrl.parse(url))) {
            String db = session.url().database();
            long[] settings = session.query(SETTINGS_SQL, rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                    .get(0);
            Map<String, Map<String, Long>> indexes = new HashMap<>();
            try {
                session.query(INDEXES_SQL, rs -> indexes.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .put(rs.getString(2), rs.getLong(3)), db);
            } catch (ReadException e) {
                if (!(e.getCause() instanceof java.sql.SQLException s && s.getErrorCode() == TABLE_ACCESS_DENIED)) throw e;
                indexes.clear(); // sizes per index are a refinement; the totals below do not need them
            }
            List<TableStats> tables = session.query(TABLES_SQL, rs -> new TableStats(QName.of("", rs.getString(1)),
                    rs.getLong(2), rs.getLong(3), 0, rs.getLong(4), indexes.getOrDefault(rs.getString(1), Map.of())), db);
            return StatsJson.checked(session.url().redacted(),
                    new Stats(statsVersion(session.engine(), session.version()), settings[0], 0, (int) settings[1], tables,
                            List.of(), settings[2]));
        }
    }

    /** {@code 10.11.19-MariaDB} or {@code 8.0.36}: the number, and the name of the server where it is MariaDB. */
    static String statsVersion(Engine engine, String version) {
        return MysqlConnections.versionNumber(version) + (engine == Engine.MARIADB ? "-MariaDB" : "");
    }
}
