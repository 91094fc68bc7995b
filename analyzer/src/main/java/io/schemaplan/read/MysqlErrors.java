package io.schemaplan.read;

import static io.schemaplan.read.ConnectionErrors.code;

import io.schemaplan.read.ConnectionErrors.Rule;
import java.sql.SQLException;
import java.util.List;

/**
 * Turns a Connector/J or MySQL/MariaDB server error into a one-line {@link ReadException} naming the URL
 * without its password: {@link ConnectionErrors}' network rules, then this table of server error numbers
 * (the same on MySQL and MariaDB unless noted).
 */
final class MysqlErrors {
    private MysqlErrors() {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(e -> e.getErrorCode() == 1045 && text(e).contains("using password: NO"), (u, e) ->
                    "access denied for user " + u.user() + " without a password (give it in the URL or in MYSQL_PWD)"),
            new Rule(code(1045), (u, e) -> "access denied for user " + u.user()
                    + " (wrong password, or the user may not connect from this host)"),
            new Rule(code(1049), (u, e) -> "database " + u.database() + " does not exist"),
            new Rule(code(1044), (u, e) -> "user " + u.user() + " may not use database " + u.database()),
            new Rule(code(1205), (u, e) -> "a table is locked by another session (lock_wait_timeout "
                    + MysqlConnections.LOCK_WAIT_SECONDS + " s); retry when it is done"),
            // 1969: MariaDB's max_statement_time; 3024: MySQL's max_execution_time.
            new Rule(e -> e.getErrorCode() == 1969 || e.getErrorCode() == 3024, (u, e) -> "a catalog query ran longer than "
                    + MysqlConnections.STATEMENT_SECONDS + " s and was cancelled; retry when the server is less busy"),
            new Rule(code(1040), (u, e) -> "the server has no free connection slots (too many connections)"),
            new Rule(e -> e.getErrorCode() == 1142 || e.getErrorCode() == 1227, (u, e) ->
                    ConnectionErrors.withPrefix("permission denied: ", ConnectionErrors.firstLine(e))));

    static ReadException describe(MysqlUrl url, SQLException e) {
        return ConnectionErrors.describe(url, e, RULES, ConnectionErrors::firstLine);
    }

    private static String text(SQLException e) {
        return e.getMessage() == null ? "" : e.getMessage();
    }
}
