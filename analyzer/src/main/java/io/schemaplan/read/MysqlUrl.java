package io.schemaplan.read;

import java.util.Map;

/**
 * Where a MySQL or MariaDB database is: parsed from {@code mysql://user[:password]@host[:port]/db[?params]},
 * {@code mariadb://…}, {@code jdbc:mysql://host[:port]/db?user=…&password=…} or {@code jdbc:mariadb://…}.
 * The password is kept out of {@link #toString()} and {@link #redacted()}, which every message uses.
 *
 * @param scheme {@code mysql} or {@code mariadb}, as the user wrote it (only for messages)
 * @param password the password written in the URL, or null (then MYSQL_PWD may supply one)
 * @param params the remaining query parameters (sslMode, …), passed to Connector/J as they are
 */
public record MysqlUrl(String scheme, String user, String password, String host, int port, String database,
                       Map<String, String> params) implements DatabaseTarget {

    public static final int DEFAULT_PORT = 3306;
    private static final String[] MYSQL_PREFIXES = {"jdbc:mysql://", "mysql://"};
    private static final String[] MARIADB_PREFIXES = {"jdbc:mariadb://", "mariadb://"};
    private static final String EXPECTED = "not a MySQL/MariaDB URL (expected mysql://user@host:port/database)";

    public MysqlUrl {
        params = Map.copyOf(params);
    }

    /**
     * Parses a URL as users type it. The user defaults to the operating-system user, as the mysql client's does.
     *
     * @throws ReadException naming the URL (without its password) when it is not a MySQL URL or names no database
     */
    public static MysqlUrl parse(String url) {
        boolean mariadb = url.regionMatches(true, 0, "mariadb://", 0, 10) || url.regionMatches(true, 0, "jdbc:mariadb://", 0, 15);
        UrlParts u = UrlParts.parse(url, mariadb ? MARIADB_PREFIXES : MYSQL_PREFIXES, EXPECTED);
        if (u.database().isEmpty()) {
            throw new ReadException(Redaction.conservative(url) + ": no database in the URL (expected "
                    + (mariadb ? "mariadb" : "mysql") + "://user@host:port/database)");
        }
        String user = u.user() == null ? System.getProperty("user.name") : u.user();
        return new MysqlUrl(mariadb ? "mariadb" : "mysql", user, u.password(), u.host(),
                u.port() == null ? DEFAULT_PORT : u.port(), u.database(), u.params());
    }

    /** The password that will be sent: the one in the URL, else MYSQL_PWD (as the mysql client reads it), else none. */
    static String password(MysqlUrl url, Map<String, String> env) {
        if (url.password() != null) return url.password();
        String fromEnv = env.get("MYSQL_PWD");
        return fromEnv == null || fromEnv.isEmpty() ? null : fromEnv;
    }

    MysqlUrl withPassword(String resolved) {
        return new MysqlUrl(scheme, user, resolved, host, port, database, params);
    }

    /** {@code mysql://user@host:port/database}: the form every message names. */
    @Override
    public String redacted() {
        return UrlParts.shown(scheme, user, host, port, database);
    }

    /** The URL for Connector/J, without credentials (they go in the connection properties). */
    String jdbcUrl() {
        return "jdbc:mysql://" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return redacted();
    }
}
