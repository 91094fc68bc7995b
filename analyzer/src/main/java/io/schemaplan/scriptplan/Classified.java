package io.schemaplan.scriptplan;

import java.util.List;

/**
 * A statement classified: its kind, its operations, whether it must run outside a transaction block
 * ({@code autocommit}: CONCURRENTLY, VACUUM, ADD VALUE before PG 12 and the like), a note for the reader
 * (why a statement is unknown, what a setting does), and a session setting it changes (null when none).
 */
public record Classified(StatementKind kind, List<Operation> operations, boolean autocommit, String note,
                         Setting setting, String bookkeepingVersion) {
    public Classified {
        operations = List.copyOf(operations);
    }

    static Classified of(StatementKind kind, String note) {
        return new Classified(kind, List.of(), false, note, null, null);
    }

    static Classified ddl(List<Operation> ops) {
        return new Classified(StatementKind.DDL, ops, false, null, null, null);
    }

    /** {@code SET [LOCAL] lock_timeout = …}: {@code millis} 0 when the timeout is switched off. */
    public record Setting(String name, long millis, boolean local) {
    }
}
