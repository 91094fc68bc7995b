package io.schemaplan.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.schemaplan.model.Column;
import io.schemaplan.model.Constraint;
import io.schemaplan.model.DataType;
import io.schemaplan.model.Domain;
import io.schemaplan.model.EnumType;
import io.schemaplan.model.Extension;
import io.schemaplan.model.ForeignKey;
import io.schemaplan.model.Index;
import io.schemaplan.model.QName;
import io.schemaplan.model.Policy;
import io.schemaplan.model.Routine;
import io.schemaplan.model.Rule;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Sequence;
import io.schemaplan.model.Table;
import io.schemaplan.model.Trigger;
import io.schemaplan.model.View;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a {@code schemaplan-snapshot/1} document against the model before it becomes records, so that a
 * hand-edited or truncated snapshot is one line naming the JSON path ({@code schema.tables[3].columns[1].type})
 * instead of a NullPointerException deep in the diff.
 *
 * <p>The shape is the model's own: each record component is a field of that name, whose JSON type follows
 * the component's Java type (text, boolean, whole number, enum constant, list, nested record), so a component
 * added to a record is checked without touching this class. Which fields must be present is the one thing
 * the records do not say; {@link #REQUIRED} holds it, one row per record. A required list must not be empty
 * (an index without keys, a foreign key without columns).
 */
final class SnapshotShape {
    /** The fields the diff and the planner cannot do without, per record. */
    static final Map<Class<?>, Set<String>> REQUIRED = Map.ofEntries(
            Map.entry(Schema.class, Set.of("engine")),
            Map.entry(Extension.class, Set.of("name")),
            Map.entry(EnumType.class, Set.of("name")),
            Map.entry(Sequence.class, Set.of("name")),
            Map.entry(Table.class, Set.of("name")),
            Map.entry(Column.class, Set.of("name", "type")),
            Map.entry(DataType.class, Set.of("name")),
            Map.entry(Index.class, Set.of("name", "method", "keys")),
            Map.entry(Index.IndexKey.class, Set.of("text")),
            Map.entry(Constraint.class, Set.of("name", "kind", "definition")),
            Map.entry(ForeignKey.class, Set.of("name", "columns", "referencedTable", "referencedColumns")),
            Map.entry(Trigger.class, Set.of("name", "definition")),
            Map.entry(View.class, Set.of("name", "definition")),
            Map.entry(Routine.class, Set.of("name", "kind")),
            Map.entry(Domain.class, Set.of("name", "baseType")),
            Map.entry(Policy.class, Set.of("name")),
            Map.entry(Rule.class, Set.of("name", "definition")));

    private final String label;

    private SnapshotShape(String label) {
        this.label = label;
    }

    /** Checks the whole document (the envelope and its schema); {@code label} names the file in the error. */
    static void check(String label, JsonNode root) {
        SnapshotShape shape = new SnapshotShape(label);
        if (!root.isObject()) throw shape.bad("", "is not a JSON object");
        JsonNode source = root.get("source");
        if (source != null && !source.isTextual() && !source.isNull()) throw shape.bad("source", "is not text");
        JsonNode schema = root.get("schema");
        if (schema == null || schema.isNull()) throw shape.bad("schema", "is missing");
        shape.record(schema, Schema.class, "schema");
    }

    private void record(JsonNode node, Class<?> type, String path) {
        if (!node.isObject()) throw bad(path, "is " + kind(node) + ", expected an object");
        RecordComponent[] components = type.getRecordComponents();
        Set<String> required = REQUIRED.getOrDefault(type, Set.of());
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (Arrays.stream(components).noneMatch(c -> c.getName().equals(field))) {
                throw bad(path + "." + field, "is not a field of " + type.getSimpleName().toLowerCase() + where(node));
            }
        }
        for (RecordComponent c : components) {
            JsonNode value = node.get(c.getName());
            String at = path + "." + c.getName();
            boolean missing = value == null || value.isNull();
            if (required.contains(c.getName())) {
                if (missing || value.isTextual() && value.asText().isBlank()) throw bad(at, "is missing" + where(node));
                if (value.isArray() && value.isEmpty()) throw bad(at, "is empty" + where(node));
            }
            if (!missing) value(value, c.getGenericType(), at, node);
        }
    }

    private void value(JsonNode v, Type type, String at, JsonNode owner) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            if (!v.isArray()) throw bad(at, "is " + kind(v) + ", expected a list" + where(owner));
            for (int i = 0; i < v.size(); i++) {
                JsonNode item = v.get(i);
                if (item.isNull()) throw bad(at + "[" + i + "]", "is null" + where(owner));
                value(item, p.getActualTypeArguments()[0], at + "[" + i + "]", owner);
            }
            return;
        }
        if (!(type instanceof Class<?> c)) return;
        String expected = null;
        if (c == String.class) {
            if (!v.isTextual()) expected = "text";
        } else if (c == QName.class) {
            if (!v.isTextual() || v.asText().isBlank()) expected = "a name (schema.name)";
        } else if (c == boolean.class || c == Boolean.class) {
            if (!v.isBoolean()) expected = "true or false";
        } else if (c == int.class || c == Integer.class) {
            if (!v.isIntegralNumber() || !v.canConvertToInt()) expected = "a whole number";
        } else if (c == long.class || c == Long.class) {
            if (!v.isIntegralNumber() || !v.canConvertToLong()) expected = "a whole number";
        } else if (c.isEnum()) {
            List<String> names = Arrays.stream(c.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
            if (!v.isTextual() || !names.contains(v.asText())) expected = "one of " + String.join(", ", names);
        } else if (c.isRecord()) {
            record(v, c, at);
        }
        if (expected != null) throw bad(at, "is " + kind(v) + ", expected " + expected + where(owner));
    }

    /** The object a bad field belongs to, by its name when it has one: a path alone is hard to find in a file. */
    private static String where(JsonNode owner) {
        JsonNode name = owner.get("name");
        return name != null && name.isTextual() && !name.asText().isBlank() ? " (in " + name.asText() + ")" : "";
    }

    private static String kind(JsonNode v) {
        if (v.isTextual()) {
            String t = v.asText();
            return "\"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
        }
        if (v.isContainerNode()) return v.isArray() ? "a list" : "an object";
        return v.toString();
    }

    private ReadException bad(String path, String what) {
        return new ReadException(label + ": invalid snapshot: " + (path.isEmpty() ? "the document" : path) + " " + what);
    }
}
