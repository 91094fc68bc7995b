package io.schemaplan.cli;

import io.schemaplan.read.Loaded;
import io.schemaplan.read.Sources;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** Options shared by every command that reads sources. */
final class SourceOptions {
    @Option(names = "--schema", paramLabel = "NAME", split = ",",
            description = "Only these schemas (namespaces); repeat or separate with commas. Default: all user schemas.")
    List<String> schemas = List.of();

    @Option(names = "--partial", description = {"When the database user cannot see every table (grants on some"
            + " tables only), read what it can instead of stopping; the output says the read is partial",
            "(in the source's label and a warning line). Default: stop with one line naming what cannot be read."})
    boolean partial;

    Set<String> namespaces() {
        return new LinkedHashSet<>(schemas);
    }

    /** Reads the two sides of a comparison; {@code -} is stdin, which only one of them can be (checked first). */
    List<Loaded> load(String from, String to) {
        if (from.equals("-") && to.equals("-")) {
            throw new Main.UserException("only one source can be read from stdin ('-')");
        }
        return List.of(load(from), load(to));
    }

    Loaded load(String spec) {
        Terminal.progress("reading " + io.schemaplan.read.Redaction.url(spec) + " …");
        try {
            return Sources.load(spec, namespaces(), partial);
        } finally {
            Terminal.clearProgress();
        }
    }
}
