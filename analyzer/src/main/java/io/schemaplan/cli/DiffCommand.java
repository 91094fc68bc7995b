package io.schemaplan.cli;

import io.schemaplan.diff.Change;
import io.schemaplan.diff.CrossDialectDiff;
import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.read.Loaded;
import io.schemaplan.report.DiffJsonRenderer;
import io.schemaplan.report.DiffTextRenderer;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

final class DiffCommand implements Callable<Integer> {
    String from;
    String to;
    final ReportOptions report = new ReportOptions();
    Terminal.ColorMode color = Terminal.ColorMode.AUTO;
    boolean exitCode;
    final SourceOptions sources = new SourceOptions();
    /** For scripts/bench-scale: where the time of one run goes, in-process (not in --help). */
    boolean timings;

    CommandSpec spec() {
        CommandSpec spec = Specs.command("diff", this, false, "List what changes when a database at FROM becomes TO.",
                "FROM and TO are each a pg_dump -s file, a database URL (postgresql://user@host:port/db) or a snapshot;",
                "A file may also be a pipe, <(command) or '-' for stdin.",
                "One PostgreSQL and one MySQL/MariaDB source are compared across dialects: only real differences.");
        spec.addPositional(Specs.positional("0", "1", "FROM", String.class, () -> from, v -> from = v)
                .description("The schema as it is now.").build());
        spec.addPositional(Specs.positional("1", "1", "TO", String.class, () -> to, v -> to = v)
                .description("The schema after the upgrade.").build());
        report.addTo(spec);
        spec.addOption(Specs.color(() -> color, v -> color = v));
        spec.addOption(Specs.flag(() -> exitCode, v -> exitCode = v, "--exit-code")
                .description("Exit with 1 when there are differences (like git diff --exit-code).").build());
        sources.addTo(spec);
        spec.addOption(Specs.flag(() -> timings, v -> timings = v, "--timings").hidden(true)
                .description("Print the milliseconds of read, diff and render on stderr.").build());
        Specs.helpOptions(spec);
        return spec;
    }

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        List<Loaded> sides = sources.load(from, to);
        Loaded a = sides.get(0);
        Loaded b = sides.get(1);
        long t2 = System.nanoTime();
        if (CrossDialectDiff.applies(a.schema(), b.schema())) {
            return crossDialect(a, b);
        }
        List<Change> changes = SchemaDiff.diff(a.schema(), b.schema());
        long t3 = System.nanoTime();
        String text = report.json() ? DiffJsonRenderer.render(a, b, changes) : new DiffTextRenderer(colors()).render(a, b, changes);
        long t4 = System.nanoTime();
        report.write(text);
        long t5 = System.nanoTime();
        if (timings) {
            // One line that scripts/bench-scale parses; JVM start and picocli come before t0 (see docs/performance.md).
            System.err.printf("schemaplan timings ms: read %d diff %d render %d write %d jvm-uptime-at-start %d%n",
                    ms(t2 - t0), ms(t3 - t2), ms(t4 - t3), ms(t5 - t4),
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() - ms(t5 - t0));
        }
        Output.warnings(a);
        Output.warnings(b);
        return exitCode && !changes.isEmpty() ? ExitCodes.FOUND : ExitCodes.OK;
    }

    /** One side PostgreSQL, the other MySQL/MariaDB: only real differences (see CrossDialectDiff). */
    private Integer crossDialect(Loaded a, Loaded b) {
        CrossDialectDiff.Result result = CrossDialectDiff.compare(a.schema(), b.schema());
        report.write(report.json() ? DiffJsonRenderer.render(a, b, result)
                : new DiffTextRenderer(colors()).render(a, b, result));
        Output.warnings(a);
        Output.warnings(b);
        return exitCode && result.differs() ? ExitCodes.FOUND : ExitCodes.OK;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /** Colours only on a terminal: never into a file. */
    private boolean colors() {
        return report.output == null && Terminal.colors(color);
    }
}
