package io.schemaplan.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schemaplan.impact.Profile;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code schemaplan-profile/1} JSON file that {@code schemaplan calibrate} writes and {@code --profile}
 * reads: {@code {"format": "schemaplan-profile/1", "name": …, "measuredOn": …, "seqScanBytesPerSecond": …,
 * "rewriteBytesPerSecond": …, "indexBuildBytesPerSecond": …, "indexRebuildBytesPerSecond": …,
 * "foreignKeyRowsPerSecond": …, "rowWriteBytesPerSecond": …, "updateRowMicros": …, "updateEntryMicros": …,
 * "spread": …}}. A profile written before indexRebuildBytesPerSecond existed (December 2026) has one index
 * throughput for both, and is read so; one written before rowWriteBytesPerSecond existed gets
 * {@link Profile#DEFAULT_ROW_WRITE_BYTES_PER_SECOND}; one written before updateRowMicros and updateEntryMicros
 * existed (UPDATE priced per index entry, December 2026) gets {@link Profile#DEFAULT_UPDATE_ROW_MICROS} and
 * {@link Profile#DEFAULT_UPDATE_ENTRY_MICROS}. Every throughput must be a finite positive number of at most
 * {@link #MAX_BYTES_PER_SECOND} (rows: {@link #MAX_ROWS_PER_SECOND}), each per-row cost positive and at most
 * {@link #MAX_MICROS}, the spread between 1 and {@link #MAX_SPREAD}.
 */
public final class ProfileJson {
    public static final String FORMAT = "schemaplan-profile/1";
    private static final String BUILD = "indexBuildBytesPerSecond";
    private static final String REBUILD = "indexRebuildBytesPerSecond";
    private static final String ROW_WRITE = "rowWriteBytesPerSecond";
    private static final String UPDATE_ROW = "updateRowMicros";
    private static final String UPDATE_ENTRY = "updateEntryMicros";

    private static final ObjectMapper MAPPER = JsonMapper.builder(InputFiles.jsonFactory())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ProfileJson() {
    }

    public static String toJson(Profile p) {
        ObjectNode root = MAPPER.createObjectNode().put("format", FORMAT);
        root.setAll((ObjectNode) MAPPER.valueToTree(p));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize profile", e);
        }
    }

    /** Parses a profile; {@code label} names it in the one-line error. */
    public static Profile parse(String label, String text) {
        try {
            JsonNode root = MAPPER.readTree(text);
            if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(""))) {
                throw new ReadException(label + ": not a schemaplan profile (expected \"format\": \"" + FORMAT + "\")");
            }
            ObjectNode fields = (ObjectNode) root;
            fields.remove("format");
            if (!fields.has(REBUILD) && fields.has(BUILD)) fields.set(REBUILD, fields.get(BUILD));
            if (!fields.has(ROW_WRITE)) fields.put(ROW_WRITE, Profile.DEFAULT_ROW_WRITE_BYTES_PER_SECOND);
            if (!fields.has(UPDATE_ROW)) fields.put(UPDATE_ROW, Profile.DEFAULT_UPDATE_ROW_MICROS);
            if (!fields.has(UPDATE_ENTRY)) fields.put(UPDATE_ENTRY, Profile.DEFAULT_UPDATE_ENTRY_MICROS);
            checkNumbers(label, fields);
            return MAPPER.treeToValue(root, Profile.class);
        } catch (JsonProcessingException e) {
            throw InputFiles.invalidJson(label, "invalid profile JSON", e);
        } catch (IllegalArgumentException e) {
            throw new ReadException(label + ": invalid profile: " + e.getMessage());
        }
    }

    /** The most a server can move: 1 TiB/s is far above any disk or memory bus, 10^10 rows/s above any CPU. */
    static final double MAX_BYTES_PER_SECOND = 0x1p40;
    static final double MAX_ROWS_PER_SECOND = 1e10;
    /** A second per row or index entry written is far slower than any server. */
    static final double MAX_MICROS = 1e6;
    /** A range wider than ÷/× 100 says nothing; narrower than 1 is not a range. */
    static final double MAX_SPREAD = 100;

    /** Each throughput and the spread: a finite number in its range, so no estimate comes out 0, negative or NaN. */
    private static void checkNumbers(String label, ObjectNode fields) {
        for (String key : List.of("seqScanBytesPerSecond", "rewriteBytesPerSecond", BUILD, REBUILD, ROW_WRITE)) {
            number(label, fields, key, Double.MIN_VALUE, MAX_BYTES_PER_SECOND, "bytes per second");
        }
        number(label, fields, "foreignKeyRowsPerSecond", Double.MIN_VALUE, MAX_ROWS_PER_SECOND, "rows per second");
        for (String key : List.of(UPDATE_ROW, UPDATE_ENTRY)) {
            number(label, fields, key, Double.MIN_VALUE, MAX_MICROS, "microseconds");
        }
        number(label, fields, "spread", 1, MAX_SPREAD, "(the factor between the expected duration and either end)");
    }

    private static void number(String label, ObjectNode fields, String key, double min, double max, String unit) {
        JsonNode v = fields.get(key);
        String at = label + ": invalid profile: " + key;
        if (v == null) throw new ReadException(at + " is missing");
        if (!v.isNumber()) throw new ReadException(at + " must be a number, got " + v);
        double d = v.asDouble();
        String got = ", got " + v.asText();
        if (!Double.isFinite(d)) throw new ReadException(at + " must be a finite number" + got);
        if (d < min) {
            throw new ReadException(at + (min == Double.MIN_VALUE ? " must be positive" : " must be at least " + (long) min) + got);
        }
        if (d > max) throw new ReadException(at + " must be at most " + String.format("%.0f", max) + " " + unit + got);
    }

    public static Profile read(Path file) {
        InputFiles.Content content = InputFiles.read(file.toString(), InputFiles.Kind.PROFILE);
        return parse(content.label(), new String(content.bytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
