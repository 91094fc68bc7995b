package io.schemaplan.cli;

import io.schemaplan.diff.Change;
import io.schemaplan.diff.CrossDialectDiff;
import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.read.Loaded;
import io.schemaplan.report.DiffJsonRenderer;
import io.schemaplan.report.DiffTextRenderer;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List what changes when a database at FROM becomes TO.",
                "FROM and TO are each a pg_dump -s file, a database URL (postgresql://user@host:port/db) or a snapshot;",
                "A file may also be a pipe, <(command) or '-' for stdin.",
                "One PostgreSQL and one MySQL/MariaDB source are compared across dialects: only real differences."})
final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FROM", description = "The schema as it is now.")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "The schema after the upgrade.")
    String to;

    @Mixin
    ReportOptions report = new ReportOptions();

    @Option(names = "--color", paramLabel = "WHEN", description = "auto (default: only on a terminal), always or never.")
    Terminal.ColorMode color = Terminal.ColorMode.AUTO;

    @Option(names = "--exit-code", description = "Exit with 1 when there are differences (like git diff --exit-code).")
    boolean exitCode;

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Override
    public Integer call() {
        List<Loaded> sides = sources.load(from, to);
        Loaded a = sides.get(0);
        Loaded b = sides.get(1);
        if (CrossDialectDiff.applies(a.schema(), b.schema())) {
            return crossDialect(a, b);
        }
        List<Change> changes = SchemaDiff.diff(a.schema(), b.schema());
        report.write(report.json() ? DiffJsonRenderer.render(a, b, changes)
                : new DiffTextRenderer(colors()).render(a, b, changes));
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

    /** Colours only on a terminal: never into a file. */
    private boolean colors() {
        return report.output == null && Terminal.colors(color);
    }
}
