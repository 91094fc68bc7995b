package io.schemaplan.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schemaplan.impact.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code schemaplan-profile/1} JSON file that {@code schemaplan calibrate} writes and {@code --profile}
 * reads: {@code {"format": "schemaplan-profile/1", "name": …, "measuredOn": …, "seqScanBytesPerSecond": …,
 * "rewriteBytesPerSecond": …, "indexBuildBytesPerSecond": …, "indexRebuildBytesPerSecond": …,
 * "foreignKeyRowsPerSecond": …, "spread": …}}. A profile written before indexRebuildBytesPerSecond existed
 * (December 2026) has one index throughput for both, and is read so.
 */
public final class ProfileJson {
    public static final String FORMAT = "schemaplan-profile/1";
    private static final String BUILD = "indexBuildBytesPerSecond";
    private static final String REBUILD = "indexRebuildBytesPerSecond";

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
            return MAPPER.treeToValue(root, Profile.class);
        } catch (JsonProcessingException e) {
            throw InputFiles.invalidJson(label, "invalid profile JSON", e);
        } catch (IllegalArgumentException e) {
            throw new ReadException(label + ": invalid profile: " + e.getMessage());
        }
    }

    public static Profile read(Path file) {
        InputFiles.Content content = InputFiles.read(file.toString(), InputFiles.Kind.PROFILE);
        return parse(content.label(), new String(content.bytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
