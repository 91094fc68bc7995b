package io.schemaplan.scriptplan;

import io.schemaplan.impact.Cost;
import io.schemaplan.impact.CostModel;
import io.schemaplan.impact.Estimate;
import io.schemaplan.impact.LockMode;
import io.schemaplan.impact.PgOperation;
import io.schemaplan.impact.PgRule;
import io.schemaplan.impact.PgRules;
import io.schemaplan.impact.PlanItem;
import io.schemaplan.impact.Planner;
import io.schemaplan.impact.Risk;
import io.schemaplan.impact.Work;
import io.schemaplan.model.QName;
import io.schemaplan.scriptplan.ScriptPlan.StatementPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The PostgreSQL half of {@link ScriptPlanner}: rules from {@code PgRules} for the target major version. */
final class PgStatementRules extends ScriptPlanner.StatementRules {
    private static final Set<String> DATA_OPERATIONS = Set.of("UPDATE_ROWS", "DELETE_ROWS", "INSERT_SELECT",
            "CREATE_TABLE_AS", "TRUNCATE", "INSERT_ROWS");
    /** A statement's own rule id when the rule table has no row for a data operation. */
    static final String DATA_RULE = "PG-DATA-WRITE";

    private final ScriptPlanner.Input in;
    private final int major;
    private final PgStatements statements;
    private final ScriptRecipes recipes;

    private PgStatementRules(ScriptPlanner.Input in, int major) {
        this.in = in;
        this.major = major;
        this.statements = new PgStatements(in.from(), in.stats());
        this.recipes = new ScriptRecipes(statements);
    }

    static PgStatementRules of(ScriptPlanner.Input in, List<String> assumptions) {
        return new PgStatementRules(in, Planner.serverMajor(ScriptPlanner.plannerInput(in), assumptions));
    }

    @Override
    Classified classify(String sql) {
        Classified c = statements.classify(sql);
        // ALTER TYPE … ADD VALUE refuses a transaction block before PostgreSQL 12; the rule table says so.
        boolean refuses = c.operations().stream().map(o -> rule(o.operation())).flatMap(Optional::stream)
                .anyMatch(r -> !r.runsInTransactionBlock());
        if (refuses && !c.autocommit()) {
            return new Classified(c.kind(), c.operations(), true, "cannot run inside a transaction block on "
                    + "PostgreSQL " + major, c.setting(), c.bookkeepingVersion());
        }
        return c;
    }

    @Override
    String engine() {
        return "PostgreSQL";
    }

    @Override
    String serverVersion() {
        return String.valueOf(major);
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
    String rowWriteLock() {
        return LockMode.ROW_EXCLUSIVE.sql();
    }

    private Optional<PgRule> rule(String operation) {
        if (operation == null) return Optional.empty();
        PgOperation op;
        try {
            op = PgOperation.valueOf(operation);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return PgRules.forOperation(op, major);
    }

    @Override
    PlanItem strongest(List<PlanItem> items) {
        return ScriptPlanner.strongestPg(items, this);
    }

    @Override
    String lockWait(PlanItem strongest, Long lockTimeoutMillis, List<String> notes) {
        if (strongest == null || !blocking(strongest)) return null;
        if (lockTimeoutMillis != null) return "lock_timeout " + lockTimeoutMillis + " ms";
        if (LockMode.valueOf(strongest.lock().replace(' ', '_')).blocksReads()) {
            notes.add("no lock_timeout: while it waits for " + strongest.lock() + " on " + strongest.table()
                    + ", every later query on the table queues behind it");
        }
        return null;
    }

    @Override
    String recipe(SqlStatement s, Classified c, List<PlanItem> items, boolean lockTimeoutSet) {
        return recipes.recipe(s, c, items, lockTimeoutSet);
    }

    @Override
    PlanItem ddlItem(Operation o, Classified c) {
        Optional<PgRule> r = rule(o.operation());
        if (r.isEmpty()) return unknownItem(o);
        PgRule rule = r.get();
        Estimate e = CostModel.estimate(rule.cost(), o.work(), in.profile());
        boolean destructive = Set.of("DROP_TABLE", "DROP_COLUMN", "DROP_SEQUENCE").contains(o.operation());
        boolean fresh = o.table() != null && statements.createdByScript(o.table());
        boolean reads = !fresh && rule.blocksReads();
        boolean writes = !fresh && rule.blocksWrites();
        Risk risk = Planner.risk(rule.cost() != Cost.NOTHING, reads || writes, rule.runsInTransactionBlock(), e,
                destructive && !fresh, o.work());
        return new PlanItem(null, o.operation(), rule.id(), o.table(), o.other(),
                rule.lock() == null ? null : rule.lock().sql(), rule.otherLock() == null ? null : rule.otherLock().sql(),
                reads, writes, rule.rewritesTable(), rule.rebuildsIndexes(), rule.scansTable(),
                rule.cost() == Cost.INDEX_BUILD, rule.runsInTransactionBlock(), destructive, risk, rule.message(),
                rule.saferRecipe(), null, null, rule.source().url(), e);
    }

    @Override
    PlanItem dataItem(Operation o, Classified c) {
        DataEffect d = o.data();
        Optional<PgRule> r = rule(o.operation());
        // Only literal INSERTs have no row of their own in the rule table: ROW EXCLUSIVE, a handful of rows.
        LockMode lock = r.map(PgRule::lock).orElse(LockMode.ROW_EXCLUSIVE);
        Cost cost = r.map(PgRule::cost).orElse(Cost.NOTHING);
        Work w = o.work();
        long cache = in.stats() == null ? 0 : in.stats().bufferPoolBytes();
        Estimate e = ScriptPlanner.dataEstimate(cost, d, w, in.profile(), io.schemaplan.model.Engine.POSTGRES, cache);
        boolean batched = d.batched() || c.autocommit();
        // Every row written stays locked until COMMIT: writers of those rows wait even under ROW EXCLUSIVE.
        boolean rowLocksAll = !batched && d.rows() == DataEffect.Rows.ALL && !o.operation().equals("TRUNCATE");
        boolean fresh = statements.createdByScript(o.table());
        boolean reads = !fresh && lock.blocksReads();
        boolean writes = !fresh && (lock.blocksWrites() || rowLocksAll);
        boolean destructive = o.operation().equals("TRUNCATE") || o.operation().equals("DELETE_ROWS") && d.rows() == DataEffect.Rows.ALL;
        Risk risk = Planner.risk(d.rows() != DataEffect.Rows.FEW, reads || writes, true, e, destructive && !fresh, w);
        String rows = w.known() ? String.format(java.util.Locale.ROOT, "%,d", w.rows()) + " rows" : "rows unknown";
        String message = switch (d.rows()) {
            case ALL -> d.verb() + " of every row of " + o.table() + " (" + rows + ")";
            case PART -> d.verb() + " of the rows of " + o.table() + " its WHERE matches (at most " + rows + ")";
            case FEW -> d.verb() + " of literal rows into " + o.table();
        } + (d.rows() == DataEffect.Rows.FEW ? "." : batched ? ", in batches." : ", in one statement"
                + (d.verb().equals("DELETE") || d.verb().equals("TRUNCATE") ? "" : ": a new version of each row, its "
                + "index entries and WAL") + "; the rows stay locked until COMMIT.")
                + (d.scansTable() && d.rows() == DataEffect.Rows.PART ? " No index serves the WHERE: it reads the whole table." : "")
                + sharedBuffersNote(cost, d, w, cache);
        String recipe = batched || d.rows() == DataEffect.Rows.FEW ? "" : r.map(PgRule::saferRecipe).orElse("");
        return new PlanItem(null, o.operation(), r.map(PgRule::id).orElse(DATA_RULE), o.table(), o.other(),
                lock.sql(), r.map(PgRule::otherLock).map(LockMode::sql).orElse(null), reads, writes, false, false, d.scansTable(), false, !batched, destructive, risk,
                message, recipe, null, null, r.map(x -> x.source().url()).orElse(""), e);
    }

    /**
     * What misses shared_buffers (CostModel.misses): the scattered indexes written, their bytes before and
     * after, the share of their new entries that find their leaf out of it. An UPDATE's are priced
     * (CostModel.MISS_ENTRY_SHARE); an INSERT … SELECT's counted, not priced (measured only on UPDATE). Nothing
     * when none miss or the statistics do not say the cache's size.
     */
    private static String sharedBuffersNote(Cost cost, DataEffect d, Work w, long cache) {
        if (cost != Cost.ROW_WRITES && cost != Cost.ROW_INSERTS || d.rows() == DataEffect.Rows.FEW || !w.known()) return "";
        CostModel.Misses m = CostModel.misses(w, cache);
        if (m.entries() < 1) return "";
        String indexes = m.indexes() + " scattered index" + (m.indexes() == 1 ? "" : "es") + " ("
                + io.schemaplan.impact.Units.bytes(m.bytesBefore()) + ", " + io.schemaplan.impact.Units.bytes(m.bytesAfter())
                + " once written)";
        String priced = cost == Cost.ROW_WRITES ? "priced at half an index entry each" : "counted, not priced";
        return ScriptPlanner.outgrowsCache(indexes, "shared_buffers", cache, String.format(java.util.Locale.ROOT,
                "%.0f %% of their new entries (%,.0f) miss it, a page evicted and one read each (%s).",
                100 * m.share(), m.entries(), priced));
    }

    static boolean isData(PlanItem i) {
        return DATA_OPERATIONS.contains(i.operation());
    }
}
