package io.schemaplan.read;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.postgresql.jdbcurlresolver.PgPassParser;

/**
 * Opens the sessions the catalog reader uses: read-only, one REPEATABLE READ snapshot, short lock and
 * statement timeouts, and the settings pg_dump uses so the server prints expressions exactly as in a dump.
 */
public final class PgConnections {
    static final int CONNECT_TIMEOUT_SECONDS = ConnectionErrors.CONNECT_TIMEOUT_SECONDS;
    static final String APPLICATION_NAME = "schemaplan";

    /**
     * Run on every session before its transaction starts. {@code search_path = ''} makes the server
     * qualify every name it prints, as pg_dump's output does; the datestyle, intervalstyle and float
     * settings are pg_dump's too, because they decide how constants in defaults are printed.
     */
    static final List<String> SESSION_SETTINGS = List.of(
            "SET default_transaction_read_only = on",
            "SET lock_timeout = '1s'",
            "SET statement_timeout = '60s'",
            "SET search_path = ''",
            "SET datestyle = 'ISO'",
            "SET intervalstyle = 'postgres'",
            "SET extra_float_digits = 3",
            "SET application_name = '" + APPLICATION_NAME + "'");

    private PgConnections() {
    }

    /**
     * A read-only session inside a REPEATABLE READ READ ONLY transaction (autocommit off): every query on
     * it sees one snapshot. The caller closes it; closing without commit just ends the snapshot.
     *
     * @throws ReadException with a one-line message naming {@link PgUrl#redacted()}
     */
    public static Connection openReadOnly(PgUrl url) {
        Connection conn = connect(url);
        try {
            try (Statement s = conn.createStatement()) {
                for (String setting : SESSION_SETTINGS) {
                    s.execute(setting);
                }
            }
            conn.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            conn.setReadOnly(true);
            conn.setAutoCommit(false);
            return conn;
        } catch (SQLException e) {
            closeQuietly(conn);
            throw PgErrors.describe(url, e);
        }
    }

    /** A plain connection (autocommit, default settings) with the password resolved as libpq does. */
    static Connection connect(PgUrl url) {
        Properties props = new Properties();
        props.putAll(url.params());
        props.setProperty("user", url.user());
        String password = password(url, System.getenv());
        if (password != null) props.setProperty("password", password);
        props.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        props.setProperty("loginTimeout", String.valueOf(2 * CONNECT_TIMEOUT_SECONDS));
        props.setProperty("ApplicationName", APPLICATION_NAME);
        try {
            // The driver itself, not DriverManager: its first use loads and initializes every driver on the class
            // path (MySQL's too), ~20 ms of a live diff's start-up.
            return new org.postgresql.Driver().connect(url.jdbcUrl(), props);
        } catch (SQLException e) {
            throw PgErrors.describe(url.withPassword(password), e);
        }
    }

    /** libpq's order: the password in the URL, else PGPASSWORD, else the matching ~/.pgpass (PGPASSFILE) line. */
    static String password(PgUrl url, Map<String, String> env) {
        if (url.password() != null) return url.password();
        String fromEnv = env.get("PGPASSWORD");
        if (fromEnv != null && !fromEnv.isEmpty()) return fromEnv;
        return PgPassParser.getPassword(url.host(), String.valueOf(url.port()), url.database(), url.user());
    }

    static void closeQuietly(Connection conn) {
        try {
            conn.close();
        } catch (SQLException ignored) {
            // The session is being abandoned after another error, which is the one to report.
        }
    }
}
