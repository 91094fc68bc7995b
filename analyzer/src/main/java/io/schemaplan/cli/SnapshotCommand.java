package io.schemaplan.cli;

import io.schemaplan.read.Loaded;
import io.schemaplan.read.Snapshots;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

final class SnapshotCommand implements Callable<Integer> {
    String source;
    Path output;
    final SourceOptions sources = new SourceOptions();

    CommandSpec spec() {
        CommandSpec spec = Specs.command("snapshot", this, true,
                "Read a source and save its schema as a JSON snapshot, accepted wherever a source is.");
        spec.addPositional(Specs.positional("0", "1", "SOURCE", String.class, () -> source, v -> source = v).description(
                "A pg_dump -s or mysqldump --no-data file, a database URL (PostgreSQL, MySQL or MariaDB), a snapshot, or "
                        + "a Dify release such as dify:1.12.1.").build());
        spec.addOption(Specs.option(Path.class, () -> output, v -> output = v, "-o", "--output").paramLabel("FILE")
                .description("Where to write the snapshot (default: stdout).").build());
        sources.addTo(spec);
        Specs.helpOptions(spec);
        return spec;
    }

    @Override
    public Integer call() {
        Loaded loaded = sources.load(source);
        Output.stream(output, out -> Snapshots.write(loaded, out));
        Output.warnings(loaded);
        return ExitCodes.OK;
    }
}
