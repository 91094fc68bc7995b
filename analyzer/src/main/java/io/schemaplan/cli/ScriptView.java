package io.schemaplan.cli;

import io.schemaplan.Schemaplan;
import io.schemaplan.dify.DifyRelease;
import io.schemaplan.dify.DifySourceProvider;
import io.schemaplan.dify.ReleaseCatalog;
import io.schemaplan.impact.Plan;
import io.schemaplan.read.AlembicVersionReader;
import io.schemaplan.read.Sources;
import io.schemaplan.report.PlanMarkdownRenderer;
import io.schemaplan.report.PlanTextRenderer;
import io.schemaplan.script.Script;
import java.util.List;
import io.schemaplan.impact.Risk;
import io.schemaplan.model.Stats;
import io.schemaplan.read.Loaded;
import io.schemaplan.read.ReadException;
import io.schemaplan.report.ScriptPlanHtmlRenderer;
import io.schemaplan.report.ScriptPlanJsonRenderer;
import io.schemaplan.report.ScriptPlanMarkdownRenderer;
import io.schemaplan.report.ScriptPlanTextRenderer;
import io.schemaplan.scriptplan.ScriptPlan;

/** {@code plan FROM --script FILE…}: the statement view, through the {@link Schemaplan} facade. */
final class ScriptView {
    private ScriptView() {
    }

    /**
     * With a TO ({@code plan FROM --script FILE… TO}) the scripts replayed on FROM are compared with TO: the plan
     * then says what TO has that no statement makes, and what a statement makes that TO lacks.
     */
    static int run(PlanCommand c) {
        if (c.to != null && c.toOption != null) {
            throw new Main.UserException("name the target once: plan FROM --script FILE TO, or plan FROM --script FILE --to TO");
        }
        String target = c.to != null ? c.to : c.toOption;
        List<java.nio.file.Path> files = c.scripts;
        if (target == null && files.size() > 1 && !isFile(files.get(files.size() - 1).toString())) {
            // --script takes every word after it: a last one that cannot be a script file (dify:B, a URL) is TO
            target = files.get(files.size() - 1).toString();
            files = files.subList(0, files.size() - 1);
        }
        Loaded from;
        Loaded to = null;
        if (target == null) {
            from = c.sources.load(c.from);
        } else {
            List<Loaded> sides = c.sources.load(c.from, target);
            from = sides.get(0);
            to = sides.get(1);
            PlanOptions.requireOneEngine(from, to);
        }
        Stats stats = c.options.readStats(c.from);
        List<Script> scripts = Schemaplan.readScripts(files, from.schema());
        String label = String.join(", ", scripts.stream().map(Script::file).toList());
        ScriptPlan plan = Schemaplan.planScript(from, scripts, label, to, c.options.facade(stats, c.from, from.schema()));
        write(c, plan);
        Output.warnings(from);
        if (to != null) Output.warnings(to);
        boolean risky = plan.count(Risk.CRITICAL) + plan.count(Risk.HIGH) > 0;
        return c.exitCode && risky ? ExitCodes.FOUND : ExitCodes.OK;
    }

    /**
     * {@code plan dify:A dify:B}, and {@code plan URL --to dify:B} with A from the database's alembic_version:
     * the statements Dify's migrations run between the releases, with the schema-diff view beside them. Null
     * when the catalog has no scripts for the way (the caller then shows the schema-diff view alone).
     */
    static Integer difyRelease(PlanCommand c, String target, Loaded a, Loaded b, Stats stats, Plan diff) {
        if (!target.startsWith(DifySourceProvider.PREFIX)) return null;
        ReleaseCatalog catalog = ReleaseCatalog.bundled();
        DifyRelease to = catalog.find(target);
        DifyRelease from;
        if (c.from.startsWith(DifySourceProvider.PREFIX)) {
            from = catalog.find(c.from);
        } else if (Sources.kindOf(c.from) == Sources.Kind.POSTGRES_URL || Sources.kindOf(c.from) == Sources.Kind.MYSQL_URL) {
            from = catalog.releaseAt(AlembicVersionReader.read(c.from).orElse(List.of()), to.engine());
            if (from == null) return null;
        } else {
            return null;
        }
        if (!from.engine().equals(to.engine())) return null;
        Script script;
        try {
            // one script, one transaction on PostgreSQL: Dify runs every pending revision together
            script = catalog.migration(to.engine(), from.version(), to.version());
        } catch (ReadException noScripts) {
            return null;
        }
        int pairs = catalog.migrationPath(to.engine(), from.version(), to.version()).size();
        String label = "Dify's migrations " + from.version() + " → " + to.version() + " (" + pairs
                + " release pair" + (pairs == 1 ? "" : "s") + (pairs == 1 ? "" : ", joined") + ")";
        ScriptPlan plan = Schemaplan.planScript(a, List.of(script), label, b, c.options.facade(stats, c.from, a.schema()));
        String text = switch (c.format) {
            case text -> ScriptPlanTextRenderer.render(plan) + "\n" + "Schema-diff view (beside): " + a.label() + " → "
                    + b.label() + "\n\n" + new PlanTextRenderer(false).render(diff);
            case markdown -> ScriptPlanMarkdownRenderer.render(plan) + "\n" + PlanMarkdownRenderer.render(diff);
            case json -> ScriptPlanJsonRenderer.render(plan, diff);
            case html -> ScriptPlanHtmlRenderer.render(plan);
        };
        Output.write(c.output, text);
        boolean risky = plan.count(Risk.CRITICAL) + plan.count(Risk.HIGH) > 0;
        return c.exitCode && risky ? ExitCodes.FOUND : ExitCodes.OK;
    }

    private static boolean isFile(String word) {
        return !word.startsWith(DifySourceProvider.PREFIX) && Sources.kindOf(word) == Sources.Kind.FILE;
    }

    static void write(PlanCommand c, ScriptPlan plan) {
        String text = switch (c.format) {
            case text -> ScriptPlanTextRenderer.render(plan);
            case markdown -> ScriptPlanMarkdownRenderer.render(plan);
            case json -> ScriptPlanJsonRenderer.render(plan);
            case html -> ScriptPlanHtmlRenderer.render(plan);
        };
        Output.write(c.output, text);
    }
}
