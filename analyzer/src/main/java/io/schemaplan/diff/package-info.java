/**
 * The differ: a pure function from two schemas to an ordered list of {@link io.schemaplan.diff.Change}s.
 * Shaped after migra: for each kind of object, compare two maps of name to definition. Renames are only
 * ever suggested ({@link io.schemaplan.diff.Change.PossibleRename}), never merged into the drop and add.
 */
package io.schemaplan.diff;
