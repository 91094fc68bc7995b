package io.schemaplan.read;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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
                    Map<String, String> params) {

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
        String rest = null;
        for (String prefix : PREFIXES) {
            if (url.regionMatches(true, 0, prefix, 0, prefix.length())) {
                rest = url.substring(prefix.length());
                break;
            }
        }
        if (rest == null) {
            throw new ReadException(withoutPassword(url)
                    + ": not a PostgreSQL URL (expected postgresql://user@host:port/database)");
        }
        Map<String, String> params = new LinkedHashMap<>();
        int q = rest.indexOf('?');
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                params.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 ? "" : decode(rest.substring(slash + 1));
        String user = params.remove("user");
        String password = params.remove("password");
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            if (colon >= 0) password = decode(userInfo.substring(colon + 1));
        }
        String host = authority;
        int port = DEFAULT_PORT;
        int portColon = authority.lastIndexOf(':');
        if (portColon >= 0 && portColon > authority.lastIndexOf(']')) {
            host = authority.substring(0, portColon);
            String portText = authority.substring(portColon + 1);
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw new ReadException(withoutPassword(url) + ": port '" + portText + "' is not a number");
            }
        }
        if (host.isEmpty()) host = "localhost";
        if (user == null || user.isEmpty()) user = defaultUser();
        if (database.isEmpty()) database = user;
        return new PgUrl(user, password, host, port, database, params);
    }

    /** The same target with the password that will actually be sent (from the URL, PGPASSWORD or ~/.pgpass). */
    PgUrl withPassword(String resolved) {
        return new PgUrl(user, resolved, host, port, database, params);
    }

    /** {@code postgresql://user@host:port/database}: the form every message names. */
    public String redacted() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
    }

    /** The URL for the driver, without credentials (they go in the connection properties). */
    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return redacted();
    }

    /** The URL with anything between {@code ://user:} and {@code @} blanked, for a URL we could not parse. */
    public static String withoutPassword(String url) {
        return url.replaceAll("(://[^:/@?]*):[^@/?]*@", "$1@").replaceAll("(?i)([?&]password=)[^&]*", "$1***");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** libpq's defaults: PGUSER, else the operating-system user. */
    private static String defaultUser() {
        String env = System.getenv("PGUSER");
        return env != null && !env.isEmpty() ? env : System.getProperty("user.name");
    }
}
