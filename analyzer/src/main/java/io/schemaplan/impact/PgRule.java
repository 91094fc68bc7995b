package io.schemaplan.impact;

import java.util.Objects;
import java.util.Set;

/**
 * What one DDL operation does on PostgreSQL major versions {@code fromVersion..toVersion} (inclusive).
 *
 * <p>{@code lock} is the strongest lock the operation takes on the relation it alters: the table (also
 * for the table's columns, constraints, indexes and triggers, and including locks on the table's
 * existing indexes, because planning any query on a table opens all its indexes), or the view or
 * sequence itself; null when it locks no existing relation. {@code otherLock} is the lock on the second
 * table a statement names (the referenced table of a foreign key, the partition of ATTACH/DETACH
 * PARTITION, the tables a view reads, the table an INSERT … SELECT or CREATE TABLE AS reads), or null. Whether readers or writers wait is derived from the
 * lock mode. {@code id} is stable: CI policies name it, and operations with the same hazard share it.
 * {@link Effect#SCANS_TABLE} means the rows of the table are read (of the partition for ATTACH
 * PARTITION); a rewrite and an index build read them too.
 */
public record PgRule(
        PgOperation operation,
        int fromVersion,
        int toVersion,
        String id,
        LockMode lock,
        LockMode otherLock,
        Set<Effect> effects,
        Cost cost,
        String message,
        String saferRecipe,
        PgManual source) {

    /**
     * {@link #WRITES_ROWS}: a data statement writes row versions (and their index entries and WAL), priced per
     * row written; {@link #EMPTIES_TABLE}: TRUNCATE gives the table and its indexes new empty files, which
     * changes their relfilenode like a rewrite but copies nothing.
     */
    public enum Effect { REWRITES_TABLE, REBUILDS_INDEXES, SCANS_TABLE, NOT_IN_TRANSACTION_BLOCK, WRITES_ROWS,
        EMPTIES_TABLE }

    public PgRule {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(source, "source");
        effects = Set.copyOf(effects);
        if (fromVersion > toVersion) throw new IllegalArgumentException(operation + ": empty version range");
    }

    public boolean appliesTo(int majorVersion) {
        return fromVersion <= majorVersion && majorVersion <= toVersion;
    }

    public boolean rewritesTable() {
        return effects.contains(Effect.REWRITES_TABLE);
    }

    public boolean rebuildsIndexes() {
        return effects.contains(Effect.REBUILDS_INDEXES);
    }

    public boolean scansTable() {
        return effects.contains(Effect.SCANS_TABLE);
    }

    public boolean writesRows() {
        return effects.contains(Effect.WRITES_ROWS);
    }

    public boolean emptiesTable() {
        return effects.contains(Effect.EMPTIES_TABLE);
    }

    /** False for the CONCURRENTLY forms (and ADD VALUE before PG 12): they fail inside BEGIN … COMMIT. */
    public boolean runsInTransactionBlock() {
        return !effects.contains(Effect.NOT_IN_TRANSACTION_BLOCK);
    }

    public boolean blocksReads() {
        return lock != null && lock.blocksReads();
    }

    public boolean blocksWrites() {
        return lock != null && lock.blocksWrites();
    }
}
