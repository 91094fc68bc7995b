package io.schemaplan.cli;

import io.schemaplan.Schemaplan;
import io.schemaplan.diff.Change;
import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.impact.Plan;
import io.schemaplan.impact.Risk;
import io.schemaplan.model.Stats;
import io.schemaplan.read.Loaded;
import io.schemaplan.report.PlanHtmlRenderer;
import io.schemaplan.report.PlanJsonRenderer;
import io.schemaplan.report.PlanMarkdownRenderer;
import io.schemaplan.report.PlanTextRenderer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

final class PlanCommand implements Callable<Integer> {
    enum Format { text, markdown, json, html }

    String from;
    String to;
    String toOption;
    Format format = Format.text;
    Path output;
    Terminal.ColorMode color = Terminal.ColorMode.AUTO;
    boolean recipes;
    boolean exitCode;
    List<Path> scripts;
    final PlanOptions options = new PlanOptions();
    final SourceOptions sources = new SourceOptions();

    CommandSpec spec() {
        CommandSpec spec = Specs.command("plan", this, false, "What upgrading a database from FROM to TO will cost: per "
                + "change the lock, whether it rewrites or scans, a duration range from table statistics, and a safer way.",
                "FROM and TO are each a pg_dump -s or mysqldump --no-data file, a database URL "
                        + "(PostgreSQL, MySQL or MariaDB), a snapshot, or a Dify release such as dify:1.12.1.");
        spec.addPositional(Specs.positional("0", "1", "FROM", String.class, () -> from, v -> from = v)
                .description("The schema as it is now (production).").build());
        spec.addPositional(Specs.positional("1", "0..1", "TO", String.class, () -> to, v -> to = v)
                .description("The schema after the upgrade (a file, a URL, a snapshot, or a release such as dify:1.12.1).").build());
        spec.addOption(Specs.option(String.class, () -> toOption, v -> toOption = v, "--to").paramLabel("TO")
                .description("The same as the TO argument: plan postgresql://prod --to dify:1.12.1").build());
        spec.addOption(Specs.option(Format.class, () -> format, v -> format = v, "-f", "--format").paramLabel("FORMAT")
                .description("text (default), markdown, json or html (one self-contained file; use with -o).").build());
        spec.addOption(Specs.option(Path.class, () -> output, v -> output = v, "-o", "--output").paramLabel("FILE")
                .description("Write to FILE instead of stdout.").build());
        spec.addOption(Specs.color(() -> color, v -> color = v));
        spec.addOption(Specs.flag(() -> recipes, v -> recipes = v, "--recipes").description("Text format: print the SQL "
                + "of every safer way in full (by default only short ones; Markdown and HTML always carry it).").build());
        spec.addOption(Specs.flag(() -> exitCode, v -> exitCode = v, "--exit-code")
                .description("Exit with 1 when an operation is critical or high risk.").build());
        spec.addOption(Specs.list(Path.class, () -> scripts, v -> scripts = v, "--script").arity("1..*").paramLabel("FILE")
                .description("Plan these migration scripts statement by statement on FROM (alembic upgrade --sql, Flyway "
                        + "V*.sql, Liquibase updateSQL, Django sqlmigrate, mysql scripts): the statement view, with its "
                        + "transactions and blocking windows.").build());
        options.addTo(spec);
        sources.addTo(spec);
        Specs.helpOptions(spec);
        return spec;
    }

    @Override
    public Integer call() {
        if (scripts != null) return ScriptView.run(this);
        if (options.transaction == PlanOptions.Transaction.script) {
            throw new Main.UserException("--transaction script needs --script FILE");
        }
        if ((to == null) == (toOption == null)) {
            throw new Main.UserException("name the target once: plan FROM TO, or plan FROM --to TO");
        }
        String target = to != null ? to : toOption;
        List<Loaded> sides = sources.load(from, target);
        Loaded a = sides.get(0);
        Loaded b = sides.get(1);
        PlanOptions.requireOneEngine(a, b);
        Stats stats = options.readStats(from);
        List<Change> changes = SchemaDiff.diff(a.schema(), b.schema());
        Plan plan = Schemaplan.plan(a, b, changes, options.facade(stats, from, a.schema()));
        Integer statementView = ScriptView.difyRelease(this, target, a, b, stats, plan);
        if (statementView != null) {
            Output.warnings(a);
            return statementView;
        }
        String text = switch (format) {
            case text -> new PlanTextRenderer(output == null && Terminal.colors(color), recipes).render(plan);
            case markdown -> PlanMarkdownRenderer.render(plan);
            case json -> PlanJsonRenderer.render(plan);
            case html -> PlanHtmlRenderer.render(plan, a.schema(), b.schema(), changes, stats);
        };
        Output.write(output, text);
        Output.warnings(a);
        Output.warnings(b);
        boolean risky = plan.count(Risk.CRITICAL) + plan.count(Risk.HIGH) > 0;
        return exitCode && risky ? ExitCodes.FOUND : ExitCodes.OK;
    }
}
