/**
 * The schema model: immutable records that say what a database contains, and nothing of how it was read.
 *
 * <p>Every collection is sorted on construction (objects by name, columns by position) so that two
 * schemas read from different sources compare equal when they hold the same facts, and so that JSON
 * snapshots are byte-stable. Expressions (defaults, predicates, check bodies, view definitions) are kept
 * as the text the server prints for them ({@code pg_get_expr} and friends) after normalization.
 */
package io.schemaplan.model;
