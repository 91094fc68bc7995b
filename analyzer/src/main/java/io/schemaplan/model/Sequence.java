package io.schemaplan.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;

/**
 * A sequence. {@code minValue} / {@code maxValue} are null when they are the defaults of the data type
 * ({@code NO MINVALUE} in a dump). {@code ownedBy} is {@code schema.table.column}, unquoted, or null. Identity sequences are not listed: they belong to their column.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Sequence(
        QName name,
        String dataType,
        long start,
        long increment,
        Long minValue,
        Long maxValue,
        long cache,
        boolean cycle,
        String ownedBy,
        String comment) {

    // equals and hashCode over every component, as a record's own would be, written out (see package-info).
    @Override
    public boolean equals(Object other) {
        return other instanceof Sequence o && Arrays.equals(components(), o.components());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(components());
    }

    private Object[] components() {
        return new Object[] {name, dataType, start, increment, minValue, maxValue, cache, cycle, ownedBy, comment};
    }
}
