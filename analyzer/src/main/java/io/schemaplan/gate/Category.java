package io.schemaplan.gate;

import io.schemaplan.diff.Change;
import io.schemaplan.impact.PlanItem;
import io.schemaplan.impact.Risk;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Groups of plan items a policy can name instead of rule ids, each derived from the facts of a
 * {@link PlanItem} (so they mean the same on PostgreSQL and MySQL). The README lists them with
 * {@link #description}.
 */
public enum Category {
    DESTRUCTIVE("destructive", "drops a table, column or sequence, and its data", PlanItem::destructive),
    TYPE_CHANGE("type-change", "changes a column's type", i -> i.change() instanceof Change.ColumnTypeChanged),
    TYPE_NARROWING("type-narrowing", "changes a column's type to one that holds fewer values (shorter, "
            + "smaller range, lower precision, fewer enum labels): existing rows may not fit",
            i -> i.change() instanceof Change.ColumnTypeChanged t && TypeNarrowing.narrows(t.from().type(), t.to().type())),
    TABLE_REWRITE("table-rewrite", "rewrites or copies the whole table", PlanItem::rewritesTable),
    INDEX_REBUILD("index-rebuild", "rebuilds existing indexes", PlanItem::rebuildsIndexes),
    TABLE_SCAN("table-scan", "reads every row without rewriting it or building an index (NOT NULL, CHECK, "
            + "foreign key validation)", i -> i.scansTable() && !i.rewritesTable() && !i.buildsIndex()),
    INDEX_BUILD("index-build", "builds an index (reads the whole table)", PlanItem::buildsIndex),
    BLOCKING_INDEX_BUILD("blocking-index-build", "builds an index while writes (or reads) wait",
            i -> i.buildsIndex() && i.blocks()),
    BLOCKING_LOCK("blocking-lock", "takes a lock that makes readers or writers wait, however briefly",
            PlanItem::blocks),
    BLOCKS_READS("blocks-reads", "takes a lock that makes readers wait", PlanItem::blocksReads),
    NOT_IN_TRANSACTION("not-in-transaction", "cannot run inside a transaction block (CONCURRENTLY forms)",
            i -> !i.runsInTransaction()),
    ONLINE_SAFER_WAY("online-safer-way", "has a safer way (the plan's recipe SQL) during whose long step reads "
            + "and writes go on; only brief catalog locks remain", i -> i.saferWay() != null && i.saferWay().online()),
    BLOCKING_WITHOUT_ONLINE_WAY("blocking-without-online-way", "makes readers or writers wait and the plan knows "
            + "no safer way that lets them go on: only a window or a different migration helps",
            i -> i.blocks() && (i.saferWay() == null || !i.saferWay().online())),
    UNBATCHED_DATA_CHANGE("unbatched-data-change", "writes rows in one statement inside the migration transaction "
            + "(an UPDATE, DELETE, INSERT … SELECT or CREATE TABLE … AS of a migration script without key-range "
            + "batches): its row locks and WAL last as long as the whole statement", i -> DataOperations.ALL.contains(i.operation())
            && i.runsInTransaction()),
    HIGH_RISK("high-risk", "the plan ranks it high or critical", i -> i.risk().compareTo(Risk.HIGH) <= 0),
    CRITICAL_RISK("critical-risk", "the plan ranks it critical", i -> i.risk() == Risk.CRITICAL);

    private final String key;
    private final String description;
    private final Predicate<PlanItem> test;

    Category(String key, String description, Predicate<PlanItem> test) {
        this.key = key;
        this.description = description;
        this.test = test;
    }

    /** The name a policy uses, e.g. {@code table-rewrite}. */
    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    public boolean matches(PlanItem item) {
        return test.test(item);
    }

    public static Optional<Category> byKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }

    /** The operations of data statements that write many rows (a holder: enum constants cannot read static fields). */
    private static final class DataOperations {
        static final java.util.Set<String> ALL = java.util.Set.of("UPDATE_ROWS", "DELETE_ROWS", "INSERT_SELECT",
                "CREATE_TABLE_AS");
    }
}
