package io.schemaplan.impact;

/**
 * What one operation touches on one table, from the catalog statistics: the rows it touches (for a data
 * statement, the rows it writes), the table's rows ({@code tableRows}) and bytes
 * ({@code tableBytes}: heap plus TOAST, what a rewrite copies; {@code heapBytes}: the heap alone, what a scan
 * reads), its existing indexes (a rewrite rebuilds them all), and the bytes of the index it builds
 * ({@code newIndexBytes}: an estimate for a new index, the current size for a rebuild). {@code known} is
 * false when no statistics cover the table; the estimate is then unknown rather than zero.
 * {@code buildProcesses} is how many processes scan the heap in a btree build ({@link #of}).
 * {@code checkpoints} is what makes a long UPDATE log its index pages again at each checkpoint it crosses,
 * and which indexes of the table written scatter their entries (those can miss the buffer cache)
 * ({@link Checkpoints#NONE} when the work does not come from a server's statistics).
 */
public record Work(long rows, long tableBytes, long heapBytes, long indexBytes, int indexCount, long newIndexBytes,
                   boolean known, int buildProcesses, long tableRows, Checkpoints checkpoints) {
    public static final Work UNKNOWN = new Work(0, 0, 0, 0, 0, false);

    /** The PostgreSQL default of min_parallel_table_scan_size, in bytes (1024 pages of 8 kB). */
    static final long MIN_PARALLEL_SCAN_BYTES = 8L << 20;
    /** plan_create_index_workers leaves each participant at least 32 MB of maintenance_work_mem. */
    static final long WORK_MEM_PER_PARTICIPANT = 32L << 20;

    public Work {
        if (buildProcesses < 1) throw new IllegalArgumentException("buildProcesses must be at least 1");
        if (checkpoints == null) checkpoints = Checkpoints.NONE;
    }

    /** Without checkpoint settings: no checkpoint term. */
    public Work(long rows, long tableBytes, long heapBytes, long indexBytes, int indexCount, long newIndexBytes,
                boolean known, int buildProcesses, long tableRows) {
        this(rows, tableBytes, heapBytes, indexBytes, indexCount, newIndexBytes, known, buildProcesses, tableRows,
                Checkpoints.NONE);
    }

    /** The work on a whole table (it touches all its rows), scanned by {@code buildProcesses} processes. */
    public Work(long rows, long tableBytes, long heapBytes, long indexBytes, int indexCount, long newIndexBytes,
                boolean known, int buildProcesses) {
        this(rows, tableBytes, heapBytes, indexBytes, indexCount, newIndexBytes, known, buildProcesses, rows);
    }

    /** A table where index builds run in one process. */
    public Work(long rows, long tableBytes, long heapBytes, long indexBytes, int indexCount, long newIndexBytes,
                boolean known) {
        this(rows, tableBytes, heapBytes, indexBytes, indexCount, newIndexBytes, known, 1);
    }

    /**
     * The work on a table as the statistics describe it. A btree build (CREATE INDEX, and the index
     * rebuilds after a rewrite) scans the heap with {@code buildProcesses} processes: the leader plus the
     * workers PostgreSQL's plan_create_index_workers grants, one more each time the heap triples past
     * min_parallel_table_scan_size, at most max_parallel_maintenance_workers, and only as many as leave each
     * participant 32 MB of maintenance_work_mem. MySQL statistics say 0 workers.
     */
    public static Work of(io.schemaplan.model.TableStats ts, io.schemaplan.model.Stats stats, long rows) {
        return new Work(rows, ts.tableBytes(), ts.heapBytes(), ts.indexBytes(), ts.indexes().size(), 0, true,
                1 + buildWorkers(ts.heapBytes(), stats), rows, stats == null ? Checkpoints.NONE : Checkpoints.of(ts, stats));
    }

    static int buildWorkers(long heapBytes, io.schemaplan.model.Stats stats) {
        if (stats == null || heapBytes < MIN_PARALLEL_SCAN_BYTES) return 0;
        int workers = 1;
        // As plan_create_index_workers does, stop tripling before the threshold would overflow (it would
        // wrap negative, and a heap near Long.MAX_VALUE bytes would then loop forever).
        for (long threshold = MIN_PARALLEL_SCAN_BYTES * 3; heapBytes >= threshold; threshold *= 3) {
            workers++;
            if (threshold > Long.MAX_VALUE / 3) break;
        }
        workers = Math.min(workers, Math.max(0, stats.maxParallelMaintenanceWorkers()));
        while (workers > 0 && stats.maintenanceWorkMemBytes() / (workers + 1) < WORK_MEM_PER_PARTICIPANT) workers--;
        return workers;
    }
    /** A table that does not exist yet, or an operation that touches no rows. */
    public static final Work NONE = new Work(0, 0, 0, 0, 0, 0, true);

    /** A table whose bytes are not split into heap and TOAST: all of it counts as heap. */
    public Work(long rows, long tableBytes, long indexBytes, int indexCount, long newIndexBytes, boolean known) {
        this(rows, tableBytes, tableBytes, indexBytes, indexCount, newIndexBytes, known, 1);
    }

    public Work withNewIndexBytes(long bytes) {
        return new Work(rows, tableBytes, heapBytes, indexBytes, indexCount, bytes, known, buildProcesses, tableRows,
                checkpoints);
    }

    public Work withCheckpoints(Checkpoints c) {
        return new Work(rows, tableBytes, heapBytes, indexBytes, indexCount, newIndexBytes, known, buildProcesses,
                tableRows, c);
    }

    /**
     * A data statement that writes {@code rowsWritten} of this table's rows (UPDATE, DELETE): the table's
     * bytes stay those of the whole table (the statement reads it to find the rows), {@link #rows()} becomes
     * the rows written. More than the table holds counts as all of them.
     */
    public Work writing(long rowsWritten) {
        return new Work(Math.max(0, rowsWritten), tableBytes, heapBytes, indexBytes, indexCount, newIndexBytes, known,
                buildProcesses, tableRows, checkpoints);
    }

    /** The share of the table's rows written, 0..1; all of it when the table's row count is not known. */
    public double writtenShare() {
        if (tableRows <= 0) return rows > 0 ? 1 : 0;
        return Math.min(1.0, (double) rows / tableRows);
    }

    /**
     * INSERT … SELECT or CREATE TABLE AS: {@code rowsWritten} rows of {@code source} copied into
     * {@code target} ({@link #NONE} for a new table). The rows keep the bytes they have in the source (heap
     * and TOAST are both written anew); the target's indexes get one entry per row, sized from the target's
     * own bytes per row when it has rows, else from the source's bytes per index (an approximation: an empty
     * target's keys are not known). The target's indexes as they are ({@link #checkpoints}) say which of them
     * scatter their entries (the buffer cache term); an insert is priced no checkpoint term.
     */
    public static Work copying(Work source, long rowsWritten, Work target) {
        long perSourceRows;
        if (target.tableRows > 0) {
            perSourceRows = (long) ((double) target.indexBytes / target.tableRows * Math.max(0, source.tableRows));
        } else if (source.indexCount > 0) {
            perSourceRows = source.indexBytes / source.indexCount * target.indexCount;
        } else {
            perSourceRows = 0;
        }
        return new Work(Math.max(0, rowsWritten), source.tableBytes, source.heapBytes, perSourceRows,
                target.indexCount, 0, source.known && target.known, 1, source.tableRows, target.checkpoints);
    }
}
