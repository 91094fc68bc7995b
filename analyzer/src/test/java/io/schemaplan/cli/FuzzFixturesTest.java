package io.schemaplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The inputs that once crashed a dump reader (found by fuzzing or reported in issue 12), kept in
 * {@code src/test/resources/fuzz/} with the text each error must now contain ({@code expected.txt}): the
 * CLI refuses every one with exit 2 and one line {@code schemaplan: FILE:LINE: …}.
 */
class FuzzFixturesTest {
    private static final Path DIR = Path.of("src/test/resources/fuzz");
    private static final Pattern JAVA_CLASS = Pattern.compile("\\bjava\\.|[A-Za-z]+(Exception|Error)\\b");

    static Stream<Arguments> fixtures() throws IOException {
        return Files.readAllLines(DIR.resolve("expected.txt")).stream().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("\t", 2)).map(p -> Arguments.of(p[0], p[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void refusedWithOneLineNamingFileAndLine(String fixture, String expected, @TempDir Path tmp) {
        Path file = DIR.resolve(fixture);
        Cli.Result r = Cli.badInput("snapshot", "-o", tmp.resolve("out.json").toString(), file.toString());
        String line = r.errLines().get(0);
        assertTrue(Pattern.compile(Pattern.quote("schemaplan: " + file) + ":[1-9]\\d*: ").matcher(line).lookingAt(), line);
        assertTrue(line.contains(expected), "expected '" + expected + "' in: " + line);
        assertFalse(JAVA_CLASS.matcher(line).find(), line);
        assertTrue(line.length() < 400, "a short line: " + line);
    }

    @Test
    void everyFixtureIsListed() throws IOException {
        List<String> listed = fixtures().map(a -> (String) a.get()[0]).toList();
        try (Stream<Path> files = Files.list(DIR)) {
            assertEquals(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList(),
                    listed.stream().sorted().toList());
        }
    }

    /** A mysqldump --skip-quote-names file without its header is still MySQL (it once read as PostgreSQL). */
    @Test
    void mysqlDumpWithoutHeaderOrBackquotesIsReadAsMysql(@TempDir Path tmp) throws IOException {
        Path dump = Files.writeString(tmp.resolve("noheader.sql"),
                "CREATE TABLE t (\n  id int NOT NULL,\n  name varchar(20) DEFAULT NULL,\n  KEY ix (id)\n) ENGINE=InnoDB;\n");
        Cli.Result r = Cli.run("snapshot", "-o", tmp.resolve("out.json").toString(), dump.toString());
        assertEquals(0, r.exitCode(), r.err());
        String json = Files.readString(tmp.resolve("out.json"));
        assertTrue(json.contains("\"ix\"") && json.toLowerCase().contains("mysql"), json);
    }
}
