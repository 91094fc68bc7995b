package io.schemaplan.scriptplan;

import io.schemaplan.impact.Estimate;
import io.schemaplan.impact.PlanItem;
import io.schemaplan.impact.Risk;
import io.schemaplan.impact.Timeline;
import io.schemaplan.model.QName;
import io.schemaplan.script.Finding;
import java.util.List;

/**
 * The plan of a migration script: every statement in script order with its operations (plan items of the
 * rule tables, {@code change} null), the transactions the script runs in, and per transaction the tables
 * it blocks, by which lock, from which statement to which COMMIT. {@code transactionMode} is how the runner
 * groups statements ({@code script}: as the script's own BEGIN/COMMIT say; {@code single}; {@code each}).
 * {@code findings} are what a DBA must read first (a statement that fails inside a transaction block, a
 * lock held across a long data statement, work committed before a step that can fail); {@code assumptions}
 * what the estimates rest on. {@code replay}: what replaying the script on FROM found (statements it could not
 * apply) and, when a TO was given ({@code to}, its label; null otherwise), how the replay's end differs from it:
 * schema changes no statement makes, statements whose effect TO does not have. {@code timeline}: the run on a
 * time axis ({@link ScriptTimeline}), what the HTML and Markdown reports draw.
 */
public record ScriptPlan(
        String from,
        String script,
        String engine,
        String serverVersion,
        String profile,
        String statsSource,
        String transactionMode,
        List<StatementPlan> statements,
        List<Transaction> transactions,
        Estimate total,
        List<String> findings,
        List<String> assumptions,
        String to,
        List<Finding> replay,
        Timeline timeline) {

    /** The note a bookkeeping statement carries: the migration version it records. */
    public static final String VERSION_NOTE = "records migration version ";

    public ScriptPlan {
        statements = List.copyOf(statements);
        transactions = List.copyOf(transactions);
        findings = List.copyOf(findings);
        assumptions = List.copyOf(assumptions);
        replay = List.copyOf(replay);
    }

    /** A replay section of the views: its heading and its lines (statement and line first when one is to blame). */
    public record ReplaySection(String heading, List<String> lines) {
    }

    /**
     * The replay's findings as the views show them, one section per question, only those with lines; with a TO
     * and no difference, one section saying so.
     */
    public List<ReplaySection> replaySections() {
        List<ReplaySection> out = new java.util.ArrayList<>();
        section(out, "Statements the replay could not apply", replay(Finding.Kind.NOT_APPLIED));
        outsideModel(out);
        if (to == null) return out;
        section(out, "Schema changes no statement makes (" + to + " has them)", replay(Finding.Kind.NOT_IN_SCRIPT));
        List<Finding> extra = new java.util.ArrayList<>(replay(Finding.Kind.NOT_IN_TARGET));
        extra.addAll(replay(Finding.Kind.DIFFERS));
        section(out, "Statements whose effect " + to + " does not have", extra);
        section(out, "Expressions written otherwise than " + to + " prints them (alike when compared loosely:"
                + " docs/migration-scripts.md)", replay(Finding.Kind.WRITTEN_DIFFERENTLY));
        if (replay.stream().noneMatch(f -> f.kind() != Finding.Kind.NOT_APPLIED && f.kind() != Finding.Kind.OUTSIDE_MODEL
                && f.kind() != Finding.Kind.WRITTEN_DIFFERENTLY)) {
            out.add(new ReplaySection("Compared with " + to, List.of("The replayed script ends at " + to + ": no differences"
                    + (replay(Finding.Kind.WRITTEN_DIFFERENTLY).isEmpty() ? "." : " but for how expressions are written."))));
        }
        return out;
    }

    /** Statements that change what the model does not hold: normal, one line per kind of thing they change. */
    private void outsideModel(List<ReplaySection> out) {
        java.util.Map<String, List<Integer>> byWhat = new java.util.LinkedHashMap<>();
        for (Finding f : replay(Finding.Kind.OUTSIDE_MODEL)) {
            byWhat.computeIfAbsent(f.message(), k -> new java.util.ArrayList<>()).add(f.statement());
        }
        if (byWhat.isEmpty()) return;
        List<String> lines = new java.util.ArrayList<>();
        byWhat.forEach((what, numbers) -> lines.add(what + ": statement" + (numbers.size() == 1 ? " " : "s ")
                + String.join(", ", numbers.stream().map(String::valueOf).toList())));
        out.add(new ReplaySection("Outside the schema model (planned above; nothing to replay or compare)", lines));
    }

    private static void section(List<ReplaySection> out, String heading, List<Finding> findings) {
        if (findings.isEmpty()) return;
        out.add(new ReplaySection(heading, findings.stream().map(f -> f.statement() == 0 ? f.message()
                : "Statement " + f.statement() + " (line " + f.line() + (f.revision() == null ? "" : ", revision "
                + f.revision()) + "): " + f.message()).toList()));
    }

    /** The replay's findings of one kind (statements it could not apply; with a TO, how its end differs from TO). */
    public List<Finding> replay(Finding.Kind kind) {
        return replay.stream().filter(f -> f.kind() == kind).toList();
    }

    /** All plan items of all statements, in script order (what a gate checks). */
    public List<PlanItem> items() {
        return statements.stream().flatMap(s -> s.items().stream()).toList();
    }

    public long count(Risk risk) {
        return statements.stream().filter(s -> s.risk() == risk).count();
    }

    /**
     * One statement: {@code items} its operations with rule, lock and estimate; {@code lock} the strongest
     * lock it takes on an existing table (null when none); {@code data} what a data statement writes (null
     * otherwise) and {@code rows} how many rows (-1 when unknown; an upper bound when {@code data.rows()} is
     * PART); {@code lockWait} how long it may wait for its lock (the lock_timeout in force, or null when
     * unbounded); {@code recipeSql} a safer way as runnable SQL (null when none is needed or known).
     */
    public record StatementPlan(
            SqlStatement statement,
            StatementKind kind,
            List<PlanItem> items,
            DataEffect data,
            long rows,
            int transaction,
            String lock,
            QName lockedTable,
            Estimate estimate,
            Risk risk,
            String lockWait,
            List<String> notes,
            String recipeSql) {
        public StatementPlan {
            items = List.copyOf(items);
            notes = List.copyOf(notes);
        }

        /**
         * The statement on one line for one-line views: white space collapsed (so that Alembic's
         * {@code UPDATE\n    public.messages} reads as one line), cut at 80 characters.
         */
        public String firstLine() {
            String sql = statement.sql().strip().replaceAll("\\s+", " ");
            return sql.length() <= 80 ? sql : sql.substring(0, 79) + "…";
        }
    }

    /**
     * A transaction of the run: statements {@code first..last} (numbers), how it ends, how long it lasts,
     * the tables it blocks, what is already committed when it starts ({@code committedVersion}: the
     * migration version the bookkeeping table holds then, null when unknown) and what a failure inside it
     * leaves behind.
     */
    public record Transaction(
            int number,
            Kind kind,
            int first,
            int last,
            End end,
            Estimate duration,
            List<Window> windows,
            String committedVersion,
            List<String> committedRevisions,
            String onFailure) {
        public Transaction {
            windows = List.copyOf(windows);
            committedRevisions = List.copyOf(committedRevisions);
        }

        /**
         * {@code EXPLICIT}: the script's BEGIN … COMMIT; {@code AUTOCOMMIT}: one statement that commits on its own
         * (outside any BEGIN, or one that refuses a transaction block); {@code RUNNER}: the migration tool's
         * grouping ({@code --transaction single|each}); {@code IMPLICIT_COMMIT}: a MySQL/MariaDB DDL statement,
         * which commits before and after itself.
         */
        public enum Kind { EXPLICIT, AUTOCOMMIT, RUNNER, IMPLICIT_COMMIT }

        public enum End { COMMIT, ROLLBACK, AUTOCOMMIT, OPEN_AT_END }
    }

    /**
     * One table blocked by a transaction: the strongest lock ({@code lock}, taken by statement
     * {@code lockStatement} with {@code operation}), held from statement {@code from} (the first that locks
     * the table) until statement {@code until} (the COMMIT that releases it), {@code held} long.
     * {@code rowLocks}: the rows an UPDATE or DELETE wrote stay locked until then too, so writers of those
     * rows wait even when the table lock itself lets them in.
     */
    public record Window(QName table, String lock, boolean blocksReads, boolean blocksWrites, boolean rowLocks,
                         int from, int lockStatement, String operation, int until, Estimate held) {
    }
}
