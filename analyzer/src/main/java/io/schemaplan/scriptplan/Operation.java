package io.schemaplan.scriptplan;

import io.schemaplan.impact.Work;
import io.schemaplan.model.QName;

/**
 * One operation of a statement at the grain of the rule tables: {@code operation} is a
 * {@code PgOperation} or {@code MyOperation} name, {@code table} the table it locks (null when none),
 * {@code other} a second table, {@code work} what it touches there, and {@code data} the rows a data
 * statement writes (null for DDL).
 */
public record Operation(String operation, QName table, QName other, Work work, DataEffect data) {
    public Operation(String operation, QName table, QName other, Work work) {
        this(operation, table, other, work, null);
    }
}
