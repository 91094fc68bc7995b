package io.schemaplan.cli;

import io.schemaplan.model.Schema;
import io.schemaplan.read.Loaded;
import io.schemaplan.read.Sources;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Option;

/** Options shared by every command that reads sources. */
final class SourceOptions {
    @Option(names = "--schema", paramLabel = "NAME", split = ",",
            description = "Only these schemas (namespaces); repeat or separate with commas. Default: all user schemas.")
    List<String> schemas = List.of();

    @Option(names = "--partial", description = {"When the database user cannot see every table (grants on some"
            + " tables only), read what it can instead of stopping; the output says the read is partial"
            + " (in the source's label and a warning line).",
            "Default: stop with one line naming what cannot be read."})
    boolean partial;

    Set<String> namespaces() {
        return new LinkedHashSet<>(schemas);
    }

    /** Reads the two sides of a comparison; {@code -} is stdin, which only one of them can be (checked first). */
    List<Loaded> load(String from, String to) {
        if (from.equals("-") && to.equals("-")) {
            throw new Main.UserException("only one source can be read from stdin ('-')");
        }
        return loadAll(List.of(from, to));
    }

    Loaded load(String spec) {
        return loadAll(List.of(spec)).get(0);
    }

    /**
     * Reads each source whole, then keeps the {@code --schema} namespaces, so that a name that matches nothing
     * in any source (a typo: {@code --schema pubilc}) is an error naming the schemas that exist, not an empty
     * "no differences". A PostgreSQL URL is filtered in SQL instead: its reader refuses a missing schema itself.
     */
    private List<Loaded> loadAll(List<String> specs) {
        Set<String> wanted = namespaces();
        boolean live = specs.stream().anyMatch(s -> Sources.kindOf(s) == Sources.Kind.POSTGRES_URL);
        List<Loaded> whole = new ArrayList<>();
        for (String spec : specs) {
            whole.add(read(spec, Sources.kindOf(spec) == Sources.Kind.POSTGRES_URL ? wanted : Set.of()));
        }
        if (!wanted.isEmpty() && !live && whole.stream().noneMatch(l -> l.schema().engine().isMysqlFamily())) {
            Set<String> existing = new TreeSet<>();
            whole.forEach(l -> existing.addAll(namespacesOf(l.schema())));
            List<String> unknown = wanted.stream().filter(n -> !existing.contains(n)).toList();
            if (!unknown.isEmpty()) {
                throw new Main.UserException("--schema " + String.join(", ", unknown) + ": no such schema in "
                        + (specs.size() == 1 ? "the source" : "either source") + "; the schemas there: "
                        + String.join(", ", existing));
            }
        }
        return whole.stream().map(l -> Sources.only(l, wanted)).toList();
    }

    private Loaded read(String spec, Set<String> namespaces) {
        Terminal.progress("reading " + io.schemaplan.read.Redaction.url(spec) + " …");
        try {
            return Sources.load(spec, namespaces, partial);
        } finally {
            Terminal.clearProgress();
        }
    }

    /** The namespaces a PostgreSQL schema has: {@code public} and those it creates or puts objects in. */
    private static Set<String> namespacesOf(Schema s) {
        Set<String> out = new TreeSet<>(s.namespaces());
        out.add("public");
        s.tables().forEach(t -> out.add(t.name().schema()));
        s.views().forEach(v -> out.add(v.name().schema()));
        s.sequences().forEach(q -> out.add(q.name().schema()));
        s.enums().forEach(e -> out.add(e.name().schema()));
        s.routines().forEach(r -> out.add(r.name().schema()));
        return out;
    }
}
