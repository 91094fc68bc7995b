package io.schemaplan.report;

import static io.schemaplan.model.Engine.MYSQL;
import static io.schemaplan.model.Engine.POSTGRES;
import static io.schemaplan.sql.Identifiers.quote;

import io.schemaplan.model.Engine;

import io.schemaplan.model.Column;
import io.schemaplan.model.Constraint;
import io.schemaplan.model.ForeignKey;
import io.schemaplan.model.Index;
import io.schemaplan.model.Table;
import io.schemaplan.model.Trigger;
import io.schemaplan.sql.Definitions;
import io.schemaplan.sql.Identifiers;
import io.schemaplan.sql.Literals;
import java.util.ArrayList;
import java.util.List;

/**
 * A table as canonical {@code CREATE TABLE} text, one fact per line, so that two versions of a table can be
 * compared line by line: columns in position order, then constraints and foreign keys by name; on
 * PostgreSQL the indexes, comments and triggers follow as their own statements, on MySQL/MariaDB the keys
 * and comments are inline, as {@code SHOW CREATE TABLE} prints them. For reading, not for running; names are
 * quoted as in SQL to run ({@link Identifiers#quote}): on PostgreSQL only when they are not plain lower-case
 * identifiers, on MySQL always in backticks as the server prints them. MySQL key constraints keep their
 * canonical definition ({@code PRIMARY KEY (id)}), which compares equal across dumps and catalogs.
 */
public final class TableDdl {
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
        String table = Identifiers.qualified(POSTGRES, t.name());
        List<String> out = new ArrayList<>();
        out.add("CREATE " + (t.unlogged() ? "UNLOGGED " : "") + "TABLE " + table
                + (t.partitionOf() == null ? " (" :  " PARTITION OF " + Identifiers.qualified(POSTGRES, t.partitionOf()) + " ("));
        List<String> body = new ArrayList<>();
        for (Column c : t.columns()) body.add("    " + quote(POSTGRES, c.name()) + " " + ChangeText.columnDefinition(c));
        for (Constraint c : t.constraints()) {
            body.add("    CONSTRAINT " + quote(POSTGRES, c.name()) + " " + ChangeText.constraintDef(c));
        }
        for (ForeignKey f : t.foreignKeys()) {
            body.add("    CONSTRAINT " + quote(POSTGRES, f.name()) + " FOREIGN KEY " + Definitions.foreignKey(POSTGRES, f));
        }
        commaSeparated(body, out);
        out.add(")" + (t.partitionBound() == null ? "" : " " + t.partitionBound())
                + (t.partitionBy() == null ? "" : " PARTITION BY " + t.partitionBy()) + ";");
        for (Index i : t.indexes()) {
            String def = Definitions.index(POSTGRES, i);
            if (i.unique()) def = def.substring("UNIQUE ".length());
            out.add("CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX " + quote(POSTGRES, i.name()) + " ON " + table + " " + def + ";");
        }
        if (t.comment() != null) out.add("COMMENT ON TABLE " + table + " IS " + Literals.string(POSTGRES, t.comment()) + ";");
        for (Column c : t.columns()) {
            if (c.comment() != null) {
                out.add("COMMENT ON COLUMN " + table + "." + quote(POSTGRES, c.name()) + " IS " + Literals.string(POSTGRES, c.comment()) + ";");
            }
        }
        for (Index i : t.indexes()) {
            if (i.comment() != null) {
                out.add("COMMENT ON INDEX " + quote(POSTGRES, i.name()) + " IS " + Literals.string(POSTGRES, i.comment()) + ";");
            }
        }
        for (Trigger tr : t.triggers()) out.add(tr.definition() + ";");
        return out;
    }

    private static List<String> mysql(Table t) {
        List<String> out = new ArrayList<>();
        out.add("CREATE TABLE " + quote(MYSQL, t.name().name()) + " (");
        List<String> body = new ArrayList<>();
        for (Column c : t.columns()) {
            body.add("  " + quote(MYSQL, c.name()) + " " + ChangeText.columnDefinition(c)
                    + (c.comment() == null ? "" : " COMMENT " + Literals.string(MYSQL, c.comment())));
        }
        for (Constraint c : t.constraints()) {
            body.add("  " + (c.kind() == Constraint.Kind.PRIMARY_KEY ? "" : "CONSTRAINT " + quote(MYSQL, c.name()) + " ")
                    + ChangeText.constraintDef(c));
        }
        for (Index i : t.indexes()) {
            String kind = i.unique() ? "UNIQUE KEY " : "fulltext".equals(i.method()) ? "FULLTEXT KEY "
                    : "spatial".equals(i.method()) ? "SPATIAL KEY " : "KEY ";
            List<String> keys = i.keys().stream()
                    .map(k -> Definitions.key(MYSQL, k) + (k.prefixLength() == null ? "" : "(" + k.prefixLength() + ")")).toList();
            body.add("  " + kind + quote(MYSQL, i.name()) + " (" + String.join(", ", keys) + ")"
                    + (i.comment() == null ? "" : " COMMENT " + Literals.string(MYSQL, i.comment())));
        }
        for (ForeignKey f : t.foreignKeys()) {
            body.add("  CONSTRAINT " + quote(MYSQL, f.name()) + " FOREIGN KEY " + Definitions.foreignKey(MYSQL, f));
        }
        commaSeparated(body, out);
        StringBuilder options = new StringBuilder(")");
        if (t.storageEngine() != null) options.append(" ENGINE=").append(t.storageEngine());
        if (t.rowFormat() != null) options.append(" ROW_FORMAT=").append(t.rowFormat());
        if (t.keyBlockSize() != null) options.append(" KEY_BLOCK_SIZE=").append(t.keyBlockSize());
        if (t.collation() != null) options.append(" DEFAULT COLLATE=").append(t.collation());
        if (t.comment() != null) options.append(" COMMENT=").append(Literals.string(MYSQL, t.comment()));
        if (t.partitionBy() != null) options.append(" PARTITION BY ").append(t.partitionBy());
        out.add(options.append(';').toString());
        for (Trigger tr : t.triggers()) out.add(tr.definition() + ";");
        return out;
    }

    private static void commaSeparated(List<String> body, List<String> out) {
        for (int i = 0; i < body.size(); i++) out.add(body.get(i) + (i < body.size() - 1 ? "," : ""));
    }
}
