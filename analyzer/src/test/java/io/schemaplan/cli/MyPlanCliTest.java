package io.schemaplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan} on MySQL/MariaDB dumps: column changes that once crashed it, and the server profile it plans for. */
class MyPlanCliTest {
    private static final String HEADER = "/*M!999999\\- enable the sandbox mode */\n";
    private static final String TABLE = "CREATE TABLE `t` (\n  `id` int(11) NOT NULL,\n  `a` int(11) DEFAULT NULL%s,\n"
            + "  `b` varchar(60) DEFAULT NULL,\n%s  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 "
            + "COLLATE=utf8mb4_general_ci;\n";

    @TempDir
    Path tmp;

    private Path dump(String name, String header, String aSuffix, String extraColumns) throws IOException {
        return Files.writeString(tmp.resolve(name), header + String.format(TABLE, aSuffix, extraColumns));
    }

    @Test
    void makingAColumnInvisibleIsPlannedAsInstant() throws IOException {
        Path a = dump("a.sql", HEADER, "", "");
        Path b = dump("b.sql", HEADER, " INVISIBLE", "");
        Cli.Result r = Cli.run("plan", a.toString(), b.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"COLUMN_VISIBILITY\""), r.out());
        assertTrue(r.out().contains("ALGORITHM=INSTANT, LOCK=NONE"), r.out());
        // And back to visible.
        assertEquals(0, Cli.run("plan", b.toString(), a.toString()).exitCode());
    }
}
