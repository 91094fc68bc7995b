package io.schemaplan.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schemaplan.normalize.Portability;
import io.schemaplan.text.Printable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The result of {@code schemaplan portability}: text (findings of one construct for one reason grouped, with
 * the objects they are on) or JSON ({@code schemaplan-portability/1}, one entry per finding).
 */
public final class PortabilityRenderer {
    public static final String FORMAT = "schemaplan-portability/1";

    private PortabilityRenderer() {
    }

    public static String text(String source, Portability.Target target, List<Portability.Finding> findings) {
        StringBuilder b = new StringBuilder();
        String server = target == Portability.Target.MYSQL ? "MySQL" : "MariaDB";
        String head = Printable.escape(source) + ": ";
        if (findings.isEmpty()) {
            line(b, head + "no PostgreSQL-only constructs found for " + server, "", "  ");
            return b.toString();
        }
        line(b, head + ChangeText.count(findings.size(), "PostgreSQL-only construct") + " that " + server
                + " cannot take", "", "  ");
        b.append('\n');
        // The same construct for the same reason (Dify: uuid_generate_v4() on 85 columns) is said once, with
        // the objects it is on; wrapped to the terminal width like the plan.
        Map<List<String>, List<String>> groups = new LinkedHashMap<>();
        for (Portability.Finding f : findings) {
            groups.computeIfAbsent(List.of(f.construct(), f.reason()), k -> new ArrayList<>()).add(f.object());
        }
        for (Map.Entry<List<String>, List<String>> g : groups.entrySet()) {
            String construct = Printable.escape(g.getKey().get(0));
            List<String> objects = g.getValue().stream().map(Printable::escape).toList();
            if (objects.size() == 1) {
                line(b, objects.get(0) + ": " + construct, "", "    ");
            } else {
                line(b, construct + " (" + ChangeText.count(objects.size(), "object") + ")", "", "    ");
            }
            line(b, Printable.escape(g.getKey().get(1)), "    ", "    ");
            if (objects.size() > 1) line(b, "on " + String.join(", ", objects), "    ", "      ");
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String text, String indent, String hanging) {
        TextWrap.wrap(text, indent, hanging).forEach(l -> b.append(l).append('\n'));
    }

    public static String json(String source, Portability.Target target, List<Portability.Finding> findings) {
        ObjectNode root = DiffJsonRenderer.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("source", source);
        root.put("target", target.name().toLowerCase(Locale.ROOT));
        root.set("findings", DiffJsonRenderer.MAPPER.valueToTree(findings));
        return DiffJsonRenderer.write(root);
    }
}
