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
    private final MysqlDumpReader mysql;

    private StatementApplier(PgDumpReader postgres, MysqlDumpReader mysql) {
        this.postgres = postgres;
        this.mysql = mysql;
    }

    /**
     * An applier whose model starts as {@code start}; {@code file} names the script in messages. On MySQL/MariaDB a
     * table created without a collation gets {@code defaultCollation} (the database's default; null: the most
     * common one among the start's tables). PostgreSQL ignores it.
     */
    public static StatementApplier startingFrom(Schema start, String file, String defaultCollation) {
        return start.engine().isMysqlFamily() ? new StatementApplier(null, MysqlDumpReader.replaying(file, start, defaultCollation))
                : new StatementApplier(PgDumpReader.replaying(file, start), null);
    }

    /**
     * This applier, knowing what {@code previous} (null: nothing) knew beyond its model: the PostgreSQL types the model
     * holds no more than the name of (composite, range), made by an earlier file of the same run.
     */
    public StatementApplier knowing(StatementApplier previous) {
        if (previous != null && postgres != null && previous.postgres != null) postgres.knowTypes(previous.postgres);
        return this;
    }

    /** Applies one statement (without its delimiter) that starts on {@code line}: why it was not applied, or an empty list. */
    public List<String> apply(String sql, int line) {
        return postgres != null ? postgres.replay(sql, line) : mysql.replay(sql, line);
    }

    /**
     * What the statement applied last changed beyond what the model holds (PostgreSQL: a composite type's
     * attributes), when it was applied; null otherwise.
     */
    public String outsideModel() {
        return postgres != null ? postgres.outsideModel() : null;
    }

    /** The model as the statements applied so far left it. */
    public Schema model() {
        return postgres != null ? postgres.model() : mysql.model();
    }
}
