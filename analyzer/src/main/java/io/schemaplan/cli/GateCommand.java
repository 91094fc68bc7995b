package io.schemaplan.cli;

import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.gate.AssumedSizes;
import io.schemaplan.gate.Gate;
import io.schemaplan.gate.Policy;
import io.schemaplan.gate.Quantities;
import io.schemaplan.gate.Verdict;
import io.schemaplan.impact.Plan;
import io.schemaplan.impact.Planner;
import io.schemaplan.model.Stats;
import io.schemaplan.read.Loaded;
import io.schemaplan.read.PolicyReader;
import io.schemaplan.report.GateGithubRenderer;
import io.schemaplan.report.GateJunitRenderer;
import io.schemaplan.report.GateMarkdownRenderer;
import io.schemaplan.report.GateSarifRenderer;
import io.schemaplan.report.GateTextRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

final class GateCommand implements Callable<Integer> {
    String from;
    String to;
    List<Path> scripts;
    Path policy;
    Map<String, String> assumeRows = new LinkedHashMap<>();
    Path junit;
    Path sarif;
    boolean github;
    Path summary;
    Terminal.ColorMode color = Terminal.ColorMode.AUTO;
    final PlanOptions options = new PlanOptions();
    final SourceOptions sources = new SourceOptions();

    CommandSpec spec() {
        CommandSpec spec = Specs.command("gate", this, false, "Checks the plan of an upgrade from FROM to TO against a "
                + "policy, for CI: exit 0 when it passes, 1 when the policy is violated, 2 on a usage or input error.",
                "Outputs, in any combination: text on stdout, --junit, --sarif, --github annotations, --summary.");
        spec.addPositional(Specs.positional("0", "1", "FROM", String.class, () -> from, v -> from = v)
                .description("The schema of the release in production.").build());
        spec.addPositional(Specs.positional("1", "0..1", "TO", String.class, () -> to, v -> to = v).description(
                "The schema of the new release (a pg_dump -s or mysqldump --no-data file gives SARIF and annotations line "
                        + "numbers). Not with --script.").build());
        spec.addOption(Specs.list(Path.class, () -> scripts, v -> scripts = v, "--script").arity("1..*").paramLabel("FILE")
                .description("Check the plan of these migration scripts on FROM, statement by statement, instead of the "
                        + "plan of FROM → TO (text output).").build());
        spec.addOption(Specs.option(Path.class, () -> policy, v -> policy = v, "--policy").required(true).paramLabel("FILE")
                .description("The policy (YAML; see the README, \"CI gate\").").build());
        spec.addOption(Specs.map(() -> assumeRows, v -> assumeRows = v, "--assume-rows").paramLabel("TABLE=N")
                .description("Without statistics: assume TABLE has N rows (1M, 250k, 5000); repeat for several tables. "
                        + "Overrides the policy's sizes.").build());
        spec.addOption(Specs.option(Path.class, () -> junit, v -> junit = v, "--junit").paramLabel("FILE")
                .description("Write JUnit XML: a test case per policy check and change.").build());
        spec.addOption(Specs.option(Path.class, () -> sarif, v -> sarif = v, "--sarif").paramLabel("FILE")
                .description("Write SARIF 2.1.0 for code scanning.").build());
        spec.addOption(Specs.flag(() -> github, v -> github = v, "--github")
                .description("Print GitHub Actions annotations (::error / ::warning) on stdout.").build());
        spec.addOption(Specs.option(Path.class, () -> summary, v -> summary = v, "--summary").paramLabel("FILE")
                .description("Append a Markdown summary to FILE (e.g. \"$GITHUB_STEP_SUMMARY\").").build());
        spec.addOption(Specs.color(() -> color, v -> color = v));
        options.addTo(spec);
        sources.addTo(spec);
        Specs.helpOptions(spec);
        return spec;
    }

    @Override
    public Integer call() {
        Policy pol = PolicyReader.read(policy);
        Map<String, Long> rows = new LinkedHashMap<>();
        assumeRows.forEach((table, n) -> {
            try {
                rows.put(table, Quantities.rows(n));
            } catch (IllegalArgumentException e) {
                throw new Main.UserException("--assume-rows " + table + "=" + n + ": " + e.getMessage());
            }
        });
        if (scripts != null) return scriptGate(pol, rows);
        if (to == null) throw new Main.UserException("gate needs TO, or --script FILE");
        List<Loaded> sides = sources.load(from, to);
        Loaded a = sides.get(0);
        Loaded b = sides.get(1);
        Stats stats = options.readStats(from);
        String statsLabel = options.statsLabel(from);
        if (stats == null) {
            stats = AssumedSizes.stats(a.schema(), pol.sizes(), rows);
            if (stats != null) statsLabel = "assumed sizes (" + (rows.isEmpty() ? "" : "--assume-rows, ")
                    + "policy sizes)";
        } else if (!rows.isEmpty()) {
            throw new Main.UserException("--assume-rows is for a gate without statistics; --stats gives the sizes");
        }
        PlanOptions.requireOneEngine(a, b);
        Plan plan = Planner.plan(new Planner.Input(a.label(), b.label(), a.schema(), b.schema(),
                SchemaDiff.diff(a.schema(), b.schema()), stats, statsLabel, options.profile(),
                options.serverMajor(a.schema()), options.singleTransaction(), options.mysqlServer(a.schema())));
        Verdict verdict = Gate.evaluate(plan, pol, stats);
        FindingLocator locator = new FindingLocator(from, to, policy);
        StringBuilder out = new StringBuilder(new GateTextRenderer(Terminal.colors(color)).render(verdict));
        if (github) out.append(GateGithubRenderer.render(verdict, locator));
        Output.write(null, out.toString());
        if (junit != null) Output.write(junit, GateJunitRenderer.render(verdict));
        if (sarif != null) Output.write(sarif, GateSarifRenderer.render(verdict, locator));
        if (summary != null) append(summary, GateMarkdownRenderer.render(verdict));
        Output.warnings(a);
        Output.warnings(b);
        return verdict.passed() ? ExitCodes.OK : ExitCodes.FOUND;
    }

    /** gate FROM --script FILE…: the policy applied to the statement view (junit, sarif and annotations are for FROM → TO). */
    private int scriptGate(Policy pol, Map<String, Long> rows) {
        if (to != null) throw new Main.UserException("gate FROM --script FILE takes no TO");
        if (junit != null || sarif != null || github) {
            throw new Main.UserException("--junit, --sarif and --github are for gate FROM TO; with --script the "
                    + "verdict is text (and --summary)");
        }
        Loaded a = sources.load(from);
        Stats stats = options.readStats(from);
        String statsLabel = options.statsLabel(from);
        if (stats == null) {
            stats = AssumedSizes.stats(a.schema(), pol.sizes(), rows);
            if (stats != null) statsLabel = "assumed sizes";
        }
        io.schemaplan.Schemaplan.Options o = options.facade(stats, from, a.schema()).withStats(stats, statsLabel);
        io.schemaplan.scriptplan.ScriptPlan plan = io.schemaplan.Schemaplan.planScripts(a, scripts, o);
        io.schemaplan.gate.ScriptGate.Result result = io.schemaplan.gate.ScriptGate.evaluate(plan, pol, stats);
        String text = io.schemaplan.report.ScriptGateTextRenderer.render(result);
        Output.write(null, text);
        if (summary != null) append(summary, "```\n" + text + "```\n");
        Output.warnings(a);
        return result.passed() ? ExitCodes.OK : ExitCodes.FOUND;
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new Main.UserException("cannot append to " + file + ": " + e.getMessage());
        }
    }
}
