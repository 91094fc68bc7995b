package io.schemaplan.normalize;

import io.schemaplan.model.DataType;

/** Canonical PostgreSQL types: {@code int4} = {@code integer}, {@code character varying(n)} = {@code varchar(n)}. */
public final class PgTypes {
    private PgTypes() {
    }

    /**
     * Parses a type as {@code format_type()} prints it (and as it appears in a dump), or as a user writes
     * it (aliases such as {@code int4}, {@code bool}, {@code timestamptz}), into the canonical form.
     */
    public static DataType parse(String text) {
        throw new UnsupportedOperationException("TODO");
    }
}
