package io.schemaplan.normalize;

import io.schemaplan.model.DataType;

/** Canonical default expressions: {@code 'x'::character varying} = {@code 'x'} on a character column. */
public final class PgExpressions {
    private PgExpressions() {
    }

    /** Normalizes a column default as {@code pg_get_expr} prints it, for a column of the given type. */
    public static String normalizeDefault(String expr, DataType columnType) {
        throw new UnsupportedOperationException("TODO");
    }
}
