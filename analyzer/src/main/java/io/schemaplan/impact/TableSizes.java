package io.schemaplan.impact;

import io.schemaplan.model.Constraint;
import io.schemaplan.model.DataType;
import io.schemaplan.model.Index;
import io.schemaplan.model.QName;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Stats;
import io.schemaplan.model.Table;
import io.schemaplan.model.TableStats;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sizes an operation works on, from the catalog statistics: a table's rows and bytes, and estimates for
 * an index that does not exist yet. Shared by the PostgreSQL and MySQL mappings. Pure.
 */
public final class TableSizes {
    /** Bytes of one btree index entry besides its key: tuple header (8) and line pointer (4). */
    private static final int INDEX_ENTRY_OVERHEAD = 12;
    /** Leaf pages are filled to 90 % by a build (btree's default fillfactor). */
    private static final double INDEX_FILL = 0.9;
    /** A key of variable width whose average is not in the statistics. */
    private static final int VARIABLE_KEY_BYTES = 24;
    /** The average row width assumed to turn bytes into rows when the table was never analyzed. */
    private static final int ROW_BYTES_GUESS = 200;

    private final Schema from;
    private final Schema to;
    private final Stats stats;

    /** {@code stats} may be null: every existing table then has an unknown size. */
    public TableSizes(Schema from, Schema to, Stats stats) {
        this.from = from;
        this.to = to;
        this.stats = stats;
    }

    /** The table's size from the statistics: none for a table the upgrade creates, unknown without statistics. */
    public Work work(QName t) {
        if (from.table(t).isEmpty()) return Work.NONE;
        Optional<TableStats> s = stats == null ? Optional.empty() : stats.table(t);
        if (s.isEmpty()) return Work.UNKNOWN;
        TableStats ts = s.get();
        long rows = ts.rowsKnown() ? ts.rows() : ts.heapBytes() / ROW_BYTES_GUESS;
        return Work.of(ts, stats, rows);
    }

    /**
     * The size of a new btree index on these columns: one entry per row, each the key plus the entry
     * overhead, at the build's fill factor. A fixed-width column counts its type's width; a variable-width
     * one the average width ANALYZE saw ({@link TableStats#columnBytes()}), else
     * {@link #VARIABLE_KEY_BYTES}, as does an expression. (For values kept in TOAST that width is the
     * 18-byte pointer, an underestimate; btree keys are rarely that long, and cannot pass about 2.7 kB.)
     */
    public long newIndexBytes(QName t, List<String> columns) {
        Work w = work(t);
        if (!w.known() || w.rows() == 0) return 0;
        Optional<Table> table = to.table(t).or(() -> from.table(t));
        Map<String, Integer> sampled = stats == null ? Map.of()
                : stats.table(t).map(TableStats::columnBytes).orElse(Map.of());
        if (from.engine().isMysqlFamily()) return InnodbCost.newIndexBytes(w.rows(), table, columns);
        long key = 0;
        for (String name : columns) {
            int fixed = table.flatMap(tb -> tb.column(name)).map(col -> width(col.type())).orElse(VARIABLE);
            key += fixed != VARIABLE ? fixed : sampled.getOrDefault(name, VARIABLE_KEY_BYTES);
        }
        // In double: rows × entry can pass 2^63 on absurd statistics, and the cast saturates instead of wrapping.
        double entry = align8(key) + INDEX_ENTRY_OVERHEAD;
        return (long) (w.rows() * entry / INDEX_FILL);
    }

    /** The current bytes of the indexes (and constraint indexes) whose keys name the column. */
    long bytesOfIndexesOn(QName t, String column) {
        Optional<TableStats> s = stats == null ? Optional.empty() : stats.table(t);
        Optional<Table> table = from.table(t);
        if (s.isEmpty() || table.isEmpty()) return 0;
        long bytes = 0;
        for (Index i : table.get().indexes()) {
            if (i.columns().contains(column)) bytes += s.get().indexes().getOrDefault(i.name(), 0L);
        }
        for (Constraint c : table.get().constraints()) {
            if (c.columns().contains(column)) bytes += s.get().indexes().getOrDefault(c.name(), 0L);
        }
        return bytes;
    }

    private static final Set<String> EIGHT = Set.of("bigint", "double precision", "timestamp", "timestamptz",
            "time", "bigserial", "money", "interval");
    private static final Set<String> FOUR = Set.of("integer", "real", "date", "serial", "oid");

    /** Marks a type without a fixed width. */
    private static final int VARIABLE = -1;

    /** On-disk width of a fixed-width type, {@link #VARIABLE} for the others. */
    static int width(DataType type) {
        if (type.arrayDims() > 0) return VARIABLE;
        String n = type.name().toLowerCase(Locale.ROOT);
        if (n.equals("boolean")) return 1;
        if (n.equals("smallint")) return 2;
        if (FOUR.contains(n)) return 4;
        if (EIGHT.contains(n)) return 8;
        if (n.equals("uuid")) return 16;
        if ((n.equals("char") || n.equals("character")) && type.size() != null) return type.size() + 1;
        return VARIABLE;
    }

    private static long align8(long n) {
        return (n + 7) & ~7;
    }
}
