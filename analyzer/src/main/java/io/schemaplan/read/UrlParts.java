package io.schemaplan.read;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of a database URL as users type them for either engine: {@code scheme://user[:password]@host[:port]/db[?params]}
 * or the JDBC form with {@code ?user=…&password=…}. {@link PgUrl} and {@link MysqlUrl} add their defaults;
 * {@link #withoutPassword} is the one redaction every message about an unparsed URL uses.
 *
 * @param user the user, or null when the URL names none
 * @param password the password, or null when the URL holds none
 * @param port the port, or null when the URL names none
 * @param params the remaining query parameters, in order
 */
record UrlParts(String user, String password, String host, Integer port, String database, Map<String, String> params) {

    /**
     * Splits {@code url} after the first of {@code prefixes} it starts with (case-insensitive).
     *
     * @throws ReadException naming the URL without its password when no prefix matches ({@code expected}
     *         says what was wanted) or the port is not a number
     */
    static UrlParts parse(String url, String[] prefixes, String expected) {
        String rest = null;
        for (String prefix : prefixes) {
            if (url.regionMatches(true, 0, prefix, 0, prefix.length())) {
                rest = url.substring(prefix.length());
                break;
            }
        }
        if (rest == null) {
            throw new ReadException(withoutPassword(url) + ": " + expected);
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
        Integer port = null;
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
        return new UrlParts(user == null || user.isEmpty() ? null : user, password, host, port, database, params);
    }

    /** The URL with anything between {@code ://user:} and {@code @} blanked, and {@code password=} parameters starred. */
    static String withoutPassword(String url) {
        return url.replaceAll("(://[^:/@?]*):[^@/?]*@", "$1@").replaceAll("(?i)([?&]password=)[^&]*", "$1***");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
