package io.schemaplan.read;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One-line {@link ReadException}s for driver and server errors, shared by the PostgreSQL and MySQL readers:
 * the network failures both drivers report the same way, then each engine's own rule table ({@link PgErrors},
 * {@link MysqlErrors}). First match wins; an error no rule knows keeps the server's first line.
 */
final class ConnectionErrors {
    private ConnectionErrors() {
    }

    static final int CONNECT_TIMEOUT_SECONDS = 5;

    record Rule(Predicate<SQLException> matches, BiFunction<DatabaseTarget, SQLException, String> message) {
    }

    private static final List<Rule> NETWORK = List.of(
            new Rule(causedBy(UnknownHostException.class), (u, e) -> "unknown host " + u.host()),
            new Rule(causedBy(ConnectException.class), (u, e) -> "cannot connect to " + u.host() + ":" + u.port()
                    + " (connection refused: is the server running and accepting TCP connections there?)"),
            new Rule(causedBy(NoRouteToHostException.class), (u, e) -> "no route to host " + u.host()),
            new Rule(causedBy(SocketTimeoutException.class), (u, e) -> "no answer from " + u.host() + ":" + u.port()
                    + " within " + CONNECT_TIMEOUT_SECONDS + " s"));

    /** The one-line error for {@code e}; the password (if any) is blanked even from server text. */
    static ReadException describe(DatabaseTarget url, SQLException e, List<Rule> engineRules,
                                  Function<SQLException, String> serverText) {
        String message = Stream.concat(NETWORK.stream(), engineRules.stream()).filter(r -> r.matches().test(e))
                .findFirst().map(r -> r.message().apply(url, e))
                .orElseGet(() -> serverText.apply(e));
        return new ReadException(Redaction.scrub(url.redacted() + ": " + message, url.password()), e);
    }

    /** The driver's first line of the message. */
    static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m).trim();
    }

    /** {@code prefix + text}, unless the server's text already says it ("permission denied for table t"). */
    static String withPrefix(String prefix, String text) {
        String word = prefix.replaceAll("[:\\s]+$", "");
        return text.regionMatches(true, 0, word, 0, word.length()) ? text : prefix + text;
    }

    static Predicate<SQLException> state(String sqlState) {
        return e -> sqlState.equals(e.getSQLState());
    }

    static Predicate<SQLException> code(int vendorCode) {
        return e -> e.getErrorCode() == vendorCode;
    }

    static Predicate<SQLException> causedBy(Class<? extends Throwable> type) {
        return e -> {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (type.isInstance(t)) return true;
            }
            return false;
        };
    }
}
