package io.schemaplan.impact;

/**
 * Turns a rule's {@link Cost} kind and the {@link Work} it touches into an {@link Estimate}, with the
 * throughputs of a {@link Profile}. Pure arithmetic, documented where each term comes from:
 * <ul>
 * <li>a scan reads the heap once ({@code heapBytes / seqScan}): SET NOT NULL looks at the null bitmap, a
 * foreign key or index key is rarely TOASTed, so the TOAST table is not read (a CHECK on a long text column
 * does read it; such checks are rare enough to accept that underestimate). On Dify's workflow_runs TOAST
 * can be most of the table, so counting it would multiply a scan's estimate;</li>
 * <li>a rewrite copies the heap and the TOAST into new files ({@code tableBytes / rewrite}) and then builds
 * every index again, each build reading the new heap once and writing its index ({@code reindex_relation}),
 * at the profile's rebuild throughput;</li>
 * <li>an index build reads the heap once and sorts and writes the index;</li>
 * <li>a foreign key check is one query, priced per referencing row with its heap read included
 * ({@code rows / foreignKeyRows}): it reads only the key column and anti-joins it with the referenced key,
 * and measured here it ran faster than SET NOT NULL's scan of the same table (0.23 s against 0.77 s on
 * 1 M rows of 745 MB heap), which checks each row with the ALTER's slower per-row path, so a scan term
 * in SET NOT NULL's throughput would overstate it threefold.</li>
 * </ul>
 * Extra disk and WAL: a rewrite needs the table plus its indexes again until commit and logs all of it
 * (wal_level replica or logical); an index build needs and logs the new index.
 *
 * <p>Data statements ({@link Cost#ROW_WRITES}, {@link Cost#ROW_DELETES}, {@link Cost#ROW_INSERTS}) are priced by
 * the WAL they write, at the profile's {@code rowWriteBytesPerSecond}, after one read of the heap to find
 * the rows; f is the share of the table's rows written ({@link Work#writtenShare}), so the bytes written are
 * f × heap and f × indexes. The WAL terms were read record by record with pg_walinspect on PostgreSQL 15
 * (a full-table UPDATE of 200,000 narrow rows with two btree indexes, after a CHECKPOINT):
 * <ul>
 * <li>UPDATE (not HOT: a full-table update of a packed table finds no room on the page, and any indexed
 * column changed rules HOT out anyway): per row a LOCK record on the old version (≈ 60 bytes; heap_update
 * logs it when the new version goes to another page) and an UPDATE record carrying the new version (its
 * bytes plus ≈ 50), per row and index an INSERT_LEAF record (≈ 80 bytes), and a full-page image of every
 * old heap page and every index page touched first after a checkpoint (a page modified long ago: the whole
 * heap and, for keys spread over the index, the whole index). WAL = 2 × f × heap + f × indexes + rows ×
 * (110 + 80 × indexes); measured 80.7 MB against 87 MB predicted. The old versions stay until VACUUM and
 * every index gains an entry per row: extra disk = f × (heap + indexes) (measured: both doubled);</li>
 * <li>DELETE: per row a DELETE record (≈ 55 bytes) setting xmax, no index writes, and a full-page image of
 * every heap page touched: WAL = f × heap + rows × 55; no extra disk (VACUUM frees the space later). A
 * DELETE writes its WAL faster than an UPDATE, most of it being whole pages copied at once (200,000 rows:
 * 25 MB in 84 ms against 81 MB in 800 ms), so its WAL is priced at {@link #DELETE_WAL_SPEEDUP} times the
 * row-write throughput;</li>
 * <li>INSERT … SELECT, CREATE TABLE AS: the source is read, each row written with its TOAST into new pages
 * (which need no full-page image) with an INSERT record (≈ 30 bytes more than the row: measured 27 on
 * CREATE TABLE AS of 20,000 rows) and an index entry per target index: WAL = f × (table + indexes) + rows ×
 * (30 + 80 × indexes); extra disk = f × (table + indexes).</li>
 * </ul>
 * InnoDB differs enough to have its own terms: {@link InnodbCost}, through {@link #estimate(Cost, Work, Profile,
 * io.schemaplan.model.Engine)}.
 */
public final class CostModel {
    private CostModel() {
    }

    /** WAL bytes per row besides the row's own bytes: UPDATE's LOCK and UPDATE record headers. */
    static final long UPDATE_ROW_WAL = 110;
    /** A DELETE record. */
    static final long DELETE_ROW_WAL = 55;
    /** An INSERT record's header. */
    static final long INSERT_ROW_WAL = 30;
    /** A btree INSERT_LEAF record, per row and index. */
    static final long INDEX_ENTRY_WAL = 80;
    /** How much faster than an UPDATE a DELETE writes its WAL (mostly full-page images). */
    static final double DELETE_WAL_SPEEDUP = 3;

    /**
     * The estimate on {@code engine}: on MySQL and MariaDB the data statements are priced by {@link InnodbCost}
     * (InnoDB changes rows in place and writes only the index entries that change); everything else as above.
     */
    public static Estimate estimate(Cost cost, Work work, Profile p, io.schemaplan.model.Engine engine) {
        return estimate(cost, work, p, engine, 0);
    }

    /** The same with InnoDB's buffer pool size ({@code innodb_buffer_pool_size}; 0: not known). */
    public static Estimate estimate(Cost cost, Work work, Profile p, io.schemaplan.model.Engine engine,
                                    long bufferPoolBytes) {
        boolean data = cost == Cost.ROW_WRITES || cost == Cost.ROW_DELETES || cost == Cost.ROW_INSERTS;
        return data && engine.isMysqlFamily() ? InnodbCost.estimate(cost, work, p, bufferPoolBytes)
                : estimate(cost, work, p);
    }

    public static Estimate estimate(Cost cost, Work work, Profile p) {
        if (cost == Cost.NOTHING) return Estimate.NONE;
        if (!work.known()) return Estimate.UNKNOWN;
        double seconds;
        long disk = 0;
        long wal = 0;
        switch (cost) {
            case TABLE_BYTES -> seconds = scan(work, p);
            case TABLE_AND_INDEX_BYTES -> {
                seconds = work.tableBytes() / p.rewriteBytesPerSecond()
                        + work.indexCount() * buildScan(work, p)
                        + work.indexBytes() / p.indexRebuildBytesPerSecond();
                disk = Estimate.sum(work.tableBytes(), work.indexBytes());
                wal = disk;
            }
            case INDEX_BUILD -> {
                seconds = buildScan(work, p)
                        + work.newIndexBytes() / p.indexBuildBytesPerSecond();
                disk = work.newIndexBytes();
                wal = disk;
            }
            case ROWS -> seconds = work.rows() / p.foreignKeyRowsPerSecond();
            case ROW_WRITES -> {
                long heap = share(work.heapBytes(), work);
                long indexes = share(work.indexBytes(), work);
                disk = Estimate.sum(heap, indexes);
                wal = Estimate.sum(Estimate.sum(heap, disk), perRow(work, UPDATE_ROW_WAL));
                seconds = scan(work, p) + wal / p.rowWriteBytesPerSecond();
            }
            case ROW_DELETES -> {
                wal = Estimate.sum(share(work.heapBytes(), work), times(work.rows(), DELETE_ROW_WAL));
                seconds = scan(work, p) + wal / (p.rowWriteBytesPerSecond() * DELETE_WAL_SPEEDUP);
            }
            case ROW_INSERTS -> {
                disk = Estimate.sum(share(work.tableBytes(), work), share(work.indexBytes(), work));
                wal = Estimate.sum(disk, perRow(work, INSERT_ROW_WAL));
                seconds = scan(work, p) + wal / p.rowWriteBytesPerSecond();
            }
            default -> throw new IllegalArgumentException("cost " + cost);
        }
        return new Estimate(seconds / p.spread(), seconds, seconds * p.spread(), disk, wal, true);
    }

    /** The share of {@code bytes} that belongs to the rows written. */
    private static long share(long bytes, Work work) {
        return (long) (bytes * work.writtenShare());
    }

    /** Per-row WAL records: {@code rowBytes} per row plus an index entry per row and index. */
    private static long perRow(Work work, long rowBytes) {
        return times(work.rows(), rowBytes + INDEX_ENTRY_WAL * work.indexCount());
    }

    private static long times(long rows, long bytes) {
        return rows > Long.MAX_VALUE / Math.max(1, bytes) ? Long.MAX_VALUE : rows * bytes;
    }

    /** The heap scan of a btree build, shared by its parallel participants ({@link Work#buildProcesses}). */
    static double buildScan(Work work, Profile p) {
        return scan(work, p) / work.buildProcesses();
    }

    /** One sequential read of the heap. */
    static double scan(Work work, Profile p) {
        return work.heapBytes() / p.seqScanBytesPerSecond();
    }
}
