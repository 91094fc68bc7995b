package io.schemaplan.read;

import java.util.List;

/**
 * The dump statement readers opened to migration scripts: the same splitting ({@code DumpText} for PostgreSQL:
 * quotes, dollar quotes, comments, psql meta-lines; {@code MysqlDumpText} for MySQL/MariaDB: backquotes,
 * {@code DELIMITER}, version comments), without the checks that only a dump passes (pg_dump's header and
 * footer, mysqldump's prologue), and with the comments kept, since a migration tool writes in comments which
 * revision or changeset the next statements belong to. Binary, non-UTF-8, empty and truncated input is a
 * {@link ReadException} naming the file and line, as for dumps.
 */
public final class ScriptText {
    private ScriptText() {
    }

    /** A statement without its terminating delimiter, and the line it starts on. */
    public record Statement(String text, int line) {
    }

    /**
     * A comment as written ({@code -- …}, {@code # …} or a block), its line, and how many statements came
     * before it (a comment inside a statement counts the statements before that one).
     */
    public record Comment(String text, int line, int statementsBefore) {
    }

    /** A script cut into statements, with its comments in file order. */
    public record Split(List<Statement> statements, List<Comment> comments) {
        public Split {
            statements = List.copyOf(statements);
            comments = List.copyOf(comments);
        }
    }

    /** Cuts a PostgreSQL script (what psql would run) into statements. */
    public static Split postgres(String file, byte[] bytes) {
        return plainly(file, bytes, () -> {
            DumpText text = new DumpText(file, bytes, true);
            return new Split(text.statements.stream().map(s -> new Statement(s.text(), s.line())).toList(), text.comments);
        });
    }

    /** Cuts a MySQL/MariaDB script (what the mysql client would run) into statements. */
    public static Split mysql(String file, byte[] bytes) {
        return plainly(file, bytes, () -> {
            MysqlDumpText text = new MysqlDumpText(file, bytes, true);
            return new Split(text.statements.stream().map(s -> new Statement(s.text(), s.line())).toList(), text.comments);
        });
    }

    /** A README or a log given by mistake: say what it is not, rather than what the splitter tripped on. */
    private static Split plainly(String file, byte[] bytes, java.util.function.Supplier<Split> split) {
        try {
            return split.get();
        } catch (ReadException e) {
            requireSql(file, bytes);
            throw e;
        }
    }

    /** Fails with one line when the first line outside comments is not SQL: the file is no migration script at all. */
    public static void requireSql(String file, byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), java.nio.charset.StandardCharsets.UTF_8);
        DumpText.notSql(file, head, "not a migration script", "give the SQL a migration tool prints (alembic upgrade"
                + " --sql, Flyway V*.sql, Liquibase updateSQL, Django sqlmigrate)").ifPresent(plain -> { throw plain; });
    }

    /** Fails with one line naming the file and line when a statement is longer than a reader parses. */
    public static void requireParsable(String file, int line, String statement) {
        DumpText.requireParsable(file, line, statement);
    }
}
