package io.schemaplan.read;

import static io.schemaplan.model.Engine.POSTGRES;
import static io.schemaplan.sql.Identifiers.qualified;

import io.schemaplan.model.QName;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Takes ACCESS SHARE locks on the tables being read, as pg_dump does, so that concurrent DDL cannot
 * change a table half-way through the read. The lock_timeout of the session makes a table held by
 * another session's ACCESS EXCLUSIVE lock fail fast; the error then names that session.
 */
final class TableLocks {
    private static final int QUERY_SHOWN = 80;

    private TableLocks() {
    }

    /** A table to lock: its oid (to find a lock holder) and its name (to lock it). */
    record LockedTable(long oid, QName name) {
    }

    /** One statement for all tables: a statement per table would cost a round trip each. */
    static void lockAll(CatalogSession session, Collection<LockedTable> tables) {
        if (tables.isEmpty()) return;
        String sql = tables.stream().map(t -> qualified(POSTGRES, t.name()))
                .collect(Collectors.joining(", ", "LOCK TABLE ", " IN ACCESS SHARE MODE"));
        try (Statement s = session.conn.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            String prefix = session.url.redacted() + ": ";
            switch (String.valueOf(e.getSQLState())) {
                case "55P03" -> throw new ReadException(prefix + describeHolder(session, tables));
                case "42501" -> throw new ReadException(prefix + PgErrors.serverText(e) + " (the reader locks"
                        + " each table it reads, as pg_dump does, which needs SELECT on it; grant it to "
                        + session.url.user() + ")");
                default -> throw PgErrors.describe(session.url, e);
            }
        }
    }

    /** Asked after the timeout (in a new transaction): who holds or waits for the exclusive lock. */
    private static String describeHolder(CatalogSession session, Collection<LockedTable> tables) {
        session.run(c -> {
            c.rollback();
            return null;
        });
        List<String> found = session.query(CatalogSql.LOCK_HOLDERS, rs -> {
            QName table = QName.of(rs.getString(1), rs.getString(2));
            String who = "pid " + rs.getInt(3) + shortQuery(rs.getString(4));
            return rs.getBoolean(5)
                    ? "table " + table + " is locked by another session (" + who + "); retry when it is done"
                    : "table " + table + " has another session queued for an exclusive lock (" + who
                    + "); retry when it is done";
        }, tables.stream().map(LockedTable::oid).toList());
        return found.isEmpty()
                ? "a table is locked by another session (lock_timeout expired); retry when it is done"
                : found.get(0);
    }

    private static String shortQuery(String query) {
        if (query == null || query.isBlank()) return "";
        String oneLine = query.strip().replaceAll("\\s+", " ");
        return ": " + (oneLine.length() <= QUERY_SHOWN ? oneLine : oneLine.substring(0, QUERY_SHOWN) + "...");
    }
}
