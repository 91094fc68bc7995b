package io.schemaplan.model;

import com.fasterxml.jackson.annotation.JsonInclude;

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
}
