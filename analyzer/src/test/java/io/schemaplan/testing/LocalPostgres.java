package io.schemaplan.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * The real PostgreSQL server of this machine (127.0.0.1:5432, user root, trust auth), as the tests use
 * it. There is no fallback and no skipping: when the server is down, a test fails and says so.
 */
public final class LocalPostgres {
    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5432;
    public static final String USER = "root";

    private LocalPostgres() {
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database + "?user=" + USER;
    }

    /** The URL form users type: {@code postgresql://root@127.0.0.1:5432/db}. */
    public static String url(String database) {
        return "postgresql://" + USER + "@" + HOST + ":" + PORT + "/" + database;
    }

    public static Connection connect(String database) {
        try {
            return DriverManager.getConnection(jdbcUrl(database));
        } catch (SQLException e) {
            throw new IllegalStateException("The local PostgreSQL at " + HOST + ":" + PORT
                    + " is not reachable (run scripts/test, which starts it): " + e.getMessage(), e);
        }
    }

    public static void exec(String database, String sql) {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + database + ": " + e.getMessage(), e);
        }
    }

    /** Drops (if present) and creates an empty database; returns its name. */
    public static String freshDatabase(String name) {
        dropDatabase(name);
        exec("postgres", "CREATE DATABASE " + name);
        return name;
    }

    /** Drops a database a test made (if it is there), even with a session still connected. */
    public static void dropDatabase(String name) {
        exec("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /**
     * A database restored from a plain pg_dump file with psql, named after the file. Restoring is skipped
     * when a database restored from the same bytes exists already (the database comment holds the file's
     * SHA-256), so treat the result as read-only; tests that change a schema make their own database.
     */
    public static String restoredDump(Path dump) {
        return DumpRestores.restored("sp_", dump, LocalPostgres::databaseComment,
                (name, file) -> psqlFile(freshDatabase(name), file),
                (name, hash) -> exec("postgres", "COMMENT ON DATABASE " + name + " IS '" + hash + "'"));
    }

    /** Runs a SQL file through psql (so psql meta-lines such as {@code \restrict} work as in real life). */
    public static void psqlFile(String database, Path file) {
        try {
            Process p = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", HOST, "-p",
                    String.valueOf(PORT), "-U", USER, "-d", database, "-f", file.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("psql failed on " + file + ": " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("psql is not installed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String databaseComment(String name) {
        try (Connection c = connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT shobj_description(oid, 'pg_database') FROM pg_database"
                     + " WHERE datname = '" + name + "'")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
