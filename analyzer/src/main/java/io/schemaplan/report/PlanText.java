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
    private PlanText() {
    }

    /** {@code public.workflow_runs: column total_tokens: integer -> bigint}. */
    public static String title(PlanItem i) {
        String what = ChangeText.describe(i.change());
        return i.change().table() == null || i.change() instanceof io.schemaplan.diff.Change.TableAdded
                || i.change() instanceof io.schemaplan.diff.Change.TableDropped
                ? ChangeText.sign(i.change()) + " " + what
                : i.change().table() + ": " + what;
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

    /** {@code up to 1 h 40 min} for the lock held until commit. */
    public static String held(TableWindow w) {
        return Units.range(w.held());
    }
}
