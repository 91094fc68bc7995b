package io.schemaplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.schemaplan.impact.PgRules;
import io.schemaplan.report.GateGithubRenderer;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.Samples;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The gate's outputs in one run: text, SARIF (schema-valid), JUnit XML, GitHub annotations, job summary. */
class GateOutputsTest {
    static final String POLICY = Samples.root().resolve("ci/dify-policy.yaml").toString();
    static final String STATS = Samples.root().resolve("stats/dify-large-install.json").toString();
    static final String V1111 = Samples.postgres("1.11.4").toString();
    static final String V1121 = Samples.postgres("1.12.1").toString();

    @TempDir
    Path tmp;

    /** 1.11.4 -> 1.12.1 has two violations: blocking index builds on two tables (their windows stay under 60 s). */
    private Cli.Result gate(String... more) {
        String[] base = {"gate", V1111, V1121, "--policy", POLICY, "--stats", STATS, "--color", "never"};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        return Cli.run(args);
    }

    @Test
    void sarifValidatesAgainstTheOfficialSchemaAndNamesRulesFromTheRuleTable() throws Exception {
        Path sarif = tmp.resolve("gate.sarif");
        Cli.Result r = gate("--sarif", sarif.toString());
        assertEquals(1, r.exitCode(), r.err());
        JsonNode doc = new ObjectMapper().readTree(sarif.toFile());
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(doc);
        assertTrue(errors.isEmpty(), errors.toString());

        // The schema check can fail: a result without its message is refused.
        JsonNode broken = doc.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.at("/runs/0/results/0")).remove("message");
        assertTrue(!schema.validate(broken).isEmpty(), "the validator accepts a result without a message");

        JsonNode rules = doc.at("/runs/0/tool/driver/rules");
        long distinctPgIds = PgRules.all().stream().map(io.schemaplan.impact.PgRule::id).distinct().count();
        assertEquals(distinctPgIds + 2, rules.size());
        JsonNode indexRule = null;
        for (JsonNode rule : rules) if (rule.get("id").asText().equals("PG-INDEX-BLOCKING")) indexRule = rule;
        assertTrue(indexRule.at("/help/text").asText().contains("Safer: CREATE [UNIQUE] INDEX CONCURRENTLY"), indexRule.toString());
        assertTrue(indexRule.get("helpUri").asText().startsWith("https://www.postgresql.org/docs/"), indexRule.toString());

        JsonNode results = doc.at("/runs/0/results");
        assertEquals(2, results.size());
        JsonNode first = results.get(0);
        assertEquals("PG-INDEX-BLOCKING", first.get("ruleId").asText());
        assertEquals("error", first.get("level").asText());
        assertEquals("PG-INDEX-BLOCKING", rules.get(first.get("ruleIndex").asInt()).get("id").asText());
        JsonNode location = first.at("/locations/0/physicalLocation");
        Path to = Path.of(V1121);
        int line = location.at("/region/startLine").asInt();
        String defined = Files.readAllLines(to).get(line - 1);
        assertTrue(defined.startsWith("CREATE INDEX ") && defined.contains(" ON public."), defined);
        assertTrue(location.at("/artifactLocation/uri").asText().endsWith("samples/postgres/dify-1.12.1.sql"), location.toString());
        // Both ways side by side: the plain build the migration runs, and the CONCURRENTLY recipe.
        JsonNode props = first.get("properties");
        assertEquals("SHARE", props.get("lock").asText(), props.toString());
        assertEquals("SHARE UPDATE EXCLUSIVE", props.get("saferWayLock").asText(), props.toString());
        assertTrue(props.get("saferWayOnline").asBoolean(), props.toString());
        assertFalse(props.get("saferWayInTransaction").asBoolean(), props.toString());
    }

    @Test
    void mysqlSarifIsValidTooAndPointsAtTheColumnInTheMysqldump() throws Exception {
        Path sarif = tmp.resolve("mysql.sarif");
        Path to = Samples.mysql("1.12.1.patched-32196");
        Cli.Result r = Cli.run("gate", Samples.mysql("1.11.4.patched-32196").toString(), to.toString(), "--policy", POLICY,
                "--stats", Samples.root().resolve("stats/dify-large-install-mysql.json").toString(), "--sarif", sarif.toString());
        assertEquals(1, r.exitCode(), r.err());
        JsonNode doc = new ObjectMapper().readTree(sarif.toFile());
        try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            Set<ValidationMessage> errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in).validate(doc);
            assertTrue(errors.isEmpty(), errors.toString());
        }
        assertTrue(doc.at("/runs/0/tool/driver/rules/0/id").asText().startsWith("MY-"), doc.at("/runs/0/tool/driver/rules/0").toString());
        JsonNode result = doc.at("/runs/0/results/0");
        assertEquals("MY-COPY-TYPE", result.get("ruleId").asText());
        int line = result.at("/locations/0/physicalLocation/region/startLine").asInt();
        assertTrue(Files.readAllLines(to).get(line - 1).startsWith("  `question` text"), "line " + line);
    }

    @Test
    void junitXmlParsesAndCountsOneFailurePerViolation() throws Exception {
        Path junit = tmp.resolve("gate.xml");
        Path sarif = tmp.resolve("gate.sarif");
        Cli.Result r = gate("--junit", junit.toString(), "--sarif", sarif.toString());
        assertEquals(1, r.exitCode(), r.err());
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        NodeList failures = xml.getElementsByTagName("failure");
        long violations = 0;
        for (JsonNode res : new ObjectMapper().readTree(sarif.toFile()).at("/runs/0/results")) {
            if (res.get("level").asText().equals("error")) violations++;
        }
        assertEquals(2, violations);
        assertEquals(violations, failures.getLength());
        Element root = xml.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals(String.valueOf(violations), root.getAttribute("failures"));
        NodeList cases = xml.getElementsByTagName("testcase");
        assertEquals(root.getAttribute("tests"), String.valueOf(cases.getLength()));
        // One test case per policy check and change: 6 item checks × the changes, plus the per-table windows.
        NodeList suites = xml.getElementsByTagName("testsuite");
        assertEquals(7, suites.getLength());
        int perCheck = Integer.parseInt(((Element) suites.item(0)).getAttribute("tests"));
        for (int i = 1; i < 6; i++) assertEquals(perCheck, Integer.parseInt(((Element) suites.item(i)).getAttribute("tests")));
        assertTrue(r.out().contains("FAILED: 2 violations, 0 warnings"), r.out());
    }

    @Test
    void githubAnnotationsAndASummaryThatIsAppended() throws Exception {
        Path summary = tmp.resolve("summary.md");
        Files.writeString(summary, "# earlier step\n");
        Cli.Result r = gate("--github", "--summary", summary.toString());
        assertEquals(1, r.exitCode(), r.err());
        long errors = r.out().lines().filter(l -> l.startsWith("::error file=")).count();
        assertEquals(2, errors, r.out());
        r.out().lines().filter(l -> l.startsWith("::")).forEach(l -> {
            assertTrue(l.matches("::error file=[^,:]+,line=\\d+,title=[^,:]+::.+"), l);
            assertTrue(!l.substring(2).contains("\n") && !l.contains("\r"), l);
        });
        String md = Files.readString(summary);
        assertTrue(md.startsWith("# earlier step\n## schemaplan gate: ❌ FAILED: 2 violations"), md);
        assertTrue(md.contains("| ❌ deny | no-blocking-index-build-on-large-tables | PG-INDEX-BLOCKING | + public.workflow\\_node\\_executions: added index"), md);
        gate("--summary", summary.toString());
        assertEquals(2, Files.readString(summary).split("## schemaplan gate", -1).length - 1);
    }

    @Test
    void githubEscapingFollowsTheWorkflowCommandRules() {
        assertEquals("100%25 done%0D%0Anext: a, b", GateGithubRenderer.data("100% done\r\nnext: a, b"));
        assertEquals("C%3A\\dir%2Cx%25%0A", GateGithubRenderer.property("C:\\dir,x%\n"));
        assertEquals("%2525", GateGithubRenderer.data("%25"), "% first, so an escape is not escaped twice");
    }

    @Test
    void aPassingUpgradeExitsZeroAndAnnotatesNothing() {
        Cli.Result r = Cli.run("gate", Samples.postgres("0.6.16").toString(), Samples.postgres("0.7.2").toString(),
                "--policy", POLICY, "--stats", STATS, "--github", "--color", "never");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("PASSED: 0 violations, 0 warnings"), r.out());
        assertTrue(r.out().lines().noneMatch(l -> l.startsWith("::")), r.out());
    }

    @Test
    void withoutStatisticsThePolicySizesOrAssumedRowsDecide() {
        String v0142 = Samples.postgres("0.14.2").toString();
        String v0153 = Samples.postgres("0.15.3").toString();
        // The policy's sizes make workflow_runs 100 GB: its rewrite is denied.
        Cli.Result r = Cli.run("gate", v0142, v0153, "--policy", POLICY, "--color", "never");
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("[no-rewrite-of-large-tables] PG-REWRITE-TYPE"), r.out());
        assertTrue(r.out().contains("sizes from assumed sizes (policy sizes)"), r.out());
        // Assumed small, the same rewrite is fine.
        r = Cli.run("gate", v0142, v0153, "--policy", POLICY, "--assume-rows", "workflow_runs=1000", "--color", "never");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        r = Cli.badInput("gate", v0142, v0153, "--policy", POLICY, "--assume-rows", "workflow_runs=many");
        assertTrue(r.err().contains("--assume-rows workflow_runs=many: 'many' is not a row count"), r.err());
    }
}
