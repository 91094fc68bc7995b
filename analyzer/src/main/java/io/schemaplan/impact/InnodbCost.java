package io.schemaplan.impact;

/**
 * The data statements of {@link CostModel} on InnoDB (MySQL, MariaDB), where the engine works otherwise than
 * PostgreSQL: a row is changed where it is (no new version elsewhere), the old values go to the undo log,
 * and a secondary index is written only where its entry changes: by an UPDATE only for the indexes of the
 * columns it sets ({@link Work#indexCount()} is those), by a DELETE (delete-mark) and an INSERT for every one.
 * Pure arithmetic. The terms and their figures come from {@code scripts/bench-update-mysql --all} on a Dify
 * messages-shaped table (MariaDB 10.11, 16 kB pages filled to 15/16, doublewrite on, 128 MB buffer pool,
 * 100,000 and 300,000 rows; docs/data-statements.md, MySQL section). With H the clustered index bytes
 * (DATA_LENGTH), f the share of rows written, n the rows, k the secondary indexes written:
 * <ul>
 * <li>every clustered page holding a written row is read, changed and written back (twice, with the
 * doublewrite buffer): f × H at {@link #PAGE_BYTES_PER_SECOND} (an UPDATE that keeps each row's size: 315 MB
 * in 5.3 s, with 29 MB of redo);</li>
 * <li>redo at {@link #REDO_BYTES_PER_SECOND}. An UPDATE whose row grows (a backfill of a NULL column: the
 * usual migration case, and the one priced, since the SET's values are not known) no longer fits where the
 * row was: InnoDB reorganizes the page and logs it whole, measured {@link #GROWN_PAGE_REDO} × f × H of redo
 * (529 MB on 105 MB, 1,589 MB on 315 MB); plus {@link #UPDATE_ROW_REDO} bytes a row (undo record and change)
 * and {@link #UPDATE_INDEX_REDO} a row and index whose entry it changes (delete-mark, new entry, the index
 * page splits). A DELETE only delete-marks: {@link #DELETE_ROW_REDO} + {@link #DELETE_INDEX_REDO} × k a row.
 * An INSERT … SELECT writes new pages, logged whole: f × (table + indexes);</li>
 * <li>{@link #INDEX_ENTRY_SECONDS} per secondary index entry written (a leaf found and changed in the buffer
 * pool; an UPDATE writes two per index: the old entry delete-marked, the new one inserted).</li>
 * </ul>
 * Not priced: when the secondary indexes written are larger than the buffer pool, each entry costs a random
 * page read and a write-back; measured on 300,000 rows (indexes 193 MB, buffer pool 128 MB, no change
 * buffering) the DELETE ran ×8 and the INSERT … SELECT ×5 longer than this model says. The statistics do not
 * carry the buffer pool size.
 */
final class InnodbCost {
    private InnodbCost() {
    }

    private static final double MB = 1024 * 1024;
    /** Clustered index pages read, changed and written back, doublewrite included. */
    static final double PAGE_BYTES_PER_SECOND = 60 * MB;
    /** Redo written (and the work it stands for: page reorganizations, undo records). */
    static final double REDO_BYTES_PER_SECOND = 80 * MB;
    /** Redo of an UPDATE whose rows grow, per byte of the clustered pages it changes. */
    static final double GROWN_PAGE_REDO = 5;
    static final long UPDATE_ROW_REDO = 100;
    static final long UPDATE_INDEX_REDO = 1600;
    static final long DELETE_ROW_REDO = 50;
    static final long DELETE_INDEX_REDO = 45;
    /** The undo record an UPDATE or DELETE keeps per row until purge. */
    static final long UNDO_ROW_BYTES = 100;
    static final double INDEX_ENTRY_SECONDS = 12e-6;

    static Estimate estimate(Cost cost, Work work, Profile p) {
        if (!work.known()) return Estimate.UNKNOWN;
        double share = work.writtenShare();
        double pages = work.heapBytes() * share;
        long n = work.rows();
        int k = work.indexCount();
        double redo;
        double entries;
        double disk;
        switch (cost) {
            case ROW_WRITES -> {
                redo = GROWN_PAGE_REDO * pages + n * (double) (UPDATE_ROW_REDO + UPDATE_INDEX_REDO * k);
                entries = 2.0 * n * k;
                disk = (double) n * UNDO_ROW_BYTES;
            }
            case ROW_DELETES -> {
                redo = n * (double) (DELETE_ROW_REDO + DELETE_INDEX_REDO * k);
                entries = (double) n * k;
                disk = (double) n * UNDO_ROW_BYTES;
            }
            case ROW_INSERTS -> {
                redo = share * ((double) work.tableBytes() + work.indexBytes());
                entries = (double) n * k;
                disk = redo;
            }
            default -> throw new IllegalArgumentException("not a data statement cost: " + cost);
        }
        double seconds = pages / PAGE_BYTES_PER_SECOND + redo / REDO_BYTES_PER_SECOND + entries * INDEX_ENTRY_SECONDS;
        // No profile is measured on MySQL (calibrate reads PostgreSQL): never narrower than the default's range.
        double spread = Math.max(p.spread(), Profile.DEFAULT.spread());
        return new Estimate(seconds / spread, seconds, seconds * spread, bytes(disk), bytes(redo), true);
    }

    private static long bytes(double b) {
        return b >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) b;
    }
}
