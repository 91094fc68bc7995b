package io.schemaplan.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schemaplan.diff.Change;
import io.schemaplan.diff.CrossDialectDiff;
import io.schemaplan.diff.Change.*;
import io.schemaplan.model.Column;
import io.schemaplan.read.Loaded;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The diff as JSON, format {@code schemaplan-diff/1} (documented in docs/formats.md). Keys come in a fixed
 * order and definitions are the model records, so the same diff always prints the same bytes.
 */
public final class DiffJsonRenderer {
    public static final String FORMAT = "schemaplan-diff/1";

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private DiffJsonRenderer() {
    }

    public static String render(Loaded from, Loaded to, List<Change> changes) {
        return write(tree(from, to, changes));
    }

    /**
     * A PostgreSQL-to-MySQL diff: the real changes as above, plus {@code crossDialect} with the PostgreSQL-only
     * defaults missing on MySQL ({@code expression}, {@code reason}, {@code columns}) and {@code notCompared}.
     */
    public static String render(Loaded from, Loaded to, CrossDialectDiff.Result result) {
        ObjectNode root = tree(from, to, result.changes());
        ObjectNode cross = root.putObject("crossDialect");
        cross.set("pgOnlyDefaults", MAPPER.valueToTree(result.pgOnlyDefaults()));
        cross.set("notCompared", MAPPER.valueToTree(result.notCompared()));
        return write(root);
    }

    private static ObjectNode tree(Loaded from, Loaded to, List<Change> changes) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.set("from", source(from));
        root.set("to", source(to));
        Map<String, Long> byKind = changes.stream()
                .collect(Collectors.groupingBy(Change::kind, TreeMap::new, Collectors.counting()));
        ObjectNode summary = root.putObject("summary");
        summary.put("changes", changes.size());
        byKind.forEach(summary::put);
        var list = root.putArray("changes");
        changes.forEach(c -> list.add(change(c)));
        return root;
    }

    /** A JSON document as the reports write it: the shared mapper's key order, one trailing newline. */
    static String write(JsonNode root) {
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode source(Loaded l) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("source", l.label());
        n.put("engine", l.schema().engine().name().toLowerCase());
        if (l.schema().serverVersion() != null) n.put("serverVersion", l.schema().serverVersion());
        return n;
    }

    static ObjectNode change(Change c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("kind", c.kind());
        if (c.table() != null) n.put("table", c.table().toString());
        n.put("object", c.object());
        n.put("description", ChangeText.describe(c));
        Object[] fromTo = fromTo(c);
        if (fromTo[0] != null) n.set("from", MAPPER.valueToTree(fromTo[0]));
        if (fromTo[1] != null) n.set("to", MAPPER.valueToTree(fromTo[1]));
        return n;
    }

    /** The values a change moves between: the changed aspect for column changes, else the definitions. */
    private static Object[] fromTo(Change c) {
        if (c instanceof NamespaceAdded x) return pair(null, x.name());
        if (c instanceof NamespaceDropped x) return pair(x.name(), null);
        if (c instanceof ExtensionAdded x) return pair(null, x.extension());
        if (c instanceof ExtensionDropped x) return pair(x.extension(), null);
        if (c instanceof ExtensionChanged x) return pair(x.from(), x.to());
        if (c instanceof EnumAdded x) return pair(null, x.type());
        if (c instanceof EnumDropped x) return pair(x.type(), null);
        if (c instanceof EnumChanged x) return pair(x.from(), x.to());
        if (c instanceof DomainAdded x) return pair(null, x.domain());
        if (c instanceof DomainDropped x) return pair(x.domain(), null);
        if (c instanceof DomainChanged x) return pair(x.from(), x.to());
        if (c instanceof TableOptionsChanged x) return pair(x.from(), x.to());
        if (c instanceof TableInheritsChanged x) return pair(x.from(), x.to());
        if (c instanceof ReplicaIdentityChanged x) return pair(Objects.toString(x.from(), "DEFAULT"), Objects.toString(x.to(), "DEFAULT"));
        if (c instanceof RowSecurityChanged x) return pair(ChangeText.rowSecurity(x.fromEnabled(), x.fromForced()),
                ChangeText.rowSecurity(x.toEnabled(), x.toForced()));
        if (c instanceof PolicyAdded x) return pair(null, x.policy());
        if (c instanceof PolicyDropped x) return pair(x.policy(), null);
        if (c instanceof PolicyChanged x) return pair(x.from(), x.to());
        if (c instanceof RuleAdded x) return pair(null, x.rule());
        if (c instanceof RuleDropped x) return pair(x.rule(), null);
        if (c instanceof RuleChanged x) return pair(x.from(), x.to());
        if (c instanceof ColumnStatisticsChanged x) return pair(x.from().statistics(), x.to().statistics());
        if (c instanceof ColumnStorageChanged x) return pair(x.from().storage(), x.to().storage());
        if (c instanceof ColumnCompressionChanged x) return pair(x.from().compression(), x.to().compression());
        if (c instanceof ColumnOptionsChanged x) return pair(x.from().options(), x.to().options());
        if (c instanceof SequenceAdded x) return pair(null, x.sequence());
        if (c instanceof SequenceDropped x) return pair(x.sequence(), null);
        if (c instanceof SequenceChanged x) return pair(x.from(), x.to());
        if (c instanceof ViewAdded x) return pair(null, x.view());
        if (c instanceof ViewDropped x) return pair(x.view(), null);
        if (c instanceof ViewChanged x) return pair(x.from(), x.to());
        if (c instanceof RoutineAdded x) return pair(null, x.routine());
        if (c instanceof RoutineDropped x) return pair(x.routine(), null);
        if (c instanceof RoutineChanged x) return pair(x.from(), x.to());
        if (c instanceof TableAdded x) return pair(null, x.definition());
        if (c instanceof TableDropped x) return pair(x.definition(), null);
        if (c instanceof TableChanged x) return pair(x.from(), x.to());
        if (c instanceof ColumnAdded x) return pair(null, x.to());
        if (c instanceof ColumnDropped x) return pair(x.from(), null);
        if (c instanceof ColumnTypeChanged x) return pair(x.from().type().sql(), x.to().type().sql());
        if (c instanceof ColumnDefaultChanged x) return pair(x.from().defaultExpr(), x.to().defaultExpr());
        if (c instanceof ColumnNullabilityChanged x) return pair(nullability(x.from().nullable()), nullability(x.to().nullable()));
        if (c instanceof ColumnIdentityChanged x) return pair(x.from().identity(), x.to().identity());
        if (c instanceof ColumnGeneratedChanged x) return pair(generated(x.from()), generated(x.to()));
        if (c instanceof ColumnVisibilityChanged x) return pair(visibility(x.from()), visibility(x.to()));
        if (c instanceof ColumnMoved x) return pair(x.from().position(), x.to().position());
        if (c instanceof ColumnCollationChanged x) return pair(x.from().collation(), x.to().collation());
        if (c instanceof ColumnCommentChanged x) return pair(x.from().comment(), x.to().comment());
        if (c instanceof ConstraintAdded x) return pair(null, x.constraint());
        if (c instanceof ConstraintDropped x) return pair(x.constraint(), null);
        if (c instanceof ConstraintChanged x) return pair(x.from(), x.to());
        if (c instanceof ForeignKeyAdded x) return pair(null, x.foreignKey());
        if (c instanceof ForeignKeyDropped x) return pair(x.foreignKey(), null);
        if (c instanceof ForeignKeyChanged x) return pair(x.from(), x.to());
        if (c instanceof IndexAdded x) return pair(null, x.index());
        if (c instanceof IndexDropped x) return pair(x.index(), null);
        if (c instanceof IndexChanged x) return pair(x.from(), x.to());
        if (c instanceof TriggerAdded x) return pair(null, x.trigger());
        if (c instanceof TriggerDropped x) return pair(x.trigger(), null);
        if (c instanceof TriggerChanged x) return pair(x.from(), x.to());
        if (c instanceof PossibleRename x) return pair(x.fromName(), x.toName());
        throw new IllegalStateException("unknown change " + c.kind());
    }

    /** The expression, with {@code VIRTUAL} after it for a MySQL column computed on read; null for none. */
    private static String generated(Column c) {
        return c.generatedExpr() == null ? null : c.generatedExpr() + (c.virtual() ? " VIRTUAL" : "");
    }

    private static String visibility(Column c) {
        return c.invisible() ? "INVISIBLE" : "VISIBLE";
    }

    private static String nullability(boolean nullable) {
        return nullable ? "NULL" : "NOT NULL";
    }

    private static Object[] pair(Object from, Object to) {
        return new Object[] {from, to};
    }

    /** Parses rendered JSON back (for tests and for tools that post-process it). */
    public static JsonNode parse(String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }
}
