package io.schemaplan.scriptplan;

/**
 * One statement of a migration script as the planner sees it: its number in the script (from 1), the line
 * it starts on, the migration revision it belongs to (null when the script does not say), its SQL without
 * the terminating {@code ;}, and the file it comes from.
 */
public record SqlStatement(int number, int line, String revision, String sql, String file) {
}
