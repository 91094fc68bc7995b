/**
 * The schema model: immutable records that say what a database contains, and nothing of how it was read.
 *
 * <p>Every collection is sorted on construction (objects by name, columns by position) so that two
 * schemas read from different sources compare equal when they hold the same facts, and so that JSON
 * snapshots are byte-stable. Expressions (defaults, predicates, check bodies, view definitions) are kept
 * as the text the server prints for them ({@code pg_get_expr} and friends) after normalization.
 *
 * <p>The records a diff of two dumps compares first ({@link io.schemaplan.model.QName}, {@link
 * io.schemaplan.model.Column}, {@link io.schemaplan.model.DataType}, {@link io.schemaplan.model.Index} and its
 * keys, {@link io.schemaplan.model.Constraint}, {@link io.schemaplan.model.ForeignKey}, {@link
 * io.schemaplan.model.Sequence}) write out their {@code equals} and {@code hashCode} over every component, the
 * same contract as a record's own. A record's own are linked at their first call by
 * {@code java.lang.runtime.ObjectMethods}, which builds method-handle trees and spins classes that no
 * class-data-sharing archive of Java 17 keeps: about 4 ms per record type, 30 to 60 ms of a 250 ms
 * {@code diff} of two Dify dumps (docs/performance.md). {@code RecordEqualityTest} checks that each of them
 * still sees every component, so a component added later cannot be left out of the comparison.
 */
package io.schemaplan.model;
