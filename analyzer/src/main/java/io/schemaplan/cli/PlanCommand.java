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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"What upgrading a database from FROM to TO will cost: per change the lock, whether it "
                + "rewrites or scans, a duration range from table statistics, and a safer way.",
                "FROM and TO are each a pg_dump -s or mysqldump --no-data file, a database URL "
                        + "(PostgreSQL, MySQL or MariaDB), a snapshot, or a Dify release such as dify:1.12.1."})
final class PlanCommand implements Callable<Integer> {
    enum Format { text, markdown, json, html }

    @Parameters(index = "0", paramLabel = "FROM", description = "The schema as it is now (production).")
    String from;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TO", description = "The schema after the upgrade "
            + "(a file, a URL, a snapshot, or a release such as dify:1.12.1).")
    String to;

    @Option(names = "--to", paramLabel = "TO", description = "The same as the TO argument: plan postgresql://prod --to dify:1.12.1")
    String toOption;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "text (default), markdown, json or html (one self-contained file; use with -o).")
    Format format = Format.text;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    @Option(names = "--color", paramLabel = "WHEN", description = "auto (default: only on a terminal), always or never.")
    Terminal.ColorMode color = Terminal.ColorMode.AUTO;

    @Option(names = "--recipes", description = "Text format: print the SQL of every safer way in full (by default "
            + "only short ones; Markdown and HTML always carry it).")
    boolean recipes;

    @Option(names = "--exit-code", description = "Exit with 1 when an operation is critical or high risk.")
    boolean exitCode;

    @Option(names = "--script", arity = "1..*", paramLabel = "FILE", description = "Plan these migration scripts "
            + "statement by statement on FROM (alembic upgrade --sql, Flyway V*.sql, Liquibase updateSQL, Django "
            + "sqlmigrate, mysql scripts): the statement view, with its transactions and blocking windows.")
    List<Path> scripts;

    @Mixin
    PlanOptions options = new PlanOptions();

    @Mixin
    SourceOptions sources = new SourceOptions();

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
