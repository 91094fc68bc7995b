package io.schemaplan.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
import java.util.List;

/**
 * A column type in canonical form: {@code name} is the canonical type name ({@code integer}, {@code varchar},
 * {@code timestamptz}, or a qualified user type such as {@code public.mood}); {@code size} is the length of a
 * character type, the precision of {@code numeric} or the fractional-second precision of a time type;
 * {@code scale} is the scale of {@code numeric}; {@code arrayDims} is 0 for a scalar.
 *
 * <p>Two facts exist only in MySQL/MariaDB: {@code unsigned} for numeric types, and {@code values}, the
 * labels of an inline {@code enum(…)} or {@code set(…)} type in declared order (empty otherwise).
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record DataType(
        String name,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer size,
        // NON_NULL, not the class's NON_DEFAULT: numeric(10,0) has scale 0, and a snapshot must keep it.
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer scale,
        int arrayDims,
        boolean unsigned,
        List<String> values) {

    public DataType {
        values = Lists.copy(values);
    }

    /** A PostgreSQL-style type: signed, no inline labels. */
    public DataType(String name, Integer size, Integer scale, int arrayDims) {
        this(name, size, scale, arrayDims, false, List.of());
    }

    public static DataType of(String name) {
        return new DataType(name, null, null, 0);
    }

    public static DataType of(String name, Integer size) {
        return new DataType(name, size, null, 0);
    }

    public DataType withoutArray() {
        return new DataType(name, size, scale, 0, unsigned, values);
    }

    /** SQL spelling: {@code varchar(255)}, {@code numeric(10,2)}, {@code text[]}, {@code enum('a','b')}, {@code bigint unsigned}. */
    public String sql() {
        StringBuilder b = new StringBuilder(name);
        if (!values.isEmpty()) {
            b.append('(');
            for (int i = 0; i < values.size(); i++) {
                b.append(i == 0 ? "" : ",").append('\'').append(values.get(i).replace("'", "''")).append('\'');
            }
            b.append(')');
        } else if (size != null) {
            b.append('(').append(size);
            if (scale != null) b.append(',').append(scale);
            b.append(')');
        }
        if (unsigned) b.append(" unsigned");
        b.append("[]".repeat(arrayDims));
        return b.toString();
    }

    @Override
    public String toString() {
        return sql();
    }

    // equals and hashCode over every component, as a record's own would be, written out (see package-info).
    @Override
    public boolean equals(Object other) {
        return other instanceof DataType o && Arrays.equals(components(), o.components());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(components());
    }

    private Object[] components() {
        return new Object[] {name, size, scale, arrayDims, unsigned, values};
    }
}
