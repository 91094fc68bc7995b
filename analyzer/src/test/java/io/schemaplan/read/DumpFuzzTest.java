package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.read.DumpFuzzer.Dialect;
import io.schemaplan.read.DumpFuzzer.Failure;
import io.schemaplan.read.DumpFuzzer.Figures;
import io.schemaplan.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Mutated dumps of both dialects (see {@link DumpFuzzer}): each reads into a schema or fails with a
 * {@link ReadException} whose message is one non-empty line naming no Java class; nothing else escapes.
 *
 * <p>In the suite it runs a fixed seed and a fixed count, so it is repeatable. {@code scripts/fuzz} runs it
 * for minutes instead ({@code -Dfuzz.minutes=N}, optionally {@code -Dfuzz.seed=S}), prints the figures and
 * saves each failing input under {@code -Dfuzz.out} (default: a new temporary directory) for a fixture.
 */
class DumpFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20261207L);
    private static final long COUNT = Long.getLong("fuzz.count", 2000L);
    private static final double MINUTES = Double.parseDouble(System.getProperty("fuzz.minutes", "0"));

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void mutatedDumpsReadOrFailWithOneLine(Dialect dialect) throws IOException {
        DumpFuzzer fuzzer = new DumpFuzzer(dialect, DumpFuzzer.bases(dialect, Samples.root().getParent()));
        Figures f = new Figures();
        if (MINUTES > 0) {
            // Both dialects share the time: each gets half.
            long deadline = System.nanoTime() + (long) (MINUTES * 60e9 / Dialect.values().length);
            fuzzer.run(SEED, Long.MAX_VALUE, deadline, f);
        } else {
            fuzzer.run(SEED, COUNT, 0, f);
        }
        System.out.println("fuzz " + dialect + " seed " + SEED + ": " + f);
        if (!f.failures.isEmpty()) save(f);
        assertTrue(f.inputs >= Math.min(COUNT, 100), "inputs tried: " + f.inputs);
        assertTrue(f.readErrors > 0 && f.schemas > 0, "the mutations give both schemas and errors: " + f);
        assertEquals(0, f.failureCount(), () -> f + "\n" + f.failures.stream().limit(5)
                .map(x -> x.outcome() + " (input seed " + x.seed() + "): " + x.detail())
                .collect(Collectors.joining("\n\n")));
    }

    private static void save(Figures f) throws IOException {
        String dir = System.getProperty("fuzz.out");
        Path out = dir != null ? Files.createDirectories(Path.of(dir)) : Files.createTempDirectory("schemaplan-fuzz-");
        for (Failure x : f.failures) {
            String base = x.dialect().name().toLowerCase() + "-" + x.seed() + "-" + x.outcome().name().toLowerCase();
            Files.write(out.resolve(base + ".sql"), x.input());
            Files.writeString(out.resolve(base + ".txt"), x.detail() + "\n");
        }
        System.out.println("fuzz: " + f.failures.size() + " failing inputs saved in " + out);
    }
}
