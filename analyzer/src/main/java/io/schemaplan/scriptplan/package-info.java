/**
 * The plan of a migration script, statement by statement: what each statement locks, rewrites, scans and
 * writes on the user's own database, how long, inside which transaction, and a safer way as SQL.
 *
 * <p>{@link io.schemaplan.scriptplan.PgStatements} and {@link io.schemaplan.scriptplan.MyStatements} map one
 * statement to operations of the existing rule tables ({@code impact/PgRules}, {@code impact/MyRules});
 * {@link io.schemaplan.scriptplan.ScriptPlanner} prices them with the same cost model and statistics as a
 * schema plan, cuts the script into transactions (BEGIN/COMMIT, autocommit statements, MySQL's implicit
 * commit per DDL statement, the runner's grouping) and derives each table's blocking window: from the
 * statement that first locks it to the COMMIT that releases it. {@link io.schemaplan.scriptplan.ScriptPlan}
 * is the result, formatted by {@code report/ScriptPlan*Renderer}. Pure: nothing here does I/O.
 */
package io.schemaplan.scriptplan;
