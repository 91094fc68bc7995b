package io.schemaplan.model;

/**
 * A rewrite rule of a table ({@code CREATE RULE}), compared by its definition as {@code pg_get_ruledef}
 * prints it, without the final semicolon and with runs of white space made one space.
 */
public record Rule(String name, String definition) {
}
