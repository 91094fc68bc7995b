package io.schemaplan.dify;

import io.schemaplan.model.Engine;
import io.schemaplan.script.Script;
import io.schemaplan.script.ScriptReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL Dify's Alembic migrations run between two releases of the catalog, from the offline scripts
 * bundled per consecutive release pair ({@code samples/dify-migrations}, in the jar under
 * {@code dify/migrations/}). An upgrade across several releases is the pairs' scripts in order.
 */
public final class DifyMigrations {
    static final String RESOURCES = "dify/migrations/";

    private DifyMigrations() {
    }

    /**
     * The scripts from {@code from} to {@code to} (same engine, {@code from} older), one per release pair;
     * empty when the catalog has no script for some pair on the way.
     */
    public static Optional<List<Script>> between(ReleaseCatalog catalog, DifyRelease from, DifyRelease to) {
        if (!from.engine().equals(to.engine())) return Optional.empty();
        List<DifyRelease> line = catalog.ofEngine(from.engine()).stream().filter(DifyRelease::complete).toList();
        int a = indexOf(line, from);
        int b = indexOf(line, to);
        if (a < 0 || b < 0 || a >= b) return Optional.empty();
        Engine dialect = from.engine().equals(DifyRelease.POSTGRES) ? Engine.POSTGRES : Engine.MYSQL;
        List<Script> out = new ArrayList<>();
        for (int i = a; i < b; i++) {
            String name = from.engine() + "/dify-" + line.get(i).version() + "-to-" + line.get(i + 1).version() + ".sql";
            byte[] bytes = resource(RESOURCES + name);
            if (bytes == null) return Optional.empty();
            out.add(ScriptReader.read("dify-migrations/" + name, bytes, dialect));
        }
        return Optional.of(out);
    }

    private static int indexOf(List<DifyRelease> line, DifyRelease r) {
        for (int i = 0; i < line.size(); i++) if (line.get(i).id().equals(r.id())) return i;
        return -1;
    }

    private static byte[] resource(String path) {
        try (InputStream in = DifyMigrations.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The catalog release {@code alembic_version} names for a live database (the newest of those sharing the
     * revision); empty when the table does not hold exactly one revision of a release (then only the schema
     * can be compared: {@code dify doctor} says where such a database stands).
     */
    public static Optional<DifyRelease> releaseAt(ReleaseCatalog catalog, List<String> versionRows, String engine) {
        if (versionRows.size() != 1) return Optional.empty();
        List<DifyRelease> at = catalog.at(versionRows.get(0), engine).stream().filter(DifyRelease::complete).toList();
        return at.isEmpty() ? Optional.empty() : Optional.of(at.get(at.size() - 1));
    }
}
