package io.schemaplan.impact;

import io.schemaplan.model.QName;
import io.schemaplan.model.TableStats;

/**
 * How long one table is blocked by the upgrade: the strongest lock the plan takes on it, what that lock
 * blocks, the table's own work ({@code work}: the sum of its operations) and how long the lock is held
 * ({@code held}). When all migrations run in one transaction (Dify, Alembic's default), a lock is held
 * until the last migration commits, so {@code held} reaches up to the whole upgrade; otherwise it is
 * the table's own work. {@code stats} is null when the statistics do not cover the table.
 */
public record TableWindow(QName table, String lock, boolean blocksReads, boolean blocksWrites, Risk risk,
                          Estimate work, Estimate held, TableStats stats) {
}
