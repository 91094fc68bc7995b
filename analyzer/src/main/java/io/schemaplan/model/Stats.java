package io.schemaplan.model;

import java.util.List;
import java.util.Optional;

/**
 * The statistics of one database that the cost model needs: the server version, the settings that
 * bound index builds ({@code maintenance_work_mem} in bytes, {@code max_parallel_maintenance_workers}),
 * the block size, and the size of every table, sorted by name.
 */
public record Stats(
        String serverVersion,
        long maintenanceWorkMemBytes,
        int maxParallelMaintenanceWorkers,
        int blockSize,
        List<TableStats> tables) {

    public Stats {
        tables = Lists.sorted(tables, TableStats::table);
    }

    public Optional<TableStats> table(QName name) {
        return Lists.find(tables, name);
    }
}
