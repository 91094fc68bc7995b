package io.schemaplan.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schemaplan.impact.Estimate;
import io.schemaplan.impact.Plan;
import io.schemaplan.impact.PlanItem;
import io.schemaplan.impact.Risk;
import io.schemaplan.impact.SaferWay;
import io.schemaplan.impact.TableWindow;
import io.schemaplan.model.TableStats;

/**
 * The plan as JSON, format {@code schemaplan-plan/1} (documented in docs/formats.md): a summary, every
 * operation riskiest first with its rule, lock, effects, estimate and recipe, the blocking window of each
 * table, and the assumptions. Keys in a fixed order; seconds as numbers, bytes as integers.
 */
public final class PlanJsonRenderer {
    public static final String FORMAT = "schemaplan-plan/1";

    private PlanJsonRenderer() {
    }

    public static String render(Plan plan) {
        return DiffJsonRenderer.write(tree(plan));
    }

    /** The document as a tree (the statement view nests it as its schema-diff view). */
    static ObjectNode tree(Plan plan) {
        ObjectNode root = DiffJsonRenderer.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("from", plan.from());
        root.put("to", plan.to());
        root.put("engine", plan.engine());
        root.put("serverVersion", plan.serverVersion());
        root.put("profile", plan.profile());
        if (plan.statsSource() != null) root.put("stats", plan.statsSource());
        root.put("singleTransaction", plan.singleTransaction());
        ObjectNode summary = root.putObject("summary");
        summary.put("operations", plan.items().size());
        ObjectNode byRisk = summary.putObject("byRisk");
        for (Risk r : Risk.values()) byRisk.put(r.name().toLowerCase(), plan.count(r));
        summary.set("total", estimate(plan.total()));
        ArrayNode items = root.putArray("items");
        for (PlanItem i : plan.items()) items.add(item(i));
        ArrayNode tables = root.putArray("tables");
        for (TableWindow w : plan.windows()) tables.add(window(w));
        ArrayNode assumptions = root.putArray("assumptions");
        plan.assumptions().forEach(assumptions::add);
        return root;
    }

    /** One item; a script plan's items have no change (they come from a statement, not a diff). */
    static ObjectNode item(PlanItem i) {
        ObjectNode n = i.change() == null ? DiffJsonRenderer.MAPPER.createObjectNode() : DiffJsonRenderer.change(i.change());
        n.put("operation", i.operation());
        n.put("ruleId", i.ruleId());
        n.put("risk", i.risk().name().toLowerCase());
        if (i.table() != null) n.put("lockedTable", i.table().toString());
        if (i.lock() != null) n.put("lock", i.lock());
        if (i.other() != null) n.put("otherTable", i.other().toString());
        if (i.otherLock() != null) n.put("otherLock", i.otherLock());
        n.put("blocksReads", i.blocksReads());
        n.put("blocksWrites", i.blocksWrites());
        n.put("rewritesTable", i.rewritesTable());
        n.put("rebuildsIndexes", i.rebuildsIndexes());
        n.put("scansTable", i.scansTable());
        n.put("buildsIndex", i.buildsIndex());
        n.put("runsInTransaction", i.runsInTransaction());
        n.put("destructive", i.destructive());
        n.set("estimate", estimate(i.estimate()));
        n.put("message", i.message());
        if (!i.recipe().isEmpty()) n.put("recipe", i.recipe());
        if (i.recipeSql() != null) n.put("recipeSql", i.recipeSql());
        if (i.saferWay() != null) n.set("saferWay", saferWay(i.saferWay()));
        n.put("source", i.source());
        return n;
    }

    /** The recipe's locks beside the item's own, in the same terms, so the two ways can be compared. */
    private static ObjectNode saferWay(SaferWay w) {
        ObjectNode n = DiffJsonRenderer.MAPPER.createObjectNode();
        n.put("lock", w.lock());
        n.put("blocksReads", w.blocksReads());
        n.put("blocksWrites", w.blocksWrites());
        if (w.otherLock() != null) n.put("otherLock", w.otherLock());
        n.put("inTransaction", w.inTransaction());
        if (w.longStep() != null) {
            ObjectNode l = n.putObject("longStep");
            l.put("operation", w.longStep());
            l.put("lock", w.longStepLock());
            l.put("blocksReads", w.longStepBlocksReads());
            l.put("blocksWrites", w.longStepBlocksWrites());
        }
        ArrayNode steps = n.putArray("steps");
        w.steps().forEach(steps::add);
        return n;
    }

    private static ObjectNode window(TableWindow w) {
        ObjectNode n = DiffJsonRenderer.MAPPER.createObjectNode();
        n.put("table", w.table().toString());
        n.put("risk", w.risk().name().toLowerCase());
        n.put("lock", w.lock());
        n.put("blocksReads", w.blocksReads());
        n.put("blocksWrites", w.blocksWrites());
        TableStats s = w.stats();
        if (s != null) {
            n.put("rows", s.rows());
            n.put("tableBytes", s.tableBytes());
            n.put("indexBytes", s.indexBytes());
        }
        n.set("work", estimate(w.work()));
        n.set("held", estimate(w.held()));
        return n;
    }

    static ObjectNode estimate(Estimate e) {
        ObjectNode n = DiffJsonRenderer.MAPPER.createObjectNode();
        n.put("known", e.known());
        if (e.known()) {
            n.put("lowSeconds", round(e.lowSeconds()));
            n.put("expectedSeconds", round(e.expectedSeconds()));
            n.put("highSeconds", round(e.highSeconds()));
            n.put("extraDiskBytes", e.extraDiskBytes());
            n.put("walBytes", e.walBytes());
        }
        return n;
    }

    /** Milliseconds are enough, and keep the output stable across platforms. */
    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
