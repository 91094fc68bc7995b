package io.schemaplan.scriptplan;

import io.schemaplan.impact.Estimate;
import io.schemaplan.impact.Timeline;
import io.schemaplan.impact.Timeline.Blocks;
import io.schemaplan.impact.Timeline.Phase;
import io.schemaplan.impact.Timeline.Segment;
import io.schemaplan.model.QName;
import io.schemaplan.scriptplan.ScriptPlan.StatementPlan;
import io.schemaplan.scriptplan.ScriptPlan.Transaction;
import io.schemaplan.scriptplan.Transactions.Hold;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A planned script as a {@link Timeline}: the statements run one after another in script order, each for its
 * estimate; a table's row has one segment per statement that locks it, its work the statement's time, its lock
 * held until the end of the statement's transaction (the COMMIT, or the statement itself when it commits on its
 * own). Within a transaction locks only grow, so a segment shows what the table suffers while it runs: the
 * strongest lock taken on it so far (an UPDATE after an ADD COLUMN runs with the table unreadable). Tables the
 * script created are left out (nobody waits for them); the phases are the transactions. Pure.
 */
public final class ScriptTimeline {
    /** The order the report states under the chart. */
    public static final String IN_SCRIPT_ORDER = "Statements in script order, one after another; a lock is held "
            + "until the COMMIT of its transaction (a statement that commits on its own releases it when it ends).";

    private ScriptTimeline() {
    }

    static Timeline of(List<StatementPlan> plans, List<Transaction> transactions, Predicate<QName> createdByScript) {
        Map<Integer, Estimate> start = new HashMap<>();
        Map<Integer, Estimate> finish = new HashMap<>();
        Estimate now = Estimate.NONE;
        for (StatementPlan p : plans) {
            start.put(p.statement().number(), now);
            now = now.plus(Timeline.times(p.estimate()));
            finish.put(p.statement().number(), now);
        }
        Map<Integer, Estimate> commitAt = new HashMap<>();
        List<Phase> phases = new ArrayList<>();
        for (Transaction t : transactions) {
            Estimate committed = finish.getOrDefault(t.last(), now);
            commitAt.put(t.number(), committed);
            phases.add(new Phase(t.first() == t.last() ? "statement " + t.first()
                    : "statements " + t.first() + "–" + t.last(), start.getOrDefault(t.first(), Estimate.NONE),
                    committed, t.kind() != Transaction.Kind.EXPLICIT && t.kind() != Transaction.Kind.RUNNER,
                    ends(t)));
        }
        Map<QName, List<Segment>> rows = new LinkedHashMap<>();
        // What each transaction holds on each table so far: locks are released only by its end.
        Map<Integer, Map<QName, Hold>> held = new HashMap<>();
        for (StatementPlan p : plans) {
            int n = p.statement().number();
            Estimate own = finish.get(n);
            Estimate until = p.transaction() == 0 ? own : commitAt.getOrDefault(p.transaction(), own);
            Map<QName, Hold> sofar = held.computeIfAbsent(p.transaction(), k -> new HashMap<>());
            for (Map.Entry<QName, Hold> e : Transactions.holds(p, createdByScript).entrySet()) {
                Hold h = sofar.merge(e.getKey(), e.getValue(), Hold::with);
                Hold mine = e.getValue();
                rows.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new Segment(
                        "statement " + n + ": " + Timeline.words(mine.operation()) + " (" + mine.lock() + ")",
                        start.get(n), Timeline.times(p.estimate()), until, h.lock(), Blocks.of(h.reads(), h.blocksWrites())));
            }
        }
        List<Timeline.Row> out = new ArrayList<>();
        rows.forEach((table, segments) -> out.add(new Timeline.Row(table, segments)));
        return new Timeline(now, out, IN_SCRIPT_ORDER, phases);
    }

    private static String ends(Transaction t) {
        return switch (t.end()) {
            case COMMIT -> "COMMIT at statement " + t.last();
            case ROLLBACK -> "ROLLBACK at statement " + t.last();
            case AUTOCOMMIT -> t.kind() == Transaction.Kind.IMPLICIT_COMMIT ? "commits on its own (DDL)"
                    : "commits on its own";
            case OPEN_AT_END -> "open at the end of the script: rolls back when the session ends";
        };
    }
}
