package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The limits on what a user's file may hold, each one line naming the file (issue 12, item 5). */
class InputFilesTest {

    @Test
    void aStreamIsReadUpToItsLimitAndNoFurther() {
        byte[] ok = InputFiles.readBounded(new ByteArrayInputStream(new byte[] {'a', '\n'}), "f", 2, InputFiles.Kind.DUMP);
        assertEquals(2, ok.length);
        ReadException e = assertThrows(ReadException.class, () -> InputFiles.readBounded(
                new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8)), "f", 2, InputFiles.Kind.STATS));
        assertEquals("f: larger than 2 bytes, the limit for a statistics file (statistics of 20,000 tables are ~10 MB;"
                + " set SCHEMAPLAN_MAX_INPUT_MB to raise it)", e.getMessage());
        ReadException binary = assertThrows(ReadException.class, () -> InputFiles.readBounded(
                new ByteArrayInputStream(new byte[] {'a', '\n', 'b', 0}), "f", 100, InputFiles.Kind.POLICY));
        assertEquals("f:2: binary data (a NUL byte), not a policy", binary.getMessage());
    }

    @Test
    void theLimitsAreDocumentedDefaultsOrTheEnvironmentsMebibytes() {
        assertEquals(512L << 20, InputFiles.Kind.DUMP.limit(Map.of()));
        assertEquals(1L << 20, InputFiles.Kind.POLICY.limit(Map.of()));
        assertEquals(3L << 20, InputFiles.Kind.POLICY.limit(Map.of("SCHEMAPLAN_MAX_INPUT_MB", "3")));
        assertEquals("SCHEMAPLAN_MAX_INPUT_MB=2G: expected a size in MiB, e.g. 2048", assertThrows(ReadException.class,
                () -> InputFiles.Kind.DUMP.limit(Map.of("SCHEMAPLAN_MAX_INPUT_MB", "2G"))).getMessage());
        assertEquals(30, InputFiles.openTimeoutSeconds(Map.of()));
        assertEquals("SCHEMAPLAN_OPEN_TIMEOUT=soon: expected a number of seconds, e.g. 30", assertThrows(
                ReadException.class, () -> InputFiles.openTimeoutSeconds(Map.of("SCHEMAPLAN_OPEN_TIMEOUT", "soon")))
                .getMessage());
    }

    @Test
    void aTimedOutOpenOfAFifoReleasesItsThread(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("f.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        long before = fifoThreads();
        ReadException e = assertThrows(ReadException.class, () -> InputFiles.open(fifo, "f", 1));
        assertEquals("f: nothing writes to this FIFO (waited 1 s; set SCHEMAPLAN_OPEN_TIMEOUT to wait longer)",
                e.getMessage());
        for (int i = 0; i < 50 && fifoThreads() > before; i++) Thread.sleep(100);
        assertEquals(before, fifoThreads(), "the thread that waited in open() has ended");
    }

    @Test
    void missingFilesAndDirectoriesAreNamed(@TempDir Path dir) {
        assertEquals(dir + ": is a directory, expected a dump", assertThrows(ReadException.class,
                () -> InputFiles.read(dir.toString(), InputFiles.Kind.DUMP)).getMessage());
        assertEquals(dir.resolve("x.sql") + ": no such file", assertThrows(ReadException.class,
                () -> InputFiles.read(dir.resolve("x.sql").toString(), InputFiles.Kind.DUMP)).getMessage());
        // a mistyped URL is a file name: named without its password
        assertEquals("postgresq://***@h/d: no such file", assertThrows(ReadException.class,
                () -> Sources.load("postgresq://u:S3cr3t-P@ss!@h/d", null)).getMessage());
    }

    @Test
    void deeplyNestedJsonIsOneLine(@TempDir Path dir) throws Exception {
        String deep = "{\"format\":\"schemaplan-snapshot/1\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        Path file = dir.resolve("deep.json");
        Files.writeString(file, deep);
        ReadException e = assertThrows(ReadException.class, () -> Sources.load(file.toString(), null));
        assertEquals(file + ": invalid JSON: Document nesting depth (65) exceeds the maximum allowed (64)",
                e.getMessage());
        ReadException number = assertThrows(ReadException.class, () -> StatsJson.parse("s.json",
                "{\"format\":\"schemaplan-stats/1\",\"blockSize\":" + "9".repeat(100) + "}"));
        assertEquals("s.json: invalid statistics JSON: Number value length (100) exceeds the maximum allowed (64)",
                number.getMessage());
    }

    @Test
    void aPolicyIsSmallFlatAndWithoutAliases(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "checks:\n  - name: \"" + "x".repeat(2 << 20) + "\"\n");
        assertEquals(big + ": larger than 1 MiB, the limit for a policy (a policy is a few KB; set"
                + " SCHEMAPLAN_MAX_INPUT_MB to raise it)", assertThrows(ReadException.class,
                () -> PolicyReader.read(big)).getMessage());
        ReadException deep = assertThrows(ReadException.class,
                () -> PolicyReader.parse("deep.yaml", "checks: " + "[".repeat(5000) + "]".repeat(5000) + "\n"));
        assertEquals("deep.yaml:1: ", deep.getMessage().substring(0, 13), deep.getMessage());
        ReadException alias = assertThrows(ReadException.class, () -> PolicyReader.parse("alias.yaml",
                "a: &x [1, 2]\nchecks: *x\n"));
        assertEquals("alias.yaml:", alias.getMessage().substring(0, 11), alias.getMessage());
    }

    private static long fifoThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("schemaplan-open-fifo")).count();
    }
}
