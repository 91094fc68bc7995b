package io.schemaplan.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schemaplan.gate.Gate;
import io.schemaplan.gate.Verdict;
import io.schemaplan.gate.Verdict.Finding;
import io.schemaplan.impact.PlanItem;
import io.schemaplan.impact.MyRules;
import io.schemaplan.impact.PgRules;
import io.schemaplan.text.Printable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verdict as SARIF 2.1.0 for code scanning: {@code tool.driver.rules} are the engine's rule table (help
 * text = message and safer recipe, helpUri = the manual section) plus the gate's window caps; one result per
 * violation (level error) and warning (level warning), located at the table or column in the TO dump.
 */
public final class GateSarifRenderer {
    public static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    private static final String INFORMATION_URI = "https://github.com/schemaplan/schemaplan";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private GateSarifRenderer() {
    }

    /** A rule of the driver: id, one-line description, help text and manual URL. */
    private record Rule(String id, String message, String recipe, String url) {
    }

    public static String render(Verdict v, GateLocator locator) {
        Map<String, Rule> rules = rules(v.plan().engine().equals("PostgreSQL"));
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "schemaplan");
        driver.put("informationUri", INFORMATION_URI);
        ArrayNode ruleArray = driver.putArray("rules");
        List<String> ids = new ArrayList<>(rules.keySet());
        for (Rule r : rules.values()) {
            ObjectNode n = ruleArray.addObject();
            n.put("id", r.id());
            n.putObject("shortDescription").put("text", r.message());
            String help = r.message() + (r.recipe().isEmpty() ? "" : "\n\nSafer: " + r.recipe());
            n.putObject("help").put("text", help);
            if (r.url() != null) n.put("helpUri", r.url());
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : v.violations()) result(results, f, "error", ids, locator);
        for (Finding f : v.warnings()) result(results, f, "warning", ids, locator);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write SARIF", e);
        }
    }

    private static Map<String, Rule> rules(boolean postgres) {
        Map<String, Rule> out = new LinkedHashMap<>();
        if (postgres) {
            PgRules.all().forEach(r -> out.putIfAbsent(r.id(), new Rule(r.id(), r.message(), r.saferRecipe(), r.source().url())));
        } else {
            MyRules.all().forEach(r -> out.putIfAbsent(r.id(), new Rule(r.id(), r.message(), r.saferRecipe(), r.source().url())));
        }
        out.put(Gate.TABLE_WINDOW_RULE, new Rule(Gate.TABLE_WINDOW_RULE, "A table is blocked for longer than the "
                + "policy's per-table cap.", "Split the migration, or use the safer recipes of its operations.", null));
        out.put(Gate.TOTAL_WINDOW_RULE, new Rule(Gate.TOTAL_WINDOW_RULE, "The upgrade blocks tables for longer than "
                + "the policy's cap for the whole upgrade.", "Split the upgrade, or commit per migration.", null));
        return out;
    }

    private static void result(ArrayNode results, Finding f, String level, List<String> ids, GateLocator locator) {
        ObjectNode r = results.addObject();
        r.put("ruleId", f.ruleId());
        int index = ids.indexOf(f.ruleId());
        if (index >= 0) r.put("ruleIndex", index);
        r.put("level", level);
        r.putObject("message").put("text", Printable.escape(GateText.message(f))); // shown as text by code scanning
        GateLocator.Location at = locator.locate(f);
        if (at != null) {
            ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uri(at.file()));
            // Code scanning shows a result at a line; a file as a whole is shown at its first line.
            physical.putObject("region").put("startLine", Math.max(1, at.line()));
        }
        ObjectNode props = r.putObject("properties");
        props.put("policyCheck", f.check().name());
        if (f.table() != null) props.put("table", f.table().toString());
        PlanItem item = f.item();
        if (item != null && item.lock() != null) props.put("lock", item.lock());
        if (item != null && item.saferWay() != null) {
            // The recipe's lock beside the item's, so a reviewer sees what running it instead would change.
            props.put("saferWayLock", item.saferWay().lock());
            props.put("saferWayOnline", item.saferWay().online());
            props.put("saferWayInTransaction", item.saferWay().inTransaction());
        }
    }

    /** A relative file path as a URI reference (spaces and other characters percent-encoded). */
    static String uri(String path) {
        try {
            return new URI(null, null, path.replace('\\', '/'), null).toASCIIString();
        } catch (URISyntaxException e) {
            return path;
        }
    }
}
