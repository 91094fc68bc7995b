package io.schemaplan.read;

import java.util.Map;

/**
 * Where a PostgreSQL database is: parsed from {@code postgresql://user[:password]@host[:port]/db[?params]},
 * {@code postgres://…} or {@code jdbc:postgresql://host[:port]/db?user=…&password=…}. The password is kept
 * out of {@link #toString()} and {@link #redacted()}, which every message uses.
 *
 * @param password the password written in the URL, or null (then PGPASSWORD or ~/.pgpass may supply one)
 * @param params the remaining query parameters (sslmode, …), passed to the driver as they are
 */
public record PgUrl(String user, String password, String host, int port, String database,
                    Map<String, String> params) implements DatabaseTarget {

    public static final int DEFAULT_PORT = 5432;
    private static final String[] PREFIXES = {"jdbc:postgresql://", "postgresql://", "postgres://"};

    public PgUrl {
        params = Map.copyOf(params);
    }

    /**
     * Parses a URL as users type it.
     *
     * @throws ReadException naming the URL (without its password) when it is not a PostgreSQL URL
     */
    public static PgUrl parse(String url) {
        UrlParts u = UrlParts.parse(url, PREFIXES, "not a PostgreSQL URL (expected postgresql://user@host:port/database)");
        String user = u.user() == null ? defaultUser() : u.user();
        String database = u.database().isEmpty() ? user : u.database();
        return new PgUrl(user, u.password(), u.host(), u.port() == null ? DEFAULT_PORT : u.port(), database, u.params());
    }

    /** The same target with the password that will actually be sent (from the URL, PGPASSWORD or ~/.pgpass). */
    PgUrl withPassword(String resolved) {
        return new PgUrl(user, resolved, host, port, database, params);
    }

    /** {@code postgresql://user@host:port/database}: the form every message names. */
    @Override
    public String redacted() {
        return UrlParts.shown("postgresql", user, host, port, database);
    }

    /** The URL for the driver, without credentials (they go in the connection properties). */
    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return redacted();
    }

    /** libpq's defaults: PGUSER, else the operating-system user. */
    private static String defaultUser() {
        String env = System.getenv("PGUSER");
        return env != null && !env.isEmpty() ? env : System.getProperty("user.name");
    }
}
