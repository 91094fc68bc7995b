package io.schemaplan.read;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.schemaplan.model.QName;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Table;
import io.schemaplan.sql.Identifiers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Our own JSON snapshot of a schema: {@code {"format":"schemaplan-snapshot/1","source":…,"schema":{…}}}.
 * The schema object is the model itself; fields at their default (false, null, empty) are left out, and
 * key order follows the record declarations, so a snapshot of one schema is byte-stable. A snapshot is
 * checked against the model's shape on read ({@link SnapshotShape}).
 */
public final class Snapshots {
    public static final String FORMAT = "schemaplan-snapshot/1";

    private Snapshots() {
    }

    /** The envelope written to disk. */
    record Snapshot(String format, String source, Schema schema) {
    }

    public static String toJson(Loaded loaded) {
        return Json.write(new Snapshot(FORMAT, loaded.label(), loaded.schema()));
    }

    /**
     * Writes the same bytes as {@link #toJson} to {@code out}, without building the text first (a 10,000-table
     * snapshot is ~32 MB of JSON, which as a String and its buffers held ~130 MB at the end of a read). Leaves
     * {@code out} open.
     */
    public static void write(Loaded loaded, java.io.OutputStream out) throws IOException {
        Json.write(new Snapshot(FORMAT, loaded.label(), loaded.schema()), out);
    }

    public static void write(Loaded loaded, Path file) throws IOException {
        Files.writeString(file, toJson(loaded));
    }

    /** True when the text starts like one of our snapshots (cheap sniffing before a full parse). */
    static boolean looksLikeSnapshot(String head) {
        return head.stripLeading().startsWith("{") && head.contains("\"format\"") && head.contains("schemaplan-snapshot/");
    }

    public static Loaded read(Path file, String text) {
        return read(file.toString(), text);
    }

    /** Reads a snapshot's text; {@code label} names it in messages (a file name, a resource). */
    public static Loaded read(String label, String text) {
        return read(label, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Reads a snapshot's UTF-8 bytes, without a copy of them as a string. */
    public static Loaded read(String label, byte[] json) {
        return Json.read(label, json);
    }

    /**
     * {@code s} after {@code ALTER SCHEMA from RENAME TO to}: every object of {@code from} is in {@code to}, and every
     * name and definition the server prints (foreign keys, views, triggers, defaults, checks, policies, argument and
     * column types, sequence owners, extensions) names {@code to}. Routine bodies and comments stay as written: the
     * server keeps their text and does not rewrite it either. The model's JSON form is the one place that reaches
     * every field, so the rename walks it.
     */
    static Schema withNamespaceRenamed(Schema s, String from, String to) {
        return Json.withNamespaceRenamed(s, from, to);
    }

    /**
     * {@code s} after objects moved or were renamed ({@code ALTER TABLE|SEQUENCE|VIEW|TYPE … SET SCHEMA | RENAME TO}):
     * each key of {@code moves} is called by its value wherever a name or a printed definition names it (foreign keys,
     * views, triggers, defaults, policies, column and argument types, sequence owners). Routines keep their own names
     * (one may share a moved relation's name), and bodies and comments stay as written, as on the server.
     */
    static Schema withObjectsMoved(Schema s, Map<QName, QName> moves) {
        return Json.withObjectsMoved(s, moves);
    }

    /**
     * {@code s} after {@code ALTER TYPE type RENAME VALUE 'from' TO 'to'}: the server keeps an enum constant by its
     * oid, so every printed {@code 'from'::type} (defaults, checks, policies, views, index predicates) prints the new label.
     */
    static Schema withEnumLabelRenamed(Schema s, QName type, String from, String to) {
        String printedType = Identifiers.quoteIdent(type.schema()) + "."
                + Identifiers.quoteIdent(type.name());
        Pattern printed = Pattern.compile(Pattern.quote(
                "'" + from.replace("'", "''") + "'::" + printedType) + "(?![\\w$\".])");
        String replacement = Matcher.quoteReplacement("'" + to.replace("'", "''") + "'::" + printedType);
        return Json.walked(s, List.of(type.name()), (field, text) -> Json.NAMES.contains(field) ? text : printed.matcher(text).replaceAll(replacement));
    }

    /**
     * Everything that touches Jackson, in a class of its own: {@link #looksLikeSnapshot}, asked of every file
     * source, then loads (and verifies) no Jackson class; building the mapper alone costs about 0.2 s of start-up
     * that a dump file never needs (docs/performance.md).
     */
    private static final class Json {
        static final ObjectMapper MAPPER = JsonMapper.builder(InputFiles.jsonFactory())
                .serializationInclusion(JsonInclude.Include.NON_EMPTY)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();

        static void write(Snapshot snapshot, java.io.OutputStream out) throws IOException {
            try (com.fasterxml.jackson.core.JsonGenerator g = MAPPER.createGenerator(out)) {
                g.disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                MAPPER.writeValue(g, snapshot);
                g.writeRaw('\n');
            }
        }

        static String write(Snapshot snapshot) {
            try {
                return MAPPER.writeValueAsString(snapshot) + "\n";
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialize snapshot", e);
            }
        }

        /** Fields whose text is kept as written. */
        private static final Set<String> AS_WRITTEN = Set.of("body", "comment", "labels", "values");
        /** Fields that hold a model name ({@code schema.name}, or {@code schema.table.column} for a sequence owner): unquoted. */
        static final Set<String> NAMES = Set.of("name", "referencedTable", "partitionOf",
                "inherits", "ownedBy", Json.ROUTINE_NAME);
        /**
         * The field name {@link #walked} passes for a name inside {@code routines}: a routine has a namespace of its own
         * (one may share a moved relation's name and keeps it), so a walk can tell its name from a relation's.
         */
        static final String ROUTINE_NAME = "routines.name";

        static Schema withObjectsMoved(Schema s, Map<QName, QName> moves) {
            Map<String, String> names = new HashMap<>();
            Map<String, String> printedNames = new HashMap<>();
            moves.forEach((from, to) -> {
                names.put(from.toString(), to.toString());
                printedNames.put(printed(from), printed(to));
            });
            List<Qualifier> qualifiers = moves.entrySet().stream().map(Qualifier::of).filter(Objects::nonNull).toList();
            Pattern printed = Pattern.compile("(?<![\\w$\".])(?:" + printedNames.keySet().stream()
                    .map(Pattern::quote).collect(Collectors.joining("|")) + ")(?![\\w$\"])");
            List<String> mentions = moves.keySet().stream().map(QName::name).toList();
            return walked(s, mentions, (field, text) -> {
                if (field.equals(ROUTINE_NAME)) return text;
                if (NAMES.contains(field)) {
                    if (names.containsKey(text)) return names.get(text);
                    int column = text.lastIndexOf('.'); // a sequence owner, schema.table.column
                    String owner = column < 0 ? null : names.get(text.substring(0, column));
                    return owner == null ? text : owner + text.substring(column);
                }
                String moved = field.equals("definition") ? withQualifiersRenamed(text, qualifiers) : text;
                return printed.matcher(moved).replaceAll(m -> Matcher.quoteReplacement(printedNames.get(m.group())));
            });
        }

        /** What follows a relation in a FROM list when it has no alias. */
        private static final Pattern NO_ALIAS = Pattern.compile("\\s*(?:$|[),;]|(?i:WHERE|JOIN|LEFT|RIGHT"
                + "|FULL|INNER|CROSS|NATURAL|ON|USING|GROUP|ORDER|HAVING|WINDOW|LIMIT|OFFSET|FETCH|FOR|UNION|EXCEPT|INTERSECT)\\b)");

        /**
         * A view prints the columns of a relation it reads without an alias as {@code invoices.id}: once the relation is
         * renamed, as {@code bills.id}. Only when every mention of the relation is without an alias, or the qualifier
         * could be another's. The patterns of a move, compiled once for every definition the walk passes.
         */
        private record Qualifier(Pattern mention, Pattern qualifier, String to) {
            /** Null when the move keeps the relation's name (a SET SCHEMA): its qualifier stays. */
            static Qualifier of(Map.Entry<QName, QName> move) {
                String from = Identifiers.quoteIdent(move.getKey().name());
                String to = Identifiers.quoteIdent(move.getValue().name());
                if (from.equals(to)) return null;
                return new Qualifier(Pattern.compile("(?<![\\w$\".])"
                        + Pattern.quote(printed(move.getKey())) + "(?![\\w$\".])"),
                        Pattern.compile("(?<![\\w$\".])" + Pattern.quote(from + ".") + "(?=[\\w\"])"),
                        Matcher.quoteReplacement(to + "."));
            }
        }

        private static String withQualifiersRenamed(String text, List<Qualifier> qualifiers) {
            for (Qualifier q : qualifiers) {
                Matcher m = q.mention().matcher(text);
                boolean mentioned = false;
                boolean aliased = false;
                while (m.find()) {
                    mentioned = true;
                    aliased |= !NO_ALIAS.matcher(text).region(m.end(), text.length()).lookingAt();
                }
                if (!mentioned || aliased) continue;
                text = q.qualifier().matcher(text).replaceAll(q.to());
            }
            return text;
        }

        private static String printed(QName q) {
            return Identifiers.quoteIdent(q.schema()) + "." + Identifiers.quoteIdent(q.name());
        }

        static Schema withNamespaceRenamed(Schema s, String from, String to) {
            Pattern printed = Pattern.compile("(?<![\\w$\".])"
                    + Pattern.quote(Identifiers.quoteIdent(from) + "."));
            String printedTo = Matcher.quoteReplacement(Identifiers.quoteIdent(to) + ".");
            BiFunction<String, String, String> rename = (field, text) -> {
                if (field.equals("namespaces") || field.equals("schema")) return text.equals(from) ? to : text;
                if (NAMES.contains(field) && text.startsWith(from + ".")) return to + text.substring(from.length());
                return printed.matcher(text).replaceAll(printedTo);
            };
            return walked(s, List.of(from), rename);
        }

        /**
         * As {@link #walked(Schema, BiFunction)} for a {@code rename} that changes only texts holding one of {@code mentions}:
         * a table whose JSON form holds none of them is kept as it is, unwalked (a rename at 10,000 tables walked them all).
         * A mention that JSON would escape ({@code "}, {@code \}, control characters) or that a printed name would not hold
         * as it is (a quote doubled) walks everything.
         */
        static Schema walked(Schema s, List<String> mentions, BiFunction<String, String, String> rename) {
            boolean plain = mentions.stream().allMatch(m -> !m.isEmpty() && m.chars().allMatch(c -> c >= 0x20 && c != '"' && c != '\\'));
            if (!plain || s.tables().size() < 2) return walked(s, rename);
            List<Table> kept = new ArrayList<>();
            List<Table> mentioning = new ArrayList<>();
            try {
                for (Table t : s.tables()) {
                    String json = MAPPER.writeValueAsString(t);
                    (mentions.stream().anyMatch(json::contains) ? mentioning : kept).add(t);
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialize a table", e);
            }
            Schema w = walked(new Schema(s.engine(), s.serverVersion(), s.namespaces(), s.extensions(), s.enums(), s.sequences(),
                    mentioning, s.views(), s.routines(), s.domains()), rename);
            kept.addAll(w.tables());
            return new Schema(w.engine(), w.serverVersion(), w.namespaces(), w.extensions(), w.enums(), w.sequences(), kept,
                    w.views(), w.routines(), w.domains());
        }

        /** {@code s} with every text field but those kept as written passed through {@code rename(field, text)}. */
        static Schema walked(Schema s, BiFunction<String, String, String> rename) {
            try {
                return MAPPER.treeToValue(renamed(MAPPER.valueToTree(s), "", false, rename), Schema.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot read back the renamed model", e);
            }
        }

        private static JsonNode renamed(JsonNode node, String field, boolean inRoutines,
                                        BiFunction<String, String, String> rename) {
            if (AS_WRITTEN.contains(field)) return node;
            if (node.isTextual()) {
                String named = inRoutines && field.equals("name") ? ROUTINE_NAME : field;
                return com.fasterxml.jackson.databind.node.TextNode.valueOf(rename.apply(named, node.asText()));
            }
            if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
                for (int i = 0; i < a.size(); i++) a.set(i, renamed(a.get(i), field, inRoutines, rename));
            } else if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                for (String n : names) o.set(n, renamed(o.get(n), n, inRoutines || n.equals("routines"), rename));
            }
            return node;
        }

        static Loaded read(String label, byte[] json) {
            JsonNode root;
            try {
                root = MAPPER.readTree(json);
            } catch (JsonProcessingException e) {
                throw InputFiles.invalidJson(label, "invalid JSON", e);
            } catch (IOException e) {
                throw new ReadException(label + ": cannot read: " + e.getMessage()); // not expected from bytes in memory
            }
            String format = root.path("format").asText("");
            if (!FORMAT.equals(format)) {
                throw ReadException.at(label, 1, "not a schemaplan snapshot (format is '" + format + "', expected '" + FORMAT + "')");
            }
            SnapshotShape.check(label, root);
            try {
                Schema schema = MAPPER.treeToValue(root.path("schema"), Schema.class);
                if (schema == null || schema.engine() == null) {
                    throw ReadException.at(label, 1, "snapshot has no schema or no engine");
                }
                return new Loaded(root.path("source").asText(label), schema, List.of());
            } catch (JsonProcessingException e) {
                String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? m.getPathReference() : "";
                throw new ReadException(label + ": invalid snapshot at " + path + ": " + e.getOriginalMessage());
            } catch (RuntimeException e) {
                if (e instanceof ReadException) throw e;
                throw new ReadException(label + ": invalid snapshot: " + e.getMessage());
            }
        }
    }
}
