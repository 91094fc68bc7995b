package io.schemaplan.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A secondary index (indexes that back a PRIMARY KEY, UNIQUE or EXCLUDE constraint belong to the
 * constraint, as in {@code pg_dump}). {@code method} is the access method ({@code btree}, {@code gin}, …).
 * {@code predicate} is the WHERE clause of a partial index, or null.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Index(
        String name,
        boolean unique,
        String method,
        List<IndexKey> keys,
        List<String> include,
        String predicate,
        boolean nullsNotDistinct,
        String comment) {

    public Index {
        keys = Lists.copy(keys);
        include = Lists.copy(include);
    }

    /** The columns the index keys name directly (expression keys are left out). */
    public List<String> columns() {
        return keys.stream().filter(k -> !k.expression()).map(IndexKey::text).toList();
    }

    /** {@code UNIQUE USING btree (a, lower(b) DESC) INCLUDE (c) WHERE …}: the definition without names. */
    public String definition() {
        return definition(UnaryOperator.identity(), UnaryOperator.identity());
    }

    /**
     * The definition with the method, column keys and INCLUDE columns passed through {@code name} and
     * collations through {@code collation}: {@code io.schemaplan.sql.Definitions} quotes them for SQL to run.
     */
    public String definition(UnaryOperator<String> name, UnaryOperator<String> collation) {
        StringBuilder b = new StringBuilder(unique ? "UNIQUE " : "").append("USING ").append(name.apply(method)).append(" (");
        b.append(keys.stream().map(k -> k.sql(name, collation)).collect(Collectors.joining(", "))).append(')');
        if (!include.isEmpty()) {
            b.append(" INCLUDE (").append(include.stream().map(name).collect(Collectors.joining(", "))).append(')');
        }
        if (nullsNotDistinct) b.append(" NULLS NOT DISTINCT");
        if (predicate != null) b.append(" WHERE ").append(predicate);
        return b.toString();
    }

    public Index withComment(String c) {
        return new Index(name, unique, method, keys, include, predicate, nullsNotDistinct, c);
    }

    public Index renamed(String newName) {
        return new Index(newName, unique, method, keys, include, predicate, nullsNotDistinct, comment);
    }

    /**
     * One key of an index. {@code text} is the column name, or the expression as the server prints it
     * when {@code expression} is true. The options are null / false when they are the defaults.
     * {@code prefixLength} is MySQL's key prefix ({@code `name`(191)} indexes the first 191 characters):
     * a length, not an operator class, so it has a field of its own and is null for a whole-column key.
     */
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public record IndexKey(
            String text,
            boolean expression,
            String collation,
            String opclass,
            boolean descending,
            String nulls,
            Integer prefixLength) {

        /** A key without a prefix length (every PostgreSQL key). */
        public IndexKey(String text, boolean expression, String collation, String opclass, boolean descending,
                        String nulls) {
            this(text, expression, collation, opclass, descending, nulls, null);
        }

        // equals and hashCode over every component, as a record's own would be, written out (see package-info).
        @Override
        public boolean equals(Object other) {
            return other instanceof IndexKey o && Arrays.equals(components(), o.components());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(components());
        }

        private Object[] components() {
            return new Object[] {text, expression, collation, opclass, descending, nulls, prefixLength};
        }

        /** The key as an index definition spells it: {@code name COLLATE "C" text_pattern_ops DESC NULLS LAST}. */
        public String sql() {
            return sql(UnaryOperator.identity(), UnaryOperator.identity());
        }

        /** The same with a column key passed through {@code name} (an expression stays as printed). */
        public String sql(UnaryOperator<String> name, UnaryOperator<String> collationName) {
            StringBuilder b = new StringBuilder(expression ? text : name.apply(text));
            if (collation != null) b.append(" COLLATE ").append(collationName.apply(collation));
            if (opclass != null) b.append(' ').append(opclass);
            if (descending) b.append(" DESC");
            if (nulls != null) b.append(" NULLS ").append(nulls);
            return b.toString();
        }

        public static IndexKey column(String name) {
            return new IndexKey(name, false, null, null, false, null);
        }
    }

    // equals and hashCode over every component, as a record's own would be, written out (see package-info).
    @Override
    public boolean equals(Object other) {
        return other instanceof Index o && Arrays.equals(components(), o.components());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(components());
    }

    private Object[] components() {
        return new Object[] {name, unique, method, keys, include, predicate, nullsNotDistinct, comment};
    }
}
