package io.schemaplan.read;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One open read-only session and the few things the reader does with it: run a query with array
 * parameters and map its rows. Every SQL failure leaves as a one-line {@link ReadException}.
 */
final class CatalogSession implements AutoCloseable {
    final PgUrl url;
    final Connection conn;

    /** Maps the current row; may throw, like any JDBC call. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Work done on the session's connection (the test hook, and the lock step). */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection conn) throws SQLException;
    }

    /**
     * Rows per round trip: the driver otherwise holds a whole result (10,000 tables: 150,000 column rows,
     * ~60 MB) before the first row is mapped; in batches the model is built as the rows arrive. The session's
     * transaction (autocommit off) is what lets the driver use a cursor.
     */
    static final int FETCH_ROWS = 5_000;

    /** Queries sent so far: a read must send the same number whatever the number of tables (no query per table). */
    private int queries;

    private CatalogSession(PgUrl url, Connection conn) {
        this.url = url;
        this.conn = conn;
    }

    static CatalogSession open(PgUrl url) {
        return new CatalogSession(url, PgConnections.openReadOnly(url));
    }

    /**
     * Runs {@code sql}; a {@code String} collection parameter binds as {@code text[]}, a {@code Long}
     * collection as {@code int8[]} (cast to {@code oid[]} in the SQL).
     */
    <T> List<T> query(String sql, Row<T> row, Collection<?>... params) {
        queries++;
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(FETCH_ROWS);
                for (int i = 0; i < params.length; i++) {
                    ps.setArray(i + 1, array(params[i]));
                }
                List<T> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row.map(rs));
                    }
                }
                return out;
            }
        });
    }

    int queries() {
        return queries;
    }

    <T> T run(Work<T> work) {
        try {
            return work.run(conn);
        } catch (SQLException e) {
            throw PgErrors.describe(url, e);
        }
    }

    Array array(Collection<?> values) throws SQLException {
        boolean numbers = !values.isEmpty() && values.iterator().next() instanceof Long;
        return numbers ? conn.createArrayOf("int8", values.toArray(new Long[0]))
                : conn.createArrayOf("text", values.toArray(new String[0]));
    }

    /** Ends the snapshot. Nothing was written, so there is nothing to commit. */
    @Override
    public void close() {
        try {
            conn.rollback();
        } catch (SQLException ignored) {
            // The connection is closed next either way.
        }
        PgConnections.closeQuietly(conn);
    }
}
