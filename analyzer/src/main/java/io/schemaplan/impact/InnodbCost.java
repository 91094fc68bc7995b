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

    // The DDL throughputs: scripts/bench-estimate-mysql, 1 M rows of a workflow_runs-shaped table (1,240 MB clustered,
    // 179 MB secondary), MariaDB 10.11 stock settings (128 MB buffer pool), two quiet runs, December 8 2026.
    /** ALGORITHM=COPY: each row and its secondary entries inserted into the new table (37.2 and 40.8 s). */
    static final double COPY_BYTES_PER_SECOND = 35 * MB;
    /** An in-place rebuild: rows read in key order, indexes merge-sorted (SET NOT NULL, FORCE: 13.2–20.0 s). */
    static final double REBUILD_BYTES_PER_SECOND = 85 * MB;
    /**
     * ADD INDEX reads the clustered index, then sorts and loads the new index: a 49 MB index took 6.7 and 6.8 s,
     * a 155 MB one 13.0 s, which part 3.7 s of reading (335 MB/s) from 16.7 MB/s of building.
     */
    static final double SCAN_BYTES_PER_SECOND = 330 * MB;
    static final double INDEX_BUILD_BYTES_PER_SECOND = 16 * MB;
    /** A secondary index record's header and page directory share. */
    private static final int INDEX_RECORD_OVERHEAD = 7;
    /** Sorted index builds fill InnoDB pages to 15/16 (innodb_fill_factor 100 leaves 1/16 free). */
    private static final double INDEX_FILL = 15.0 / 16;

    /**
     * The bytes of a new secondary index on {@code columns} of {@code table}: each entry holds its key, the primary
     * key (the row's address in InnoDB) and a record header. Measured on the benchmark's table (1 M rows):
     * {@code (created_at)} 50 MB, this gives 49; {@code (tenant_id, app_id, workflow_id)} 155 MB, this gives 161.
     */
    static long newIndexBytes(long rows, java.util.Optional<io.schemaplan.model.Table> table, java.util.List<String> columns) {
        long key = 0;
        for (String c : columns) key += width(table, c);
        long pk = table.flatMap(io.schemaplan.model.Table::primaryKey)
                .map(k -> k.columns().stream().mapToLong(c -> width(table, c)).sum()).orElse(6L);   // else DB_ROW_ID
        return (long) (rows * (double) (key + pk + INDEX_RECORD_OVERHEAD) / INDEX_FILL);
    }

    /** A column's bytes in an index record: its type's, a character column at one byte a character (ASCII keys). */
    private static long width(java.util.Optional<io.schemaplan.model.Table> table, String column) {
        io.schemaplan.model.DataType t = table.flatMap(x -> x.column(column)).map(io.schemaplan.model.Column::type).orElse(null);
        if (t == null) return 24;
        Integer n = t.size();
        return switch (t.name().toLowerCase(java.util.Locale.ROOT)) {
            case "tinyint", "boolean" -> 1;
            case "smallint", "year" -> 2;
            case "mediumint", "date", "time" -> 3;
            case "int", "integer", "timestamp", "float" -> 4;
            case "datetime" -> 5 + (n == null ? 0 : (n + 1) / 2);
            case "bigint", "double", "double precision" -> 8;
            case "char", "binary" -> n == null ? 1 : n;
            case "varchar", "varbinary" -> n == null ? 24 : Math.min(n, 24) + 1;
            default -> 24;
        };
    }

    /**
     * An InnoDB DDL operation ({@link MyRule}): its cost, priced by what InnoDB does rather than by PostgreSQL's
     * throughputs. H the clustered index (DATA_LENGTH, every column, off-page BLOBs included), I the secondary
     * indexes, N the new index:
     * <ul>
     * <li>a rebuild ({@link Cost#TABLE_AND_INDEX_BYTES}): (H + I) at {@link #COPY_BYTES_PER_SECOND} when the
     * server layer copies the rows one by one (ALGORITHM=COPY: each row and each of its index entries inserted
     * into the new table), at {@link #REBUILD_BYTES_PER_SECOND} in place (the rows read in key order, the
     * indexes built by merge sort);</li>
     * <li>an index build ({@link Cost#INDEX_BUILD}): H at {@link #SCAN_BYTES_PER_SECOND}, then N at
     * {@link #INDEX_BUILD_BYTES_PER_SECOND};</li>
     * <li>a scan ({@link Cost#TABLE_BYTES}): H at {@link #SCAN_BYTES_PER_SECOND};</li>
     * <li>anything else as on PostgreSQL ({@link CostModel#estimate(Cost, Work, Profile)}).</li>
     * </ul>
     * The figures come from {@code scripts/bench-estimate-mysql} (docs/mysql-impact.md, "Estimates"); they are
     * constants, not the profile's (calibrate measures PostgreSQL), so the range is never narrower than the
     * default profile's.
     */
    static Estimate ddl(MyRule rule, Work work, Profile p) {
        Cost cost = rule.cost();
        if (cost != Cost.TABLE_AND_INDEX_BYTES && cost != Cost.INDEX_BUILD && cost != Cost.TABLE_BYTES) {
            return CostModel.estimate(cost, work, p);
        }
        if (!work.known()) return Estimate.UNKNOWN;
        double h = work.tableBytes();
        double seconds;
        double disk;
        switch (cost) {
            case TABLE_AND_INDEX_BYTES -> {
                disk = h + work.indexBytes();
                seconds = disk / (rule.algorithm() == MyRule.Algorithm.COPY ? COPY_BYTES_PER_SECOND : REBUILD_BYTES_PER_SECOND);
            }
            case INDEX_BUILD -> {
                disk = work.newIndexBytes();
                seconds = h / SCAN_BYTES_PER_SECOND + disk / INDEX_BUILD_BYTES_PER_SECOND;
            }
            default -> {
                disk = 0;
                seconds = h / SCAN_BYTES_PER_SECOND;
            }
        }
        double spread = Math.max(p.spread(), Profile.DEFAULT.spread());
        return new Estimate(seconds / spread, seconds, seconds * spread, bytes(disk), bytes(disk), true);
    }

    private static long bytes(double b) {
        return b >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) b;
    }
}
