/**
 * Readers: one per kind of source (pg_dump file, live PostgreSQL, JSON snapshot). Each returns a
 * {@link io.schemaplan.model.Schema}; each failure is a {@link io.schemaplan.read.ReadException} with a
 * one-line message naming the file and line or the URL.
 *
 * <p>{@link io.schemaplan.read.PgDumpReader} reads plain pg_dump files: {@code DumpText} cuts the file into
 * statements (and rejects what is not a plain PostgreSQL dump), the reader dispatches each statement by its
 * leading words, and {@code DumpSchema} collects the facts until the dump is complete. Statements the model
 * has no place for become warnings (one per kind, with a count), never silent losses. {@code Databases} picks the
 * database of a pg_dumpall file ({@code FILE#db}); {@code SearchPathNames} qualifies the bare names of dumps
 * written with a {@code SET search_path} (pg_dump 10.2 and older). docs/reading-postgres.md lists the flavours.
 */
package io.schemaplan.read;
