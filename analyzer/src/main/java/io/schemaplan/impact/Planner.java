package io.schemaplan.impact;

import io.schemaplan.diff.Change;
import io.schemaplan.impact.PgImpacts.Step;
import io.schemaplan.model.QName;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Stats;
import io.schemaplan.model.TableStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the PostgreSQL {@link Plan} of an upgrade: each change becomes its operations
 * ({@link PgImpacts}), each operation gets the rule for the server's major version ({@link PgRules}) and
 * an estimate ({@link CostModel}), and the operations are ranked and grouped per table. Pure.
 */
public final class Planner {
    /** Blocking work expected to last at least this long is {@link Risk#CRITICAL}. */
    public static final double CRITICAL_SECONDS = 60;
    /** Blocking work on a table known to take less than this is only {@link Risk#LOW}. */
    static final double NEGLIGIBLE_SECONDS = 1;
    /** A rewritten or scanned table at least this big gets the advice to prune it first. */
    static final long PRUNE_ADVICE_BYTES = 10L << 30;
    /** Riskiest first; within a risk, the longest first. */
    static final Comparator<PlanItem> RANKING = Comparator.comparing(PlanItem::risk)
            .thenComparing(i -> -i.estimate().highSeconds());

    /** The major version assumed when neither the statistics, the source nor the user says. */
    public static final int ASSUMED_MAJOR = 16;

    private static final Set<PgOperation> DESTRUCTIVE = EnumSet.of(PgOperation.DROP_TABLE,
            PgOperation.DROP_COLUMN, PgOperation.DROP_SEQUENCE);

    /**
     * What the plan is made from; {@code stats}, {@code statsSource}, {@code serverMajor} (PostgreSQL) and
     * {@code mysqlServer} (MySQL/MariaDB: the profile the user named) may be null.
     */
    public record Input(String fromLabel, String toLabel, Schema from, Schema to, List<Change> changes,
                        Stats stats, String statsSource, Profile profile, Integer serverMajor,
                        boolean singleTransaction, MyEngine mysqlServer) {

        /** Without a MySQL/MariaDB profile named by the user. */
        public Input(String fromLabel, String toLabel, Schema from, Schema to, List<Change> changes, Stats stats,
                     String statsSource, Profile profile, Integer serverMajor, boolean singleTransaction) {
            this(fromLabel, toLabel, from, to, changes, stats, statsSource, profile, serverMajor, singleTransaction,
                    null);
        }
    }

    private Planner() {
    }

    public static Plan plan(Input in) {
        if (in.from().engine() != in.to().engine()
                && !(in.from().engine().isMysqlFamily() && in.to().engine().isMysqlFamily())) {
            throw new IllegalArgumentException("cannot plan an upgrade from " + in.from().engine() + " to "
                    + in.to().engine() + ": compare them with diff instead");
        }
        if (in.from().engine().isMysqlFamily()) return MyPlanner.plan(in);
        List<String> assumptions = new ArrayList<>();
        int major = serverMajor(in, assumptions);
        PgImpacts impacts = new PgImpacts(in.from(), in.to(), in.stats());
        PgRecipes recipes = new PgRecipes(in.from(), in.to());
        List<PlanItem> items = new ArrayList<>();
        for (Change change : in.changes()) {
            for (Step step : impacts.steps(change)) {
                PgRules.forOperation(step.operation(), major)
                        .ifPresent(rule -> items.add(item(change, step, rule, in,
                                recipes.recipe(change, step.operation().name()).orElse(null), major)));
            }
        }
        Estimate total = items.stream().map(PlanItem::estimate).reduce(Estimate.NONE, Estimate::plus);
        if (!in.singleTransaction()) {
            // Each migration commits on its own: old files go at each commit, so the peak is the largest one.
            long peak = items.stream().mapToLong(i -> i.estimate().extraDiskBytes()).max().orElse(0);
            total = new Estimate(total.lowSeconds(), total.expectedSeconds(), total.highSeconds(), peak,
                    total.walBytes(), total.known());
        }
        items.sort(RANKING);
        List<TableWindow> windows = windows(items, total, in);
        assumptions(in, items, assumptions);
        return new Plan(in.fromLabel(), in.toLabel(), "PostgreSQL", String.valueOf(major), in.profile().name(),
                in.statsSource(), in.singleTransaction(), items, windows, total, assumptions);
    }

    public static int serverMajor(Input in, List<String> assumptions) {
        if (in.serverMajor() != null) {
            assumptions.add("Rules for PostgreSQL " + in.serverMajor() + " (--server-version).");
            return in.serverMajor();
        }
        Integer fromStats = in.stats() == null ? null : major(in.stats().serverVersion());
        if (fromStats != null) {
            assumptions.add("Rules for PostgreSQL " + fromStats + ", the server the statistics come from.");
            return supported(fromStats, assumptions);
        }
        Integer fromSource = major(in.from().serverVersion());
        if (fromSource != null) {
            assumptions.add("Rules for PostgreSQL " + fromSource + ", the server FROM was read from "
                    + "(pass --server-version if production runs another).");
            return supported(fromSource, assumptions);
        }
        assumptions.add("Rules for PostgreSQL " + ASSUMED_MAJOR + " (assumed: pass --server-version).");
        return ASSUMED_MAJOR;
    }

    /** A version older than the rule table's oldest gets the oldest rules, and the plan says so. */
    private static int supported(int major, List<String> assumptions) {
        if (major >= PgRules.OLDEST) return major;
        assumptions.add("PostgreSQL " + major + " is older than the oldest version with rules: the rules of "
                + PgRules.OLDEST + " are used, which understate its locks (e.g. ADD COLUMN with a default rewrites "
                + "before 11).");
        return PgRules.OLDEST;
    }

    /** The major version of a version string ("15.18", "9.6.24" gives 9, "16beta1" 16), or null. */
    static Integer major(String version) {
        if (version == null) return null;
        String digits = version.replaceAll("^(\\d+).*$", "$1");
        return digits.matches("\\d{1,9}") ? Integer.valueOf(digits) : null;
    }

    private static PlanItem item(Change change, Step step, PgRule rule, Input in, PgRecipes.Recipe recipe,
                                 int major) {
        Estimate estimate = CostModel.estimate(rule.cost(), step.work(), in.profile());
        boolean destructive = DESTRUCTIVE.contains(step.operation());
        Risk risk = risk(rule.cost() != Cost.NOTHING, rule.blocksReads() || rule.blocksWrites(),
                rule.runsInTransactionBlock(), estimate, destructive, step.work());
        return new PlanItem(change, step.operation().name(), rule.id(), step.table(), step.other(),
                rule.lock() == null ? null : rule.lock().sql(),
                rule.otherLock() == null ? null : rule.otherLock().sql(),
                rule.blocksReads(), rule.blocksWrites(), rule.rewritesTable(), rule.rebuildsIndexes(),
                rule.scansTable(), rule.cost() == Cost.INDEX_BUILD, rule.runsInTransactionBlock(), destructive, risk,
                rule.message(),
                recipe(rule, step), recipe == null ? null : recipe.sql(),
                recipe == null ? null : recipe.saferWay(major).orElse(null), rule.source().url(), estimate);
    }

    public static Risk risk(boolean sized, boolean blocks, boolean runsInTransaction, Estimate e, boolean destructive,
                     Work w) {
        boolean negligible = e.known() && e.highSeconds() < NEGLIGIBLE_SECONDS;
        if (blocks && sized && !negligible) {
            return e.known() && e.expectedSeconds() >= CRITICAL_SECONDS ? Risk.CRITICAL : Risk.HIGH;
        }
        if (destructive) {
            return w.known() && w.rows() == 0 && w.tableBytes() == 0 ? Risk.MEDIUM : Risk.HIGH;
        }
        if ((sized && !negligible) || !runsInTransaction) {
            return Risk.MEDIUM;
        }
        return blocks ? Risk.LOW : Risk.NONE;
    }

    private static String recipe(PgRule rule, Step step) {
        return withPruneAdvice(rule.saferRecipe(), rule.rewritesTable() || rule.scansTable(), step.work());
    }

    static String withPruneAdvice(String recipe, boolean readsAllRows, Work w) {
        if (readsAllRows && w.known() && w.tableBytes() >= PRUNE_ADVICE_BYTES) {
            String prune = "The table holds " + Units.bytes(w.tableBytes()) + ": if old rows can go (run "
                    + "logs, history), delete or archive them and VACUUM before the upgrade; the duration "
                    + "scales with the table's size.";
            recipe = recipe.isEmpty() ? prune : recipe + " " + prune;
        }
        return recipe;
    }

    /** The lock an item holds on a table, ranked by what it blocks (reads and writes, writes, nothing). */
    private record Hold(String lock, boolean reads, boolean writes) {
        int rank() {
            return reads ? 2 : writes ? 1 : 0;
        }
    }

    static List<TableWindow> windows(List<PlanItem> items, Estimate total, Input in) {
        Map<QName, List<PlanItem>> byTable = new LinkedHashMap<>();
        Map<QName, Hold> holds = new LinkedHashMap<>();
        java.util.function.BinaryOperator<Hold> stronger = (a, b) -> b.rank() > a.rank() ? b : a;
        for (PlanItem i : items) {
            if (i.table() != null && i.lock() != null) {
                byTable.computeIfAbsent(i.table(), k -> new ArrayList<>()).add(i);
                holds.merge(i.table(), new Hold(i.lock(), i.blocksReads(), i.blocksWrites()), stronger);
            }
            if (i.other() != null && i.otherLock() != null) {
                // Only PostgreSQL names a second table's lock (foreign keys, partitions, views).
                LockMode m = LockMode.valueOf(i.otherLock().replace(' ', '_'));
                byTable.computeIfAbsent(i.other(), k -> new ArrayList<>());
                holds.merge(i.other(), new Hold(m.sql(), m.blocksReads(), m.blocksWrites()), stronger);
            }
        }
        List<TableWindow> out = new ArrayList<>();
        for (Map.Entry<QName, List<PlanItem>> e : byTable.entrySet()) {
            Hold hold = holds.get(e.getKey());
            if (hold.rank() == 0) continue;
            Estimate work = e.getValue().stream().map(PlanItem::estimate).reduce(Estimate.NONE, Estimate::plus);
            Estimate held = in.singleTransaction()
                    ? new Estimate(work.lowSeconds(), total.expectedSeconds(), total.highSeconds(), 0, 0,
                    total.known())
                    : work;
            Risk risk = e.getValue().stream().map(PlanItem::risk).min(Comparator.naturalOrder()).orElse(Risk.LOW);
            TableStats stats = in.stats() == null ? null : in.stats().table(e.getKey()).orElse(null);
            out.add(new TableWindow(e.getKey(), hold.lock(), hold.reads(), hold.writes(), risk, work, held, stats));
        }
        out.sort(Comparator.comparing(TableWindow::risk).thenComparing(w -> -w.work().highSeconds())
                .thenComparing(TableWindow::table));
        return out;
    }

    static void assumptions(Input in, List<PlanItem> items, List<String> out) {
        Profile p = in.profile();
        boolean mysql = in.from().engine().isMysqlFamily();
        out.add("Durations from the '" + p.name() + "' profile" + (p.measuredOn() == null ? "" : " (measured on "
                + p.measuredOn() + ")") + "; each range is the expected time ÷/× " + p.spread() + (mysql
                ? ". `schemaplan calibrate` measures PostgreSQL servers only: on MySQL/MariaDB time a copy of the "
                + "largest table's ALTER on a replica or a restored backup to check the range."
                : ". Measure the target server with `schemaplan calibrate` for a narrower range."));
        if (in.stats() == null) {
            out.add("No statistics: durations of work on existing tables are unknown. Pass --stats FILE|URL.");
        } else {
            out.add("Sizes from " + (in.statsSource() == null ? "the statistics" : in.statsSource()) + (mysql
                    ? " (information_schema.TABLES: DATA_LENGTH, INDEX_LENGTH and TABLE_ROWS, InnoDB's estimate)."
                    : " (relpages × block size and reltuples, as of each table's last VACUUM or ANALYZE)."));
        }
        if (mysql) {
            out.add("MySQL and MariaDB commit every DDL statement on its own: a lock lasts for its statement, and a "
                    + "migration that fails half-way leaves the schema half-changed. On a replica each ALTER runs "
                    + "again for as long, so replication lags by its duration.");
        } else out.add(in.singleTransaction()
                ? "All migrations run in one transaction (Alembic's default, and Dify's): every lock is held "
                + "until the last migration commits. Use --transaction each if your tool commits per migration."
                : "Each migration commits on its own (--transaction each): a lock is held for its own work.");
        if (!mysql && items.stream().anyMatch(i -> i.operation().startsWith("ALTER_TYPE"))) {
            out.add(in.stats() != null && !in.stats().binaryCasts().isEmpty()
                    ? "Type changes: binary-coercible casts from the server's own pg_cast (" + in.stats().binaryCasts().size()
                    + " casts, its extensions included)."
                    : "Type changes: binary-coercible casts of a stock PostgreSQL with common extensions (citext, "
                    + "hstore, ltree, …); give the server's URL (FROM or --stats) to use its own pg_cast.");
        }
        out.add("New indexes are built the way Alembic's op.create_index builds them (" + (mysql
                ? "a plain CREATE INDEX" : "a plain CREATE INDEX inside the migration's transaction")
                + "); their size is estimated from rows × key width.");
        Set<String> unknown = new TreeSet<>();
        Set<String> neverAnalyzed = new TreeSet<>();
        for (PlanItem i : items) {
            if (!i.estimate().known() && i.table() != null) unknown.add(i.table().toString());
            if (in.stats() != null && i.table() != null) {
                Optional<TableStats> s = in.stats().table(i.table());
                if (s.isPresent() && !s.get().rowsKnown()) neverAnalyzed.add(i.table().toString());
            }
        }
        if (in.stats() != null && !unknown.isEmpty()) {
            out.add("No statistics for " + String.join(", ", unknown) + ": their durations are unknown.");
        }
        if (!neverAnalyzed.isEmpty()) {
            out.add("Never analyzed (row count unknown, sizes may be stale): " + String.join(", ", neverAnalyzed)
                    + ". Run ANALYZE on them before planning.");
        }
        boolean timestampChange = in.changes().stream().anyMatch(c -> c instanceof Change.ColumnTypeChanged t
                && t.from().type().name().startsWith("timestamp") && t.to().type().name().startsWith("timestamp"));
        if (timestampChange) {
            out.add("timestamp ↔ timestamptz changes are counted as rewrites: PostgreSQL ≥ 12 skips the rewrite "
                    + "only when the migration's session TimeZone is UTC.");
        }
    }
}
