package io.schemaplan.read;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.schemaplan.model.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
