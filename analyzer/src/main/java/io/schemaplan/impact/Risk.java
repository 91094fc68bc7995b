package io.schemaplan.impact;

/**
 * How much attention a planned operation needs, most first. Derived from the rule and the estimate,
 * never stored in the rule table:
 * <ul>
 * <li>{@code CRITICAL}: blocks reads or writes for work that grows with the table, expected to take at
 * least {@link Planner#CRITICAL_SECONDS};</li>
 * <li>{@code HIGH}: the same for a shorter or unknown time, or it destroys data (a dropped table or column
 * that has rows, or whose size is unknown);</li>
 * <li>{@code MEDIUM}: work that grows with the table without blocking (VALIDATE, CONCURRENTLY), or an
 * operation that cannot run inside the migration transaction;</li>
 * <li>{@code LOW}: catalog only (or work on a table known to take under a second), but under a lock
 * that blocks: it waits behind long queries, and everything queues behind it (run under lock_timeout);</li>
 * <li>{@code NONE}: locks no existing table.</li>
 * </ul>
 */
public enum Risk { CRITICAL, HIGH, MEDIUM, LOW, NONE }
