package io.schemaplan.dify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.schemaplan.model.Schema;
import io.schemaplan.read.Loaded;
import io.schemaplan.read.MysqlDumpReader;
import io.schemaplan.read.PgDumpReader;
import io.schemaplan.read.Snapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the bundled catalog from the dumps in {@code samples/}: one snapshot per distinct schema (releases
 * with identical schemas share it), the migration scripts of {@code samples/dify-migrations/} (what Alembic emits
 * offline between consecutive releases, gzipped as they are), and the index {@code snapshots.json}. Run by
 * {@code scripts/dify-catalog}; a test rebuilds it and compares, so the committed files cannot drift from the samples.
 */
public final class CatalogBuilder {
    private CatalogBuilder() {
    }

    /** Usage: {@code CatalogBuilder SAMPLES_DIR RESOURCE_DIR} (RESOURCE_DIR holds releases.json). */
    public static void main(String[] args) throws IOException {
        Path samples = Path.of(args[0]);
        Path out = Path.of(args[1]);
        var facts = ReleaseCatalog.parseFacts(Files.readString(out.resolve(ReleaseCatalog.FACTS)));
        try (var old = Files.newDirectoryStream(out, "*.{json,sql}.gz")) {
            for (Path f : old) Files.delete(f);
        }
        for (Map.Entry<String, String> e : build(samples, facts.releases()).entrySet()) {
            Path target = out.resolve(e.getKey());
            if (e.getKey().endsWith(".gz")) {
                Files.write(target, gzip(e.getValue()));
            } else {
                Files.writeString(target, e.getValue());
            }
            System.out.println("wrote " + target);
        }
    }

    /** File name → content (snapshot JSON before gzip, and the index) for the given releases. */
    static Map<String, String> build(Path samples, List<DifyRelease> releases) {
        Map<Schema, List<DifyRelease>> groups = new LinkedHashMap<>();
        for (DifyRelease r : releases) {
            groups.computeIfAbsent(read(samples.resolve(r.dump()), r.engine()), s -> new ArrayList<>()).add(r);
        }
        Map<String, String> files = new LinkedHashMap<>();
        List<Map<String, Object>> index = new ArrayList<>();
        for (Map.Entry<Schema, List<DifyRelease>> g : groups.entrySet()) {
            DifyRelease first = g.getValue().get(0);
            String file = first.engine() + "-" + first.version() + (first.variant() == null ? "" : "-" + first.variant())
                    + ".json.gz";
            List<String> ids = g.getValue().stream().map(DifyRelease::id).toList();
            files.put(file, Snapshots.toJson(new Loaded("dify " + String.join(", ", ids), g.getKey(), List.of())));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("file", file);
            entry.put("releases", ids);
            entry.put("tables", g.getKey().tables().stream()
                    .filter(t -> !t.name().name().equals("alembic_version")).count());
            index.add(entry);
        }
        List<Map<String, Object>> migrations = new ArrayList<>();
        for (String engine : List.of(DifyRelease.POSTGRES, DifyRelease.MYSQL)) {
            for (Path script : migrationScripts(samples, engine)) {
                String name = script.getFileName().toString(); // dify-FROM-to-TO.sql
                String[] range = name.substring("dify-".length(), name.length() - ".sql".length()).split("-to-");
                String file = "migrations-" + engine + "-" + range[0] + "-to-" + range[1] + ".sql.gz";
                String text;
                try {
                    text = Files.readString(script, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                files.put(file, text);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("engine", engine);
                entry.put("from", range[0]);
                entry.put("to", range[1]);
                entry.put("file", file);
                entry.put("revisions", io.schemaplan.script.ScriptReader.read(name, text.getBytes(StandardCharsets.UTF_8),
                        engine.equals(DifyRelease.MYSQL) ? io.schemaplan.model.Engine.MYSQL : io.schemaplan.model.Engine.POSTGRES)
                        .revisions());
                migrations.add(entry);
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", ReleaseCatalog.INDEX_FORMAT);
        root.put("snapshots", index);
        root.put("migrations", migrations);
        try {
            files.put(ReleaseCatalog.INDEX, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    /** {@code samples/dify-migrations/ENGINE/dify-*.sql}, consecutive pairs by version, the base file last. */
    private static List<Path> migrationScripts(Path samples, String engine) {
        Path dir = samples.resolve("dify-migrations").resolve(engine);
        if (!Files.isDirectory(dir)) return List.of();
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("dify-.+-to-.+\\.sql"))
                    .sorted(java.util.Comparator.comparing((Path f) -> f.getFileName().toString().startsWith("dify-base-"))
                            .thenComparing(f -> DifyRelease.versionKey(f.getFileName().toString().replaceAll("^dify-|-to-.*", ""))))
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Schema read(Path dump, String engine) {
        return engine.equals(DifyRelease.MYSQL) ? MysqlDumpReader.read(dump).schema() : PgDumpReader.read(dump).schema();
    }

    /** gzip without a timestamp (Java writes none), so a rebuild of the same schema is byte-identical. */
    static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
