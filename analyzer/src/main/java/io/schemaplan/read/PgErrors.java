package io.schemaplan.read;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.postgresql.util.PSQLException;

/**
 * Turns a driver or server error into a one-line {@link ReadException} that names the URL without its
 * password and says what the user can do about it. The rules are a table, first match wins; an error no
 * rule knows keeps the server's own first line.
 */
final class PgErrors {
    private PgErrors() {
    }

    private record Rule(Predicate<SQLException> matches, BiFunction<PgUrl, SQLException, String> message) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(causedBy(ConnectException.class), (u, e) -> "cannot connect to " + u.host() + ":" + u.port()
                    + " (connection refused: is the server running and accepting TCP connections there?)"),
            new Rule(causedBy(UnknownHostException.class), (u, e) -> "unknown host " + u.host()),
            new Rule(causedBy(NoRouteToHostException.class), (u, e) -> "no route to host " + u.host()),
            new Rule(causedBy(SocketTimeoutException.class), (u, e) -> "no answer from " + u.host() + ":" + u.port()
                    + " within " + PgConnections.CONNECT_TIMEOUT_SECONDS + " s"),
            new Rule(state("3D000"), (u, e) -> "database " + u.database() + " does not exist"),
            new Rule(state("28P01"), (u, e) -> "wrong password for user " + u.user()),
            new Rule(state("28000"), (u, e) -> "the server refused user " + u.user() + ": " + serverText(e)),
            new Rule(e -> "08004".equals(e.getSQLState()) && u(e).contains("password"), (u, e) ->
                    "the server wants a password for user " + u.user()
                            + " (give it in the URL, in PGPASSWORD or in ~/.pgpass)"),
            new Rule(state("55P03"), (u, e) -> "a table is locked by another session; retry when it is done"),
            new Rule(state("57014"), (u, e) -> "a catalog query ran longer than the statement_timeout of 60 s"
                    + " and was cancelled; retry when the server is less busy"),
            new Rule(state("42501"), (u, e) -> "permission denied: " + serverText(e)),
            new Rule(state("53200"), (u, e) -> "the server ran out of lock slots while locking the tables to read"
                    + " (as pg_dump does): raise max_locks_per_transaction, or read fewer schemas"),
            new Rule(state("53300"), (u, e) -> "the server has no free connection slots: " + serverText(e)));

    /** The one-line error for {@code e}; the password (if any) is blanked even from server text. */
    static ReadException describe(PgUrl url, SQLException e) {
        String message = RULES.stream().filter(r -> r.matches().test(e)).findFirst()
                .map(r -> r.message().apply(url, e))
                .orElseGet(() -> serverText(e));
        return new ReadException(scrub(url.redacted() + ": " + message, url.password()));
    }

    /** The server's primary message (no severity prefix, no DETAIL/HINT lines), else the driver's first line. */
    static String serverText(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null
                && p.getServerErrorMessage().getMessage() != null) {
            return p.getServerErrorMessage().getMessage();
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m).trim();
    }

    /** Belt and braces: no message leaves this package with the password in it, whatever a driver said. */
    static String scrub(String text, String password) {
        return password == null || password.isEmpty() ? text : text.replace(password, "***");
    }

    private static String u(SQLException e) {
        return e.getMessage() == null ? "" : e.getMessage();
    }

    private static Predicate<SQLException> state(String sqlState) {
        return e -> sqlState.equals(e.getSQLState());
    }

    private static Predicate<SQLException> causedBy(Class<? extends Throwable> type) {
        return e -> {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (type.isInstance(t)) return true;
            }
            return false;
        };
    }
}
