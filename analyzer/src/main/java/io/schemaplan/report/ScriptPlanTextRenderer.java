package io.schemaplan.report;

import io.schemaplan.impact.PlanItem;
import io.schemaplan.impact.Risk;
import io.schemaplan.impact.Units;
import io.schemaplan.scriptplan.ScriptPlan;
import io.schemaplan.scriptplan.ScriptPlan.StatementPlan;
import io.schemaplan.scriptplan.ScriptPlan.Transaction;
import io.schemaplan.scriptplan.ScriptPlan.Window;
import io.schemaplan.scriptplan.StatementKind;
import io.schemaplan.text.Printable;
import java.util.ArrayList;
import java.util.List;

/**
 * The statement view of a script plan for a terminal, at most 100 columns: the longest block (the timeline's
 * critical path in one line), findings, then per
 * transaction the tables it blocks and until when, what a failure leaves behind, and its statements (number,
 * revision, lock, estimate, first line of SQL), each risky one with its reason and safer SQL. Everything from
 * the script or the schema goes through {@link Printable#escape}.
 */
public final class ScriptPlanTextRenderer {
    static final int WIDTH = 100;

    private ScriptPlanTextRenderer() {
    }

    public static String render(ScriptPlan plan) {
        StringBuilder b = new StringBuilder();
        b.append("Statement view: ").append(e(plan.script())).append(" on ").append(e(plan.from())).append('\n');
        b.append(plan.engine()).append(' ').append(plan.serverVersion()).append(" · profile ").append(plan.profile())
                .append(plan.statsSource() == null ? "" : " · stats " + e(plan.statsSource()))
                .append(" · transactions: ").append(plan.transactionMode()).append('\n');
        long statements = plan.statements().size();
        b.append(ChangeText.count((int) statements, "statement")).append(" in ")
                .append(ChangeText.count(plan.transactions().size(), "transaction")).append(" · ")
                .append(plan.count(Risk.CRITICAL)).append(" critical, ").append(plan.count(Risk.HIGH)).append(" high · ")
                .append("total ").append(Units.range(plan.total())).append('\n');
        wrap(b, "Longest block: ", "  ", e(TimelineChart.headline(plan.timeline())));
        b.append('\n');
        if (!plan.findings().isEmpty()) {
            b.append("Findings\n");
            for (String f : plan.findings()) wrap(b, "  • ", "    ", e(f));
            b.append('\n');
        }
        for (ScriptPlan.ReplaySection r : plan.replaySections()) {
            wrap(b, "", "  ", e(r.heading()));
            for (String f : r.lines()) wrap(b, "  • ", "    ", e(f));
            b.append('\n');
        }
        Columns columns = Columns.of(plan.statements());
        for (Transaction t : plan.transactions()) {
            List<StatementPlan> members = plan.statements().stream()
                    .filter(s -> s.statement().number() >= t.first() && s.statement().number() <= t.last()).toList();
            boolean quiet = t.windows().isEmpty() && members.stream().allMatch(s -> s.risk() == Risk.NONE
                    && s.kind() != StatementKind.UNKNOWN && s.kind() != StatementKind.DATA);
            b.append("Transaction ").append(t.number()).append(" · ").append(kind(t)).append(" · statements ")
                    .append(t.first()).append(t.last() == t.first() ? "" : "–" + t.last()).append(" · ")
                    .append(Units.range(t.duration())).append('\n');
            for (Window w : t.windows()) {
                wrap(b, "  blocks ", "    ", e(w.table().toString()) + ": " + w.lock() + " ("
                        + PlanText.blocks(w.blocksReads(), w.blocksWrites()) + (w.rowLocks() ? ", rows written stay locked" : "")
                        + ") from statement " + w.from() + " until " + w.until() + ", taken by " + w.operation().replace('_', ' ')
                        + " at statement " + w.lockStatement() + ": " + Units.range(w.held()));
            }
            wrap(b, "  on failure: ", "    ", e(t.onFailure()));
            if (quiet) {
                b.append("  (").append(members.size()).append(" statements without locks of note)\n\n");
                continue;
            }
            for (StatementPlan s : members) statement(b, s, columns);
            b.append('\n');
        }
        b.append("Assumptions\n");
        for (String a : plan.assumptions()) wrap(b, "  • ", "    ", e(a));
        return b.toString();
    }

    /** The widths of the lock and estimate columns: the longest of the plan, so that the SQL column lines up. */
    private record Columns(int lock, int estimate) {
        static Columns of(List<StatementPlan> statements) {
            int lock = 22;
            int estimate = 15;
            for (StatementPlan s : statements) {
                lock = Math.max(lock, lockText(s).length());
                estimate = Math.max(estimate, estimateText(s).length());
            }
            return new Columns(lock, estimate);
        }
    }

    private static String lockText(StatementPlan s) {
        return s.lock() == null ? "-" : s.lock();
    }

    private static String estimateText(StatementPlan s) {
        return s.kind() == StatementKind.DDL || s.kind() == StatementKind.DATA || !s.items().isEmpty()
                ? Units.range(s.estimate()) : "";
    }

    private static void statement(StringBuilder b, StatementPlan s, Columns columns) {
        String rev = s.statement().revision() == null ? "" : s.statement().revision();
        if (rev.length() > 14) rev = rev.substring(0, 13) + "…";
        String head = String.format("  %4d  %-14s %-" + columns.lock() + "s %-" + columns.estimate() + "s ",
                s.statement().number(), e(rev), lockText(s), estimateText(s));
        String sql = e(s.firstLine());
        int room = Math.max(20, WIDTH - head.length());
        if (sql.length() > room) sql = sql.substring(0, room - 1) + "…";
        b.append(head).append(sql).append('\n');
        boolean attention = s.risk().compareTo(Risk.MEDIUM) <= 0 || s.kind() == StatementKind.UNKNOWN;
        if (!attention) {
            // A quiet statement's notes still say what its line cannot (a setting's reach, a sequence value a
            // ROLLBACK keeps); the version a bookkeeping UPDATE records is in the revision column already.
            for (String n : s.notes()) {
                if (!n.startsWith(ScriptPlan.VERSION_NOTE)) wrap(b, "        · ", "          ", e(n));
            }
            return;
        }
        if (s.kind() == StatementKind.UNKNOWN) {
            wrap(b, "        UNKNOWN ", "          ", e(String.join("; ", s.notes())));
            return;
        }
        for (PlanItem i : s.items()) {
            if (i.risk().compareTo(Risk.MEDIUM) > 0) continue;
            wrap(b, "        " + i.risk() + " " + i.ruleId() + " ", "          ", e(i.operation() + ": " + i.message()));
        }
        for (String n : s.notes()) wrap(b, "        · ", "          ", e(n));
        if (s.lockWait() != null) wrap(b, "        · ", "          ", "lock wait bounded by " + s.lockWait());
        if (s.recipeSql() != null) {
            b.append("        safer way:\n");
            for (String line : s.recipeSql().split("\n")) sqlLine(b, "          ", e(line));
        }
    }

    private static String kind(Transaction t) {
        return switch (t.kind()) {
            case EXPLICIT -> "BEGIN … " + (t.end() == Transaction.End.OPEN_AT_END ? "(no COMMIT)" : t.end().name());
            case AUTOCOMMIT -> "autocommit";
            case RUNNER -> "the runner's transaction";
            case IMPLICIT_COMMIT -> "implicit commit (DDL)";
        };
    }

    private static String e(String s) {
        return Printable.escape(s);
    }

    /**
     * A line of SQL, broken at {@link #WIDTH} columns only at a space outside quotes (so the SQL runs the same
     * when copied); a comment's continuation starts with {@code --} again. A single word longer than the width stays whole.
     */
    static void sqlLine(StringBuilder b, String indent, String line) {
        boolean comment = line.stripLeading().startsWith("--");
        String lead = line.substring(0, line.length() - line.stripLeading().length());
        String rest = line;
        String prefix = indent;
        while (prefix.length() + rest.length() > WIDTH) {
            int cut = breakAt(rest, WIDTH - prefix.length());
            if (cut <= 0) break;
            b.append(prefix).append(rest, 0, cut).append('\n');
            rest = lead + "  " + (comment ? "-- " : "") + rest.substring(cut + 1);
            prefix = indent;
        }
        b.append(prefix).append(rest).append('\n');
    }

    /** The last space before {@code max} that is outside quotes, or -1. */
    private static int breakAt(String s, int max) {
        int best = -1;
        char quote = 0;
        for (int i = 0; i < Math.min(s.length(), max); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ' ' && i > 0 && s.charAt(i - 1) != ' ') {
                best = i;
            }
        }
        return best;
    }

    /** Words wrapped at {@link #WIDTH} columns, the first line after {@code first}, the others after {@code next}. */
    static void wrap(StringBuilder b, String first, String next, String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : text.split(" ")) {
            if (!empty && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(next);
                empty = true;
            }
            if (!empty) line.append(' ');
            line.append(word);
            empty = false;
        }
        lines.add(line.toString());
        for (String l : lines) b.append(l).append('\n');
    }
}
