package io.schemaplan.model;

/** A trigger, compared by its full definition as {@code pg_get_triggerdef} prints it. */
public record Trigger(String name, String definition) {
}
