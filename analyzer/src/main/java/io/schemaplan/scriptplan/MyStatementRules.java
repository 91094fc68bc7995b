package io.schemaplan.scriptplan;

import io.schemaplan.impact.Cost;
import io.schemaplan.impact.CostModel;
import io.schemaplan.impact.Estimate;
import io.schemaplan.impact.MyEngine;
import io.schemaplan.impact.MyOperation;
import io.schemaplan.impact.MyPlanner;
import io.schemaplan.impact.MyRule;
import io.schemaplan.impact.MyRules;
import io.schemaplan.impact.PlanItem;
import io.schemaplan.impact.Planner;
import io.schemaplan.impact.Risk;
import io.schemaplan.impact.Work;
import io.schemaplan.model.Engine;
import io.schemaplan.model.QName;
import io.schemaplan.scriptplan.ScriptPlan.StatementPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The MySQL/MariaDB half of {@link ScriptPlanner}: rules from {@code MyRules} for the server profile. The
 * lock is the ALTER TABLE LOCK level the rule names ({@code NONE}, {@code SHARED}, {@code EXCLUSIVE}); a
 * data statement takes InnoDB row locks on the rows it writes ({@code ROW LOCKS}).
 */
final class MyStatementRules extends ScriptPlanner.StatementRules {
    static final String DATA_RULE = "MY-DATA-WRITE";
    static final String ROW_LOCKS = "ROW LOCKS";

    private final ScriptPlanner.Input in;
    private final MyEngine profile;
    private final MyStatements statements;
    private final MyScriptRecipes recipes;

    private MyStatementRules(ScriptPlanner.Input in, MyEngine profile) {
        this.in = in;
        this.profile = profile;
        this.statements = new MyStatements(in.from(), in.stats());
        this.recipes = new MyScriptRecipes(statements);
    }

    static MyStatementRules of(ScriptPlanner.Input in, List<String> assumptions) {
        return new MyStatementRules(in, MyPlanner.profile(ScriptPlanner.plannerInput(in), assumptions));
    }

    @Override
    Classified classify(String sql) {
        return statements.classify(sql);
    }

    @Override
    String engine() {
        return profile.isMariadb() ? "MariaDB" : "MySQL";
    }

    @Override
    String serverVersion() {
        return profile.label().replaceFirst("^(MySQL|MariaDB) ", "");
    }

    @Override
    void at(io.schemaplan.model.Schema before) {
        statements.at(before);
    }

    @Override
    boolean createdByScript(QName table) {
        return statements.createdByScript(table);
    }

    @Override
    String recipe(SqlStatement s, Classified c, List<PlanItem> items, boolean lockTimeoutSet) {
        return recipes.recipe(c);
    }

    @Override
    String rowWriteLock() {
        return ROW_LOCKS;
    }

    private Optional<MyRule> rule(String operation) {
        if (operation == null) return Optional.empty();
        try {
            return Optional.of(MyRules.forOperation(MyOperation.valueOf(operation), profile));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    @Override
    PlanItem strongest(List<PlanItem> items) {
        return items.stream().filter(i -> i.table() != null && !createdByScript(i.table()))
                .filter(ScriptPlanner.StatementRules::blocking)
                .max(java.util.Comparator.comparing(i -> i.blocksReads() ? 2 : 1)).orElse(null);
    }

    @Override
    PlanItem ddlItem(Operation o, Classified c) {
        Optional<MyRule> r = rule(o.operation());
        if (r.isEmpty()) return unknownItem(o);
        MyRule rule = r.get();
        Estimate e = CostModel.estimate(rule, o.work(), in.profile());
        boolean fresh = o.table() != null && createdByScript(o.table());
        boolean writes = !fresh && rule.lock() != MyRule.Lock.NONE;
        boolean reads = !fresh && rule.blocksReads();
        boolean destructive = Set.of("DROP_TABLE", "DROP_COLUMN", "DROP_INDEXED_COLUMN", "DROP_DATABASE",
                "DROP_SEQUENCE").contains(o.operation());
        Risk risk = Planner.risk(rule.cost() != Cost.NOTHING, reads || writes, true, e, destructive && !fresh, o.work());
        return new PlanItem(null, o.operation(), rule.id(), o.table(), o.other(), rule.lock().name(), null, reads,
                writes, rule.copiesTable() || rule.rebuildsTable(), rule.rebuildsTable(), false,
                rule.cost() == Cost.INDEX_BUILD, true, destructive, risk, rule.message(), rule.saferRecipe(), null,
                rule.source().url(), e);
    }

    /**
     * What the InnoDB estimate assumes of the secondary index entries it writes: past innodb_buffer_pool_size
     * each is a random page read and write (docs/data-statements.md: a DELETE ran x8, an INSERT ... SELECT x5
     * longer than in the pool). Priced when the statistics say the pool's size; said when they do not.
     */
    private static String bufferPoolCaveat(Cost cost, DataEffect d, Work w, long pool) {
        if (cost == Cost.NOTHING || d.rows() == DataEffect.Rows.FEW || !w.known() || w.indexCount() == 0) return "";
        String indexes = w.indexCount() + " secondary index" + (w.indexCount() == 1 ? "" : "es") + " ("
                + io.schemaplan.impact.Units.bytes(w.indexBytes()) + ")";
        if (pool > 0) {
            return w.indexBytes() <= pool ? "" : ScriptPlanner.outgrowsCache(indexes, "the buffer pool", pool,
                    "the entries that miss it are priced as a random page read and write each.");
        }
        return " Priced with its " + indexes + " in the buffer pool (the statistics do not say its size): if they "
                + "are larger than innodb_buffer_pool_size, each entry costs a random page read and write (measured 5 to "
                + "8 times longer).";
    }

    @Override
    PlanItem dataItem(Operation o, Classified c) {
        DataEffect d = o.data();
        Optional<MyRule> r = rule(o.operation());
        Cost cost = r.map(MyRule::cost).orElse(Cost.NOTHING);
        Work w = o.operation().equals("UPDATE_ROWS") ? statements.changedIndexes(o.table(), d.set(), o.work()) : o.work();
        long pool = in.stats() == null ? 0 : in.stats().bufferPoolBytes();
        Estimate e = ScriptPlanner.dataEstimate(cost, d, w, in.profile(), Engine.MYSQL, pool);
        boolean batched = d.batched();
        boolean rowLocksAll = !batched && d.rows() == DataEffect.Rows.ALL && !o.operation().equals("TRUNCATE");
        boolean fresh = createdByScript(o.table());
        boolean writes = !fresh && (rowLocksAll || o.operation().equals("TRUNCATE"));
        boolean reads = !fresh && o.operation().equals("TRUNCATE");
        Risk risk = Planner.risk(d.rows() != DataEffect.Rows.FEW, writes, true, e, false, w);
        return new PlanItem(null, o.operation(), r.map(MyRule::id).orElse(DATA_RULE), o.table(), o.other(),
                o.operation().equals("TRUNCATE") ? "EXCLUSIVE" : ROW_LOCKS, null, reads, writes, false, false,
                d.scansTable(), false, !batched, o.operation().equals("TRUNCATE"), risk,
                d.verb() + " " + (d.rows() == DataEffect.Rows.ALL ? "of every row" : d.rows() == DataEffect.Rows.FEW
                        ? "of literal rows" : "of the rows its WHERE matches") + " of " + o.table()
                        + (batched ? ", in batches." : ", in one statement: the rows stay locked until it commits, and "
                        + "a replica applies it as long again.") + bufferPoolCaveat(cost, d, w, pool),
                batched ? "" : "Run it in key-range batches of " + ScriptRecipes.BATCH + " rows, each committed.",
                null, r.map(x -> x.source().url()).orElse(""), e);
    }
}
