package io.schemaplan.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The bundled sample schemas (samples/ at the top of the repository). */
public final class Samples {
    private Samples() {
    }

    public static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("samples/postgres"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("samples/postgres not found above " + Path.of("").toAbsolutePath());
        }
        return p.resolve("samples");
    }

    public static Path postgres(String version) {
        return root().resolve("postgres/dify-" + version + ".sql");
    }

    public static Path mysql(String version) {
        return root().resolve("mysql/dify-" + version + ".sql");
    }

    /** Every Dify MySQL/MariaDB dump (plain and patched releases), oldest first. */
    public static List<String> mysqlVersions() {
        try (Stream<Path> files = Files.list(root().resolve("mysql"))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("dify-") && n.endsWith(".sql"))
                    .map(n -> n.substring(5, n.length() - 4))
                    .sorted(Comparator.comparing((String v) -> versionKey(v.replaceAll("\\.patched.*", ""))).thenComparing(v -> v))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every Dify PostgreSQL release dump, oldest first (by version number, not by name). */
    public static List<String> postgresVersions() {
        try (Stream<Path> files = Files.list(root().resolve("postgres"))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("dify-") && n.endsWith(".sql"))
                    .map(n -> n.substring(5, n.length() - 4))
                    .sorted(Comparator.comparing(Samples::versionKey))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String versionKey(String v) {
        StringBuilder b = new StringBuilder();
        for (String part : v.split("\\.")) {
            b.append(String.format("%05d", Integer.parseInt(part.replaceAll("\\D.*", ""))));
        }
        return b.toString();
    }
}
