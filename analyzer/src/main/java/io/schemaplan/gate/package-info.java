/**
 * The CI gate: a {@link io.schemaplan.gate.Policy} (what a team accepts in an upgrade) checked against a
 * {@link io.schemaplan.impact.Plan}, giving a {@link io.schemaplan.gate.Verdict}. Pure: the policy is read
 * from YAML at the edge ({@code read.PolicyReader}) and the verdict is rendered by {@code report}.
 *
 * <p>A policy check matches plan items by rule id (the ids of {@code PgRules} and {@code MyRules}) or by
 * {@link io.schemaplan.gate.Category}, facts derived from the plan item; it can be limited to tables above a
 * row or byte threshold or to named tables. Window caps bound the blocking window per table and for the
 * whole upgrade. An allowance accepts a finding on one table or column, with a reason that the reports show.
 */
package io.schemaplan.gate;
