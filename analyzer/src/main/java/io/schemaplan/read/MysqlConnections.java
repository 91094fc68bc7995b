package io.schemaplan.read;

import io.schemaplan.model.Engine;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Opens the sessions the MySQL/MariaDB readers use: every later transaction read-only
 * ({@code SET SESSION TRANSACTION READ ONLY} also refuses DDL), a short {@code lock_wait_timeout} for the
 * metadata locks that reading {@code information_schema} takes, a statement time limit under the name each
 * server knows ({@code max_statement_time} on MariaDB, {@code max_execution_time} on MySQL), and one
 * {@code START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY}.
 */
final class MysqlConnections {
    static final int LOCK_WAIT_SECONDS = 5;
    static final int STATEMENT_SECONDS = 60;
    static final String PROGRAM_NAME = "schemaplan";

    private MysqlConnections() {
    }

    /** An open read-only session, and what the server said it is. */
    record Session(MysqlUrl url, Connection conn, Engine engine, String version) implements AutoCloseable {

        /** Runs {@code sql} with string parameters and maps its rows. */
        <T> List<T> query(String sql, CatalogSession.Row<T> row, String... params) {
            try (var ps = conn.prepareStatement(sql)) {
                // Rows streamed as they arrive (Connector/J's streaming mode), not held whole before the first
                // is mapped; the session runs one query at a time, which is what that mode requires.
                ps.setFetchSize(Integer.MIN_VALUE);
                for (int i = 0; i < params.length; i++) {
                    ps.setString(i + 1, params[i]);
                }
                List<T> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row.map(rs));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw MysqlErrors.describe(url, e);
            }
        }

        /** Ends the snapshot; nothing was written, so there is nothing to commit. */
        @Override
        public void close() {
            try (Statement s = conn.createStatement()) {
                s.execute("ROLLBACK");
            } catch (SQLException ignored) {
                // The connection is closed next either way.
            }
            try {
                conn.close();
            } catch (SQLException ignored) {
                // The session is being abandoned; nothing is left to report.
            }
        }
    }

    /** The statements run on a new session before its one transaction, for {@code engine}. */
    static List<String> sessionSettings(Engine engine) {
        return List.of(
                "SET SESSION TRANSACTION READ ONLY",
                "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ",
                "SET SESSION lock_wait_timeout = " + LOCK_WAIT_SECONDS,
                engine == Engine.MARIADB ? "SET SESSION max_statement_time = " + STATEMENT_SECONDS
                        : "SET SESSION max_execution_time = " + STATEMENT_SECONDS * 1000,
                "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
    }

    /**
     * A read-only session inside one consistent-snapshot transaction. The caller closes it.
     *
     * @throws ReadException with a one-line message naming {@link MysqlUrl#redacted()}
     */
    static Session openReadOnly(MysqlUrl url) {
        String password = MysqlUrl.password(url, System.getenv());
        MysqlUrl target = url.withPassword(password);
        Properties props = new Properties();
        props.putAll(url.params());
        props.setProperty("user", url.user());
        if (password != null) props.setProperty("password", password);
        props.setProperty("connectTimeout", String.valueOf(ConnectionErrors.CONNECT_TIMEOUT_SECONDS * 1000));
        props.setProperty("socketTimeout", String.valueOf((STATEMENT_SECONDS + 30) * 1000));
        props.setProperty("connectionAttributes", "program_name:" + PROGRAM_NAME);
        Connection conn;
        try {
            // The driver itself, not DriverManager (which would load every driver on the class path first).
            conn = new com.mysql.cj.jdbc.Driver().connect(url.jdbcUrl(), props);
        } catch (SQLException e) {
            throw MysqlErrors.describe(target, e);
        }
        try (Statement s = conn.createStatement()) {
            String version;
            try (ResultSet rs = s.executeQuery("SELECT VERSION()")) {
                rs.next();
                version = rs.getString(1);
            }
            Engine engine = version.contains("MariaDB") ? Engine.MARIADB : Engine.MYSQL;
            for (String setting : sessionSettings(engine)) {
                s.execute(setting);
            }
            return new Session(target, conn, engine, version);
        } catch (SQLException e) {
            try {
                conn.close();
            } catch (SQLException ignored) {
                // The first error is the one to report.
            }
            throw MysqlErrors.describe(target, e);
        }
    }

    /** {@code 10.11.19} from {@code 10.11.19-MariaDB-0+deb12u1} or {@code 8.0.36}: the number a dump header gives. */
    static String versionNumber(String version) {
        return version.replaceAll("^(\\d+\\.\\d+\\.\\d+).*", "$1");
    }
}
