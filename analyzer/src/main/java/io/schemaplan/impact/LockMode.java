package io.schemaplan.impact;

import java.util.Arrays;

/**
 * The eight PostgreSQL table-level lock modes, weakest first, with their conflict table as data
 * ("Explicit Locking", Table 13.2, https://www.postgresql.org/docs/current/explicit-locking.html#LOCKING-TABLES).
 * Whether a lock blocks readers or writers is derived from the table, never stored next to it.
 */
public enum LockMode {
    // The conflict mask lists, by ordinal, the modes this one conflicts with (bit 0 = ACCESS_SHARE).
    ACCESS_SHARE("AccessShareLock", 0b1000_0000),
    ROW_SHARE("RowShareLock", 0b1100_0000),
    ROW_EXCLUSIVE("RowExclusiveLock", 0b1111_0000),
    SHARE_UPDATE_EXCLUSIVE("ShareUpdateExclusiveLock", 0b1111_1000),
    SHARE("ShareLock", 0b1110_1100),
    SHARE_ROW_EXCLUSIVE("ShareRowExclusiveLock", 0b1111_1100),
    EXCLUSIVE("ExclusiveLock", 0b1111_1110),
    ACCESS_EXCLUSIVE("AccessExclusiveLock", 0b1111_1111);

    private final String pgName;
    private final int conflictMask;

    LockMode(String pgName, int conflictMask) {
        this.pgName = pgName;
        this.conflictMask = conflictMask;
    }

    /** The name {@code pg_locks.mode} shows ({@code AccessExclusiveLock}). */
    public String pgName() {
        return pgName;
    }

    /** The SQL spelling ({@code ACCESS EXCLUSIVE}), as {@code LOCK TABLE} and the manual write it. */
    public String sql() {
        return name().replace('_', ' ');
    }

    public boolean conflictsWith(LockMode other) {
        return (conflictMask & (1 << other.ordinal())) != 0;
    }

    /** Plain SELECT takes ACCESS SHARE; only a mode that conflicts with it makes readers wait. */
    public boolean blocksReads() {
        return conflictsWith(ACCESS_SHARE);
    }

    /** INSERT, UPDATE and DELETE take ROW EXCLUSIVE. */
    public boolean blocksWrites() {
        return conflictsWith(ROW_EXCLUSIVE);
    }

    public static LockMode ofPgName(String pgName) {
        return Arrays.stream(values()).filter(m -> m.pgName.equals(pgName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a table lock mode: " + pgName));
    }

    /** The stronger of two modes (null counts as no lock). */
    public static LockMode stronger(LockMode a, LockMode b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
