/**
 * SQL text this tool writes (recipes, suggested fixes, the DDL of reports, the few statements readers
 * send): the one place where a name becomes an identifier ({@link io.schemaplan.sql.Identifiers}), a
 * value a literal ({@link io.schemaplan.sql.Literals}), and a model record a definition with its names
 * quoted ({@link io.schemaplan.sql.Definitions}). Pure functions, no I/O.
 */
package io.schemaplan.sql;
