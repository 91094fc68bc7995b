package io.schemaplan.report;

import io.schemaplan.impact.Estimate;
import io.schemaplan.impact.Plan;
import io.schemaplan.impact.PlanItem;
import io.schemaplan.impact.Risk;
import io.schemaplan.impact.TableWindow;
import io.schemaplan.impact.Units;
import io.schemaplan.model.TableStats;
import java.util.ArrayList;
import java.util.List;

/** Phrases of a plan shared by the text, Markdown and HTML reports, so that they say the same thing. */
public final class PlanText {
    /** The risks that get a section of their own, with lock, effects, estimate and recipe. */
    public static final List<Risk> ATTENTION = List.of(Risk.CRITICAL, Risk.HIGH, Risk.MEDIUM);

    private PlanText() {
    }

    /** {@code Critical}: a risk as a heading. */
    public static String heading(Risk r) {
        String n = r.name().toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    /** {@code ~ public.workflow_runs: changed column total_tokens: integer -> bigint}. */
    public static String title(PlanItem i) {
        return title(i.change());
    }

    /**
     * The same for a change, whatever plan items it has: its sign and verb first, so that an added and a
     * dropped index never read alike.
     */
    public static String title(io.schemaplan.diff.Change c) {
        String what = ChangeText.verb(c) + " " + ChangeText.describe(c);
        return ChangeText.sign(c) + " " + (c.table() == null || c instanceof io.schemaplan.diff.Change.TableAdded
                || c instanceof io.schemaplan.diff.Change.TableDropped ? what : c.table() + ": " + what);
    }

    /** The title without definitions: {@code ~ public.workflow_runs: changed column total_tokens}. */
    public static String shortTitle(io.schemaplan.diff.Change c) {
        String what = ChangeText.verb(c) + " " + ChangeText.subject(c);
        return ChangeText.sign(c) + " " + (c.table() == null || c instanceof io.schemaplan.diff.Change.TableAdded
                || c instanceof io.schemaplan.diff.Change.TableDropped ? what : c.table() + ": " + what);
    }

    /**
     * What the safer way locks: {@code SHARE UPDATE EXCLUSIVE at most (reads and writes go on); outside a
     * transaction block}; its long step named when it takes a weaker lock than the strongest step.
     */
    public static String saferWay(io.schemaplan.impact.SaferWay w) {
        StringBuilder b = new StringBuilder(w.lock()).append(" at most (").append(blocks(w.blocksReads(),
                w.blocksWrites())).append(")");
        if (w.longStep() != null && !w.longStepLock().equals(w.lock())) {
            b.append("; its long step, ").append(w.longStep().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                    .append(", takes ").append(w.longStepLock()).append(" (")
                    .append(blocks(w.longStepBlocksReads(), w.longStepBlocksWrites())).append(")");
        }
        if (w.otherLock() != null) b.append("; ").append(w.otherLock()).append(" on the other table");
        b.append(w.inTransaction() ? "; inside the migration's transaction" : "; outside a transaction block");
        return b.toString();
    }

    /** {@code ACCESS EXCLUSIVE on public.t (blocks reads and writes)}, or {@code no lock on existing tables}. */
    public static String lock(PlanItem i) {
        if (i.lock() == null && i.otherLock() == null) return "no lock on existing tables";
        List<String> parts = new ArrayList<>();
        if (i.lock() != null) {
            parts.add(i.lock() + (i.table() == null ? "" : " on " + i.table()) + " (" + blocks(i.blocksReads(),
                    i.blocksWrites()) + ")");
        }
        if (i.otherLock() != null && i.other() != null) parts.add(i.otherLock() + " on " + i.other());
        return String.join("; ", parts);
    }

    public static String blocks(boolean reads, boolean writes) {
        if (reads && writes) return "blocks reads and writes";
        if (writes) return "blocks writes";
        if (reads) return "blocks reads";
        return "reads and writes go on";
    }

    /** {@code rewrites the table and its indexes}, {@code scans the table}, {@code catalog only}. */
    public static String effects(PlanItem i) {
        List<String> e = new ArrayList<>();
        if (i.rewritesTable()) e.add("rewrites the table");
        if (i.rebuildsIndexes()) e.add(i.rewritesTable() ? "rebuilds its indexes" : "builds or rebuilds indexes");
        if (i.buildsIndex()) e.add("builds an index (reads the whole table, sorts, writes)");
        else if (i.scansTable() && !i.rewritesTable()) e.add("scans the table");
        if (!i.runsInTransaction()) e.add("cannot run inside a transaction block");
        if (i.destructive()) e.add("drops data");
        return e.isEmpty() ? "catalog only" : String.join(", ", e);
    }

    /** {@code 3 min – 12 min (extra disk 98 GB, WAL 98 GB)}. */
    public static String estimate(Estimate e) {
        String s = Units.range(e);
        if (e.known() && (e.extraDiskBytes() > 0 || e.walBytes() > 0)) {
            s += " (extra disk " + Units.bytes(e.extraDiskBytes()) + ", WAL " + Units.bytes(e.walBytes()) + ")";
        }
        return s;
    }

    /** {@code 41.2 M rows, 98 GB + 12 GB indexes}, or {@code size unknown}. */
    public static String size(TableStats s) {
        if (s == null) return "size unknown";
        if (s.rowsKnown() && s.rows() == 0 && s.tableBytes() == 0) {
            return "empty" + (s.indexBytes() > 0 ? " (indexes " + Units.bytes(s.indexBytes()) + ")" : "");
        }
        String rows = s.rowsKnown() ? rows(s.rows()) : "rows unknown";
        return rows + ", " + Units.bytes(s.tableBytes()) + " + " + Units.bytes(s.indexBytes()) + " indexes";
    }

    static String rows(long n) {
        if (n >= 1_000_000) return String.format(java.util.Locale.ROOT, "%.1f M rows", n / 1e6);
        if (n >= 10_000) return String.format(java.util.Locale.ROOT, "%.0f k rows", n / 1e3);
        return n + (n == 1 ? " row" : " rows");
    }

    /** {@code 2 critical, 1 high, 4 medium, 30 low, 12 none}. */
    public static String riskCounts(Plan plan) {
        List<String> parts = new ArrayList<>();
        for (Risk r : Risk.values()) {
            long n = plan.count(r);
            if (n > 0) parts.add(n + " " + r.name().toLowerCase());
        }
        return parts.isEmpty() ? "no operations" : String.join(", ", parts);
    }

    /**
     * One low-risk or catalog-only change: the rules of all its items (a constraint replaced in place is a
     * drop and an add under two rules, and reads as one change), the strongest risk and the lock.
     */
    public record LowRow(io.schemaplan.diff.Change change, Risk risk, String title, List<String> rules, String lock) {
        public String riskName() {
            return risk.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The LOW and NONE items, one row per change, in plan order. */
    public static List<LowRow> lowRows(Plan plan) {
        List<LowRow> out = new ArrayList<>();
        for (var group : Plan.byChange(plan.items().stream().filter(i -> i.risk() == Risk.LOW || i.risk() == Risk.NONE).toList())) {
            io.schemaplan.diff.Change c = group.getKey();
            List<PlanItem> items = group.getValue();
            out.add(new LowRow(c, items.get(0).risk(), title(c), items.stream().map(PlanItem::ruleId).distinct().toList(),
                    items.stream().map(PlanItem::lock).filter(java.util.Objects::nonNull).findFirst().orElse(null)));
        }
        return out;
    }

    /** A run of prose, {@code code} when it stood between backticks. */
    public record Span(String text, boolean code) {
    }

    /**
     * Prose split at its backticks ({@code Measure with `schemaplan calibrate`.}), for formats that can show
     * code: HTML and Markdown. A backtick without a partner stays in the text.
     */
    public static List<Span> spans(String s) {
        List<Span> out = new ArrayList<>();
        int at = 0;
        while (at < s.length()) {
            int open = s.indexOf('`', at);
            int close = open < 0 ? -1 : s.indexOf('`', open + 1);
            if (close < 0 || close == open + 1) {
                out.add(new Span(s.substring(at), false));
                break;
            }
            if (open > at) out.add(new Span(s.substring(at, open), false));
            out.add(new Span(s.substring(open + 1, close), true));
            at = close + 1;
        }
        return out;
    }

    /** {@code up to 1 h 40 min} for the lock held until commit. */
    public static String held(TableWindow w) {
        return Units.range(w.held());
    }
}
