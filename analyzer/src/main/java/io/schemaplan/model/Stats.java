package io.schemaplan.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * The statistics of one database that the cost model needs: the server version, the settings that
 * bound index builds ({@code maintenance_work_mem} in bytes, {@code max_parallel_maintenance_workers}),
 * the block size, and the size of every table, sorted by name. {@code binaryCasts} are a live PostgreSQL
 * server's binary-coercible casts (its {@code pg_cast}, extension types included), sorted; empty when the
 * statistics did not come from one (a file, MySQL), and then the generated table of a stock server applies.
 * {@code checkpoints} are the settings that decide how often a long data statement crosses a checkpoint
 * ({@link CheckpointSettings}); statistics without them (older files) have PostgreSQL's defaults.
 * {@code bufferPoolBytes} is the server's buffer cache (InnoDB buffer pool: {@code innodb_buffer_pool_size};
 * PostgreSQL: {@code shared_buffers}), 0 when not known (a file written before it was read): past it, each index
 * entry a data statement writes into an index whose entries scatter misses the cache and costs a page read and
 * the write-back of the page it evicts (priced on InnoDB; on PostgreSQL counted and reported, measured cheap).
 * Without it no miss is counted.
 */
public record Stats(
        String serverVersion,
        long maintenanceWorkMemBytes,
        int maxParallelMaintenanceWorkers,
        int blockSize,
        List<TableStats> tables,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<BinaryCast> binaryCasts,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) long bufferPoolBytes,
        CheckpointSettings checkpoints) {

    public Stats {
        if (checkpoints == null) checkpoints = CheckpointSettings.POSTGRES_DEFAULTS;
        tables = Lists.sorted(tables, TableStats::table);
        binaryCasts = Lists.sorted(binaryCasts, c -> c.source() + ">" + c.target());
    }

    /** Statistics without the server's casts (a file, MySQL, the form before they were read). */
    public Stats(String serverVersion, long maintenanceWorkMemBytes, int maxParallelMaintenanceWorkers, int blockSize,
                 List<TableStats> tables) {
        this(serverVersion, maintenanceWorkMemBytes, maxParallelMaintenanceWorkers, blockSize, tables, List.of());
    }

    /** Statistics with the server's casts and no buffer cache size, with PostgreSQL's default checkpoint settings. */
    public Stats(String serverVersion, long maintenanceWorkMemBytes, int maxParallelMaintenanceWorkers, int blockSize,
                 List<TableStats> tables, List<BinaryCast> binaryCasts) {
        this(serverVersion, maintenanceWorkMemBytes, maxParallelMaintenanceWorkers, blockSize, tables, binaryCasts, 0,
                CheckpointSettings.POSTGRES_DEFAULTS);
    }

    /** Statistics with a buffer cache size and PostgreSQL's default checkpoint settings. */
    public Stats(String serverVersion, long maintenanceWorkMemBytes, int maxParallelMaintenanceWorkers, int blockSize,
                 List<TableStats> tables, List<BinaryCast> binaryCasts, long bufferPoolBytes) {
        this(serverVersion, maintenanceWorkMemBytes, maxParallelMaintenanceWorkers, blockSize, tables, binaryCasts,
                bufferPoolBytes, CheckpointSettings.POSTGRES_DEFAULTS);
    }

    /** Statistics with these checkpoint settings and no buffer cache size. */
    public Stats(String serverVersion, long maintenanceWorkMemBytes, int maxParallelMaintenanceWorkers, int blockSize,
                 List<TableStats> tables, List<BinaryCast> binaryCasts, CheckpointSettings checkpoints) {
        this(serverVersion, maintenanceWorkMemBytes, maxParallelMaintenanceWorkers, blockSize, tables, binaryCasts, 0,
                checkpoints);
    }

    /** The same statistics with these casts of the server they were read from. */
    public Stats withBinaryCasts(List<BinaryCast> casts) {
        return new Stats(serverVersion, maintenanceWorkMemBytes, maxParallelMaintenanceWorkers, blockSize, tables, casts,
                bufferPoolBytes, checkpoints);
    }

    /** The same statistics with these tables (counted rows, for instance). */
    public Stats withTables(List<TableStats> newTables) {
        return new Stats(serverVersion, maintenanceWorkMemBytes, maxParallelMaintenanceWorkers, blockSize, newTables,
                binaryCasts, bufferPoolBytes, checkpoints);
    }

    public Optional<TableStats> table(QName name) {
        return Lists.find(tables, name);
    }
}
