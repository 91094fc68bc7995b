package io.schemaplan.gate;

import io.schemaplan.model.QName;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Stats;
import io.schemaplan.model.Table;
import io.schemaplan.model.TableStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Statistics made from assumed sizes, for a gate without real statistics: the policy's {@code sizes} and
 * {@code --assume-rows table=N}, the latter winning. Pure.
 */
public final class AssumedSizes {
    /** Bytes per row when only rows are given: the planner's own guess for a table never analyzed. */
    static final long ROW_BYTES = 200;

    private AssumedSizes() {
    }

    /** Null when nothing is assumed (no default, no table named). */
    public static Stats stats(Schema from, Policy.Sizes sizes, Map<String, Long> assumedRows) {
        if (sizes.defaultRows() == null && sizes.tables().isEmpty() && assumedRows.isEmpty()) return null;
        List<TableStats> out = new ArrayList<>();
        for (Table t : from.tables()) {
            Policy.TableSize size = sizeOf(t.name(), sizes, assumedRows);
            if (size == null) continue;
            long bytes = size.bytes() != null ? size.bytes() : size.rows() * ROW_BYTES;
            out.add(new TableStats(t.name(), size.rows(), bytes, 0, 0, Map.of()));
        }
        return new Stats(from.serverVersion(), 64L << 20, 2, 8192, out);
    }

    private static Policy.TableSize sizeOf(QName table, Policy.Sizes sizes, Map<String, Long> assumedRows) {
        for (Map.Entry<String, Long> e : assumedRows.entrySet()) {
            if (TableNames.matches(e.getKey(), table)) return new Policy.TableSize(e.getValue(), null);
        }
        for (Map.Entry<String, Policy.TableSize> e : sizes.tables().entrySet()) {
            if (TableNames.matches(e.getKey(), table)) return e.getValue();
        }
        return sizes.defaultRows() == null ? null : new Policy.TableSize(sizes.defaultRows(), null);
    }
}
