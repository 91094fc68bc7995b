package io.schemaplan.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schemaplan.normalize.Portability;
import io.schemaplan.text.Printable;
import java.util.List;
import java.util.Locale;

/** The result of {@code schemaplan portability}: text (one line per finding) or JSON ({@code schemaplan-portability/1}). */
public final class PortabilityRenderer {
    public static final String FORMAT = "schemaplan-portability/1";

    private PortabilityRenderer() {
    }

    public static String text(String source, Portability.Target target, List<Portability.Finding> findings) {
        StringBuilder b = new StringBuilder(Printable.escape(source)).append(": ");
        String server = target == Portability.Target.MYSQL ? "MySQL" : "MariaDB";
        if (findings.isEmpty()) {
            return b.append("no PostgreSQL-only constructs found for ").append(server).append('\n').toString();
        }
        b.append(ChangeText.count(findings.size(), "PostgreSQL-only construct")).append(" that ").append(server)
                .append(" cannot take\n\n");
        for (Portability.Finding f : findings) {
            b.append(Printable.escape(f.object())).append(": ").append(Printable.escape(f.construct())).append("\n    ")
                    .append(Printable.escape(f.reason())).append('\n');
        }
        return b.toString();
    }

    public static String json(String source, Portability.Target target, List<Portability.Finding> findings) {
        ObjectNode root = DiffJsonRenderer.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("source", source);
        root.put("target", target.name().toLowerCase(Locale.ROOT));
        root.set("findings", DiffJsonRenderer.MAPPER.valueToTree(findings));
        try {
            return DiffJsonRenderer.MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
