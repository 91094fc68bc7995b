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
 * {@code bufferPoolBytes} is MySQL's {@code innodb_buffer_pool_size} (0: not known, and on PostgreSQL): past it,
 * each secondary index entry a data statement writes costs a random page read and write.
 */
public record Stats(
        String serverVersion,
        long maintenanceWorkMemBytes,
        int maxParallelMaintenanceWorkers,
        int blockSize,
        List<TableStats> tables,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<BinaryCast> binaryCasts,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) long bufferPoolBytes) {

    public Stats {
        tables = Lists.sorted(tables, TableStats::table);
        binaryCasts = Lists.sorted(binaryCasts, c -> c.source() + ">" + c.target());
    }

    /** Statistics without the server's casts (a file, MySQL, the form before they were read). */
    public Stats(String serverVersion, long maintenanceWorkMemBytes, int maxParallelMaintenanceWorkers, int blockSize,
                 List<TableStats> tables) {
        this(serverVersion, maintenanceWorkMemBytes, maxParallelMaintenanceWorkers, blockSize, tables, List.of());
    }

    /** Statistics with the server's casts and no buffer pool size (PostgreSQL). */
    public Stats(String serverVersion, long maintenanceWorkMemBytes, int maxParallelMaintenanceWorkers, int blockSize,
                 List<TableStats> tables, List<BinaryCast> binaryCasts) {
        this(serverVersion, maintenanceWorkMemBytes, maxParallelMaintenanceWorkers, blockSize, tables, binaryCasts, 0);
    }

    /** The same statistics with these casts of the server they were read from. */
    public Stats withBinaryCasts(List<BinaryCast> casts) {
        return new Stats(serverVersion, maintenanceWorkMemBytes, maxParallelMaintenanceWorkers, blockSize, tables, casts,
                bufferPoolBytes);
    }

    public Optional<TableStats> table(QName name) {
        return Lists.find(tables, name);
    }
}
