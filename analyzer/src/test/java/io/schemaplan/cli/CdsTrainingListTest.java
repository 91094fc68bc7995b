package io.schemaplan.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The classes the start-up archive's training loads by name (those of a live PostgreSQL read) still exist: a class
 * renamed or a driver upgraded would otherwise silently leave the live path out of the archive.
 */
class CdsTrainingListTest {
    @Test
    void everyListedClassIsOnTheClassPath() throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = CdsTraining.class.getResourceAsStream("live-read-classes.txt")) {
            assertTrue(in != null, "live-read-classes.txt is in the jar beside CdsTraining");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) names.add(line.strip());
            }
        }
        assertTrue(names.contains("org.postgresql.Driver") && names.contains("io.schemaplan.read.PostgresCatalogReader"),
                "the list names the driver and the catalog reader");
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            try {
                Class.forName(name, false, getClass().getClassLoader());
            } catch (ClassNotFoundException e) {
                missing.add(name);
            }
        }
        assertTrue(missing.isEmpty(), "refresh live-read-classes.txt (docs/performance.md): gone " + missing);
    }
}
