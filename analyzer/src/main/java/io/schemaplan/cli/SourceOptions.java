package io.schemaplan.cli;

import io.schemaplan.model.Schema;
import io.schemaplan.read.Loaded;
import io.schemaplan.read.Sources;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import picocli.CommandLine.Model.CommandSpec;

/** Options shared by every command that reads sources. */
final class SourceOptions {
    List<String> schemas = List.of();
    boolean partial;

    void addTo(CommandSpec spec) {
        spec.addOption(Specs.list(String.class, () -> schemas, v -> schemas = v, "--schema").paramLabel("NAME").splitRegex(",")
                .description("Only these schemas (namespaces); repeat or separate with commas. Default: all user schemas.").build());
        spec.addOption(Specs.flag(() -> partial, v -> partial = v, "--partial").description("When the database user cannot"
                + " see every table (grants on some tables only), read what it can instead of stopping; the output says the"
                + " read is partial (in the source's label and a warning line).",
                "Default: stop with one line naming what cannot be read.").build());
    }

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
        List<Loaded> whole = readAll(specs, wanted);
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

    /**
     * Reads the sources, the two sides of a comparison at once: each read is single-threaded and the two are
     * independent, so on two cores the pair takes about as long as its larger side (10,000-table dump pair: see
     * docs/performance.md). The first side's error is the one reported, as a read one after the other would.
     * Two small local files ({@link #SERIAL_READ_BYTES}) are read one after the other: there the reads are mostly
     * a cold start (classes, call sites, interpreted code), which two threads pay twice over and contend for.
     */
    private List<Loaded> readAll(List<String> specs, Set<String> wanted) {
        Terminal.progress("reading " + String.join(" and ", specs.stream().map(io.schemaplan.read.Redaction::url).toList())
                + " …");
        try {
            if (specs.size() != 2 || Runtime.getRuntime().availableProcessors() < 2 || Boolean.getBoolean("schemaplan.serialReads")
                    || smallFiles(specs)) {
                List<Loaded> out = new ArrayList<>();
                for (String spec : specs) {
                    out.add(read(spec, wanted));
                }
                return out;
            }
            FutureTask<Loaded> second = new FutureTask<>(() -> read(specs.get(1), wanted));
            Thread reader = new Thread(second, "schemaplan-read-second-side");
            // A daemon: when the first side fails, its error is reported at once and the process may end.
            reader.setDaemon(true);
            reader.start();
            Loaded first = read(specs.get(0), wanted);
            try {
                return List.of(first, second.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading " + specs.get(1), e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error r) throw r;
                throw new IllegalStateException(e.getCause());
            }
        } finally {
            Terminal.clearProgress();
        }
    }

    /**
     * Under this many bytes of two local files together, one thread reads both. Measured (whole process, interleaved):
     * the Dify pair (2 × ~150 kB) one after the other ×0.97 wall and ×0.92 CPU of both at once; two 1,000-table
     * dumps (2 × 1.65 MB) ×1.13 wall, so at once there.
     */
    static final long SERIAL_READ_BYTES = 1L << 20;

    /** Both sources are regular files, together under {@link #SERIAL_READ_BYTES} (URLs, pipes, releases: no). */
    static boolean smallFiles(List<String> specs) {
        long total = 0;
        try {
            for (String spec : specs) {
                if (Sources.kindOf(spec) != Sources.Kind.FILE) return false;
                java.nio.file.Path p = java.nio.file.Path.of(spec);
                if (!java.nio.file.Files.isRegularFile(p)) return false;
                total += java.nio.file.Files.size(p);
            }
        } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
            return false; // the read itself reports what is wrong with the file
        }
        return total < SERIAL_READ_BYTES;
    }

    private Loaded read(String spec, Set<String> wanted) {
        return Sources.load(spec, Sources.kindOf(spec) == Sources.Kind.POSTGRES_URL ? wanted : Set.of(), partial);
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
