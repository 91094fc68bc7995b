package io.schemaplan.impact;

/** What the duration of an operation grows with; the cost model multiplies it with the table statistics. */
public enum Cost {
    /** Catalog only: constant time once the lock is granted. */
    NOTHING,
    /** One sequential read of the table's heap (and TOAST where the checked column lives there). */
    TABLE_BYTES,
    /** A full copy of the heap plus a rebuild of every index on it. */
    TABLE_AND_INDEX_BYTES,
    /** A heap scan plus a sort of the key columns (bounded by maintenance_work_mem) and the index write. */
    INDEX_BUILD,
    /** A check per row against another table (a join of the referencing rows with the referenced key). */
    ROWS,
    /**
     * UPDATE: a new version of each row written ({@link Work#rows()}) in the heap and an entry in every index,
     * after a read of the heap to find them.
     */
    ROW_WRITES,
    /** DELETE: each row written is marked deleted in place (no index writes), after a read of the heap. */
    ROW_DELETES,
    /**
     * INSERT … SELECT and CREATE TABLE AS: the rows are read from the source and written, with their TOAST, to
     * the target and its indexes ({@link Work#copying}).
     */
    ROW_INSERTS
}
