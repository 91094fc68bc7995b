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
 * <p>Data statements ({@link Cost#ROW_WRITES}, {@link Cost#ROW_DELETES}, {@link Cost#ROW_INSERTS}) write the WAL
 * below. DELETE and INSERT … SELECT are priced by it, at the profile's {@code rowWriteBytesPerSecond}, after one
 * read of the heap to find the rows; UPDATE by its rows and the index entries it writes away from the last
 * one ({@link #updateSeconds}), after the same read. f is the share of the table's rows written
 * ({@link Work#writtenShare}), so the bytes written are f × heap and f × indexes. The WAL terms were read record by record with pg_walinspect on PostgreSQL 15
 * (a full-table UPDATE of 200,000 narrow rows with two btree indexes, after a CHECKPOINT):
 * <ul>
 * <li>UPDATE (not HOT: a full-table update of a packed table finds no room on the page, and any indexed
 * column changed rules HOT out anyway): per row a LOCK record on the old version (≈ 60 bytes; heap_update
 * logs it when the new version goes to another page) and an UPDATE record carrying the new version (its
 * bytes plus ≈ 50), per row and index an INSERT_LEAF record (≈ 80 bytes), and a full-page image of every
 * old heap page and every index page touched first after a checkpoint (a page modified long ago: the whole
 * heap and, for keys spread over the index, the whole index). WAL = 2 × f × heap + f × indexes + rows ×
 * (110 + 80 × indexes); measured 80.7 MB against 87 MB predicted. The old versions stay until VACUUM and
 * every index gains an entry per row: extra disk = f × (heap + indexes) (measured: both doubled). A long
 * UPDATE crosses checkpoints and images its index leaves again after each ({@link #checkpointWal}),
 * counted in its WAL;</li>
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
 * The index entries of UPDATE and INSERT … SELECT that miss the buffer cache (shared_buffers) are counted
 * ({@link #misses}), when the statistics say its size, and reported, not priced (measured cheap:
 * {@link #updateSeconds}).
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

    /**
     * The same with the server's buffer cache ({@link io.schemaplan.model.Stats#bufferPoolBytes}: InnoDB's buffer
     * pool, PostgreSQL's shared_buffers, where an UPDATE's misses are priced ({@link #updateSeconds(Work, Profile,
     * long)}); 0: not known).
     */
    public static Estimate estimate(Cost cost, Work work, Profile p, io.schemaplan.model.Engine engine,
                                    long bufferPoolBytes) {
        boolean data = cost == Cost.ROW_WRITES || cost == Cost.ROW_DELETES || cost == Cost.ROW_INSERTS;
        return data && engine.isMysqlFamily() ? InnodbCost.estimate(cost, work, p, bufferPoolBytes)
                : postgres(cost, work, p, bufferPoolBytes);
    }

    /** The estimate of an InnoDB DDL operation under its rule (COPY and in-place rebuilds differ there). */
    public static Estimate estimate(MyRule rule, Work work, Profile p) {
        return InnodbCost.ddl(rule, work, p);
    }

    /** The estimate on PostgreSQL without the buffer cache (an UPDATE's misses not priced). */
    public static Estimate estimate(Cost cost, Work work, Profile p) {
        return postgres(cost, work, p, 0);
    }

    private static Estimate postgres(Cost cost, Work work, Profile p, long bufferCacheBytes) {
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
                disk = Estimate.sum(share(work.heapBytes(), work), share(work.indexBytes(), work));
                long own = updateWal(work);
                wal = Estimate.sum(own, checkpointWal(own, work, p));
                seconds = updateSeconds(work, p, bufferCacheBytes);
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

    /** An UPDATE's own WAL: new versions, images of the old heap pages and of the index leaves, records. */
    static long updateWal(Work work) {
        long heap = share(work.heapBytes(), work);
        long disk = Estimate.sum(heap, share(work.indexBytes(), work));
        return Estimate.sum(Estimate.sum(heap, disk), perRow(work, UPDATE_ROW_WAL));
    }

    /**
     * A PostgreSQL UPDATE's seconds: one read of the heap, then per row written {@link Profile#updateRowMicros}
     * and {@link Profile#updateEntryMicros} per index entry it writes away from the last one
     * ({@link #awayEntries}). Not its WAL at one throughput: measured side by side (docs/data-statements.md,
     * December 7 2026, 1 M rows each, rolled back as calibrate does, load 2–3), per row less the scan, a
     * messages table with its primary key alone (1 such entry a row) took 7.7 µs, calibrate's table (2) 12.4 µs,
     * messages with its six indexes (6) 35.6 µs: 1.6 µs + 5.6 µs an entry fits all three within 6 %, where
     * their WAL per second differs ×3.5 (257, 150 and 73 MB/s). An entry that lands away from the last one
     * descends the index to a leaf no longer in the CPU's caches, locks it and often splits it; the row's own
     * work (find it, write the new version, its WAL record) is the small part.
     *
     * <p>The WAL an UPDATE writes ({@link #updateWal}, {@link #checkpointWal}) is reported, not priced: the
     * checkpoint re-images cost little (measured: 38 MB more images per batch, no longer batches). The index
     * entries that miss shared_buffers are priced apart ({@link #updateSeconds(Work, Profile, long)}).
     */
    public static double updateSeconds(Work work, Profile p) {
        return scan(work, p) + work.rows() * updateRowCost(work, p.updateRowMicros(), p.updateEntryMicros()) / 1e6;
    }

    /**
     * {@link #updateSeconds(Work, Profile)} plus the index entries that miss a buffer cache of
     * {@code bufferCacheBytes} ({@link #misses}; 0: not known, none), each at {@link #MISS_ENTRY_SHARE} of an away
     * entry.
     */
    public static double updateSeconds(Work work, Profile p, long bufferCacheBytes) {
        double missed = bufferCacheBytes <= 0 ? 0 : misses(work, bufferCacheBytes).entries();
        return updateSeconds(work, p) + missed * MISS_ENTRY_SHARE * p.updateEntryMicros() / 1e6;
    }

    /**
     * What an index entry that misses shared_buffers adds, as a share of an away entry: the backend evicts a
     * page and reads the leaf from the OS page cache. Small per miss (≤ 5 µs: the 1 M and 2 M UPDATEs of one
     * shape, 0.39 M and 1.8 M misses, took 39.9 s and 85.1 s) but many at once when the scattered indexes
     * outgrow the cache: a 5 M-row messages UPDATE (19.9 M misses modelled, 0.79 of its scattered entries)
     * took ×7.2 the time of 1 M for ×5 the rows. Half an entry was proposed from that run (December 7 2026,
     * calibrated ×1.36 under without it, about ×1.1 with) and checked, unchanged, on a third host's run the next
     * day: 5 M rows calibrated ×1.32 under without, ×1.01 with; default ×1.25 under, ×1.05 over; 1 M (0.37 M
     * misses) ×1.11 and ×1.15 over calibrated (docs/data-statements.md, "Fifth run").
     */
    static final double MISS_ENTRY_SHARE = 0.5;

    /** Microseconds per row written: {@code row} plus {@code entry} per away entry ({@link #awayEntries}). */
    public static double updateRowCost(Work work, double row, double entry) {
        return row + entry * awayEntries(work);
    }

    /**
     * How many places a heap-ordered index may fill at once before its entries count as away: its active leaves
     * (one a place, 8 kB) stay in the CPU's caches up to about that many. Measured on one index (k, t) alone
     * (400,000 rows, k cycling over P values in heap order, the UPDATE's new entries going next to the old
     * ones; December 7 2026, load 1.5–2.9, medians of 3): over one place, 8 places cost ≈ 0.1 µs an entry
     * more, 64 ≈ 0.5, 500 ≈ 1.2, 5,000 ≈ 2.2, scattered keys of the same width ≈ 2.7 (uuid text: 5); in
     * the three-shape fit above, calibrate's (tenant_id, app_id, triggered_from) at ~1,000 places and
     * messages' (app_id, created_at) at 500 count as whole away entries, beside other indexes whose leaves
     * share those caches. Any threshold between 64 (near free) and 500 (away) fits; 100 is a round one.
     */
    static final long AWAY_PLACES = 100;

    /**
     * The index entries per row an UPDATE writes away from the last one: it is not HOT (a full-table update
     * of a packed table finds no room on the page), so it writes every index; a scattered index
     * ({@link Checkpoints.Index#prefixes()} 0) counts 1, a heap-ordered one 1 when it fills more than
     * {@link #AWAY_PLACES} places at once, else 0 (its new entries go next to the last one: a creation time).
     * Without per-index statistics every index counts.
     */
    public static int awayEntries(Work work) {
        java.util.List<Checkpoints.Index> all = work.checkpoints().indexes();
        if (all.isEmpty()) return work.indexCount();
        int away = 0;
        for (Checkpoints.Index ix : all) if (ix.prefixes() == 0 || ix.prefixes() > AWAY_PLACES) away++;
        return away;
    }
    /**
     * The index entries a data statement writes into scattered indexes that miss a buffer cache of B bytes
     * (0: not known, none). A scattered index ({@link Checkpoints.Index#prefixes()} 0: uuid keys) takes each
     * new entry on any of its leaves, so when those indexes (I bytes) are larger than the cache a share
     * m = 1 − B / I of the entries finds its leaf out of it, and the backend evicts a page (dirty: written back
     * first) and reads the leaf (from the OS page cache, or the disk). A heap-ordered index fills one leaf
     * per prefix at a time, which stays in the cache: no miss. Entries = rows written × scattered indexes.
     * The buffer cache is taken whole: the heap pages the statement passes through take their share of it,
     * but how much depends on the clock sweep, and the misses measured below leave no room for more.
     *
     * <p>I grows as the statement runs (every index of an UPDATE gains an entry per row written, an INSERT's
     * target its rows' entries), linearly from I0 before to I1 after, and m is averaged over that growth:
     * m̄ = ((I1 − a) − B × ln(I1 / a)) / (I1 − I0) with a = max(I0, B), 0 when I1 ≤ B. Not m at the mean size
     * (I0 + I1) / 2: around B that is far off, since m is 0 below B and rises steeply past it. Measured
     * (pg_statio_user_indexes.idx_blks_read less the leaves read cold and the pages added, one UPDATE of the
     * benchmark's messages, 128 MB of shared_buffers): at 1 M rows (scattered indexes 86 → 173 MB) 0.39 M
     * misses of 5 M entries, m̄ = 0.074 gives 0.37 M where the mean size gives 0.06 M; at 2 M rows (172 → 344
     * MB) 1.8 M misses of 10 M where m̄ = 0.48 gives 4.8 M (×2.7 over: two of the five indexes take their
     * new entries in runs of 8 equal conversation ids, one leaf per run, which the statistics do not see).
     */
    public static Misses misses(Work work, long bufferCacheBytes) {
        java.util.List<Checkpoints.Index> all = work.checkpoints().indexes();
        long scattered = 0;
        long total = 0;
        int count = 0;
        for (Checkpoints.Index ix : all) {
            total = Estimate.sum(total, ix.bytes());
            if (ix.prefixes() > 0) continue;
            scattered = Estimate.sum(scattered, ix.bytes());
            count++;
        }
        if (count == 0 || work.rows() <= 0) return new Misses(0, 0, 0, 0, 0);
        // The scattered indexes' part of the entries' bytes (by size; by count while the indexes are empty).
        double part = total > 0 ? (double) scattered / total : (double) count / all.size();
        double after = scattered + work.writtenShare() * work.indexBytes() * part;
        double share = bufferCacheBytes <= 0 ? 0 : missedShare(scattered, after, bufferCacheBytes);
        return new Misses(count, scattered, (long) Math.min(after, Long.MAX_VALUE), share,
                share * work.rows() * count);
    }

    /**
     * The scattered indexes a data statement writes into, their bytes before and after it, the share m̄ of
     * its entries into them that miss the buffer cache, and how many entries that is.
     */
    public record Misses(int indexes, long bytesBefore, long bytesAfter, double share, double entries) {
    }

    /** m̄: the share 1 − B / I averaged over I growing linearly from {@code from} to {@code to} bytes. */
    static double missedShare(double from, double to, double cache) {
        if (to <= cache) return 0;
        double a = Math.max(from, cache);
        if (to - from < 1) return 1 - cache / to;
        return ((to - a) - cache * Math.log(to / a)) / (to - from);
    }

    /**
     * The WAL an UPDATE writes again because checkpoints start while it runs: after each, the first change
     * to a page logs the whole page again. The heap is read and written in order, so each heap page is
     * changed in one stretch and imaged once (already in {@code own}); index leaves are not. With W the
     * statement's own WAL ({@code own}, its first image of each page included), C the WAL between two
     * checkpoints ({@link #checkpointDistance}) and E(r) the index bytes r rows touch between two of them,
     * the statement spans K = W' / C checkpoints (its start falls anywhere between two, as in production)
     * and W' = W + K × E: W' = W / (1 − E / C). The rows per interval r follow from the same balance:
     * r = n × (C − E(r)) / W, solved by bisection (its left side grows with r, its right side falls).
     * E(r) sums, per index of L leaves, its bytes × (1 − e^(−m / L)), the share of leaves m random
     * touches reach: m = r for an index whose entries scatter (uuid keys), m = its heap-ordered prefixes
     * for one whose key follows the heap's order (each checkpoint re-images the leaf each prefix is filling).
     * Measured (docs/data-statements.md): 25,000 rows after each CHECKPOINT on a 200,000-row messages table
     * re-imaged 99 % of its six indexes' leaves every time.
     */
    static long checkpointWal(long own, Work work, Profile p) {
        Checkpoints c = work.checkpoints();
        if (!c.settings().fullPageWrites() || c.indexes().isEmpty() || work.rows() <= 0 || own <= 0) return 0;
        double distance = checkpointDistance(c, p);
        double n = work.rows();
        double lo = 0;
        double hi = n * distance / own;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (mid < n * (distance - reimaged(c, Math.min(mid, n))) / own) lo = mid; else hi = mid;
        }
        double e = reimaged(c, Math.min(lo, n));
        double total = own / (1 - Math.min(e / distance, MAX_REIMAGED_SHARE));
        return total - own >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) (total - own);
    }

    /** Keeps W / (1 − E / C) finite when the bisection lands on the boundary (E = C only for r = 0). */
    static final double MAX_REIMAGED_SHARE = 0.99;

    /**
     * The WAL between two checkpoints: max_wal_size / (1 + checkpoint_completion_target), or what the
     * statement writes in checkpoint_timeout at the profile's row-write throughput when that comes first.
     */
    static double checkpointDistance(Checkpoints c, Profile p) {
        return Math.min(c.settings().checkpointDistanceBytes(),
                c.settings().checkpointTimeoutSeconds() * p.rowWriteBytesPerSecond());
    }

    /** E(r): the index bytes imaged again after one checkpoint when r rows are written between two. */
    static double reimaged(Checkpoints c, double rows) {
        double sum = 0;
        for (Checkpoints.Index ix : c.indexes()) {
            double leaves = Math.max(1.0, (double) ix.bytes() / c.blockSize());
            double places = ix.prefixes() > 0 ? Math.min(rows, ix.prefixes()) : rows;
            sum += ix.bytes() * -Math.expm1(-places / leaves);
        }
        return sum;
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
