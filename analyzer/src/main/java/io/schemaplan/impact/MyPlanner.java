package io.schemaplan.impact;

import io.schemaplan.diff.Change;
import io.schemaplan.model.Index;
import io.schemaplan.model.QName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The MySQL/MariaDB side of {@link Planner}: each change becomes its InnoDB operations
 * ({@link MyImpacts}), each operation gets the rule of the server profile ({@link MyRules}) with its
 * algorithm and lock, and the same cost model, ranking and windows as PostgreSQL. Every DDL statement
 * commits on its own, so a lock is held for its statement only. Pure.
 */
public final class MyPlanner {
    /** The profile assumed when neither the user, the statistics nor the source says. */
    static final MyEngine ASSUMED_MARIADB = MyEngine.MARIADB_10_11;
    static final MyEngine ASSUMED_MYSQL = MyEngine.MYSQL_8_4;

    private static final Set<MyOperation> DESTRUCTIVE = Set.of(MyOperation.DROP_TABLE, MyOperation.DROP_COLUMN,
            MyOperation.DROP_SEQUENCE);

    private MyPlanner() {
    }

    static Plan plan(Planner.Input in) {
        List<String> assumptions = new ArrayList<>();
        MyEngine profile = profile(in, assumptions);
        TableSizes sizes = new TableSizes(in.from(), in.to(), in.stats());
        List<PlanItem> items = new ArrayList<>();
        for (Change change : in.changes()) {
            if (change instanceof Change.PossibleRename) continue;  // the drop and the add carry the cost
            for (MyOperation op : MyImpacts.operations(change, in.from(), in.to())) {
                items.add(item(change, op, MyRules.forOperation(op, profile, MyImpacts.onFulltextTable(change, in.from())),
                        sizes, in, profile));
            }
        }
        offerRenames(in.changes(), items, profile);
        items.sort(Planner.RANKING);
        Estimate total = items.stream().map(PlanItem::estimate).reduce(Estimate.NONE, Estimate::plus);
        long peak = items.stream().mapToLong(i -> i.estimate().extraDiskBytes()).max().orElse(0);
        total = new Estimate(total.lowSeconds(), total.expectedSeconds(), total.highSeconds(), peak,
                total.walBytes(), total.known());
        // DDL commits implicitly: whatever the migration tool does, each statement is its own transaction.
        Planner.Input each = new Planner.Input(in.fromLabel(), in.toLabel(), in.from(), in.to(), in.changes(),
                in.stats(), in.statsSource(), in.profile(), in.serverMajor(), false, profile);
        List<TableWindow> windows = Planner.windows(items, total, each);
        Planner.assumptions(each, items, assumptions);
        return new Plan(in.fromLabel(), in.toLabel(), profile.isMariadb() ? "MariaDB" : "MySQL",
                profile.label().replaceFirst("^(MySQL|MariaDB) ", ""),
                in.profile().name(), in.statsSource(), false, items, windows, total, assumptions);
    }

    /**
     * A drop the diff pairs with an add as a possible rename gets the rename as its safer way: one statement
     * that keeps the data (the drop's own recipe stays after it).
     */
    private static void offerRenames(List<Change> changes, List<PlanItem> items, MyEngine profile) {
        for (Change c : changes) {
            if (!(c instanceof Change.PossibleRename r)) continue;
            MyRecipes.rename(r, profile).ifPresent(sql -> items.replaceAll(i -> dropOf(i.change(), r) ? withRecipe(i,
                    "If " + r.fromName() + " was renamed to " + r.toName() + ", rename it in one statement instead: "
                            + "it keeps the data and takes a moment. " + i.recipe(), sql) : i));
        }
    }

    private static boolean dropOf(Change c, Change.PossibleRename r) {
        if (!r.table().equals(c.table())) return false;
        if (c instanceof Change.ColumnDropped d) return r.objectKind().equals("column") && d.from().name().equals(r.fromName());
        if (c instanceof Change.IndexDropped d) return r.objectKind().equals("index") && d.index().name().equals(r.fromName());
        return false;
    }

    private static PlanItem withRecipe(PlanItem i, String recipe, String sql) {
        return new PlanItem(i.change(), i.operation(), i.ruleId(), i.table(), i.other(), i.lock(), i.otherLock(),
                i.blocksReads(), i.blocksWrites(), i.rewritesTable(), i.rebuildsIndexes(), i.scansTable(), i.buildsIndex(),
                i.runsInTransaction(), i.destructive(), i.risk(), i.message(), recipe, sql, i.source(), i.estimate());
    }

    /** The user's --server-version, else the version the statistics or FROM were read from, else the default. */
    public static MyEngine profile(Planner.Input in, List<String> assumptions) {
        boolean mariadb = in.from().engine() == io.schemaplan.model.Engine.MARIADB;
        if (in.mysqlServer() != null) {
            MyEngine e = in.mysqlServer();
            assumptions.add("Rules for " + e.label() + " (--server-version"
                    + (e.isMariadb() == mariadb ? ")." : "; the schemas were read from " + (mariadb ? "MariaDB" : "MySQL")
                    + ")."));
            return e;
        }
        for (String[] candidate : new String[][] {
                {in.stats() == null ? null : in.stats().serverVersion(), "the server the statistics come from"},
                {in.from().serverVersion(), "the server FROM was read from"}}) {
            if (candidate[0] == null) continue;
            try {
                MyEngine e = MyEngine.parse(candidate[0], mariadb);
                assumptions.add("Rules for " + e.label() + ", " + candidate[1] + " (" + candidate[0] + "; pass "
                        + "--server-version if production runs another).");
                return e;
            } catch (IllegalArgumentException ignored) {
                // Not a version we have rules for: fall through to the next source, then to the default.
            }
        }
        MyEngine e = mariadb ? ASSUMED_MARIADB : ASSUMED_MYSQL;
        assumptions.add("Rules for " + e.label() + " (assumed: the source does not say which server it came from; "
                + "pass --server-version " + (mariadb ? "mariadb-10.6" : "mysql-8.0.28") + " or the like).");
        return e;
    }

    private static PlanItem item(Change change, MyOperation op, MyRule rule, TableSizes sizes, Planner.Input in,
                                 MyEngine profile) {
        QName table = change.table() != null ? change.table() : sequence(change);
        Work work = change.table() == null ? Work.NONE : sizes.work(table);
        if (rule.cost() == Cost.INDEX_BUILD && change instanceof Change.IndexAdded a) {
            work = work.withNewIndexBytes(sizes.newIndexBytes(table, columns(a.index())));
        } else if (rule.cost() == Cost.INDEX_BUILD && change instanceof Change.ConstraintAdded a) {
            work = work.withNewIndexBytes(sizes.newIndexBytes(table, a.constraint().columns()));
        }
        Estimate estimate = CostModel.estimate(rule, work, in.profile());
        boolean destructive = DESTRUCTIVE.contains(op);
        boolean blocksWrites = rule.lock() != MyRule.Lock.NONE;
        Risk risk = Planner.risk(rule.cost() != Cost.NOTHING, blocksWrites || rule.blocksReads(), true, estimate,
                destructive, work);
        // DROP then CREATE: every call in between fails (ERROR 1305), a brief outage no table fact shows.
        if (rule.id().equals(MyRules.ROUTINE_GAP) && risk.compareTo(Risk.LOW) > 0) risk = Risk.LOW;
        String lock = "ALGORITHM=" + rule.algorithm() + ", LOCK=" + rule.lock();
        return new PlanItem(change, op.name(), rule.id(), table, null, table == null ? null : lock, null,
                rule.blocksReads(), blocksWrites, rule.rebuildsTable(), rule.rebuildsTable(),
                rule.cost() != Cost.NOTHING, rule.cost() == Cost.INDEX_BUILD, true, destructive, risk,
                rule.message(), Planner.withPruneAdvice(rule.saferRecipe(), rule.cost() != Cost.NOTHING, work),
                MyRecipes.sql(change, op, profile).orElse(null), rule.source().url(), estimate);
    }

    /** A MariaDB sequence is a table to the server: its metadata lock is what an ALTER or DROP SEQUENCE waits for. */
    private static QName sequence(Change change) {
        if (change instanceof Change.SequenceChanged s) return s.to().name();
        if (change instanceof Change.SequenceDropped s) return s.sequence().name();
        return null;
    }

    private static List<String> columns(Index index) {
        return index.keys().stream().map(k -> k.expression() ? "" : k.text()).toList();
    }
}
