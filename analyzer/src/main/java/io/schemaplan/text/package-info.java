/**
 * Text that reaches a person: what a name may not smuggle into a terminal, a CI log or a rendered page.
 * No I/O; used by every human-readable renderer and by the SQL quoting of {@code io.schemaplan.sql}.
 */
package io.schemaplan.text;
