package io.schemaplan.read;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The parts of a database URL as users type them for either engine: {@code scheme://user[:password]@host[:port]/db[?params]}
 * or the JDBC form with {@code ?user=…&password=…}. {@link PgUrl} and {@link MysqlUrl} add their defaults;
 * {@link Redaction#url} shows a URL from this parse, so what a message shows and what the reader connects to
 * are cut at the same {@code @}.
 *
 * <p>The user information ends at the last {@code @} before the host, so a password may hold a raw {@code @} or
 * {@code :}; a {@code /}, {@code ?} or {@code &} in it must be percent-encoded (as libpq requires), and a URL
 * whose reading would leave an {@code @} in the database name or a parameter name is refused rather than
 * read with part of a password as its host or database.
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
            throw new ReadException(Redaction.conservative(url) + ": " + expected);
        }
        int q = rest.indexOf('?');
        String query = q < 0 ? "" : rest.substring(q + 1);
        rest = q < 0 ? rest : rest.substring(0, q);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        // A raw '/' or '?' in a password moves the '@' that ends it past the host: refuse such readings
        // (an '@' in the database or a parameter, a host that is no host name) rather than show a part of it.
        if (slash >= 0 && rest.indexOf('@', slash) >= 0) throw ambiguous(url);
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            boolean credential = key.equalsIgnoreCase("user") || key.equalsIgnoreCase("password");
            if (key.contains("@") || !credential && value.contains("@")) throw ambiguous(url);
            params.put(decode(key), decode(value));
        }
        String database = slash < 0 ? "" : decode(rest.substring(slash + 1));
        String user = removeIgnoringCase(params, "user");
        String password = removeIgnoringCase(params, "password");
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String info = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            if (colon >= 0) password = decode(info.substring(colon + 1));
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
                throw new ReadException(Redaction.conservative(url) + ": port '" + portText + "' is not a number");
            }
        }
        if (!HOST.matcher(host).matches()) throw ambiguous(url);
        if (host.isEmpty()) host = "localhost";
        return new UrlParts(user == null || user.isEmpty() ? null : user, password, host, port, database, params);
    }

    /** A host name (IDN letters allowed) or an IPv6 literal: anything else is likely part of a password. */
    private static final Pattern HOST = Pattern.compile("\\[[0-9A-Fa-f:.]+]|[\\p{L}\\p{N}._-]*");

    /** {@code scheme://user@host:port/database}, the user and database encoded so the label reads back the same. */
    static String shown(String scheme, String user, String host, int port, String database) {
        return scheme + "://" + encode(user) + "@" + host + ":" + port + "/" + encode(database);
    }

    private static ReadException ambiguous(String url) {
        return new ReadException(Redaction.conservative(url) + ": cannot tell the password from the host; write '/', '?'"
                + " and '&' in a user or password as %2F, %3F and %26");
    }

    private static String removeIgnoringCase(Map<String, String> params, String key) {
        String found = null;
        for (var it = params.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().equalsIgnoreCase(key)) {
                found = e.getValue();
                it.remove();
            }
        }
        return found;
    }

    /**
     * Percent-decoding as libpq does it, except that a {@code %} not followed by two hex digits stays as it is
     * (a password such as {@code 50%off} written raw), where {@link java.net.URLDecoder} would throw with the
     * text in its message.
     */
    static String decode(String s) {
        if (s.indexOf('%') < 0) return s;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 3;
                continue;
            }
            flush(bytes, out);
            out.append(c);
            i++;
        }
        flush(bytes, out);
        return out.toString();
    }

    private static void flush(java.io.ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() == 0) return;
        out.append(bytes.toString(StandardCharsets.UTF_8));
        bytes.reset();
    }

    private static int hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128 ? Character.digit(c, 16) : -1;
    }

    /** The characters that would change how a label parses back (and blanks and controls), percent-encoded. */
    private static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("%@:/?#&".indexOf(c) >= 0 || c <= ' ' || c == 0x7f) out.append(String.format("%%%02X", (int) c));
            else out.append(c);
        }
        return out.toString();
    }
}
