package io.schemaplan.cli;

import io.schemaplan.read.Loaded;
import io.schemaplan.read.Snapshots;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Read a source and save its schema as a JSON snapshot, accepted wherever a source is.")
final class SnapshotCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SOURCE", description = "A pg_dump -s or mysqldump --no-data file, a database URL "
            + "(PostgreSQL, MySQL or MariaDB), a snapshot, or a Dify release such as dify:1.12.1.")
    String source;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the snapshot (default: stdout).")
    Path output;

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Override
    public Integer call() {
        Loaded loaded = sources.load(source);
        Output.stream(output, out -> Snapshots.write(loaded, out));
        Output.warnings(loaded);
        return ExitCodes.OK;
    }
}
