package io.schemaplan.read;

import static io.schemaplan.read.ConnectionErrors.state;

import io.schemaplan.read.ConnectionErrors.Rule;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.util.PSQLException;

/**
 * Turns a PostgreSQL driver or server error into a one-line {@link ReadException} that names the URL
 * without its password and says what the user can do about it: {@link ConnectionErrors}' network rules,
 * then this table of SQLSTATEs.
 */
final class PgErrors {
    private PgErrors() {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(state("3D000"), (u, e) -> "database " + u.database() + " does not exist"),
            new Rule(state("28P01"), (u, e) -> "wrong password for user " + u.user()),
            new Rule(state("28000"), (u, e) -> "the server refused user " + u.user() + ": " + serverText(e)),
            new Rule(e -> "08004".equals(e.getSQLState()) && message(e).contains("password"), (u, e) ->
                    "the server wants a password for user " + u.user()
                            + " (give it in the URL, in PGPASSWORD or in ~/.pgpass)"),
            new Rule(state("55P03"), (u, e) -> "a table is locked by another session; retry when it is done"),
            new Rule(state("57014"), (u, e) -> "a catalog query ran longer than the statement_timeout of 60 s"
                    + " and was cancelled; retry when the server is less busy"),
            new Rule(state("42501"), (u, e) -> ConnectionErrors.withPrefix("permission denied: ", serverText(e))),
            new Rule(state("53200"), (u, e) -> "the server ran out of lock slots while locking the tables to read"
                    + " (as pg_dump does): raise max_locks_per_transaction, or read fewer schemas"),
            new Rule(state("53300"), (u, e) -> "the server has no free connection slots: " + serverText(e)));

    /** The one-line error for {@code e}; the password (if any) is blanked even from server text. */
    static ReadException describe(PgUrl url, SQLException e) {
        return ConnectionErrors.describe(url, e, RULES, PgErrors::serverText);
    }

    /** The server's primary message (no severity prefix, no DETAIL/HINT lines), else the driver's first line. */
    static String serverText(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null
                && p.getServerErrorMessage().getMessage() != null) {
            return p.getServerErrorMessage().getMessage();
        }
        return ConnectionErrors.firstLine(e);
    }

    private static String message(SQLException e) {
        return e.getMessage() == null ? "" : e.getMessage();
    }
}
