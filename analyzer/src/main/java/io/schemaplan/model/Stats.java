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
        tables = tables == null ? List.of()
                : tables.stream().sorted(java.util.Comparator.comparing(TableStats::table)).toList();
    }

    public Optional<TableStats> table(QName name) {
        return tables.stream().filter(t -> t.table().equals(name)).findFirst();
    }
}
