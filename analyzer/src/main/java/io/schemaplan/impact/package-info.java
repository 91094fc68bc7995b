/**
 * What a DDL operation or a data statement of a migration script (UPDATE, DELETE, INSERT … SELECT,
 * TRUNCATE, CREATE TABLE AS) costs on a real server: PostgreSQL rules keyed by operation and major version, and
 * MySQL/MariaDB InnoDB rules keyed by operation and server profile.
 *
 * <p>{@link io.schemaplan.impact.PgOperation} names the operations at the grain where locking differs;
 * {@link io.schemaplan.impact.PgRules} is the rule table (data, one row per operation and version range)
 * saying which lock each takes, whether it rewrites the table, rebuilds indexes or scans rows, what its
 * duration grows with, the safer recipe and the manual section it rests on;
 * {@link io.schemaplan.impact.PgTypeChanges} decides whether a column type change rewrites. Every rule is
 * replayed against the local server by {@code PgRulesTraceTest}, the data statements' locks and WAL also
 * by {@code PgDataStatementsTraceTest}; {@link io.schemaplan.impact.CostModel} prices them by the WAL they
 * write (docs/data-statements.md).
 *
 * <p>The MySQL/MariaDB side has the same shape: {@link io.schemaplan.impact.MyOperation},
 * {@link io.schemaplan.impact.MyRules} (algorithm INSTANT / NOCOPY / INPLACE / COPY, lock, rebuild, per
 * {@link io.schemaplan.impact.MyEngine} profile), {@link io.schemaplan.impact.MyTypeChanges} (the VARCHAR
 * length prefix, ENUM/SET storage) and {@link io.schemaplan.impact.MyImpacts}, which maps a schema change
 * to operations. {@code MyRulesServerTest} asks the local MariaDB for every MariaDB rule. Nothing here
 * does I/O.
 */
package io.schemaplan.impact;
