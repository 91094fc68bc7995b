package io.schemaplan.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A column type in canonical form: {@code name} is the canonical type name ({@code integer}, {@code varchar},
 * {@code timestamptz}, or a qualified user type such as {@code public.mood}); {@code size} is the length of a
 * character type, the precision of {@code numeric} or the fractional-second precision of a time type;
 * {@code scale} is the scale of {@code numeric}; {@code arrayDims} is 0 for a scalar.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record DataType(String name, Integer size, Integer scale, int arrayDims) {

    public static DataType of(String name) {
        return new DataType(name, null, null, 0);
    }

    public static DataType of(String name, Integer size) {
        return new DataType(name, size, null, 0);
    }

    public DataType withoutArray() {
        return new DataType(name, size, scale, 0);
    }

    /** SQL spelling: {@code varchar(255)}, {@code numeric(10,2)}, {@code text[]}. */
    public String sql() {
        StringBuilder b = new StringBuilder(name);
        if (size != null) {
            b.append('(').append(size);
            if (scale != null) b.append(',').append(scale);
            b.append(')');
        }
        b.append("[]".repeat(arrayDims));
        return b.toString();
    }

    @Override
    public String toString() {
        return sql();
    }
}
