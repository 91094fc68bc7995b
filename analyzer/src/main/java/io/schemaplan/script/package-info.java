/**
 * Migration scripts: the SQL an upgrade really runs ({@code alembic upgrade A:B --sql}, Flyway {@code V*.sql},
 * Liquibase {@code updateSQL}, Django {@code sqlmigrate}, …), read statement by statement and replayed on the
 * schema model.
 *
 * <p>{@link io.schemaplan.script.ScriptReader} cuts a script with the dump statement readers
 * ({@link io.schemaplan.read.ScriptText}) into a {@link io.schemaplan.script.Script}: numbered
 * {@link io.schemaplan.script.ScriptStatement}s, each with its line, its kind (transaction control, session
 * setting, DDL, data, other) and the revision a migration tool's comment says it belongs to, plus the warnings
 * a tool wrote into the script (Alembic's offline-mode notes). docs/migration-scripts.md lists what is understood.
 */
package io.schemaplan.script;
