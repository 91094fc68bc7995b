package io.schemaplan.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schemaplan.impact.PlanItem;
import io.schemaplan.impact.Risk;
import io.schemaplan.scriptplan.DataEffect;
import io.schemaplan.scriptplan.ScriptPlan;
import io.schemaplan.scriptplan.ScriptPlan.StatementPlan;
import io.schemaplan.scriptplan.ScriptPlan.Transaction;
import io.schemaplan.scriptplan.ScriptPlan.Window;
import java.util.Locale;

/**
 * The statement view as JSON, format {@code schemaplan-script-plan/1} (documented in
 * docs/script-planning.md): every statement in script order with its operations (the items of
 * {@code schemaplan-plan/1}, without a change), the transactions with their blocking windows, the
 * findings and the assumptions. Keys in a fixed order; new keys may be added, none renamed.
 */
public final class ScriptPlanJsonRenderer {
    public static final String FORMAT = "schemaplan-script-plan/1";

    private ScriptPlanJsonRenderer() {
    }

    public static String render(ScriptPlan plan) {
        return render(plan, null);
    }

    /** With {@code diffView} (may be null): the schema-diff plan of the same upgrade, as {@code diffView}. */
    public static String render(ScriptPlan plan, io.schemaplan.impact.Plan diffView) {
        ObjectNode root = DiffJsonRenderer.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("view", "statements");
        root.put("from", plan.from());
        root.put("script", plan.script());
        root.put("engine", plan.engine());
        root.put("serverVersion", plan.serverVersion());
        root.put("profile", plan.profile());
        if (plan.statsSource() != null) root.put("stats", plan.statsSource());
        root.put("transactionMode", plan.transactionMode());
        ObjectNode summary = root.putObject("summary");
        summary.put("statements", plan.statements().size());
        summary.put("transactions", plan.transactions().size());
        ObjectNode byRisk = summary.putObject("byRisk");
        for (Risk r : Risk.values()) byRisk.put(lower(r.name()), plan.count(r));
        summary.set("total", PlanJsonRenderer.estimate(plan.total()));
        ArrayNode findings = root.putArray("findings");
        plan.findings().forEach(findings::add);
        if (plan.to() != null) root.put("to", plan.to());
        ArrayNode replay = root.putArray("replayFindings");
        for (io.schemaplan.script.Finding f : plan.replay()) {
            ObjectNode x = replay.addObject();
            x.put("kind", lower(f.kind().name()));
            if (f.statement() > 0) {
                x.put("statement", f.statement());
                x.put("line", f.line());
            }
            if (f.revision() != null) x.put("revision", f.revision());
            if (f.change() != null) {
                x.put("change", f.change().kind());
                x.put("object", f.change().object());
                if (f.change().table() != null) x.put("table", f.change().table().toString());
            }
            x.put("message", f.message());
        }
        ArrayNode statements = root.putArray("statements");
        for (StatementPlan s : plan.statements()) statements.add(statement(s));
        ArrayNode transactions = root.putArray("transactions");
        for (Transaction t : plan.transactions()) transactions.add(transaction(t));
        ArrayNode assumptions = root.putArray("assumptions");
        plan.assumptions().forEach(assumptions::add);
        if (diffView != null) root.set("diffView", PlanJsonRenderer.tree(diffView));
        return DiffJsonRenderer.write(root);
    }

    private static ObjectNode statement(StatementPlan s) {
        ObjectNode n = DiffJsonRenderer.MAPPER.createObjectNode();
        n.put("number", s.statement().number());
        if (s.statement().file() != null) n.put("file", s.statement().file());
        n.put("line", s.statement().line());
        if (s.statement().revision() != null) n.put("revision", s.statement().revision());
        n.put("kind", lower(s.kind().name()));
        n.put("firstLine", s.firstLine());
        n.put("sql", s.statement().sql());
        n.put("transaction", s.transaction());
        n.put("risk", lower(s.risk().name()));
        if (s.lock() != null) n.put("lock", s.lock());
        if (s.lockedTable() != null) n.put("lockedTable", s.lockedTable().toString());
        if (s.lockWait() != null) n.put("lockWait", s.lockWait());
        n.set("estimate", PlanJsonRenderer.estimate(s.estimate()));
        if (s.data() != null) {
            DataEffect d = s.data();
            ObjectNode data = n.putObject("data");
            data.put("verb", d.verb());
            data.put("table", d.table().toString());
            data.put("rows", lower(d.rows().name()));
            if (s.rows() >= 0) data.put("rowCount", s.rows());
            data.put("scansTable", d.scansTable());
            data.put("batched", d.batched());
            data.put("why", d.why());
        }
        ArrayNode ops = n.putArray("operations");
        for (PlanItem i : s.items()) ops.add(PlanJsonRenderer.item(i));
        ArrayNode notes = n.putArray("notes");
        s.notes().forEach(notes::add);
        if (s.recipeSql() != null) n.put("recipeSql", s.recipeSql());
        return n;
    }

    private static ObjectNode transaction(Transaction t) {
        ObjectNode n = DiffJsonRenderer.MAPPER.createObjectNode();
        n.put("number", t.number());
        n.put("kind", lower(t.kind().name()));
        n.put("first", t.first());
        n.put("last", t.last());
        n.put("end", lower(t.end().name()));
        n.set("duration", PlanJsonRenderer.estimate(t.duration()));
        if (t.committedVersion() != null) n.put("committedVersion", t.committedVersion());
        ArrayNode revs = n.putArray("committedRevisions");
        t.committedRevisions().forEach(revs::add);
        n.put("onFailure", t.onFailure());
        ArrayNode windows = n.putArray("windows");
        for (Window w : t.windows()) {
            ObjectNode x = windows.addObject();
            x.put("table", w.table().toString());
            x.put("lock", w.lock());
            x.put("blocksReads", w.blocksReads());
            x.put("blocksWrites", w.blocksWrites());
            x.put("rowLocks", w.rowLocks());
            x.put("from", w.from());
            x.put("lockStatement", w.lockStatement());
            x.put("operation", w.operation());
            x.put("until", w.until());
            x.set("held", PlanJsonRenderer.estimate(w.held()));
        }
        return n;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
