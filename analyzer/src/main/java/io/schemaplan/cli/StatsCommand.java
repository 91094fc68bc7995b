package io.schemaplan.cli;

import io.schemaplan.read.Redaction;
import io.schemaplan.read.PostgresStatsReader;
import io.schemaplan.read.Sources;
import io.schemaplan.read.StatsJson;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Save a database's table sizes (schemaplan-stats/1 JSON) from its catalog, without reading table data.",
                "On a server where nothing may be installed, scripts/stats-postgres.sql writes the same file with psql."})
final class StatsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "URL", description = "postgresql://user@host:port/db or mysql://user@host:port/db")
    String url;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the statistics (default: stdout).")
    Path output;

    @Option(names = "--exact-counts", description = "Count rows with count(*) (reads every table, takes ACCESS SHARE "
            + "locks) instead of the catalog's estimate.")
    boolean exactCounts;

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
