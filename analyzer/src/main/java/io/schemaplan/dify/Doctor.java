package io.schemaplan.dify;

import io.schemaplan.diff.Change;
import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.dify.DoctorReport.Finding;
import io.schemaplan.dify.DoctorReport.Severity;
import io.schemaplan.model.Engine;
import io.schemaplan.model.QName;
import io.schemaplan.normalize.Portability;
import io.schemaplan.read.Loaded;
import io.schemaplan.sql.Identifiers;
import io.schemaplan.sql.Literals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The checks of {@code dify doctor}, as a pure function of what was read from the database: the rows of
 * {@code alembic_version} and the schema. Engine-neutral: the catalog entries of the schema's engine are used.
 */
public final class Doctor {
    static final String ALEMBIC_TABLE = "alembic_version";
    private final ReleaseCatalog catalog;
    private final Loaded live;
    private final String engine;
    private final boolean postgres;
    private final Map<String, List<Change>> diffs = new HashMap<>();
    private final List<Finding> findings = new ArrayList<>();

    private Doctor(ReleaseCatalog catalog, Loaded live) {
        this.catalog = catalog;
        this.live = live;
        this.postgres = !live.schema().engine().isMysqlFamily();
        this.engine = postgres ? DifyRelease.POSTGRES : DifyRelease.MYSQL;
    }

    /** How many of the newest release's tables a database has ({@code present}) of those it has ({@code expected}). */
    public record DifyTables(int present, int expected) {
        /** Fewer than half: not a Dify database at all, rather than a damaged one. */
        public boolean looksLikeDify() {
            return present * 2 >= expected;
        }
    }

    /** Tables are matched by name alone: a Dify database may live in any schema. */
    public static DifyTables difyTables(Loaded live, ReleaseCatalog catalog) {
        String engine = live.schema().engine().isMysqlFamily() ? DifyRelease.MYSQL : DifyRelease.POSTGRES;
        List<DifyRelease> releases = catalog.ofEngine(engine);
        java.util.Set<String> expected = catalog.load(releases.get(releases.size() - 1)).schema().tables().stream()
                .map(t -> t.name().name()).collect(Collectors.toSet());
        int present = (int) live.schema().tables().stream().filter(t -> expected.contains(t.name().name())).count();
        return new DifyTables(present, expected.size());
    }

    /**
     * @param alembicRows the rows of alembic_version, or empty when the table does not exist
     * @param live        the database's schema, read by any reader
     */
    public static DoctorReport examine(Optional<List<String>> alembicRows, Loaded live, ReleaseCatalog catalog) {
        return new Doctor(catalog, live).run(alembicRows.orElse(null));
    }

    private DoctorReport run(List<String> rows) {
        String current = null;
        if (rows == null) {
            findings.add(alembicFinding("alembic.no_table", "there is no alembic_version table: Dify's migrations never"
                    + " ran on this database, or were skipped", closest()));
        } else if (rows.isEmpty()) {
            findings.add(alembicFinding("alembic.empty", "alembic_version is empty: no migration was recorded", closest()));
        } else if (rows.size() == 1) {
            current = rows.get(0);
        } else {
            current = severalRows(rows);
        }
        List<DifyRelease> stamped = current == null ? List.of() : catalog.at(current, engine).stream()
                .sorted(Comparator.comparing(r -> !r.complete())).toList();
        // The closest release costs a diff against every catalog schema: only look for it when needed.
        DifyRelease closest = stamped.isEmpty() || distance(stamped.get(0)) > 0 ? closest() : stamped.get(0);
        DifyRelease baseline = stamped.isEmpty() ? closest : stamped.get(0);
        String basis = stamped.isEmpty() ? "closest schema" : "alembic_version";
        if (current != null && stamped.isEmpty()) {
            findings.add(revisionNotAtRelease(current, closest));
        } else if (!stamped.isEmpty() && distance(baseline) > 0 && distance(closest) == 0) {
            findings.add(new Finding(Severity.ERROR, "alembic.wrong_revision", "alembic_version",
                    "alembic_version says " + current + " (" + versions(stamped) + "), but the schema is exactly release "
                            + closest.version() + "'s (revision " + closest.revision() + ")",
                    "the next upgrade starts from the wrong place: it re-runs or skips the migrations between the two"
                            + " and fails part-way",
                    "back up the database, then: UPDATE alembic_version SET version_num = "
                            + Literals.string(live.schema().engine(), closest.revision()) + " WHERE version_num = "
                            + Literals.string(live.schema().engine(), current) + ";", null));
            baseline = closest;
            basis = "closest schema (alembic_version disagrees)";
        }
        drift(baseline);
        if (!postgres && !baseline.complete()) {
            stoppedOnMysql(baseline);
        }
        return new DoctorReport(live.label(), engine, rows, stamped, baseline, basis, distance(baseline), closest,
                distance(closest), findings);
    }

    /** Several rows: by the catalog's revision order, every row but the newest is stale, unless the schema says otherwise. */
    private String severalRows(List<String> rows) {
        String listed = rows.stream().map(r -> r + " (" + describeRevision(r) + ")").collect(Collectors.joining(", "));
        if (!rows.stream().allMatch(r -> catalog.revision(r) != null)) {
            findings.add(new Finding(Severity.ERROR, "alembic.several_rows", "alembic_version",
                    "alembic_version has " + rows.size() + " rows: " + listed + "; not all are known Dify revisions, so"
                            + " which one is stale cannot be told from the catalog",
                    "Alembic takes every row as a current head: the next upgrade fails or applies a branch twice",
                    "see how they relate with: schemaplan dify migrations api/migrations/versions --from A --to B;"
                            + " then, after a backup, delete the rows that are ancestors of another", null));
            return null;
        }
        List<String> ordered = rows.stream()
                .sorted(Comparator.comparingInt(r -> catalog.revisions().indexOf(catalog.revision(r)))).toList();
        String newest = ordered.get(ordered.size() - 1);
        String keep = newest;
        int best = distanceAt(newest);
        for (String r : ordered.subList(0, ordered.size() - 1)) {
            int d = distanceAt(r);
            if (d < best) {
                keep = r;
                best = d;
            }
        }
        String kept = keep;
        List<String> stale = ordered.stream().filter(r -> !r.equals(newest)).toList();
        List<String> delete = ordered.stream().filter(r -> !r.equals(kept)).toList();
        String message = "alembic_version has " + rows.size() + " rows: " + listed + ". "
                + String.join(", ", stale) + (stale.size() == 1 ? " is an ancestor" : " are ancestors") + " of " + newest
                + ", so " + (stale.size() == 1 ? "it is" : "they are") + " stale";
        String consequence = "Alembic takes every row as a current head: the next upgrade fails before running anything"
                + " with \"Requested revision " + newest + " overlaps with other requested revisions "
                + String.join(", ", stale) + "\"";
        if (!keep.equals(newest)) {
            message += "; but the schema is that of " + describeRevision(keep) + " (" + differences(best) + "; "
                    + describeRevision(newest) + ": " + distanceAt(newest) + "): the row " + newest
                    + " was written without its migrations having run";
            consequence += ". Deleting the ancestor row instead would make Alembic skip the migrations up to " + newest;
        }
        findings.add(new Finding(Severity.ERROR, "alembic.stale_row", "alembic_version", message, consequence,
                "back up the database (pg_dump, or at least the alembic_version table), then: "
                        + delete.stream().map(r -> "DELETE FROM alembic_version WHERE version_num = "
                                + Literals.string(live.schema().engine(), r) + ";")
                        .collect(Collectors.joining(" ")), null));
        return keep;
    }

    private Finding revisionNotAtRelease(String revision, DifyRelease closest) {
        ReleaseCatalog.KnownRevision known = catalog.revision(revision);
        String compared = "the schema is compared with the closest release, " + closest.version() + " ("
                + differences(distance(closest)) + ")";
        if (known != null) {
            return new Finding(Severity.ERROR, "alembic.between_releases", "alembic_version", "revision " + revision
                    + " is a known Dify revision (first in " + known.release() + (known.note() == null ? "" : ": " + known.note())
                    + "), but no " + engine + " release ends at it: an upgrade stopped part-way",
                    "the next upgrade resumes after " + revision + "; " + compared, null, null);
        }
        String newest = catalog.ofEngine(engine).get(catalog.ofEngine(engine).size() - 1).version();
        return new Finding(Severity.WARNING, "alembic.unknown_revision", "alembic_version", "revision " + revision
                + " is not a Dify revision the catalog knows (releases up to " + newest + "): a newer release, a fork's"
                + " own migration, or a development build",
                "schemaplan cannot name the release; " + compared + ", so some differences below may be intended", null, null);
    }

    private Finding alembicFinding(String code, String message, DifyRelease closest) {
        boolean exact = distance(closest) == 0;
        return new Finding(Severity.ERROR, code, "alembic_version", message,
                exact ? "the schema is exactly release " + closest.version() + "'s, but the next upgrade would run every"
                        + " migration from the first and fail on the first table that exists"
                        : "the next upgrade would run every migration from the first; the closest release is "
                        + closest.version() + " (" + differences(distance(closest)) + ")",
                exact ? "record the release it is: flask db stamp " + closest.revision() : null, null);
    }

    /** One finding per difference from the release, with what it means for the releases after it. */
    private void drift(DifyRelease baseline) {
        List<DifyRelease> later = distinct(catalog.after(baseline));
        for (Change c : diff(baseline)) {
            if (c instanceof Change.PossibleRename) continue;  // the drop and the add are reported
            Drift.Direction direction = Drift.direction(c);
            DifyRelease hit = later.stream()
                    .filter(r -> changesFrom(baseline, r).stream()
                            .anyMatch(l -> Drift.collides(c, l, postgres)))
                    .findFirst().orElse(null);
            findings.add(driftFinding(c, direction, baseline, hit, later));
        }
    }

    private Finding driftFinding(Change c, Drift.Direction direction, DifyRelease baseline, DifyRelease hit,
                                 List<DifyRelease> later) {
        String noun = Drift.noun(c);
        String code = "drift." + direction.name().toLowerCase() + "." + noun.replace(' ', '_');
        String rollback = postgres ? "; Dify runs all pending migrations in one transaction on PostgreSQL, so the whole"
                + " upgrade rolls back" : "; MySQL has no transactional DDL, so the database is left half-upgraded";
        String newest = later.isEmpty() ? baseline.version() : later.get(later.size() - 1).version();
        String message;
        String consequence;
        Severity severity;
        String fix = null;
        switch (direction) {
            case EXTRA -> {
                message = "extra " + noun + ", not in release " + baseline.version();
                if (hit != null) {
                    severity = Severity.ERROR;
                    consequence = "the migration to " + hit.version() + " creates " + noun + " " + c.object() + " too: it fails"
                            + " with \"already exists\"" + rollback + ". Drop or rename yours before upgrading";
                    fix = dropIndex(c);
                } else {
                    severity = Severity.WARNING;
                    consequence = "no release up to " + newest + " creates this name, so known upgrades are not affected;"
                            + " Alembic leaves it alone" + (noun.equals("index") ? " (every write to the table maintains it)" : "");
                }
            }
            case MISSING -> {
                message = "missing " + noun + ": release " + baseline.version() + " has it";
                boolean core = noun.equals("table") || noun.equals("column");
                if (hit != null) {
                    severity = Severity.ERROR;
                    consequence = "the migration to " + hit.version() + " changes " + (noun.equals("table") ? "this table"
                            : "it") + " and fails with \"does not exist\"" + rollback + ". Restore it from the release"
                            + " schema (schemaplan diff URL dify:" + baseline.version() + ") before upgrading";
                } else {
                    severity = core ? Severity.ERROR : Severity.WARNING;
                    consequence = (core ? "Dify's code uses it, so the features that need it fail now"
                            : noun.equals("index") ? "queries that use it read more than they need"
                            : "the database no longer enforces it") + "; no release up to " + newest
                            + " recreates it (a migration was skipped or failed half-way, or it was dropped by hand)";
                }
            }
            default -> {
                message = "changed " + noun + ": differs from release " + baseline.version();
                severity = Severity.WARNING;
                consequence = hit != null
                        ? "the migration to " + hit.version() + " changes it again, written for the release's definition:"
                        + " check that it still applies before upgrading"
                        : "no release up to " + newest + " changes it again; Dify's code expects the release's definition";
            }
        }
        return new Finding(severity, code, c.object(), message, consequence, fix, c);
    }

    /**
     * The database is in the state a failed MySQL upgrade leaves (an {@code unpatched} catalog entry): say where
     * the migrations stopped, what the complete release has that this database lacks, and which PostgreSQL-only
     * defaults of that release (the portability check on its PostgreSQL schema) stopped them.
     */
    private void stoppedOnMysql(DifyRelease reached) {
        DifyRelease full = catalog.ofEngine(engine).stream()
                .filter(r -> r.complete() && r.version().equals(reached.version())).findFirst().orElse(null);
        DifyRelease pg = catalog.ofEngine(DifyRelease.POSTGRES).stream()
                .filter(r -> r.complete() && r.version().equals(reached.version())).findFirst().orElse(null);
        if (full == null || pg == null) return;
        int at = catalog.revisions().indexOf(catalog.revision(reached.revision()));
        ReleaseCatalog.KnownRevision next = at >= 0 && at + 1 < catalog.revisions().size() ? catalog.revisions().get(at + 1) : null;
        String failed = next == null ? "the next migration" : "migration " + next.revision()
                + (next.note() == null ? "" : " (" + next.note() + ")");
        List<Change> missing = diff(full).stream().filter(c -> Drift.direction(c) == Drift.Direction.MISSING).toList();
        String versions = versions(catalog.at(reached.revision(), engine));
        findings.add(new Finding(Severity.ERROR, "mysql.upgrade_stopped", ALEMBIC_TABLE, "alembic_version says "
                + reached.revision() + ": the state the MySQL migrations of Dify " + versions + " leave when they stop at "
                + failed + "; release " + full.version() + " is incomplete here (" + missing.size() + " objects missing)",
                "MySQL has no transactional DDL: the migrations before the failing one stay applied, the rest never ran,"
                        + " and Dify " + full.version() + "'s code fails on what is missing",
                "upgrade again with a Dify build that carries the fix for langgenius/dify#32196 (PostgreSQL-only defaults"
                        + " removed): the migrations resume at " + (next == null ? "the next revision" : next.revision()), null));
        drift(full);
        List<String> objects = missing.stream().map(Change::object).toList();
        for (Portability.Finding f : Portability.check(catalog.load(pg).schema(), Portability.Target.MYSQL)) {
            String table = f.object().replaceAll("\\..*", "");
            boolean onMissing = objects.contains(table) || objects.contains(f.object());
            if (!onMissing || !f.construct().startsWith("DEFAULT ")) continue;
            findings.add(new Finding(Severity.ERROR, "mysql.pg_only_default", f.object(), "release " + pg.version()
                    + " creates " + f.object() + " with the PostgreSQL-only " + f.construct() + " (" + f.reason() + ")",
                    "this is what stopped " + failed + " on MySQL: the server refuses the statement, and every later"
                            + " migration is left out", null, null));
        }
    }

    private String dropIndex(Change c) {
        if (!(c instanceof Change.IndexAdded x)) return null;
        return postgres ? "DROP INDEX CONCURRENTLY " + Identifiers.qualified(Engine.POSTGRES, new QName(x.table().schema(),
                x.index().name())) + ";"
                : "DROP INDEX " + Identifiers.quote(Engine.MYSQL, x.index().name()) + " ON " + Identifiers.qualified(Engine.MYSQL, x.table()) + ";";
    }

    private static List<DifyRelease> distinct(List<DifyRelease> releases) {
        Map<String, DifyRelease> first = new java.util.LinkedHashMap<>();
        releases.forEach(r -> first.putIfAbsent(r.snapshot(), r));
        return List.copyOf(first.values());
    }

    private List<Change> changesFrom(DifyRelease from, DifyRelease to) {
        return diffs.computeIfAbsent(from.snapshot() + ">" + to.snapshot(),
                k -> SchemaDiff.diff(catalog.load(from).schema(), catalog.load(to).schema()));
    }

    /**
     * The differences from the release's pristine schema to the database, leaving out alembic_version itself:
     * its rows are what the alembic findings are about, and its absence is one of them.
     */
    private List<Change> diff(DifyRelease release) {
        return diffs.computeIfAbsent(release.snapshot(), k -> SchemaDiff.diff(catalog.load(release).schema(), live.schema())
                .stream().filter(c -> c.table() == null || !c.table().name().equals(ALEMBIC_TABLE)).toList());
    }

    private DifyRelease closest() {
        return catalog.ofEngine(engine).stream().min(Comparator.comparingInt(this::distance)).orElseThrow();
    }

    private int distance(DifyRelease release) {
        return diff(release).size();
    }

    /** Differences from the release that ends at {@code revision}; unknown releases count as far away. */
    private int distanceAt(String revision) {
        List<DifyRelease> at = catalog.at(revision, engine);
        return at.isEmpty() ? Integer.MAX_VALUE : distance(at.get(0));
    }

    private String describeRevision(String revision) {
        List<DifyRelease> at = catalog.at(revision, engine);
        if (!at.isEmpty()) return versions(at);
        ReleaseCatalog.KnownRevision k = catalog.revision(revision);
        return k == null ? "unknown" : "in " + k.release();
    }

    private static String versions(List<DifyRelease> releases) {
        return releases.stream().map(DifyRelease::version).distinct().collect(Collectors.joining(", "));
    }

    private static String differences(int n) {
        return n + (n == 1 ? " difference" : " differences");
    }
}
