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
 * pool; an UPDATE writes two per index: the old entry delete-marked, the new one inserted);</li>
 * <li>past the buffer pool: when the secondary indexes written (I bytes, entries in each index's key order,
 * uuid keys: all over the index) are larger than the buffer pool B, a share m = 1 − B / I of the entries
 * misses it and costs a random page read and the write-back of the dirty page it evicts,
 * {@link #MISSED_ENTRY_SECONDS} more. Measured on 300,000 rows (B 128 MB, no change buffering) the DELETE
 * (I 193 MB) took 259 s and the INSERT … SELECT (I 207 MB) 186 s where the terms above give 32 s and 37 s:
 * 321 and 185 µs a missed entry; the constant is between (they give 209 s and 238 s). B is 0 when the
 * statistics do not say it (a file written before they did, PostgreSQL): then nothing is added.</li>
 * </ul>
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
    static final double MISSED_ENTRY_SECONDS = 250e-6;

    /** The share of index entries written that miss a buffer pool of {@code bufferPoolBytes} (0: not known). */
    static double missedShare(Work work, long bufferPoolBytes) {
        if (bufferPoolBytes <= 0) return 0;
        // The same share as PostgreSQL's at one size I (the indexes written, as the constant was fitted).
        return CostModel.missedShare(work.indexBytes(), work.indexBytes(), bufferPoolBytes);
    }

    static Estimate estimate(Cost cost, Work work, Profile p, long bufferPoolBytes) {
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
        double seconds = pages / PAGE_BYTES_PER_SECOND + redo / REDO_BYTES_PER_SECOND + entries * INDEX_ENTRY_SECONDS
                + entries * missedShare(work, bufferPoolBytes) * MISSED_ENTRY_SECONDS;
        // No profile is measured on MySQL (calibrate reads PostgreSQL): never narrower than the default's range.
        double spread = Math.max(p.spread(), Profile.DEFAULT.spread());
        return new Estimate(seconds / spread, seconds, seconds * spread, bytes(disk), bytes(redo), true);
    }

    private static long bytes(double b) {
        return b >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) b;
    }
}
