package io.schemaplan.scriptplan;

import io.schemaplan.impact.Cost;
import io.schemaplan.impact.CostModel;
import io.schemaplan.impact.Estimate;
import io.schemaplan.impact.LockMode;
import io.schemaplan.impact.MyEngine;
import io.schemaplan.impact.Planner;
import io.schemaplan.impact.PlanItem;
import io.schemaplan.impact.Profile;
import io.schemaplan.impact.Risk;
import io.schemaplan.impact.Work;
import io.schemaplan.model.QName;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Stats;
import io.schemaplan.script.Replay;
import io.schemaplan.script.Replayed;
import io.schemaplan.scriptplan.ScriptPlan.StatementPlan;
import io.schemaplan.scriptplan.ScriptPlan.Transaction;
import io.schemaplan.scriptplan.ScriptPlan.Window;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Plans a migration script statement by statement on the model of FROM and its statistics: each
 * statement's operations get the rule of the target server and an estimate from the cost model (as
 * {@link Planner} does for a schema diff), then the statements are cut into transactions and each
 * transaction's blocking windows are derived. Pure.
 */
public final class ScriptPlanner {
    /** How the runner groups the statements the script leaves outside BEGIN … COMMIT. */
    public enum Mode {
        /** As the script says: outside BEGIN … COMMIT each statement commits on its own (psql's autocommit). */
        SCRIPT,
        /** One transaction around everything the script leaves outside BEGIN … COMMIT. */
        SINGLE,
        /** One transaction per migration revision (per file when the script names none). */
        EACH
    }

    /**
     * What a script plan is made from; {@code stats}, {@code statsSource}, {@code serverMajor} and
     * {@code mysqlServer} may be null. {@code warnings} are the script reader's (a migration tool's note that
     * the offline script differs from what it runs online): they lead the plan's findings. {@code replayed}, the
     * script(s) replayed on {@code from} ({@link Replay#run(Schema, List)}; null: none), gives the model before each
     * statement, which type, index and constraint look-ups read, and its findings; {@code toLabel} names the schema
     * those findings compared the replay's end with (null: none).
     */
    public record Input(String fromLabel, String scriptLabel, Schema from, List<SqlStatement> statements, Stats stats,
                        String statsSource, Profile profile, Integer serverMajor, MyEngine mysqlServer, Mode mode,
                        List<String> warnings, Replayed replayed, String toLabel) {
        public Input(String fromLabel, String scriptLabel, Schema from, List<SqlStatement> statements, Stats stats,
                     String statsSource, Profile profile, Integer serverMajor, MyEngine mysqlServer, Mode mode,
                     List<String> warnings) {
            this(fromLabel, scriptLabel, from, statements, stats, statsSource, profile, serverMajor, mysqlServer, mode,
                    warnings, null, null);
        }

        public Input {
            if (replayed != null && replayed.steps().size() != statements.size()) {
                throw new IllegalArgumentException("the replay has " + replayed.steps().size() + " steps for "
                        + statements.size() + " statements");
            }
            Objects.requireNonNull(from, "from");
            statements = List.copyOf(statements);
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
            profile = profile == null ? Profile.DEFAULT : profile;
            mode = mode == null ? Mode.SCRIPT : mode;
        }
    }

    private ScriptPlanner() {
    }

    public static ScriptPlan plan(Input in) {
        boolean mysql = in.from().engine().isMysqlFamily();
        List<String> assumptions = new ArrayList<>();
        StatementRules rules = mysql ? MyStatementRules.of(in, assumptions) : PgStatementRules.of(in, assumptions);
        List<StatementPlan> plans = new ArrayList<>();
        Long lockTimeout = null;
        boolean lockTimeoutLocal = false;
        List<Classified> classified = new ArrayList<>();
        for (int k = 0; k < in.statements().size(); k++) {
            SqlStatement s = in.statements().get(k);
            if (in.replayed() != null) rules.at(in.replayed().steps().get(k).before());
            Classified c = rules.classify(s.sql());
            classified.add(c);
            if (c.setting() != null && c.setting().name().equals("lock_timeout")) {
                lockTimeout = c.setting().millis() == 0 ? null : c.setting().millis();
                lockTimeoutLocal = c.setting().local();
            }
            plans.add(rules.plan(s, c, lockTimeout));
            if (lockTimeoutLocal && (c.kind() == StatementKind.COMMIT || c.kind() == StatementKind.ROLLBACK)) {
                lockTimeout = null;
                lockTimeoutLocal = false;
            }
        }
        List<String> findings = new ArrayList<>(in.warnings());
        List<Transaction> transactions = Transactions.cut(plans, classified, in.mode(), mysql, rules, findings);
        plans = Transactions.numbered(plans, transactions);
        if (!mysql) lockOutsideTransaction(plans, transactions, findings);
        skippedDataMigrations(in.warnings(), plans, findings);
        Estimate total = plans.stream().map(StatementPlan::estimate).reduce(Estimate.NONE, Estimate::plus);
        assumptions(in, plans, assumptions, mysql);
        long unknown = plans.stream().filter(p -> p.kind() == StatementKind.UNKNOWN
                || p.items().stream().anyMatch(i -> i.ruleId().equals(StatementRules.UNKNOWN_RULE))).count();
        if (unknown > 0) {
            findings.add(unknown + " statement" + (unknown == 1 ? "" : "s") + " the planner does not know (marked "
                    + "UNKNOWN): check what they lock and write by hand.");
        }
        return new ScriptPlan(in.fromLabel(), in.scriptLabel(), rules.engine(), rules.serverVersion(),
                in.profile().name(), in.statsSource(), in.mode().name().toLowerCase(java.util.Locale.ROOT), plans,
                transactions, total, findings, assumptions, in.toLabel(),
                in.replayed() == null ? List.of() : in.replayed().findings(),
                ScriptTimeline.of(plans, transactions, rules::createdByScript));
    }

    /**
     * PostgreSQL refuses LOCK TABLE outside a transaction block (SQLSTATE 25P01, PgPrivilegesTraceTest): a LOCK that
     * commits on its own makes the script fail there.
     */
    static void lockOutsideTransaction(List<StatementPlan> plans, List<Transaction> transactions, List<String> findings) {
        for (StatementPlan p : plans) {
            boolean lock = p.items().stream().anyMatch(i -> i.operation().startsWith("LOCK_TABLE_"));
            if (lock && transactions.stream().anyMatch(t -> t.number() == p.transaction()
                    && t.kind() == Transaction.Kind.AUTOCOMMIT)) {
                findings.add("Statement " + p.statement().number() + " (" + p.firstLine() + ") runs outside a "
                        + "transaction block: PostgreSQL refuses LOCK TABLE there, and the script fails at it.");
            }
        }
    }

    private static final java.util.regex.Pattern SKIPPED = java.util.regex.Pattern.compile(
            "revision (\\S+): .*(?i:data migration skipped)");

    /**
     * A revision whose data migration the offline script skips (Alembic's note) but whose DROP COLUMN it still
     * runs: the data that migration would have copied is lost (Dify e8446f481c1e, 0e154742a5fa).
     */
    static void skippedDataMigrations(List<String> warnings, List<StatementPlan> plans, List<String> findings) {
        for (String w : warnings) {
            java.util.regex.Matcher m = SKIPPED.matcher(w);
            if (!m.find()) continue;
            String revision = m.group(1);
            for (StatementPlan p : plans) {
                if (!revision.equals(p.statement().revision())) continue;
                for (PlanItem i : p.items()) {
                    if (!i.operation().equals("DROP_COLUMN") && !i.operation().equals("DROP_INDEXED_COLUMN")
                            && !i.operation().equals("DROP_TABLE")) continue;
                    findings.add("Statement " + p.statement().number() + " (" + p.firstLine() + ") drops data in "
                            + "revision " + revision + ", whose data migration this offline script skips: run as it "
                            + "is, the data that migration copies is lost. Run the migration online, or the skipped "
                            + "data migration by hand before this statement.");
                }
            }
        }
    }

    private static void assumptions(Input in, List<StatementPlan> plans, List<String> out, boolean mysql) {
        Profile p = in.profile();
        out.add("Durations from the '" + p.name() + "' profile; each range is the expected time ÷/× " + p.spread()
                + (mysql ? ". Data statements are priced by the InnoDB model (redo, pages, index entries; "
                + "docs/data-statements.md), ÷/× 2 at least: `schemaplan calibrate` measures PostgreSQL servers only."
                : ". Measure the target server with `schemaplan calibrate` for a narrower range."));
        out.add(in.stats() == null ? "No statistics: durations of work on existing tables are unknown. Pass --stats FILE|URL."
                : "Sizes from " + (in.statsSource() == null ? "the statistics" : in.statsSource()) + ".");
        out.add("Rows a WHERE matches are not known before the run: such a statement is priced as if it wrote every "
                + "row (an upper bound), unless the WHERE is `c IS NULL` on a column the script itself just added.");
        out.add(switch (in.mode()) {
            case SCRIPT -> "Transactions as the script's own BEGIN/COMMIT say (--transaction script); outside them "
                    + "each statement commits on its own.";
            case SINGLE -> "Statements outside the script's BEGIN/COMMIT run in one transaction (--transaction single).";
            case EACH -> "Statements outside the script's BEGIN/COMMIT run in one transaction per migration "
                    + "(--transaction each).";
        });
        if (mysql) {
            out.add("MySQL and MariaDB commit every DDL statement on its own: each is its own window, and a script "
                    + "that fails half-way leaves the schema half-changed.");
        }
    }

    /** The schema planner's input for the same source, to share its choice of server version. */
    static Planner.Input plannerInput(Input in) {
        return new Planner.Input(in.fromLabel(), in.scriptLabel(), in.from(), in.from(), List.of(), in.stats(),
                in.statsSource(), in.profile(), in.serverMajor(), true, in.mysqlServer());
    }

    /** The engine-specific half of the planner: classify a statement and price its operations. */
    abstract static class StatementRules {
        static final String UNKNOWN_RULE = "SCRIPT-UNKNOWN";

        abstract Classified classify(String sql);

        /** The strongest lock of the items on tables the script did not create, or null. */
        abstract PlanItem strongest(List<PlanItem> items);

        /** How long the statement may wait for its lock (null: unbounded), with a note when that matters. */
        String lockWait(PlanItem strongest, Long lockTimeoutMillis, List<String> notes) {
            return null;
        }

        /** A safer way as SQL, or null. */
        String recipe(SqlStatement s, Classified c, List<PlanItem> items, boolean lockTimeoutSet) {
            return null;
        }

        StatementPlan plan(SqlStatement s, Classified c, Long lockTimeoutMillis) {
            Priced p = price(c);
            PlanItem strongest = strongest(p.items());
            List<String> notes = new ArrayList<>(p.notes());
            String wait = lockWait(strongest, lockTimeoutMillis, notes);
            return new StatementPlan(s, c.kind(), p.items(), p.data(), p.rows(), 0,
                    strongest == null ? null : strongest.lock(), strongest == null ? null : strongest.table(),
                    p.estimate(), statementRisk(p.items()), wait, notes,
                    recipe(s, c, p.items(), lockTimeoutMillis != null));
        }

        /** An operation the rule table has no row for: shown, never dropped. */
        static PlanItem unknownItem(Operation o) {
            return new PlanItem(null, o.operation() == null ? "UNKNOWN" : o.operation(), UNKNOWN_RULE, o.table(),
                    o.other(), null, null, false, false, false, false, false, false, true, false, Risk.MEDIUM,
                    "A clause the planner does not know: check what it locks by hand.", "", null, "",
                    Estimate.UNKNOWN);
        }

        abstract String engine();

        /** The model just before the next statement (a replay step). */
        abstract void at(Schema before);

        abstract String serverVersion();

        abstract boolean createdByScript(QName table);

        /** The lock a data statement takes on its table, in the engine's words. */
        abstract String rowWriteLock();

        abstract PlanItem dataItem(Operation o, Classified c);

        abstract PlanItem ddlItem(Operation o, Classified c);

        /** A statement's operations priced: its items, what its data operation writes, its notes. */
        record Priced(List<PlanItem> items, DataEffect data, long rows, Estimate estimate, List<String> notes) {
        }

        Priced price(Classified c) {
            List<PlanItem> items = new ArrayList<>();
            DataEffect data = null;
            long rows = -1;
            for (Operation o : c.operations()) {
                if (o.data() != null) {
                    data = o.data();
                    rows = o.data().rows() == DataEffect.Rows.FEW ? 1 : o.work().known() ? o.work().rows() : -1;
                    items.add(dataItem(o, c));
                } else {
                    items.add(ddlItem(o, c));
                }
            }
            List<String> notes = new ArrayList<>();
            if (c.note() != null) notes.add(c.note());
            if (data != null) notes.add(data.why());
            if (c.bookkeepingVersion() != null) notes.add(ScriptPlan.VERSION_NOTE + c.bookkeepingVersion());
            Estimate estimate = items.stream().map(PlanItem::estimate).reduce(Estimate.NONE, Estimate::plus);
            return new Priced(items, data, rows, estimate, notes);
        }

        /** Whether a statement's lock makes others wait on a table it did not create. */
        static boolean blocking(PlanItem i) {
            return i.blocksReads() || i.blocksWrites();
        }
    }

    // ---- shared pieces of the two engines ----

    /**
     * The estimate of a data statement: every row written for ALL (and, as an upper bound, for PART); a
     * handful of rows costs nothing measurable. Unknown without statistics for the table.
     */
    static Estimate dataEstimate(Cost writes, DataEffect d, Work w, Profile p, io.schemaplan.model.Engine engine,
                                 long bufferPoolBytes) {
        if (d.rows() == DataEffect.Rows.FEW) return Estimate.NONE;
        if (!w.known()) return Estimate.UNKNOWN;
        Estimate e = CostModel.estimate(writes, w, p, engine, bufferPoolBytes);
        if (d.rows() == DataEffect.Rows.PART && d.scansTable()) {
            Estimate scan = CostModel.estimate(Cost.TABLE_BYTES, w, p);
            return new Estimate(scan.lowSeconds(), e.expectedSeconds(), e.highSeconds(), e.extraDiskBytes(),
                    e.walBytes(), true);
        }
        if (d.rows() == DataEffect.Rows.PART) {
            return new Estimate(0, e.expectedSeconds(), e.highSeconds(), e.extraDiskBytes(), e.walBytes(), true);
        }
        return e;
    }

    /**
     * The sentence a data item adds when the indexes it writes outgrow the server's buffer cache: which
     * indexes, the cache and its size, and how the entries that miss it are priced (both engines, one wording).
     */
    static String outgrowsCache(String indexes, String cache, long cacheBytes, String priced) {
        return " Its " + indexes + " outgrow " + cache + " (" + io.schemaplan.impact.Units.bytes(cacheBytes) + "): "
                + priced;
    }

    static Risk statementRisk(List<PlanItem> items) {
        return items.stream().map(PlanItem::risk).min(Comparator.naturalOrder()).orElse(Risk.NONE);
    }

    /** The strongest PostgreSQL lock of the items on tables the script did not create, or null. */
    static PlanItem strongestPg(List<PlanItem> items, StatementRules rules) {
        PlanItem best = null;
        for (PlanItem i : items) {
            if (i.lock() == null || i.table() == null || rules.createdByScript(i.table())) continue;
            if (best == null || LockMode.valueOf(i.lock().replace(' ', '_')).ordinal()
                    > LockMode.valueOf(best.lock().replace(' ', '_')).ordinal()) best = i;
        }
        return best;
    }

    static Set<String> revisions(List<StatementPlan> plans) {
        Set<String> out = new LinkedHashSet<>();
        plans.forEach(p -> {
            if (p.statement().revision() != null) out.add(p.statement().revision());
        });
        return out;
    }
}
