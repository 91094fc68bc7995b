package io.schemaplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.testing.Cli;
import io.schemaplan.testing.Samples;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources that are not regular files (issue 12, item 3): a pipe is read once, so its first bytes are not lost;
 * a FIFO nobody writes to ends in one line after the open timeout; an endless or binary stream stops at once
 * or at the limit, in one line naming it.
 */
class InputsCliTest {
    private static final Path DUMP = Samples.postgres("1.12.1");

    @Test
    void aProcessSubstitutionReadsLikeTheFileItCopies() {
        Cli.Result r = Cli.shell("schemaplan diff --exit-code <(cat '" + DUMP + "') '" + DUMP + "'", Map.of(), 120);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().strip().endsWith("\n\nno differences"), r.out());
        Cli.Result snapshot = Cli.shell("cat '" + DUMP + "' | schemaplan snapshot - | schemaplan diff --exit-code - '"
                + DUMP + "'", Map.of(), 120);
        assertEquals(0, snapshot.exitCode(), snapshot.out() + snapshot.err());
        assertTrue(snapshot.out().strip().endsWith("\n\nno differences"), snapshot.out());
    }

    /** The two sides are read at once (cli/SourceOptions): the error is still the first side's, in one line. */
    @Test
    void whenBothSidesAreBadTheFirstIsNamed(@TempDir Path dir) throws Exception {
        Path first = Files.writeString(dir.resolve("first.sql"), "CREATE TABLE a (id int;\n");
        Path second = Files.writeString(dir.resolve("second.sql"), "this is not sql at all\n");
        for (int i = 0; i < 3; i++) {
            Cli.Result r = Cli.run("diff", first.toString(), second.toString());
            assertEquals(2, r.exitCode(), r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().contains("first.sql") && !r.err().contains("second.sql"), r.err());
        }
        Cli.Result swapped = Cli.run("diff", second.toString(), first.toString());
        assertEquals(2, swapped.exitCode(), swapped.err());
        assertTrue(swapped.err().contains("second.sql") && !swapped.err().contains("first.sql"), swapped.err());
    }

    @Test
    void aFifoWithAWriterIsReadOnce(@TempDir Path dir) throws Exception {
        Path fifo = mkfifo(dir);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                Files.copy(DUMP, out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Cli.Result r = Cli.run("diff", "--exit-code", fifo.toString(), DUMP.toString());
        writer.get();
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().strip().endsWith("\n\nno differences"), r.out());
    }

    @Test
    void aFifoNobodyWritesToIsOneLineAfterTheTimeout(@TempDir Path dir) throws Exception {
        Path fifo = mkfifo(dir);
        long start = System.nanoTime();
        Cli.Result r = Cli.shell("schemaplan diff '" + fifo + "' '" + DUMP + "'", Map.of("SCHEMAPLAN_OPEN_TIMEOUT", "2"), 60);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertEquals("schemaplan: " + fifo + ": nothing writes to this FIFO (waited 2 s; set SCHEMAPLAN_OPEN_TIMEOUT"
                + " to wait longer)", r.errLines().get(0));
        assertTrue(seconds < 30, "took " + seconds + " s");
    }

    @Test
    void devZeroStopsAtItsFirstBlock() {
        Cli.Result r = Cli.badInput("diff", "/dev/zero", DUMP.toString());
        assertEquals("schemaplan: /dev/zero:1: binary data (a NUL byte), not a dump", r.errLines().get(0));
    }

    @Test
    void anEndlessTextStreamStopsAtTheLimit() {
        Cli.Result r = Cli.shell("schemaplan diff <(yes 'SELECT 1;') '" + DUMP + "'",
                Map.of("SCHEMAPLAN_MAX_INPUT_MB", "4"), 120);
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).matches("schemaplan: /dev/fd/\\d+: larger than 4 MiB, the limit for a dump \\(a"
                + " schema-only dump \\(pg_dump -s, mysqldump --no-data\\) is far smaller; set SCHEMAPLAN_MAX_INPUT_MB"
                + " to raise it\\)"), r.err());
    }

    @Test
    void aRegularFileOverTheLimitIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.sql");
        Files.writeString(big, "-- a comment line of a large file\n".repeat(40_000)); // 1.3 MB
        Cli.Result r = Cli.shell("schemaplan snapshot '" + big + "'", Map.of("SCHEMAPLAN_MAX_INPUT_MB", "1"), 120);
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("schemaplan: " + big + ": larger than 1 MiB, the limit for a dump (a schema-only dump (pg_dump"
                + " -s, mysqldump --no-data) is far smaller; set SCHEMAPLAN_MAX_INPUT_MB to raise it)", r.err().strip());
    }

    @Test
    void stdinServesOneSourceOnly() {
        Cli.Result r = Cli.badInput("diff", "-", "-");
        assertEquals("schemaplan: only one source can be read from stdin ('-')", r.errLines().get(0));
    }

    static Path mkfifo(Path dir) throws Exception {
        Path fifo = dir.resolve("dump.fifo");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, p.waitFor());
        return fifo;
    }
}
