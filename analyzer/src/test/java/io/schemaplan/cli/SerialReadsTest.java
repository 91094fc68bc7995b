package io.schemaplan.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which pairs of sources one thread reads (SourceOptions.smallFiles): only two local files, small together. */
class SerialReadsTest {
    @TempDir
    Path tmp;

    @Test
    void twoSmallDumpsAreReadOneAfterTheOther() {
        assertTrue(SourceOptions.smallFiles(List.of(Samples.postgres("0.14.2").toString(), Samples.postgres("1.12.1").toString())));
    }

    @Test
    void largeFilesUrlsPipesAndReleasesAreReadAtOnce() throws Exception {
        Path big = tmp.resolve("big.sql");
        Files.write(big, new byte[(int) SourceOptions.SERIAL_READ_BYTES]);
        String small = Samples.postgres("0.14.2").toString();
        assertFalse(SourceOptions.smallFiles(List.of(small, big.toString())), "together over the limit");
        assertFalse(SourceOptions.smallFiles(List.of(small, "postgresql://u@h/db")), "a database URL waits on a server");
        assertFalse(SourceOptions.smallFiles(List.of(small, "-")), "stdin");
        assertFalse(SourceOptions.smallFiles(List.of(small, "dify:1.12.1")), "a bundled release");
        assertFalse(SourceOptions.smallFiles(List.of(small, tmp.resolve("missing.sql").toString())), "the read reports it");
        assertFalse(SourceOptions.smallFiles(List.of(small, tmp.toString())), "a directory");
    }
}
