package io.schemaplan.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A view or materialized view, compared by its definition as {@code pg_get_viewdef} prints it. */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record View(QName name, boolean materialized, String definition, String comment) {
}
