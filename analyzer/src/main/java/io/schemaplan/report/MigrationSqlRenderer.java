package io.schemaplan.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schemaplan.dify.MigrationSql;
import io.schemaplan.text.Printable;

/** {@code schemaplan dify migrations --sql FILE}: the summary of a Dify migration script, as text or JSON. */
public final class MigrationSqlRenderer {
    private MigrationSqlRenderer() {
    }

    public static final String FORMAT = "schemaplan-dify-migration-sql/1";

    public static String text(MigrationSql m) {
        StringBuilder b = new StringBuilder();
        b.append(Printable.escape(m.file())).append(": Dify migration script for ").append(m.engine()).append(", ")
                .append(ChangeText.count(m.revisions().size(), "revision"));
        if (m.to() != null) {
            b.append(", ").append(m.from() == null ? "?" : m.from()).append(" -> ").append(m.to())
                    .append(m.toComplete() ? "" : " (partway: the last revision is not " + m.to() + "'s head)");
        }
        b.append('\n');
        b.append(String.format("  %-14s %-9s %4s %5s %6s  %s%n", "revision", "release", "DDL", "data", "other", "notes"));
        for (MigrationSql.Revision r : m.revisions()) {
            String notes = (r.autocommit() ? "autocommit block: COMMIT; … BEGIN; inside" : "")
                    + (r.notes().isEmpty() ? "" : (r.autocommit() ? "; " : "") + ChangeText.count(r.notes().size(), "offline note"));
            b.append(String.format("  %-14s %-9s %4d %5d %6d  %s%n", Printable.escape(r.revision()),
                    r.release() == null ? "?" : r.release(), r.ddl(), r.data(), r.other(), notes).stripTrailing()).append('\n');
        }
        if (m.engine().equals("postgres")) {
            boolean early = m.revisions().stream().anyMatch(MigrationSql.Revision::autocommit);
            b.append("transaction: every revision in one BEGIN … COMMIT (Dify's setting); locks are held until the end")
                    .append(early ? ", except that an autocommit block commits what ran before it" : "").append('\n');
        } else {
            b.append("transaction: none (MySQL/MariaDB commit each DDL statement on its own)\n");
        }
        if (!m.unknown().isEmpty()) {
            b.append("not in the bundled Dify scripts: ").append(Printable.escape(String.join(", ", m.unknown()))).append('\n');
        }
        for (MigrationSql.Revision r : m.revisions()) {
            r.notes().forEach(n -> b.append("offline note: ").append(Printable.escape(n)).append('\n'));
        }
        m.warnings().forEach(w -> b.append("warning: ").append(Printable.escape(w)).append('\n'));
        return b.toString();
    }

    public static String json(MigrationSql m) {
        ObjectNode root = DiffJsonRenderer.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("file", m.file());
        root.put("engine", m.engine());
        root.put("from", m.from());
        root.put("to", m.to());
        root.put("toComplete", m.toComplete());
        ArrayNode revisions = root.putArray("revisions");
        for (MigrationSql.Revision r : m.revisions()) {
            ObjectNode o = revisions.addObject();
            o.put("revision", r.revision());
            o.put("release", r.release());
            o.put("ddl", r.ddl());
            o.put("data", r.data());
            o.put("other", r.other());
            o.put("autocommit", r.autocommit());
            ArrayNode notes = o.putArray("offlineNotes");
            r.notes().forEach(notes::add);
        }
        ArrayNode unknown = root.putArray("unknownRevisions");
        m.unknown().forEach(unknown::add);
        ArrayNode warnings = root.putArray("warnings");
        m.warnings().forEach(warnings::add);
        return DiffJsonRenderer.write(root);
    }
}
