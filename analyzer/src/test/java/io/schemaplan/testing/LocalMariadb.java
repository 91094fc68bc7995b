package io.schemaplan.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * The real MariaDB server of this machine (127.0.0.1:3306, user root, empty password), as the tests use
 * it. There is no fallback and no skipping: when the server is down, a test fails and says so. Databases
 * made here are named {@code sp_mysql_…}, so they never collide with other users of the server.
 */
public final class LocalMariadb {
    public static final String HOST = "127.0.0.1";
    public static final int PORT = 3306;
    public static final String USER = "root";
    public static final String PREFIX = "sp_mysql_";

    private LocalMariadb() {
    }

    /** The URL form users type: {@code mysql://root@127.0.0.1:3306/db}. */
    public static String url(String database) {
        return "mysql://" + USER + "@" + HOST + ":" + PORT + "/" + database;
    }

    public static Connection connect(String database) {
        try {
            return DriverManager.getConnection("jdbc:mysql://" + HOST + ":" + PORT + "/" + database, USER, "");
        } catch (SQLException e) {
            throw new IllegalStateException("The local MariaDB at " + HOST + ":" + PORT
                    + " is not reachable (run scripts/test, which starts it): " + e.getMessage(), e);
        }
    }

    public static void exec(String database, String... sql) {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + database + ": " + e.getMessage(), e);
        }
    }

    /** Drops (if present) and creates an empty utf8mb4 database {@code sp_mysql_<suffix>}; returns its name. */
    public static String freshDatabase(String suffix) {
        String name = PREFIX + suffix;
        exec("mysql", "DROP DATABASE IF EXISTS `" + name + "`",
                "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
        return name;
    }

    /**
     * A database restored from a mysqldump / mariadb-dump file with the {@code mariadb} client, named after
     * the file. Restoring is skipped when a database restored from the same bytes exists already (the
     * database comment holds the file's SHA-256), so treat the result as read-only.
     */
    public static String restoredDump(Path dump) {
        return DumpRestores.restored(PREFIX, dump, LocalMariadb::databaseComment,
                (name, file) -> clientFile(freshDatabase(name.substring(PREFIX.length())), file),
                (name, hash) -> exec("mysql", "ALTER DATABASE `" + name + "` COMMENT '" + hash + "'"));
    }

    /** Feeds a SQL file to the {@code mariadb} client, as a DBA restores a dump (DELIMITER and sandbox lines work). */
    public static void clientFile(String database, Path file) {
        ClientRun r = run(file, "--database=" + database);
        if (r.exitCode() != 0) throw new IllegalStateException("mariadb failed on " + file + ": " + r.output());
    }

    /**
     * Writes {@code mariadb-dump --no-data --routines} of {@code database} to {@code out}, as a DBA makes one;
     * {@code options} go before the database name ({@code --events}).
     */
    public static Path dump(String database, Path out, String... options) {
        try {
            java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("mariadb-dump", "-h", HOST, "-P",
                    String.valueOf(PORT), "-u", USER, "--no-data", "--routines"));
            cmd.addAll(java.util.List.of(options));
            cmd.add(database);
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.PIPE).start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("mariadb-dump failed on " + database + ": " + err);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("mariadb-dump is not installed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the client printed: stdout when it exited 0, else stdout and stderr. */
    public record ClientRun(int exitCode, String output) {
    }

    /** Runs the {@code mariadb} client against the local server, {@code input} on stdin; stdout only in output on success. */
    public static ClientRun run(Path input, String... args) {
        try {
            java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("mariadb", "-h", HOST,
                    "-P", String.valueOf(PORT), "-u", USER));
            cmd.addAll(java.util.List.of(args));
            Process p = new ProcessBuilder(cmd).redirectInput(input.toFile())
                    .redirectError(ProcessBuilder.Redirect.PIPE).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroy();
                return new ClientRun(-1, "timed out");
            }
            return new ClientRun(p.exitValue(), p.exitValue() == 0 ? out : out + err);
        } catch (IOException e) {
            throw new IllegalStateException("the mariadb client is not installed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String databaseComment(String name) {
        try (Connection c = connect("mysql");
             PreparedStatement ps = c.prepareStatement(
                     "SELECT SCHEMA_COMMENT FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
