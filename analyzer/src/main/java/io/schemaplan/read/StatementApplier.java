package io.schemaplan.read;

import io.schemaplan.model.Schema;
import java.util.List;

/**
 * Applies SQL statements one at a time to a schema model, with the dump readers' statement handlers: a
 * migration script replayed on the schema it starts from. A statement it cannot apply (an unknown table, a
 * form it does not understand, one that does not parse) is not an error: {@link #apply} says why, in one line,
 * and the model stays as it was or as far as the statement got.
 */
public final class StatementApplier {
    private final PgDumpReader postgres;

    private StatementApplier(PgDumpReader postgres) {
        this.postgres = postgres;
    }

    /** An applier whose model starts as {@code start}; {@code file} names the script in messages. */
    public static StatementApplier startingFrom(Schema start, String file) {
        if (start.engine().isMysqlFamily()) throw new IllegalArgumentException("MySQL replay is not built yet");
        return new StatementApplier(PgDumpReader.replaying(file, start));
    }

    /** Applies one statement (without its delimiter) that starts on {@code line}: why it was not applied, or an empty list. */
    public List<String> apply(String sql, int line) {
        return postgres.replay(sql, line);
    }

    /** The model as the statements applied so far left it. */
    public Schema model() {
        return postgres.model();
    }
}
