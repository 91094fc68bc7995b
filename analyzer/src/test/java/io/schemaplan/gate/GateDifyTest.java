package io.schemaplan.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code schemaplan gate} over every consecutive Dify release pair with the sample policy and the
 * large-install statistics, checked against the verdict table of samples/ci/README.md (parsed here, so that
 * the documentation and the test cannot drift apart).
 */
class GateDifyTest {
    static final Path POLICY = Samples.root().resolve("ci/dify-policy.yaml");
    static final List<String> MYSQL_CHAIN = List.of("1.10.1", "1.11.4.patched-32196", "1.12.1.patched-32196");

    @TempDir
    Path tmp;

    /** One row of the README's verdict table. */
    record Row(String engine, String from, String to, String verdict, Set<String> violations, Set<String> warnings) {
    }

    static List<Row> documentedVerdicts() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Samples.root().resolve("ci/README.md"))) {
            if (!line.startsWith("| PostgreSQL |") && !line.startsWith("| MariaDB |")) continue;
            String[] cells = line.substring(1, line.length() - 1).split("\\|");
            assertEquals(6, cells.length, line);
            rows.add(new Row(cells[0].trim(), cells[1].trim(), cells[2].trim(), cells[3].trim(),
                    findings(cells[4]), findings(cells[5])));
        }
        return rows;
    }

    private static Set<String> findings(String cell) {
        Set<String> out = new LinkedHashSet<>();
        for (String f : cell.trim().split(";\\s*")) {
            if (!f.isBlank() && !f.equals("–")) out.add(f.trim());
        }
        return out;
    }

    @Test
    void theTableCoversEveryConsecutiveReleasePair() throws IOException {
        List<String> expected = new ArrayList<>();
        List<String> pg = Samples.postgresVersions();
        for (int i = 1; i < pg.size(); i++) expected.add("PostgreSQL " + pg.get(i - 1) + " -> " + pg.get(i));
        for (int i = 1; i < MYSQL_CHAIN.size(); i++) {
            expected.add("MariaDB " + MYSQL_CHAIN.get(i - 1) + " -> " + MYSQL_CHAIN.get(i));
        }
        List<String> documented = documentedVerdicts().stream()
                .map(r -> r.engine() + " " + r.from() + " -> " + r.to()).toList();
        assertEquals(expected, documented);
        assertEquals(24, documented.size());
    }

    @Test
    void everyPairGetsTheDocumentedVerdict() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int failures = 0;
        for (Row row : documentedVerdicts()) {
            boolean pg = row.engine().equals("PostgreSQL");
            Path from = pg ? Samples.postgres(row.from()) : Samples.mysql(row.from());
            Path to = pg ? Samples.postgres(row.to()) : Samples.mysql(row.to());
            Path stats = Samples.root().resolve(pg ? "stats/dify-large-install.json" : "stats/dify-large-install-mysql.json");
            Path sarif = tmp.resolve(row.from() + "-" + row.to() + ".sarif");
            Cli.Result r = Cli.run("gate", from.toString(), to.toString(), "--policy", POLICY.toString(),
                    "--stats", stats.toString(), "--sarif", sarif.toString(), "--color", "never");
            String verdict = r.exitCode() == 0 ? "pass" : r.exitCode() == 1 ? "fail" : "error: " + r.err();
            JsonNode results = new ObjectMapper().readTree(sarif.toFile()).at("/runs/0/results");
            Row actual = new Row(row.engine(), row.from(), row.to(), verdict, found(results, "error"),
                    found(results, "warning"));
            if (!actual.equals(row)) mismatches.add("documented " + row + "\n     actual " + actual);
            if (verdict.equals("fail")) failures++;
        }
        assertTrue(mismatches.isEmpty(), "samples/ci/README.md disagrees with the gate:\n" + String.join("\n", mismatches));
        assertTrue(failures > 0 && failures < 24, "the policy must tell releases apart: " + failures + " of 24 fail");
    }

    /** {@code check (table)} for each result of the level, as the README writes them. */
    private static Set<String> found(JsonNode results, String level) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode r : results) {
            if (!r.get("level").asText().equals(level)) continue;
            JsonNode table = r.at("/properties/table");
            String name = table.isMissingNode() ? "whole upgrade" : table.asText().replaceAll("^.*\\.", "");
            out.add(r.at("/properties/policyCheck").asText() + " (" + name + ")");
        }
        return out;
    }

    @Test
    void theWorkflowRunsRewriteOf015FailsTheGateOnTheColumnLineOfTheTargetDump() {
        Cli.Result r = Cli.run("gate", Samples.postgres("0.14.2").toString(), Samples.postgres("0.15.3").toString(),
                "--policy", POLICY.toString(), "--stats", Samples.root().resolve("stats/dify-large-install.json").toString(),
                "--github", "--color", "never");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().contains("FAILED: 2 violations, 0 warnings"), r.out());
        String annotation = r.out().lines().filter(l -> l.startsWith("::error ") && l.contains("PG-REWRITE-TYPE"))
                .findFirst().orElseThrow(() -> new AssertionError(r.out()));
        String file = Samples.postgres("0.15.3").toString();
        int line = lineOf(Samples.postgres("0.15.3"), "    total_tokens bigint", "CREATE TABLE public.workflow_runs (");
        assertTrue(annotation.contains(",line=" + line + ","), annotation + " (expected line " + line + ")");
        assertTrue(annotation.startsWith("::error file=" + file.replace(":", "%3A").replace(",", "%2C") + ","), annotation);
    }

    /** The 1-based line of {@code text} after the line {@code after}. */
    static int lineOf(Path file, String textPrefix, String after) {
        try {
            List<String> lines = Files.readAllLines(file);
            int start = lines.indexOf(after);
            for (int i = start; i < lines.size(); i++) {
                if (lines.get(i).startsWith(textPrefix)) return i + 1;
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError(textPrefix + " not found in " + file);
    }
}
