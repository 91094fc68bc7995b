package io.schemaplan.dify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schemaplan.read.Loaded;
import io.schemaplan.read.ReadException;
import io.schemaplan.read.Snapshots;
import io.schemaplan.script.Script;
import io.schemaplan.script.ScriptReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * The Dify releases bundled in the jar: facts from {@code dify/releases.json} (versions, Alembic heads, the
 * known revision order), joined with the generated index {@code dify/snapshots.json} that names each
 * release's gzipped snapshot. Snapshots are read on first use and kept.
 */
public final class ReleaseCatalog {
    static final String RESOURCES = "dify/";
    static final String FACTS = "releases.json";
    static final String INDEX = "snapshots.json";
    static final String INDEX_FORMAT = "schemaplan-dify-catalog/1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile ReleaseCatalog bundled;

    /** A revision whose place in the history is known; {@code release} is the first release that has it. */
    public record KnownRevision(String revision, String release, String note) {
    }

    /** The hand-kept facts: releases (without their snapshot) and the known revisions in upgrade order. */
    record Facts(List<DifyRelease> releases, List<KnownRevision> revisions) {
    }

    /**
     * What Alembic emits offline from release {@code from} ({@code base}: an empty database) to release {@code to}
     * of one engine, bundled gzipped as {@code file}; {@code revisions} in upgrade order.
     */
    public record Migration(String engine, String from, String to, String file, List<String> revisions) {
        public Migration {
            revisions = List.copyOf(revisions);
        }

        public boolean fromBase() {
            return from.equals(BASE);
        }
    }

    /** The {@code from} of a migration that starts on an empty database. */
    public static final String BASE = "base";

    private final List<DifyRelease> releases;
    private final List<KnownRevision> revisions;
    private List<Migration> migrations = List.of();
    private final Map<String, Integer> position = new HashMap<>();
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    ReleaseCatalog(List<DifyRelease> releases, List<KnownRevision> revisions) {
        this.releases = releases.stream().sorted(Comparator.comparing((DifyRelease r) -> !r.engine().equals(DifyRelease.POSTGRES))
                .thenComparing(r -> DifyRelease.versionKey(r.version()))
                .thenComparing(r -> r.variant() == null ? "" : r.variant())).toList();
        this.revisions = List.copyOf(revisions);
        for (int i = 0; i < revisions.size(); i++) {
            position.put(revisions.get(i).revision(), i);
        }
    }

    public static ReleaseCatalog bundled() {
        if (bundled == null) {
            synchronized (ReleaseCatalog.class) {
                if (bundled == null) {
                    bundled = fromResources();
                }
            }
        }
        return bundled;
    }

    private static ReleaseCatalog fromResources() {
        Facts facts = parseFacts(new String(resource(FACTS), StandardCharsets.UTF_8));
        Map<String, JsonNode> byId = new HashMap<>();
        try {
            for (JsonNode s : JSON.readTree(resource(INDEX)).path("snapshots")) {
                for (JsonNode id : s.path("releases")) {
                    byId.put(id.asText(), s);
                }
            }
            List<DifyRelease> joined = new ArrayList<>();
            for (DifyRelease r : facts.releases()) {
                JsonNode entry = byId.get(r.id());
                if (entry == null) {
                    throw new IllegalStateException("release " + r.id() + " has no bundled snapshot: run scripts/dify-catalog");
                }
                joined.add(r.withSnapshot(entry.path("file").asText(), entry.path("tables").asInt()));
            }
            ReleaseCatalog catalog = new ReleaseCatalog(joined, facts.revisions());
            List<Migration> migrations = new ArrayList<>();
            for (JsonNode m : JSON.readTree(resource(INDEX)).path("migrations")) {
                List<String> revs = new ArrayList<>();
                m.path("revisions").forEach(r -> revs.add(r.asText()));
                migrations.add(new Migration(m.path("engine").asText(), m.path("from").asText(), m.path("to").asText(),
                        m.path("file").asText(), revs));
            }
            catalog.migrations = List.copyOf(migrations);
            return catalog;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Facts parseFacts(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            List<DifyRelease> releases = new ArrayList<>();
            for (JsonNode r : root.path("releases")) {
                releases.add(new DifyRelease(r.path("version").asText(), r.path("engine").asText(),
                        text(r, "variant"), r.path("dump").asText(), r.path("revision").asText(), text(r, "commit"),
                        text(r, "date"), text(r, "note"), null, 0));
            }
            List<KnownRevision> revisions = new ArrayList<>();
            for (JsonNode k : root.path("revisions")) {
                revisions.add(new KnownRevision(k.path("revision").asText(), k.path("release").asText(), text(k, "note")));
            }
            return new Facts(releases, revisions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static byte[] resource(String name) {
        try (InputStream in = ReleaseCatalog.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCES + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every release: PostgreSQL first, then by version. */
    public List<DifyRelease> releases() {
        return releases;
    }

    public List<KnownRevision> revisions() {
        return revisions;
    }

    /** The releases with the same bundled schema as {@code release} (itself included). */
    public List<DifyRelease> sharing(DifyRelease release) {
        return releases.stream().filter(r -> r.snapshot().equals(release.snapshot())).toList();
    }

    /** The releases of {@code engine} whose migrations leave {@code revision} in alembic_version. */
    public List<DifyRelease> at(String revision, String engine) {
        return releases.stream().filter(r -> r.engine().equals(engine) && r.revision().equals(revision)).toList();
    }

    /** Complete releases of the same engine newer than {@code release}, oldest first. */
    public List<DifyRelease> after(DifyRelease release) {
        String key = DifyRelease.versionKey(release.version());
        return releases.stream().filter(r -> r.engine().equals(release.engine()) && r.complete()
                && DifyRelease.versionKey(r.version()).compareTo(key) > 0).toList();
    }

    public List<DifyRelease> ofEngine(String engine) {
        return releases.stream().filter(r -> r.engine().equals(engine)).toList();
    }

    /** The known revision, or null. */
    public KnownRevision revision(String revision) {
        Integer i = position.get(revision);
        return i == null ? null : revisions.get(i);
    }

    /** True when both revisions are known and {@code ancestor} comes strictly before {@code descendant}. */
    public boolean isAncestor(String ancestor, String descendant) {
        Integer a = position.get(ancestor);
        Integer d = position.get(descendant);
        return a != null && d != null && a < d;
    }

    /** The bundled migration scripts: consecutive release pairs, and from {@code base} to a release. */
    public List<Migration> migrations() {
        return migrations;
    }

    /**
     * The migration scripts from {@code from} ({@link #BASE} for an empty database) to {@code to} on {@code engine}:
     * one bundled script, or the consecutive pairs in between, in order.
     *
     * @throws ReadException one line when the catalog has no such range
     */
    public List<Migration> migrationPath(String engine, String from, String to) {
        String label = "dify " + from + " -> " + to + " (" + engine + ")";
        List<Migration> ofEngine = migrations.stream().filter(m -> m.engine().equals(engine)).toList();
        for (Migration m : ofEngine) {
            if (m.from().equals(from) && m.to().equals(to)) return List.of(m);
        }
        if (from.equals(to)) throw new ReadException(label + ": the same release; there is nothing to migrate");
        List<Migration> path = new ArrayList<>();
        String at = from;
        while (!at.equals(to)) {
            String current = at;
            Migration next = ofEngine.stream().filter(m -> !m.fromBase() && m.from().equals(current)).findFirst().orElse(null);
            if (next == null) {
                List<String> known = ofEngine.stream().map(m -> m.from() + " -> " + m.to()).toList();
                throw new ReadException(label + ": the catalog has no migration script from " + current + " on " + engine
                        + " (it has " + String.join(", ", known) + ")");
            }
            path.add(next);
            at = next.to();
        }
        return path;
    }

    /**
     * The SQL from {@code from} to {@code to}: the bundled script, or the consecutive ones joined as Dify runs them.
     * On PostgreSQL Dify runs every pending revision in one transaction, so the joined script is one {@code BEGIN; …
     * COMMIT;}: each piece's own first BEGIN and last COMMIT go, the COMMIT / BEGIN of an {@code autocommit_block}
     * inside a piece stays. MySQL scripts have no transaction statements and are joined as they are.
     */
    public String migrationSql(String engine, String from, String to) {
        List<Migration> path = migrationPath(engine, from, to);
        if (path.size() == 1) return text(path.get(0));
        boolean postgres = engine.equals(DifyRelease.POSTGRES);
        StringBuilder b = new StringBuilder("-- Dify " + from + " -> " + to + " (" + engine + "): the bundled scripts of "
                + path.size() + " consecutive release pairs joined, " + (postgres
                ? "in one transaction as Dify runs all pending revisions on PostgreSQL." : "as they are (no transactional DDL).")
                + "\n\n" + (postgres ? "BEGIN;\n\n" : ""));
        for (Migration m : path) {
            List<String> lines = new ArrayList<>(text(m).lines().toList());
            while (!lines.isEmpty() && lines.get(0).startsWith("--")) lines.remove(0); // the piece's header
            if (postgres) {
                int begin = lines.indexOf("BEGIN;");
                int commit = lines.lastIndexOf("COMMIT;");
                if (begin < 0 || commit < begin) throw new IllegalStateException(m.file() + " has no BEGIN; ... COMMIT;");
                lines = lines.subList(begin + 1, commit);
            }
            String body = String.join("\n", lines).strip();
            b.append("-- ").append(m.from()).append(" -> ").append(m.to()).append("\n\n");
            if (!body.isEmpty()) b.append(body).append("\n\n");
        }
        if (postgres) b.append("COMMIT;\n");
        return b.toString();
    }

    /** The joined script read into statements, labelled {@code dify:FROM->TO/ENGINE}. */
    public Script migration(String engine, String from, String to) {
        String sql = migrationSql(engine, from, to);
        return ScriptReader.read("dify:" + from + "->" + to + "/" + engine, sql.getBytes(StandardCharsets.UTF_8),
                engine.equals(DifyRelease.MYSQL) ? io.schemaplan.model.Engine.MYSQL : io.schemaplan.model.Engine.POSTGRES);
    }

    /**
     * The release {@code alembic_version} names for a live database (the newest of those sharing the revision);
     * null when the table does not hold exactly one revision of a release (then only the schema can be compared:
     * {@code dify doctor} says where such a database stands).
     */
    public DifyRelease releaseAt(List<String> versionRows, String engine) {
        if (versionRows.size() != 1) return null;
        List<DifyRelease> at = at(versionRows.get(0), engine).stream().filter(DifyRelease::complete).toList();
        return at.isEmpty() ? null : at.get(at.size() - 1);
    }

    /** The release whose migrations bring {@code revision} in, on {@code engine}; null when no bundled script has it. */
    public String releaseIntroducing(String revision, String engine) {
        String release = migrations.stream().filter(m -> m.engine().equals(engine) && !m.fromBase() && m.revisions().contains(revision))
                .map(Migration::to).findFirst().orElse(null);
        if (release != null) return release;
        // older than every bundled pair: in the release the first pair starts from, or an earlier one
        boolean inBase = migrations.stream().anyMatch(m -> m.engine().equals(engine) && m.fromBase() && m.revisions().contains(revision));
        return !inBase ? null : "<=" + migrations.stream().filter(m -> m.engine().equals(engine) && !m.fromBase())
                .map(Migration::from).findFirst().orElse(migrations.stream().filter(m -> m.engine().equals(engine))
                        .map(Migration::to).findFirst().orElseThrow());
    }

    /** Whether {@code revision} is the first one Dify's migrations run on an empty database. */
    public boolean isFirstRevision(String revision, String engine) {
        return migrations.stream().anyMatch(m -> m.engine().equals(engine) && m.fromBase()
                && !m.revisions().isEmpty() && m.revisions().get(0).equals(revision));
    }

    private static String text(Migration m) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(resource(m.file())))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The release's schema, labelled with its {@code dify:} spec. */
    public Loaded load(DifyRelease release) {
        Loaded shared = loaded.computeIfAbsent(release.snapshot(), file -> {
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(resource(file)))) {
                return Snapshots.read(RESOURCES + file, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new Loaded(release.spec(), shared.schema(), List.of());
    }

    /** What a release version looks like: up to four numbers of at most six digits, an optional suffix (-beta1). */
    private static final java.util.regex.Pattern VERSION =
            java.util.regex.Pattern.compile("\\d{1,6}(\\.\\d{1,6}){0,3}([-+][0-9A-Za-z.]{1,32})?");

    /**
     * The release a {@code dify:} spec names: {@code dify:1.12.1} (PostgreSQL), {@code dify:1.12.1/mysql},
     * {@code dify:1.12.1/mysql-unpatched}.
     *
     * @throws ReadException one line naming the nearest known releases when there is no such entry
     */
    public DifyRelease find(String spec) {
        String rest = spec.startsWith(DifySourceProvider.PREFIX) ? spec.substring(DifySourceProvider.PREFIX.length()) : spec;
        int slash = rest.indexOf('/');
        String version = slash < 0 ? rest : rest.substring(0, slash);
        String flavour = slash < 0 ? DifyRelease.POSTGRES : rest.substring(slash + 1).toLowerCase(Locale.ROOT);
        String engine = flavour.replaceAll("-.*", "");
        if (engine.equals("postgresql")) engine = DifyRelease.POSTGRES;
        if (engine.equals("mariadb")) engine = DifyRelease.MYSQL;
        String variant = flavour.contains("-") ? flavour.substring(flavour.indexOf('-') + 1) : null;
        if (!VERSION.matcher(version).matches()) {
            throw new ReadException(spec + ": not a Dify version (expected dify:MAJOR.MINOR.PATCH such as dify:1.12.1,"
                    + " optionally /mysql; see 'schemaplan dify releases')");
        }
        String id = version + "/" + engine + (variant == null ? "" : "-" + variant);
        for (DifyRelease r : releases) {
            if (r.id().equals(id)) return r;
        }
        List<DifyRelease> sameEngine = ofEngine(engine).stream().filter(DifyRelease::complete).toList();
        if (sameEngine.isEmpty()) {
            throw new ReadException(spec + ": unknown engine '" + flavour + "' (known: postgres, mysql)");
        }
        throw new ReadException(spec + ": no such Dify release in the catalog; nearest: " + nearest(sameEngine, version)
                + " (" + sameEngine.size() + " " + engine + " releases " + sameEngine.get(0).version() + " … "
                + sameEngine.get(sameEngine.size() - 1).version() + "; see 'schemaplan dify releases')");
    }

    /** The known versions just below and just above {@code version}. */
    private static String nearest(List<DifyRelease> sorted, String version) {
        String key = DifyRelease.versionKey(version);
        DifyRelease below = null;
        DifyRelease above = null;
        for (DifyRelease r : sorted) {
            int c = DifyRelease.versionKey(r.version()).compareTo(key);
            if (c < 0) below = r;
            if (c > 0 && above == null) above = r;
        }
        List<String> names = new ArrayList<>();
        if (below != null) names.add(below.spec());
        if (above != null) names.add(above.spec());
        return String.join(", ", names);
    }
}
