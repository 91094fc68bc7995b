package io.schemaplan.cli;

import io.schemaplan.read.Redaction;
import io.schemaplan.read.PostgresStatsReader;
import io.schemaplan.read.Sources;
import io.schemaplan.read.StatsJson;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

final class StatsCommand implements Callable<Integer> {
    String url;
    Path output;
    boolean exactCounts;

    CommandSpec spec() {
        CommandSpec spec = Specs.command("stats", this, true, "Save a database's table sizes (schemaplan-stats/1 JSON) "
                + "from its catalog, without reading table data.",
                "On a server where nothing may be installed, scripts/stats-postgres.sql writes the same file with psql.");
        spec.addPositional(Specs.positional("0", "1", "URL", String.class, () -> url, v -> url = v)
                .description("postgresql://user@host:port/db or mysql://user@host:port/db").build());
        spec.addOption(Specs.option(Path.class, () -> output, v -> output = v, "-o", "--output").paramLabel("FILE")
                .description("Where to write the statistics (default: stdout).").build());
        spec.addOption(Specs.flag(() -> exactCounts, v -> exactCounts = v, "--exact-counts").description("Count rows with "
                + "count(*) (reads every table, takes ACCESS SHARE locks) instead of the catalog's estimate.").build());
        Specs.helpOptions(spec);
        return spec;
    }

    @Override
    public Integer call() {
        Sources.Kind kind = Sources.kindOf(url);
        if (kind == Sources.Kind.FILE) {
            throw new Main.UserException(Redaction.url(url) + ": not a database URL (expected postgresql://user@host:port/db or "
                    + "mysql://user@host:port/db)");
        }
        if (exactCounts && kind != Sources.Kind.POSTGRES_URL) {
            throw new Main.UserException("--exact-counts is implemented for PostgreSQL only");
        }
        Terminal.progress("reading statistics of " + Redaction.url(url) + " …");
        try {
            Output.write(output, StatsJson.toJson(kind == Sources.Kind.POSTGRES_URL
                    ? PostgresStatsReader.read(url, exactCounts) : Sources.stats(url)));
        } finally {
            Terminal.clearProgress();
        }
        return ExitCodes.OK;
    }
}
