package io.schemaplan.report;

import io.schemaplan.model.Column;
import io.schemaplan.model.Constraint;
import io.schemaplan.model.Engine;
import io.schemaplan.model.ForeignKey;
import io.schemaplan.model.Index;
import io.schemaplan.model.QName;
import io.schemaplan.model.Table;
import io.schemaplan.model.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A table as canonical {@code CREATE TABLE} text, one fact per line, so that two versions of a table can be
 * compared line by line: columns in position order, then constraints and foreign keys by name; on
 * PostgreSQL the indexes, comments and triggers follow as their own statements, on MySQL/MariaDB the keys
 * and comments are inline, as {@code SHOW CREATE TABLE} prints them. For reading, not for running: names
 * are quoted only when they are not plain lower-case identifiers.
 */
public final class TableDdl {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    private TableDdl() {
    }

    /** The lines of the table's DDL (a newline inside a name or comment stays inside its line's text). */
    public static List<String> lines(Table t, Engine engine) {
        return engine.isMysqlFamily() ? mysql(t) : postgres(t);
    }

    public static String text(Table t, Engine engine) {
        return String.join("\n", lines(t, engine));
    }

    private static List<String> postgres(Table t) {
        String table = pgName(t.name());
        List<String> out = new ArrayList<>();
        out.add("CREATE " + (t.unlogged() ? "UNLOGGED " : "") + "TABLE " + table
                + (t.partitionOf() == null ? " (" : " PARTITION OF " + pgName(t.partitionOf()) + " ("));
        List<String> body = new ArrayList<>();
        for (Column c : t.columns()) body.add("    " + quote(c.name(), '"') + " " + ChangeText.columnDefinition(c));
        for (Constraint c : t.constraints()) {
            body.add("    CONSTRAINT " + quote(c.name(), '"') + " " + ChangeText.constraintDef(c));
        }
        for (ForeignKey f : t.foreignKeys()) {
            body.add("    CONSTRAINT " + quote(f.name(), '"') + " FOREIGN KEY " + ChangeText.foreignKeyDef(f));
        }
        commaSeparated(body, out);
        out.add(")" + (t.partitionBound() == null ? "" : " " + t.partitionBound())
                + (t.partitionBy() == null ? "" : " PARTITION BY " + t.partitionBy()) + ";");
        for (Index i : t.indexes()) {
            String def = ChangeText.indexDef(i);
            if (i.unique()) def = def.substring("UNIQUE ".length());
            out.add("CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX " + quote(i.name(), '"') + " ON " + table + " " + def + ";");
        }
        if (t.comment() != null) out.add("COMMENT ON TABLE " + table + " IS " + literal(t.comment(), false) + ";");
        for (Column c : t.columns()) {
            if (c.comment() != null) {
                out.add("COMMENT ON COLUMN " + table + "." + quote(c.name(), '"') + " IS " + literal(c.comment(), false) + ";");
            }
        }
        for (Index i : t.indexes()) {
            if (i.comment() != null) {
                out.add("COMMENT ON INDEX " + quote(i.name(), '"') + " IS " + literal(i.comment(), false) + ";");
            }
        }
        for (Trigger tr : t.triggers()) out.add(tr.definition() + ";");
        return out;
    }

    private static List<String> mysql(Table t) {
        List<String> out = new ArrayList<>();
        out.add("CREATE TABLE " + quote(t.name().name(), '`') + " (");
        List<String> body = new ArrayList<>();
        for (Column c : t.columns()) {
            body.add("  " + quote(c.name(), '`') + " " + ChangeText.columnDefinition(c)
                    + (c.comment() == null ? "" : " COMMENT " + literal(c.comment(), true)));
        }
        for (Constraint c : t.constraints()) {
            body.add("  " + (c.kind() == Constraint.Kind.PRIMARY_KEY ? "" : "CONSTRAINT " + quote(c.name(), '`') + " ")
                    + ChangeText.constraintDef(c));
        }
        for (Index i : t.indexes()) {
            String kind = i.unique() ? "UNIQUE KEY " : "fulltext".equals(i.method()) ? "FULLTEXT KEY "
                    : "spatial".equals(i.method()) ? "SPATIAL KEY " : "KEY ";
            List<String> keys = i.keys().stream()
                    .map(k -> k.sql() + (k.prefixLength() == null ? "" : "(" + k.prefixLength() + ")")).toList();
            body.add("  " + kind + quote(i.name(), '`') + " (" + String.join(", ", keys) + ")"
                    + (i.comment() == null ? "" : " COMMENT " + literal(i.comment(), true)));
        }
        for (ForeignKey f : t.foreignKeys()) {
            body.add("  CONSTRAINT " + quote(f.name(), '`') + " FOREIGN KEY " + ChangeText.foreignKeyDef(f));
        }
        commaSeparated(body, out);
        StringBuilder options = new StringBuilder(")");
        if (t.storageEngine() != null) options.append(" ENGINE=").append(t.storageEngine());
        if (t.collation() != null) options.append(" DEFAULT COLLATE=").append(t.collation());
        if (t.comment() != null) options.append(" COMMENT=").append(literal(t.comment(), true));
        if (t.partitionBy() != null) options.append(" PARTITION BY ").append(t.partitionBy());
        out.add(options.append(';').toString());
        for (Trigger tr : t.triggers()) out.add(tr.definition() + ";");
        return out;
    }

    private static void commaSeparated(List<String> body, List<String> out) {
        for (int i = 0; i < body.size(); i++) out.add(body.get(i) + (i < body.size() - 1 ? "," : ""));
    }

    private static String pgName(QName n) {
        return n.schema().isEmpty() ? quote(n.name(), '"') : quote(n.schema(), '"') + "." + quote(n.name(), '"');
    }

    static String quote(String name, char q) {
        if (PLAIN.matcher(name).matches()) return name;
        String doubled = name.replace(String.valueOf(q), String.valueOf(q) + q);
        return q + doubled + q;
    }

    /**
     * A string literal; a line break is written as {@code \n} so that a comment keeps to one line
     * (PostgreSQL needs an {@code E''} string for that, MySQL reads backslash escapes in every string).
     */
    private static String literal(String s, boolean mysql) {
        String body = s.replace("'", "''");
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.indexOf('\\') < 0) return "'" + body + "'";
        return (mysql ? "'" : "E'") + body.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r") + "'";
    }
}
