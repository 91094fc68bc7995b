package io.schemaplan.scriptplan;

import io.schemaplan.impact.Estimate;
import io.schemaplan.impact.LockMode;
import io.schemaplan.impact.PlanItem;
import io.schemaplan.impact.Units;
import io.schemaplan.model.QName;
import io.schemaplan.scriptplan.ScriptPlan.StatementPlan;
import io.schemaplan.scriptplan.ScriptPlan.Transaction;
import io.schemaplan.scriptplan.ScriptPlan.Transaction.End;
import io.schemaplan.scriptplan.ScriptPlan.Transaction.Kind;
import io.schemaplan.scriptplan.ScriptPlan.Window;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Cuts a planned script into the transactions it runs in and derives each transaction's blocking windows.
 * PostgreSQL: BEGIN … COMMIT as written; a statement that refuses a transaction block runs alone (and
 * fails inside an open one); the runner's mode groups what the script leaves outside BEGIN … COMMIT.
 * MySQL/MariaDB: every DDL statement commits what is open, then itself. A table's window runs from the
 * first statement of the transaction that locks it to the statement that ends the transaction. Pure.
 */
final class Transactions {
    private Transactions() {
    }

    /** A transaction while it is cut: its statements (indexes into the plan list), kind and end. */
    private static final class Open {
        final Kind kind;
        final List<Integer> members = new ArrayList<>();
        End end = End.OPEN_AT_END;

        Open(Kind kind) {
            this.kind = kind;
        }
    }

    static List<Transaction> cut(List<StatementPlan> plans, List<Classified> classified, ScriptPlanner.Mode mode,
                                 boolean mysql, ScriptPlanner.StatementRules rules, List<String> findings) {
        List<Open> done = new ArrayList<>();
        Open explicit = null;
        Open runner = null;
        String runnerKey = null;
        for (int i = 0; i < plans.size(); i++) {
            StatementPlan p = plans.get(i);
            Classified c = classified.get(i);
            int n = p.statement().number();
            StatementKind k = c.kind();
            // TRUNCATE and CREATE TABLE … SELECT are DDL to MySQL, and ANALYZE/CHECK/REPAIR TABLE commit as DDL
            // does (MyAdminStatementsServerTest): they commit implicitly too.
            boolean implicitCommit = mysql && (k == StatementKind.DDL || k == StatementKind.MAINTENANCE
                    || c.operations().stream().anyMatch(o -> "TRUNCATE".equals(o.operation())
                    || "CREATE_TABLE_AS".equals(o.operation())));
            if (k == StatementKind.BEGIN) {
                runner = close(runner, End.COMMIT, done);
                if (explicit != null) {
                    findings.add("Statement " + n + ": BEGIN inside a transaction; PostgreSQL ignores it with a warning.");
                    explicit.members.add(i);
                } else {
                    explicit = new Open(Kind.EXPLICIT);
                    explicit.members.add(i);
                }
                continue;
            }
            if (k == StatementKind.COMMIT || k == StatementKind.ROLLBACK) {
                End end = k == StatementKind.COMMIT ? End.COMMIT : End.ROLLBACK;
                if (explicit != null) {
                    explicit.members.add(i);
                    explicit = close(explicit, end, done);
                } else if (runner != null) {
                    runner.members.add(i);
                    runner = close(runner, end, done);
                } else {
                    Open alone = new Open(Kind.AUTOCOMMIT);
                    alone.members.add(i);
                    close(alone, End.AUTOCOMMIT, done);
                }
                continue;
            }
            if (implicitCommit) {
                if (explicit != null) {
                    findings.add("Statement " + n + " (DDL) commits the transaction opened at statement "
                            + plans.get(explicit.members.get(0)).statement().number() + " implicitly: MySQL and "
                            + "MariaDB cannot roll DDL back.");
                    explicit = close(explicit, End.COMMIT, done);
                }
                runner = close(runner, End.COMMIT, done);
                Open alone = new Open(Kind.IMPLICIT_COMMIT);
                alone.members.add(i);
                close(alone, End.AUTOCOMMIT, done);
                continue;
            }
            if (c.autocommit()) {
                Open inside = explicit != null ? explicit : null;
                if (inside != null) {
                    findings.add("Statement " + n + " (" + p.firstLine() + ") cannot run inside a transaction "
                            + "block: the script fails there, and everything since statement "
                            + plans.get(inside.members.get(0)).statement().number() + " rolls back.");
                    inside.members.add(i);
                    continue;
                }
                runner = close(runner, End.COMMIT, done);
                Open alone = new Open(Kind.AUTOCOMMIT);
                alone.members.add(i);
                close(alone, End.AUTOCOMMIT, done);
                continue;
            }
            if (explicit != null) {
                explicit.members.add(i);
                continue;
            }
            if (mode == ScriptPlanner.Mode.SCRIPT) {
                Open alone = new Open(Kind.AUTOCOMMIT);
                alone.members.add(i);
                close(alone, End.AUTOCOMMIT, done);
                continue;
            }
            String key = mode == ScriptPlanner.Mode.SINGLE ? "" : Objects.toString(p.statement().revision(),
                    p.statement().file());
            if (runner != null && !Objects.equals(key, runnerKey)) runner = close(runner, End.COMMIT, done);
            if (runner == null) {
                runner = new Open(Kind.RUNNER);
                runnerKey = key;
            }
            runner.members.add(i);
        }
        if (explicit != null) {
            findings.add("The script ends inside the transaction opened at statement "
                    + plans.get(explicit.members.get(0)).statement().number() + ": without a COMMIT it rolls back "
                    + "when the session ends.");
            done.add(explicit);
        }
        close(runner, End.COMMIT, done);
        done.sort((a, b) -> Integer.compare(a.members.get(0), b.members.get(0)));
        return build(done, plans, rules, findings);
    }

    private static Open close(Open o, End end, List<Open> done) {
        if (o != null) {
            o.end = end;
            done.add(o);
        }
        return null;
    }

    private static List<Transaction> build(List<Open> done, List<StatementPlan> plans, ScriptPlanner.StatementRules rules,
                                           List<String> findings) {
        List<Transaction> out = new ArrayList<>();
        String committedVersion = null;
        List<String> committedRevisions = new ArrayList<>();
        for (int t = 0; t < done.size(); t++) {
            Open o = done.get(t);
            List<StatementPlan> members = o.members.stream().map(plans::get).toList();
            Estimate duration = members.stream().map(StatementPlan::estimate).reduce(Estimate.NONE, Estimate::plus);
            List<Window> windows = windows(members, rules);
            int first = members.get(0).statement().number();
            int last = members.get(members.size() - 1).statement().number();
            String onFailure = onFailure(o, members, committedVersion, committedRevisions);
            out.add(new Transaction(t + 1, o.kind, first, last, o.end, duration, windows, committedVersion,
                    committedRevisions, onFailure));
            for (Window w : windows) {
                if (w.until() > w.from() && (w.blocksReads() || w.blocksWrites()) && w.held().known()
                        && w.held().highSeconds() >= 1) {
                    findings.add(w.table() + " stays locked (" + w.lock() + " from statement " + w.lockStatement()
                            + ", " + w.operation().replace('_', ' ') + ") from statement " + w.from()
                            + " until statement " + w.until()
                            + (o.end == End.COMMIT ? " (COMMIT)" : "") + ": " + Units.range(w.held()) + ".");
                }
            }
            boolean committed = o.end == End.COMMIT || o.end == End.AUTOCOMMIT;
            if (committed) {
                for (StatementPlan m : members) {
                    // A COMMIT after an Alembic "Running upgrade" comment is not that revision's work.
                    if (m.kind() == StatementKind.BEGIN || m.kind() == StatementKind.COMMIT) continue;
                    if (m.statement().revision() != null && !committedRevisions.contains(m.statement().revision())) {
                        committedRevisions = append(committedRevisions, m.statement().revision());
                    }
                }
                String v = lastVersion(members);
                if (v != null) committedVersion = v;
            }
            if (o.kind == Kind.AUTOCOMMIT && isConcurrentBuild(members.get(0)) && t > 0
                    && done.get(t - 1).kind == Kind.EXPLICIT) {
                Transaction before = out.get(t - 1);
                String version = out.get(t).committedVersion();
                findings.add("Statement " + before.last() + " commits statements " + before.first() + "–"
                        + before.last() + " before the CONCURRENTLY build at statement " + first + " ("
                        + members.get(0).firstLine() + "): the build takes " + members.get(0).lock() + " on "
                        + members.get(0).lockedTable() + " (reads and writes go on), and if it fails it leaves an "
                        + "INVALID index to drop before a retry, with the earlier statements already committed"
                        + (version == null ? "" : " (migration version " + version + ")") + ".");
            }
        }
        return out;
    }

    private static List<String> append(List<String> l, String s) {
        List<String> c = new ArrayList<>(l);
        c.add(s);
        return c;
    }

    private static String lastVersion(List<StatementPlan> members) {
        String v = null;
        for (StatementPlan m : members) {
            String version = m.notes().stream().filter(x -> x.startsWith(ScriptPlan.VERSION_NOTE)).findFirst()
                    .map(x -> x.substring(ScriptPlan.VERSION_NOTE.length())).orElse(null);
            if (version != null) v = version;
        }
        return v;
    }

    static boolean isConcurrentBuild(StatementPlan p) {
        return p.items().stream().anyMatch(i -> "CREATE_INDEX_CONCURRENTLY".equals(i.operation()));
    }

    private static String onFailure(Open o, List<StatementPlan> members, String version, List<String> revisions) {
        String before = revisions.isEmpty() ? "nothing before it is committed"
                : "revisions up to " + revisions.get(revisions.size() - 1) + " stay committed"
                + (version == null ? "" : " (migration version " + version + ")");
        return switch (o.kind) {
            case IMPLICIT_COMMIT -> "a failure leaves every earlier statement applied (the schema half-changed): "
                    + before + ".";
            case AUTOCOMMIT -> isConcurrentBuild(members.get(0))
                    ? "a failed or cancelled build leaves an INVALID index (drop it before a retry); " + before + "."
                    : "it commits on its own; " + before + ".";
            case EXPLICIT, RUNNER -> "a failure rolls back statements " + members.get(0).statement().number() + "–"
                    + members.get(members.size() - 1).statement().number() + kept(members) + "; " + before + ".";
        };
    }

    /** The sequence writes a rollback keeps (setval, nextval are not transactional), or nothing. */
    private static String kept(List<StatementPlan> members) {
        List<String> numbers = members.stream().filter(p -> p.kind() == StatementKind.SEQUENCE)
                .map(p -> String.valueOf(p.statement().number())).toList();
        if (numbers.isEmpty()) return "";
        return " but not the sequence value" + (numbers.size() == 1 ? " statement " : "s statements ")
                + String.join(", ", numbers) + (numbers.size() == 1 ? " sets" : " set") + " (not transactional)";
    }

    /**
     * A lock one statement holds on one table, and what it blocks; {@code rowLocks}: the rows an unbatched
     * UPDATE or DELETE wrote stay locked until COMMIT, so writers of those rows wait.
     */
    record Hold(String lock, boolean reads, boolean writes, String operation, int statement, boolean rowLocks) {
        /** Reads and writes, writes, nothing; PostgreSQL lock strength breaks ties. */
        int rank() {
            int base = reads ? 200 : writes ? 100 : 0;
            try {
                return base + LockMode.valueOf(lock.replace(' ', '_')).ordinal();
            } catch (IllegalArgumentException e) {
                return base;
            }
        }

        /** The stronger of two holds on one table (who took it with it); row locks once taken stay. */
        Hold with(Hold o) {
            Hold s = o.rank() > rank() ? o : this;
            return new Hold(s.lock, s.reads, s.writes, s.operation, s.statement, rowLocks || o.rowLocks);
        }

        /** What waits: row locks make writers of those rows wait even under a table lock that lets them in. */
        boolean blocksWrites() {
            return writes || rowLocks;
        }
    }

    /**
     * The locks one statement takes on tables the script did not create, per table in item order: the table it
     * alters, and the second one it locks (a foreign key's referenced table, the table an INSERT … SELECT reads).
     */
    static Map<QName, Hold> holds(StatementPlan m, Predicate<QName> createdByScript) {
        Map<QName, Hold> out = new LinkedHashMap<>();
        int n = m.statement().number();
        for (PlanItem i : m.items()) {
            boolean rowLocks = m.data() != null && i.runsInTransaction()
                    && (i.operation().equals("UPDATE_ROWS") || i.operation().equals("DELETE_ROWS"));
            if (i.table() != null && i.lock() != null && !createdByScript.test(i.table())) {
                out.merge(i.table(), new Hold(i.lock(), i.blocksReads(), i.blocksWrites(), i.operation(), n, rowLocks),
                        Hold::with);
            }
            if (i.other() != null && i.otherLock() != null && !createdByScript.test(i.other())) {
                LockMode o = LockMode.valueOf(i.otherLock().replace(' ', '_'));
                out.merge(i.other(), new Hold(o.sql(), o.blocksReads(), o.blocksWrites(), i.operation(), n, false),
                        Hold::with);
            }
        }
        return out;
    }

    /**
     * Per table (the one a statement alters, and the second one it locks): the first statement that locks it,
     * the strongest lock and who takes it, until the end of the transaction.
     */
    private static List<Window> windows(List<StatementPlan> members, ScriptPlanner.StatementRules rules) {
        record Acc(int from, Hold strongest) {
        }
        Map<QName, Acc> acc = new LinkedHashMap<>();
        for (StatementPlan m : members) {
            for (Map.Entry<QName, Hold> h : holds(m, rules::createdByScript).entrySet()) {
                Acc a = acc.get(h.getKey());
                acc.put(h.getKey(), a == null ? new Acc(m.statement().number(), h.getValue())
                        : new Acc(a.from(), a.strongest().with(h.getValue())));
            }
        }
        int until = members.get(members.size() - 1).statement().number();
        List<Window> out = new ArrayList<>();
        for (Map.Entry<QName, Acc> e : acc.entrySet()) {
            Acc a = e.getValue();
            Hold s = a.strongest();
            if (!s.reads() && !s.blocksWrites()) continue;
            Estimate held = members.stream().filter(m -> m.statement().number() >= a.from())
                    .map(StatementPlan::estimate).reduce(Estimate.NONE, Estimate::plus);
            out.add(new Window(e.getKey(), s.lock(), s.reads(), s.blocksWrites(), s.rowLocks(), a.from(),
                    s.statement(), s.operation(), until, held));
        }
        return out;
    }

    /** The plans with their transaction numbers filled in. */
    static List<StatementPlan> numbered(List<StatementPlan> plans, List<Transaction> transactions) {
        List<StatementPlan> out = new ArrayList<>();
        for (StatementPlan p : plans) {
            int n = p.statement().number();
            int tx = transactions.stream().filter(t -> t.first() <= n && n <= t.last()).mapToInt(Transaction::number)
                    .findFirst().orElse(0);
            out.add(new StatementPlan(p.statement(), p.kind(), p.items(), p.data(), p.rows(), tx, p.lock(),
                    p.lockedTable(), p.estimate(), p.risk(), p.lockWait(), p.notes(), p.recipeSql()));
        }
        return out;
    }
}
