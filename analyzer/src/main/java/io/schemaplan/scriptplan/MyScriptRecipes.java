package io.schemaplan.scriptplan;

import static io.schemaplan.model.Engine.MYSQL;

import io.schemaplan.model.Column;
import io.schemaplan.model.DataType;
import io.schemaplan.model.QName;
import io.schemaplan.model.Table;
import io.schemaplan.sql.Identifiers;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The safer way of a MySQL/MariaDB UPDATE or DELETE as SQL a DBA can run as printed with the {@code mysql} or
 * {@code mariadb} client, on MySQL 8 and MariaDB alike: a stored procedure that walks the one-column primary
 * key in batches of {@link ScriptRecipes#BATCH} matching rows, each batch its own transaction, created, called
 * and dropped. A procedure rather than a loop driven by the client: both clients run it (DELIMITER is theirs),
 * and its bounds stay typed variables the range optimizer uses. MariaDB's {@code BEGIN NOT ATOMIC} would need no
 * procedure, but MySQL 8 does not have it. Every name it writes goes through {@link Identifiers}; the
 * statement's SET and WHERE are kept as the script wrote them.
 */
final class MyScriptRecipes {
    /** The helper procedure, created in the migration's database and dropped once it has run. */
    static final String PROCEDURE = "schemaplan_batches";
    private static final Set<String> STRING_TYPES = Set.of("char", "varchar", "binary", "varbinary", "tinytext", "text",
            "mediumtext", "longtext", "enum", "set");

    private final MyStatements statements;

    MyScriptRecipes(MyStatements statements) {
        this.statements = statements;
    }

    /** The batched form of an unbatched UPDATE or DELETE of more than a few rows, or null. */
    String recipe(Classified c) {
        if (c.autocommit()) return null;
        for (Operation o : c.operations()) {
            DataEffect d = o.data();
            if (d == null || o.table() == null || statements.createdByScript(o.table()) || d.batched()
                    || d.rows() == DataEffect.Rows.FEW) continue;
            if (o.operation().equals("UPDATE_ROWS") || o.operation().equals("DELETE_ROWS")) return batched(d);
        }
        return null;
    }

    /**
     * Each batch: the next {@link ScriptRecipes#BATCH} keys of the rows the WHERE matches (a consistent read,
     * no locks), then the write of the rows between the first and the last of them that the WHERE matches, in
     * a transaction of its own. The write's range is closed on the primary key, so InnoDB locks only rows of
     * that range (and the gap up to the next key): writers of rows of other batches go on. A WHERE on a column
     * no index leads gets that index first, built in place with writes going on, so that finding each batch
     * does not read the rows the WHERE throws away.
     */
    private String batched(DataEffect d) {
        QName t = d.table();
        String table = Identifiers.qualified(MYSQL, t);
        String proc = Identifiers.quote(MYSQL, PROCEDURE);
        boolean partial = d.where() != null && !d.where().isBlank();
        String where = partial ? "\n        AND (" + d.where().strip() + ")" : "";
        String write = d.verb().equals("DELETE") ? "DELETE FROM " + table : "UPDATE " + table + " SET " + d.set().strip();
        StringBuilder b = new StringBuilder();
        b.append("-- After the migration has run (MySQL commits each DDL statement\n"
                + "-- as it goes); one commit per batch of ").append(ScriptRecipes.BATCH).append(" rows.\n"
                + "-- Run it with the mysql or mariadb client (DELIMITER is theirs;\n"
                + "-- from a driver, send CREATE PROCEDURE as one statement).\n"
                + "-- Needs the CREATE ROUTINE privilege.\n");
        if (partial && d.rows() == DataEffect.Rows.PART && d.scansTable() && !d.whereColumns().isEmpty()) {
            String col = d.whereColumns().get(0);
            b.append("-- No index leads with ").append(col).append(": build one first, in place,\n"
                    + "-- writes going on (drop it afterwards if nothing else needs it).\n");
            b.append("ALTER TABLE ").append(table).append(" ADD INDEX ")
                    .append(Identifiers.quote(MYSQL, Identifiers.withSuffix(t.name() + "_" + col, "_idx")))
                    .append(" (").append(Identifiers.quote(MYSQL, col)).append("), ALGORITHM=INPLACE, LOCK=NONE;\n");
        }
        Optional<Column> pk = primaryKey(t);
        b.append("DROP PROCEDURE IF EXISTS ").append(proc).append(";\nDELIMITER //\nCREATE PROCEDURE ").append(proc)
                .append("()\nBEGIN\n");
        if (pk.isPresent()) {
            String key = Identifiers.quote(MYSQL, pk.get().name());
            b.append("  DECLARE lo, hi ").append(variableType(t, pk.get())).append(";\n")
                    .append("  SET lo = (SELECT min(").append(key).append(") FROM ").append(table)
                    .append(partial ? " WHERE " + d.where().strip() : "").append(");\n")
                    .append("  WHILE lo IS NOT NULL DO\n")
                    .append("    SET hi = (SELECT max(k) FROM (SELECT ").append(key).append(" AS k FROM ").append(table)
                    .append("\n      WHERE ").append(key).append(" >= lo").append(where).append(" ORDER BY ").append(key)
                    .append(" LIMIT ").append(ScriptRecipes.BATCH).append(") b);\n")
                    .append("    ").append(write).append("\n      WHERE ").append(key).append(" >= lo AND ").append(key)
                    .append(" <= hi").append(where).append(";\n")
                    .append("    COMMIT;\n")
                    .append("    SET lo = (SELECT min(").append(key).append(") FROM ").append(table).append(" WHERE ")
                    .append(key).append(" > hi").append(where).append(");\n")
                    .append("  END WHILE;\n");
        } else {
            // Without a one-column key there is no range to walk: each batch takes the next rows the WHERE
            // still matches, which ends only if a written row no longer matches.
            b.insert(0, "-- No one-column primary key: each batch writes the first rows\n"
                    + "-- the WHERE still matches, so the WHERE must no longer match a written row.\n");
            b.append("  REPEAT\n    ").append(write).append(partial ? " WHERE " + d.where().strip() : "")
                    .append(" LIMIT ").append(ScriptRecipes.BATCH).append(";\n")
                    .append("    SET @schemaplan_rows = ROW_COUNT();\n    COMMIT;\n  UNTIL @schemaplan_rows = 0 END REPEAT;\n");
        }
        b.append("END//\nDELIMITER ;\nCALL ").append(proc).append("();\nDROP PROCEDURE ").append(proc).append(";");
        return b.toString();
    }

    private Optional<Column> primaryKey(QName t) {
        return statements.primaryKeyColumn(t).flatMap(k -> statements.table(t).flatMap(tb -> tb.column(k)));
    }

    /**
     * The key's type for a procedure variable; a string key with its collation, which a variable would otherwise
     * take from the database, and a comparison across collations fails or stops using the index.
     */
    private String variableType(QName t, Column key) {
        DataType type = key.type();
        String sql = type.sql();
        if (!STRING_TYPES.contains(type.name().toLowerCase(Locale.ROOT))) return sql;
        String collation = key.collation() != null ? key.collation() : statements.table(t).map(Table::collation).orElse(null);
        if (collation == null) return sql;
        int cut = collation.indexOf('_');
        String charset = cut > 0 ? collation.substring(0, cut) : collation;
        return sql + " CHARACTER SET " + charset + " COLLATE " + collation;
    }
}
