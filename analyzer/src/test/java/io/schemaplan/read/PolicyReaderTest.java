package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.gate.Category;
import io.schemaplan.gate.Policy;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a gate policy: every key, and one line naming file, line and key for every mistake. */
class PolicyReaderTest {
    static final String FROM = Samples.postgres("0.14.2").toString();
    static final String TO = Samples.postgres("0.15.3").toString();

    @TempDir
    Path tmp;

    @Test
    void theSamplePolicyReadsWithEveryKindOfEntry() {
        Policy p = PolicyReader.read(Samples.root().resolve("ci/dify-policy.yaml"));
        Policy.Check rewrite = p.checks().get(0);
        assertEquals("no-rewrite-of-large-tables", rewrite.name());
        assertEquals(Policy.Action.DENY, rewrite.action());
        assertEquals(Set.of(Category.TABLE_REWRITE), rewrite.categories());
        assertEquals(1_000_000L, rewrite.scope().minRows());
        assertEquals(1L << 30, rewrite.scope().minBytes());
        assertEquals(Policy.Action.WARN, p.checks().get(4).action());
        assertEquals(1, p.windows().size());
        assertEquals(60.0, p.windows().get(0).limitSeconds());
        assertEquals(100_000L, p.windows().get(0).scope().minRows());
        assertEquals("sequence_number", p.allow().get(0).column());
        assertEquals(10_000L, p.sizes().defaultRows());
        assertEquals(new Policy.TableSize(12_000_000L, 100L << 30), p.sizes().tables().get("workflow_runs"));
        assertTrue(p.unknownSizeMatches());
    }

    @Test
    void ruleIdsCategoriesTablesAndWindowsParse() {
        Policy p = PolicyReader.parse("p.yaml", """
                unknown_size: skip
                checks:
                  - deny: [PG-REWRITE-TYPE, MY-COPY-TYPE, blocking-lock]
                    tables: [workflow_runs, public.messages]
                  - warn: not-in-transaction
                windows: {per_table: 2m, total: 1h, estimate: high, action: warn}
                """);
        Policy.Check first = p.checks().get(0);
        assertEquals("deny PG-REWRITE-TYPE, MY-COPY-TYPE, blocking-lock", first.name());
        assertEquals(Set.of("PG-REWRITE-TYPE", "MY-COPY-TYPE"), first.ruleIds());
        assertEquals(Set.of(Category.BLOCKING_LOCK), first.categories());
        assertEquals(Set.of("workflow_runs", "public.messages"), first.scope().tables());
        assertNull(first.scope().minRows());
        assertEquals(3, first.line());
        assertEquals(Set.of(Category.NOT_IN_TRANSACTION), p.checks().get(1).categories());
        assertEquals(120.0, p.windows().get(0).limitSeconds());
        assertEquals(3600.0, p.windows().get(1).limitSeconds());
        assertTrue(p.windows().get(0).highEstimate());
        assertEquals(Policy.Action.WARN, p.windows().get(1).action());
        assertTrue(!p.unknownSizeMatches());
    }

    @Test
    void mistakesAreOneLineNamingTheLineAndTheKey() {
        assertMistake("checks:\n  - deny: [table-rewrite]\n    min_rows: 1M\n  - deny: [PG-REWRITE-TYPO]\n",
                ":4: key 'deny': unknown rule id or category 'PG-REWRITE-TYPO'");
        assertMistake("checks:\n  - deny: [table-rewrite]\n    min_rows: [1, 2]\n",
                ":3: key 'min_rows': must be a single value, not a list");
        assertMistake("checks:\n  - deny: [table-rewrite]\n    min_bytes: lots\n",
                ":3: key 'min_bytes': 'lots' is not a size such as 10GB or 512MB");
        assertMistake("checks:\n  - deny: [table-rewrite]\n    min_rowz: 1M\n",
                ":3: key 'min_rowz': unknown key in a check");
        assertMistake("windows:\n  per_table: soon\n", ":2: key 'per_table': 'soon' is not a duration such as 30s, 5m or 1h");
        assertMistake("checks: {deny: x}\n", ":1: key 'checks': must be a list, not a mapping");
        assertMistake("checks:\n  - deny: [table-rewrite]\nallow:\n  - table: messages\n",
                ":4: key 'reason': missing");
        assertMistake("checks:\n  - deny: [table-rewrite]\nallow:\n  - table: messages\n    check: nope\n    reason: ok\n",
                ":5: key 'check': 'nope' is no check name, rule id or category of this policy");
        assertMistake("checks:\n  - deny: [table-rewrite\n", ":3: bad YAML: expected ',' or ']', but got <stream end> (while parsing a flow sequence)");
        assertMistake("checks:\n  - deny: x\n    deny: y\n", ":3: key 'deny': given twice");
    }

    private static void assertMistake(String yaml, String expected) {
        ReadException e = assertThrows(ReadException.class, () -> PolicyReader.parse("policy.yaml", yaml));
        assertTrue(e.getMessage().startsWith("policy.yaml:"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage() + "\n  expected: " + expected);
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void theCliEndsWithExit2AndOneLineForABrokenPolicy() throws IOException {
        Path unknownRule = write("unknown-rule.yaml", "checks:\n  - name: rewrites\n    deny: [PG-REWRITE-TYPO]\n");
        Cli.Result r = Cli.badInput("gate", FROM, TO, "--policy", unknownRule.toString());
        assertTrue(r.err().contains(unknownRule + ":3: key 'deny': unknown rule id or category 'PG-REWRITE-TYPO'"), r.err());

        Path badYaml = write("bad.yaml", "checks:\n  - deny: [table-rewrite]\n  min_rows: 1M\n   - oops\n");
        r = Cli.badInput("gate", FROM, TO, "--policy", badYaml.toString());
        assertTrue(r.err().startsWith("schemaplan: " + badYaml + ":3: bad YAML: expected <block end>"), r.err());

        Path wrongType = write("wrong-type.yaml", "checks:\n  - deny: [table-rewrite]\nwindows:\n  per_table: [60s]\n");
        r = Cli.badInput("gate", FROM, TO, "--policy", wrongType.toString());
        assertTrue(r.err().contains(wrongType + ":4: key 'per_table': must be a single value, not a list"), r.err());

        Path unknownKey = write("unknown-key.yaml", "checks:\n  - deny: [table-rewrite]\nwindow:\n  per_table: 60s\n");
        r = Cli.badInput("gate", FROM, TO, "--policy", unknownKey.toString());
        assertTrue(r.err().contains(unknownKey + ":3: key 'window': unknown key in the policy"), r.err());

        r = Cli.badInput("gate", FROM, TO, "--policy", tmp.resolve("missing.yaml").toString());
        assertTrue(r.err().contains("no such policy file"), r.err());
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }
}
