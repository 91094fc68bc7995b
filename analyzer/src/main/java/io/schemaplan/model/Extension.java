package io.schemaplan.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An installed extension. {@code version} is known from a live database only (a dump does not record
 * it), so it is compared only when both sides know it.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Extension(String name, String schema, String version) {
}
