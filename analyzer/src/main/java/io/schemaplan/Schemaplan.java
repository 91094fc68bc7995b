package io.schemaplan;

import io.schemaplan.diff.Change;
import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.impact.MyEngine;
import io.schemaplan.impact.Plan;
import io.schemaplan.impact.Planner;
import io.schemaplan.impact.Profile;
import io.schemaplan.model.Engine;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Stats;
import io.schemaplan.read.Loaded;
import io.schemaplan.read.ReadException;
import io.schemaplan.read.Sources;
import io.schemaplan.read.StatsJson;
import io.schemaplan.report.PlanJsonRenderer;
import io.schemaplan.report.PlanMarkdownRenderer;
import io.schemaplan.report.PlanTextRenderer;
import io.schemaplan.report.ScriptPlanJsonRenderer;
import io.schemaplan.report.ScriptPlanMarkdownRenderer;
import io.schemaplan.report.ScriptPlanTextRenderer;
import io.schemaplan.scriptplan.ScriptPlan;
import io.schemaplan.scriptplan.ScriptPlanner;
import io.schemaplan.script.Finding;
import io.schemaplan.script.Replay;
import io.schemaplan.script.Replayed;
import io.schemaplan.script.Script;
import io.schemaplan.script.ScriptReader;
import io.schemaplan.scriptplan.SqlStatement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The library's entry point, which the {@code plan} command calls too: read a schema, then plan an upgrade
 * either as the difference of two schemas (read → diff → plan → render) or as the statements of migration
 * scripts (read → replay each statement on the model → plan → render). Example in docs/script-planning.md:
 *
 * <pre>{@code
 * Loaded prod = Schemaplan.read("postgresql://dba@db/dify");
 * Schemaplan.Options options = Schemaplan.Options.defaults().withStats(Schemaplan.stats("stats.json"), "stats.json");
 * ScriptPlan plan = Schemaplan.planScripts(prod, List.of(Path.of("upgrade.sql")), options);
 * System.out.print(Schemaplan.render(plan, Schemaplan.Format.TEXT));
 * }</pre>
 *
 * Reading fails with {@link ReadException} (one line naming the file, line or object); nothing here writes
 * to a database.
 */
public final class Schemaplan {
    public enum Format { TEXT, MARKDOWN, JSON }

    /**
     * How to plan: table sizes ({@code stats}, null for none, and the label that names them), the server's
     * throughputs, the PostgreSQL major or MySQL/MariaDB profile whose rules apply (null: from the statistics
     * or the source), and how migrations are grouped into transactions.
     */
    public record Options(Stats stats, String statsSource, Profile profile, Integer serverMajor, MyEngine mysqlServer,
                          boolean singleTransaction, ScriptPlanner.Mode scriptMode) {
        public static Options defaults() {
            return new Options(null, null, Profile.DEFAULT, null, null, true, ScriptPlanner.Mode.SCRIPT);
        }

        public Options withStats(Stats s, String source) {
            return new Options(s, source, profile, serverMajor, mysqlServer, singleTransaction, scriptMode);
        }

        public Options withProfile(Profile p) {
            return new Options(stats, statsSource, p, serverMajor, mysqlServer, singleTransaction, scriptMode);
        }

        public Options withServer(Integer pgMajor, MyEngine mysql) {
            return new Options(stats, statsSource, profile, pgMajor, mysql, singleTransaction, scriptMode);
        }

        /** {@code single}: all migrations of a diff plan in one transaction; {@code mode}: a script's grouping. */
        public Options withTransactions(boolean single, ScriptPlanner.Mode mode) {
            return new Options(stats, statsSource, profile, serverMajor, mysqlServer, single, mode);
        }
    }

    private Schemaplan() {
    }

    /** A pg_dump / mysqldump file, a snapshot, a database URL or a release such as {@code dify:1.12.1}. */
    public static Loaded read(String spec) {
        return Sources.load(spec, Set.of());
    }

    /** A schemaplan-stats/1 file or a database URL. */
    public static Stats stats(String spec) {
        return Sources.kindOf(spec) == Sources.Kind.FILE ? StatsJson.read(spec) : Sources.stats(spec);
    }

    /** The plan of upgrading {@code from} to {@code to}, from the difference of the two schemas. */
    public static Plan plan(Loaded from, Loaded to, Options o) {
        return plan(from, to, SchemaDiff.diff(from.schema(), to.schema()), o);
    }

    /**
     * The same from the difference already computed ({@link SchemaDiff#diff}): the plan's items then hold these
     * very Change objects, which a report of the changes beside the plan looks up ({@code PlanHtmlRenderer}).
     */
    public static Plan plan(Loaded from, Loaded to, List<Change> changes, Options o) {
        return Planner.plan(new Planner.Input(from.label(), to.label(), from.schema(), to.schema(), changes, o.stats(),
                o.statsSource(), o.profile(), o.serverMajor(), o.singleTransaction(), o.mysqlServer()));
    }

    /** Migration script files read in the dialect of {@code target}'s engine. */
    public static List<Script> readScripts(List<Path> files, Schema target) {
        List<Script> out = new ArrayList<>();
        for (Path f : files) out.add(ScriptReader.readFor(f, target.engine()));
        return out;
    }

    /** The statement-by-statement plan of the scripts run on {@code from}, in order. */
    public static ScriptPlan planScripts(Loaded from, List<Path> files, Options o) {
        List<Script> scripts = readScripts(files, from.schema());
        String label = String.join(", ", scripts.stream().map(Script::file).toList());
        return planScript(from, scripts, label, o);
    }

    /** The statement-by-statement plan of scripts already read (from a release catalog, say). */
    public static ScriptPlan planScript(Loaded from, List<Script> scripts, String label, Options o) {
        return planScript(from, scripts, label, null, o);
    }

    /**
     * As {@link #planScript(Loaded, List, String, Options)}, and, when {@code to} is not null, the schema the
     * replayed scripts end with compared with it: the plan's {@code replay} findings say what no statement makes and
     * what a statement makes that {@code to} lacks.
     */
    public static ScriptPlan planScript(Loaded from, List<Script> scripts, String label, Loaded to, Options o) {
        List<String> warnings = scripts.stream().flatMap(s -> s.warnings().stream()).toList();
        Replayed replayed = Replay.run(from.schema(), scripts);
        if (to != null) {
            List<Finding> all = new ArrayList<>(replayed.findings());
            all.addAll(Replay.compare(replayed, to.schema()));
            replayed = new Replayed(replayed.steps(), replayed.end(), all);
        }
        return ScriptPlanner.plan(new ScriptPlanner.Input(from.label(), label, from.schema(), SqlStatement.of(scripts),
                o.stats(), o.statsSource(), o.profile(), o.serverMajor(), o.mysqlServer(), o.scriptMode(), warnings,
                replayed, to == null ? null : to.label()));
    }

    public static String render(Plan plan, Format format) {
        return switch (format) {
            case TEXT -> new PlanTextRenderer(false).render(plan);
            case MARKDOWN -> PlanMarkdownRenderer.render(plan);
            case JSON -> PlanJsonRenderer.render(plan);
        };
    }

    public static String render(ScriptPlan plan, Format format) {
        return switch (format) {
            case TEXT -> ScriptPlanTextRenderer.render(plan);
            case MARKDOWN -> ScriptPlanMarkdownRenderer.render(plan);
            case JSON -> ScriptPlanJsonRenderer.render(plan);
        };
    }
}
