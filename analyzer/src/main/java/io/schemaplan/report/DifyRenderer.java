package io.schemaplan.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schemaplan.dify.AlembicGraph;
import io.schemaplan.dify.AlembicScript;
import io.schemaplan.dify.DifyRelease;
import io.schemaplan.dify.DoctorReport;
import io.schemaplan.dify.DoctorReport.Finding;
import io.schemaplan.dify.DoctorReport.Severity;
import io.schemaplan.dify.ReleaseCatalog;
import io.schemaplan.text.Printable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Text and JSON for the {@code dify} commands: the release list, the doctor's report, the migration graph.
 * In text, what comes from the database or the migration files is {@linkplain Printable#escape escaped}.
 */
public final class DifyRenderer {
    public static final String DOCTOR_FORMAT = "schemaplan-dify-doctor/1";
    public static final String MIGRATIONS_FORMAT = "schemaplan-alembic-graph/1";

    private DifyRenderer() {
    }

    // ---- releases --------------------------------------------------------------------------------

    public static String releases(ReleaseCatalog catalog) {
        StringBuilder b = new StringBuilder(String.format("%-10s %-17s %-13s %6s  %s%n", "version", "engine", "alembic head",
                "tables", "same schema as"));
        for (DifyRelease r : catalog.releases()) {
            String shared = catalog.sharing(r).stream().filter(o -> !o.equals(r)).map(DifyRelease::version)
                    .collect(Collectors.joining(", "));
            b.append(String.format("%-10s %-17s %-13s %6d  %s%n", r.version(), r.engine() + (r.variant() == null ? ""
                    : " (" + r.variant() + ")"), r.revision(), r.tables(), shared).stripTrailing()).append('\n');
        }
        b.append("\nUse one as a source: dify:VERSION (PostgreSQL), dify:VERSION/mysql, dify:VERSION/mysql-unpatched.\n");
        return b.toString();
    }

    // ---- doctor ----------------------------------------------------------------------------------

    public static String doctorText(DoctorReport r) {
        StringBuilder b = new StringBuilder();
        b.append("database:        ").append(Printable.escape(r.source())).append(" (").append(r.engine()).append(")\n");
        b.append("alembic_version: ").append(r.rows() == null ? "no table" : r.rows().isEmpty() ? "no row"
                : Printable.escape(String.join(", ", r.rows()))).append('\n');
        b.append("release:         ").append(r.releases().isEmpty() ? "none known for this revision"
                : r.releases().stream().map(DifyRelease::version).distinct().collect(Collectors.joining(", "))).append('\n');
        if (r.baseline() != null) {
            b.append("compared with:   ").append(r.baseline().spec()).append(" (").append(r.basis()).append("): ")
                    .append(ChangeText.count(r.baselineDifferences(), "difference")).append('\n');
        }
        if (r.closest() != null && !r.closest().equals(r.baseline())) {
            b.append("closest release: ").append(r.closest().spec()).append(": ")
                    .append(ChangeText.count(r.closestDifferences(), "difference")).append('\n');
        }
        b.append('\n');
        if (r.healthy()) {
            return b.append("healthy: alembic_version names release ").append(r.baseline().version())
                    .append(" and the schema is exactly that release's.\n").toString();
        }
        long errors = r.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        b.append(ChangeText.count(r.findings().size(), "problem")).append(" (").append(ChangeText.count((int) errors, "error"))
                .append(", ").append(ChangeText.count(r.findings().size() - (int) errors, "warning")).append("):\n");
        for (Finding f : r.findings()) {
            b.append('\n').append(f.severity()).append("  ").append(f.code()).append("  ")
                    .append(Printable.escape(f.object())).append('\n');
            if (f.change() != null) {
                b.append("  ").append(ChangeText.sign(f.change())).append(' ').append(Printable.escape(ChangeText.describe(f.change())
                        + (f.change().table() == null || f.change().kind().startsWith("table.") ? "" : " on " + f.change().table())))
                        .append('\n');
            }
            b.append("  ").append(Printable.escape(f.message())).append('\n');
            b.append("  consequence: ").append(Printable.escape(f.consequence())).append('\n');
            if (f.fix() != null) b.append("  fix: ").append(Printable.escape(f.fix())).append('\n');
        }
        return b.toString();
    }

    public static String doctorJson(DoctorReport r) {
        ObjectNode root = DiffJsonRenderer.MAPPER.createObjectNode();
        root.put("format", DOCTOR_FORMAT);
        root.put("source", r.source());
        root.put("engine", r.engine());
        root.put("healthy", r.healthy());
        if (r.rows() == null) {
            root.putNull("alembicVersion");
        } else {
            ArrayNode rows = root.putArray("alembicVersion");
            r.rows().forEach(rows::add);
        }
        ArrayNode releases = root.putArray("releases");
        r.releases().forEach(x -> releases.add(x.id()));
        if (r.baseline() != null) {
            ObjectNode base = root.putObject("comparedWith");
            base.put("release", r.baseline().id());
            base.put("basis", r.basis());
            base.put("differences", r.baselineDifferences());
        }
        if (r.closest() != null) {
            ObjectNode closest = root.putObject("closest");
            closest.put("release", r.closest().id());
            closest.put("differences", r.closestDifferences());
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding f : r.findings()) {
            ObjectNode n = findings.addObject();
            n.put("severity", f.severity().name().toLowerCase());
            n.put("code", f.code());
            n.put("object", f.object());
            n.put("message", f.message());
            n.put("consequence", f.consequence());
            if (f.fix() != null) n.put("fix", f.fix());
            if (f.change() != null) n.set("change", DiffJsonRenderer.change(f.change()));
        }
        return DiffJsonRenderer.write(root);
    }

    // ---- migrations ------------------------------------------------------------------------------

    public static String migrationsText(AlembicGraph g, List<String> path, String from, String to) {
        StringBuilder b = new StringBuilder();
        b.append(ChangeText.count(g.scripts().size(), "revision")).append('\n');
        b.append("heads:          ").append(revisions(g, g.heads())).append('\n');
        b.append("bases:          ").append(revisions(g, g.bases())).append('\n');
        b.append("merge points:   ").append(revisions(g, g.merges())).append('\n');
        b.append("branch points:  ").append(revisions(g, g.branchPoints())).append('\n');
        for (AlembicScript s : g.scripts()) {
            if (!s.branchLabels().isEmpty()) {
                b.append("branch labels:  ").append(Printable.escape(s.revision() + ": " + String.join(", ", s.branchLabels())))
                        .append('\n');
            }
        }
        if (path != null) {
            b.append("\nupgrade ").append(Printable.escape(from)).append(" -> ").append(Printable.escape(to)).append(": ")
                    .append(ChangeText.count(path.size(), "revision")).append(" in order\n");
            for (String rev : path) {
                b.append("  ").append(Printable.escape(rev + "  " + g.script(rev).file())).append('\n');
            }
        }
        if (!g.problems().isEmpty()) {
            b.append('\n').append(ChangeText.count(g.problems().size(), "problem")).append(":\n");
            g.problems().forEach(p -> b.append("  ").append(p.kind()).append(": ").append(Printable.escape(p.message())).append('\n'));
        }
        return b.toString();
    }

    public static String migrationsJson(AlembicGraph g, List<String> path, String from, String to) {
        ObjectNode root = DiffJsonRenderer.MAPPER.createObjectNode();
        root.put("format", MIGRATIONS_FORMAT);
        ArrayNode revisions = root.putArray("revisions");
        for (AlembicScript s : g.scripts()) {
            ObjectNode n = revisions.addObject();
            n.put("revision", s.revision());
            n.put("file", s.file());
            ArrayNode down = n.putArray("downRevisions");
            s.downRevisions().forEach(down::add);
            ArrayNode labels = n.putArray("branchLabels");
            s.branchLabels().forEach(labels::add);
        }
        strings(root.putArray("heads"), g.heads());
        strings(root.putArray("bases"), g.bases());
        strings(root.putArray("mergePoints"), g.merges());
        strings(root.putArray("branchPoints"), g.branchPoints());
        if (path != null) {
            ObjectNode p = root.putObject("path");
            p.put("from", from);
            p.put("to", to);
            strings(p.putArray("revisions"), path);
        }
        ArrayNode problems = root.putArray("problems");
        for (AlembicGraph.Problem p : g.problems()) {
            ObjectNode n = problems.addObject();
            n.put("kind", p.kind());
            if (p.revision() != null) n.put("revision", p.revision());
            if (p.file() != null) n.put("file", p.file());
            n.put("message", p.message());
        }
        return DiffJsonRenderer.write(root);
    }

    private static String revisions(AlembicGraph g, List<String> revs) {
        return revs.isEmpty() ? "none" : revs.stream().map(r -> Printable.escape(r + " (" + g.script(r).file() + ")"))
                .collect(Collectors.joining(", "));
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
