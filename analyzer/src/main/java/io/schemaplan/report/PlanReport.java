package io.schemaplan.report;

import io.schemaplan.diff.Change;
import io.schemaplan.diff.Change.RoutineChanged;
import io.schemaplan.diff.Change.TableAdded;
import io.schemaplan.diff.Change.TableDropped;
import io.schemaplan.diff.Change.ViewChanged;
import io.schemaplan.impact.Estimate;
import io.schemaplan.impact.Plan;
import io.schemaplan.impact.PlanItem;
import io.schemaplan.impact.Risk;
import io.schemaplan.impact.TableWindow;
import io.schemaplan.impact.Units;
import io.schemaplan.model.QName;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Stats;
import io.schemaplan.model.Table;
import io.schemaplan.model.TableStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The plan arranged for the HTML report: one entry per changed table (riskiest first) with its size, its
 * changes and operations, its blocking window and its DDL before and after; and the changes outside
 * tables; and the upgrade's timeline ({@link TimelineChart}). Everything here is plain text; the template
 * escapes it.
 */
public record PlanReport(Plan plan, List<TableEntry> tables, List<SchemaEntry> schemaChanges, TimelineChart timeline) {

    /** One changed table. {@code ddl} is the side-by-side diff; for an added or dropped table one side is empty. */
    public record TableEntry(QName name, String state, Risk risk, boolean rewrite, String size, String lock,
                             String blocks, String work, String held, List<String> changes, List<PlanItem> items,
                             DdlDiff ddl, List<String> ddlOnly) {
        public String riskName() {
            return PlanReport.riskName(risk);
        }

        public String ddlText() {
            return String.join("\n", ddlOnly);
        }
    }

    /** A change outside tables (enum, sequence, view, function, extension, schema). */
    public record SchemaEntry(Risk risk, char sign, String text, List<PlanItem> items, DdlDiff definition) {
        public String riskName() {
            return PlanReport.riskName(risk);
        }
    }

    /**
     * The plan's items of a change: by identity, as the CLI passes the very changes the plan was made from; by
     * value only for a change met apart (a caller's own diff of the same schemas), since hashing a Change hashes
     * the whole table it carries.
     */
    private static final class ItemsOf {
        private final Map<Change, List<PlanItem>> byIdentity = new java.util.IdentityHashMap<>();
        private final Plan plan;
        private Map<Change, List<PlanItem>> byValue;

        ItemsOf(Plan plan) {
            this.plan = plan;
            plan.itemsByChange().forEach(e -> byIdentity.put(e.getKey(), e.getValue()));
        }

        List<PlanItem> get(Change c) {
            List<PlanItem> items = byIdentity.get(c);
            if (items != null) return items;
            if (byValue == null) {
                byValue = new java.util.HashMap<>();
                plan.itemsByChange().forEach(e -> byValue.merge(e.getKey(), e.getValue(),
                        (x, y) -> java.util.stream.Stream.concat(x.stream(), y.stream()).toList()));
            }
            return byValue.getOrDefault(c, List.of());
        }
    }

    public static PlanReport of(Plan plan, Schema from, Schema to, List<Change> changes, Stats stats) {
        ItemsOf itemsOf = new ItemsOf(plan);
        Map<QName, List<Change>> byTable = new LinkedHashMap<>();
        List<SchemaEntry> schemaEntries = new ArrayList<>();
        for (Change c : changes) {
            if (c.table() != null) {
                byTable.computeIfAbsent(c.table(), k -> new ArrayList<>()).add(c);
            } else {
                List<PlanItem> items = itemsOf.get(c);
                schemaEntries.add(new SchemaEntry(worst(items), ChangeText.sign(c), ChangeText.verb(c) + " " + ChangeText.describe(c), items,
                        definitionDiff(c)));
            }
        }
        schemaEntries.sort(Comparator.comparing(SchemaEntry::risk));
        Map<QName, TableWindow> windows = new LinkedHashMap<>();
        plan.windows().forEach(w -> windows.put(w.table(), w));
        List<TableEntry> entries = new ArrayList<>();
        for (Map.Entry<QName, List<Change>> e : byTable.entrySet()) {
            List<PlanItem> items = e.getValue().stream().flatMap(c -> itemsOf.get(c).stream())
                    .sorted(Comparator.comparing(PlanItem::risk).thenComparing(i -> -i.estimate().highSeconds()))
                    .toList();
            entries.add(entry(e.getKey(), e.getValue(), items, windows.get(e.getKey()), from, to, stats));
        }
        entries.sort(Comparator.comparing(TableEntry::risk)
                .thenComparing(t -> -workSeconds(windows.get(t.name()), t.items()))
                .thenComparing(TableEntry::name));
        return new PlanReport(plan, entries, schemaEntries, TimelineChart.of(io.schemaplan.impact.Timeline.of(plan)));
    }

    private static TableEntry entry(QName name, List<Change> changes, List<PlanItem> items, TableWindow w,
                                    Schema from, Schema to, Stats stats) {
        Optional<Table> before = from.table(name);
        Optional<Table> after = to.table(name);
        String state = before.isEmpty() ? "added" : after.isEmpty() ? "dropped" : "changed";
        TableStats s = w != null ? w.stats() : stats == null ? null : stats.table(name).orElse(null);
        String size = state.equals("added") ? "new table" : PlanText.size(s);
        List<String> described = changes.stream()
                .map(c -> ChangeText.sign(c) + " " + ChangeText.verb(c) + " " + ChangeText.describe(c)).toList();
        DdlDiff ddl = null;
        List<String> only = List.of();
        if (before.isPresent() && after.isPresent()) {
            ddl = DdlDiff.byName(TableDdl.lines(before.get(), from.engine()), TableDdl.lines(after.get(), to.engine()));
        } else {
            only = before.isPresent() ? TableDdl.lines(before.get(), from.engine()) : after.map(t -> TableDdl.lines(t, to.engine())).orElse(List.of());
        }
        Estimate work = items.stream().map(PlanItem::estimate).reduce(Estimate.NONE, Estimate::plus);
        return new TableEntry(name, state, worst(items), items.stream().anyMatch(PlanItem::rewritesTable), size,
                w == null ? "no blocking lock" : w.lock(),
                w == null ? "reads and writes go on" : PlanText.blocks(w.blocksReads(), w.blocksWrites()),
                Units.range(w == null ? work : w.work()), w == null ? "" : PlanText.held(w), described, items, ddl,
                only);
    }

    private static double workSeconds(TableWindow w, List<PlanItem> items) {
        if (w != null) return w.work().highSeconds();
        return items.stream().mapToDouble(i -> i.estimate().highSeconds()).sum();
    }

    private static DdlDiff definitionDiff(Change c) {
        if (c instanceof ViewChanged v) {
            return DdlDiff.of(v.from().definition().lines().toList(), v.to().definition().lines().toList());
        }
        if (c instanceof RoutineChanged r) {
            return DdlDiff.of(routineLines(r.from()), routineLines(r.to()));
        }
        return null;
    }

    private static List<String> routineLines(io.schemaplan.model.Routine r) {
        List<String> out = new ArrayList<>();
        out.add(r.kind().toUpperCase(Locale.ROOT) + " " + r.signature() + (r.returns() == null ? "" : " RETURNS " + r.returns()));
        // MySQL routines have no language (SQL is the only one): their characteristics alone, when they have any.
        String options = String.join(" ", r.attributes());
        if (r.language() != null) out.add("LANGUAGE " + r.language() + (options.isEmpty() ? "" : " " + options));
        else if (!options.isEmpty()) out.add(options);
        if (r.comment() != null && r.language() == null) {
            out.add("COMMENT " + io.schemaplan.sql.Literals.string(io.schemaplan.model.Engine.MYSQL, r.comment()));
        }
        if (r.body() != null) out.addAll(r.body().lines().toList());
        return out;
    }

    private static Risk worst(List<PlanItem> items) {
        return items.stream().map(PlanItem::risk).min(Comparator.naturalOrder()).orElse(Risk.NONE);
    }

    public static String riskName(Risk r) {
        return r.name().toLowerCase(Locale.ROOT);
    }

    // ---- phrases for the summary --------------------------------------------------------------

    public long count(Risk r) {
        return plan.count(r);
    }

    public List<Risk> risks() {
        return List.of(Risk.values());
    }

    /** The longest time a table stays blocked, which table and by which lock: the timeline's headline. */
    public String longestBlock() {
        return timeline.headline();
    }

    /** An assumption split at its backticks, so that commands show as code. */
    public List<PlanText.Span> spans(String text) {
        return PlanText.spans(text);
    }

    public String extraDisk() {
        Estimate t = plan.total();
        return t.known() ? Units.bytes(t.extraDiskBytes()) + " at the peak, WAL " + Units.bytes(t.walBytes()) : "unknown";
    }

    public String total() {
        return Units.range(plan.total());
    }

    public String engine() {
        return plan.engine() + " " + plan.serverVersion();
    }
}
