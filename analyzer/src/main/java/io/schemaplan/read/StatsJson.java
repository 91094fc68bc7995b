package io.schemaplan.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schemaplan.model.Stats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code schemaplan-stats/1} JSON file: {@code {"format": "schemaplan-stats/1", "serverVersion": …,
 * "maintenanceWorkMemBytes": …, "maxParallelMaintenanceWorkers": …, "blockSize": …, "tables": [{"table":
 * "public.t", "rows": …, "heapBytes": …, "toastBytes": …, "indexBytes": …, "indexes": {"name": bytes},
 * "columnBytes": {"column": average width}}]}}; a file without columnBytes (older, or hand-written) reads
 * with none.
 * Keys follow the record declarations and index names are sorted, so one database gives one byte string.
 * Every number is checked on read against physical limits ({@link StatsLimits}); {@code table}, {@code rows}
 * and {@code heapBytes} are required in each table entry.
 * {@code scripts/stats-postgres.sql} writes the same format with psql alone.
 */
public final class StatsJson {
    public static final String FORMAT = "schemaplan-stats/1";

    private static final ObjectMapper MAPPER = JsonMapper.builder(InputFiles.jsonFactory())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private StatsJson() {
    }

    public static String toJson(Stats stats) {
        ObjectNode root = MAPPER.createObjectNode().put("format", FORMAT);
        root.setAll((ObjectNode) MAPPER.valueToTree(stats));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize statistics", e);
        }
    }

    public static void write(Stats stats, Path file) throws IOException {
        Files.writeString(file, toJson(stats));
    }

    /** Parses a statistics file; {@code label} names it in the one-line error. */
    public static Stats parse(String label, String text) {
        try {
            JsonNode root = MAPPER.readTree(text);
            if (root == null || !root.isObject()) {
                throw new ReadException(label + ": not a schemaplan statistics file (expected a JSON object)");
            }
            String format = root.path("format").asText("");
            if (!FORMAT.equals(format)) {
                throw new ReadException(label + ": not a schemaplan statistics file (format is '" + format
                        + "', expected '" + FORMAT + "')");
            }
            ((ObjectNode) root).remove("format");
            StatsLimits.check(label, root);
            return MAPPER.treeToValue(root, Stats.class);
        } catch (JsonProcessingException e) {
            throw InputFiles.invalidJson(label, "invalid statistics JSON", e);
        }
    }

    /**
     * The statistics a live reader made, checked against the same limits as a file ({@link StatsLimits}):
     * a catalog can hold nonsense too (a view posing as pg_class in a test, a broken server).
     */
    static Stats checked(String label, Stats stats) {
        StatsLimits.check(label, MAPPER.valueToTree(stats));
        return stats;
    }

    public static Stats read(Path file) {
        return read(file.toString());
    }

    /** Reads a statistics file ({@code -}: stdin) once, up to {@link InputFiles.Kind#STATS}'s limit. */
    public static Stats read(String spec) {
        InputFiles.Content content = InputFiles.read(spec, InputFiles.Kind.STATS);
        return parse(content.label(), new String(content.bytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
