/**
 * Readers: one per kind of source (pg_dump file, live PostgreSQL, JSON snapshot). Each returns a
 * {@link io.schemaplan.model.Schema}; each failure is a {@link io.schemaplan.read.ReadException} with a
 * one-line message naming the file and line or the URL.
 */
package io.schemaplan.read;
