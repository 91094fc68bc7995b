package io.schemaplan.scriptplan;

import static io.schemaplan.model.Engine.POSTGRES;

import io.schemaplan.impact.PlanItem;
import io.schemaplan.model.DataType;
import io.schemaplan.model.QName;
import io.schemaplan.normalize.SqlTokens;
import io.schemaplan.sql.Identifiers;
import io.schemaplan.sql.Literals;
import java.util.List;
import java.util.Optional;

/**
 * The safer way of one PostgreSQL statement as SQL a DBA can run: a data statement in key-range batches
 * with a commit per batch, outside the migration transaction (and the index its WHERE needs built first);
 * an index build CONCURRENTLY; a constraint NOT VALID then VALIDATE; SET NOT NULL through a validated
 * CHECK; any other blocking statement under lock_timeout. Every name it writes goes through
 * {@link Identifiers}; the statement's own expressions are kept as the script wrote them.
 */
final class ScriptRecipes {
    /** Rows per batch: small enough that each commit holds its row locks for well under a second. */
    static final int BATCH = 5000;

    private final PgStatements statements;

    ScriptRecipes(PgStatements statements) {
        this.statements = statements;
    }

    /** The recipe for the statement, or null when it needs none or none is known. */
    String recipe(SqlStatement s, Classified c, List<PlanItem> items, boolean lockTimeoutSet) {
        for (Operation o : c.operations()) {
            if (o.table() == null || statements.createdByScript(o.table())) continue;
            if (o.data() != null && !o.data().batched() && !c.autocommit()
                    && (o.operation().equals("UPDATE_ROWS") || o.operation().equals("DELETE_ROWS"))
                    && o.data().rows() != DataEffect.Rows.FEW) {
                return batched(o.data());
            }
            String op = o.operation() == null ? "" : o.operation();
            switch (op) {
                case "CREATE_INDEX", "CREATE_UNIQUE_INDEX" -> {
                    return concurrently(s.sql());
                }
                case "CREATE_INDEX_CONCURRENTLY" -> {
                    return retryable(s.sql());
                }
                case "ADD_FOREIGN_KEY", "ADD_CHECK" -> {
                    String notValid = notValid(s.sql(), o.table());
                    if (notValid != null) return notValid;
                }
                case "SET_NOT_NULL" -> {
                    String col = alteredColumn(s.sql());
                    if (col != null) return notNullViaCheck(o.table(), col);
                }
                default -> {
                }
            }
        }
        boolean blocks = items.stream().anyMatch(i -> (i.blocksReads() || i.blocksWrites()) && i.table() != null
                && !statements.createdByScript(i.table()));
        if (blocks && !lockTimeoutSet && c.kind() == StatementKind.DDL) {
            return "SET lock_timeout = '2s';  -- fail fast instead of queueing every query behind the lock; retry\n"
                    + s.sql().strip() + ";";
        }
        return null;
    }

    /**
     * A keyset loop over the primary key: each batch takes the next {@link #BATCH} keys in order, writes the
     * rows among them that match the statement's WHERE, and commits. Walking the key keeps each batch an
     * index range scan however few rows match; a WHERE on a column no index leads gets that index first,
     * so that the batches do not each read rows the WHERE then throws away.
     */
    private String batched(DataEffect d) {
        QName t = d.table();
        String table = Identifiers.qualified(POSTGRES, t);
        Optional<String> pk = statements.primaryKeyColumn(t);
        StringBuilder b = new StringBuilder();
        b.append("-- After the migration transaction has committed;\n-- one commit per batch of ").append(BATCH)
                .append(" rows.\n");
        String where = d.where() == null ? "true" : d.where().strip();
        if (d.rows() == DataEffect.Rows.PART && d.scansTable() && !d.whereColumns().isEmpty()) {
            String col = d.whereColumns().get(0);
            String name = Identifiers.withSuffix(t.name() + "_" + col, "_idx");
            b.append("-- No index leads with ").append(col).append(": build one first\n"
                    + "-- (drop it afterwards if nothing else needs it).\n");
            b.append("CREATE INDEX CONCURRENTLY IF NOT EXISTS ").append(Identifiers.quote(POSTGRES, name))
                    .append(" ON ").append(table).append(" (").append(Identifiers.quote(POSTGRES, col)).append(");\n");
        }
        String write = d.verb().equals("DELETE") ? "DELETE FROM " + table : "UPDATE " + table + " SET " + d.set().strip();
        if (pk.isPresent()) {
            String key = Identifiers.quote(POSTGRES, pk.get());
            String type = statements.typeOf(t, pk.get()).map(DataType::sql).orElse("text");
            String body = "\nDECLARE\n  last_key " + type + ";\n  batch " + type + "[];\nBEGIN\n  LOOP\n"
                    + "    SELECT array_agg(k ORDER BY k) INTO batch FROM (\n"
                    + "      SELECT " + key + " AS k FROM " + table + "\n"
                    + "      WHERE last_key IS NULL OR " + key + " > last_key\n"
                    + "      ORDER BY " + key + " LIMIT " + BATCH + ") s;\n"
                    + "    EXIT WHEN batch IS NULL;\n"
                    + "    " + write + "\n"
                    + "    WHERE " + key + " = ANY (batch)\n      AND (" + where + ");\n"
                    + "    last_key := batch[array_length(batch, 1)];\n"
                    + "    COMMIT;\n  END LOOP;\nEND\n";
            b.append("DO ").append(Literals.dollarQuoted(body)).append(";");
        } else {
            // Without a one-column key, batches by physical row: the WHERE must stop matching a row once it is
            // written, or the loop would not end.
            String body = "\nDECLARE n bigint;\nBEGIN\n  LOOP\n    " + write + " WHERE ctid = ANY (ARRAY(SELECT ctid FROM "
                    + table + " WHERE " + where + " LIMIT " + BATCH + "));\n"
                    + "    GET DIAGNOSTICS n = ROW_COUNT;\n    EXIT WHEN n = 0;\n    COMMIT;\n  END LOOP;\nEND\n";
            b.append("-- No one-column primary key: batches by ctid; the WHERE must no longer match a written row.\n");
            b.append("DO ").append(Literals.dollarQuoted(body)).append(";");
        }
        return b.toString();
    }

    /** The statement with CONCURRENTLY after INDEX, run outside any transaction block. */
    private static String concurrently(String sql) {
        SqlTokens t = SqlTokens.of(sql);
        int index = t.find(0, "INDEX");
        if (index < 0) return null;
        int at = t.start(index) + "INDEX".length();
        String name = indexName(t, index + 1);
        return "-- Outside the migration transaction (COMMIT first, as Alembic's\n"
                + "-- autocommit_block does): reads and writes go on during the build.\n"
                + sql.substring(0, at).strip() + " CONCURRENTLY" + sql.substring(at).stripTrailing() + ";\n"
                + (name == null ? "" : "-- If it fails it leaves an INVALID index; drop it, then run it again:\n"
                + "-- DROP INDEX CONCURRENTLY IF EXISTS " + Identifiers.quote(POSTGRES, name) + ";\n");
    }

    private static String retryable(String sql) {
        SqlTokens t = SqlTokens.of(sql);
        int conc = t.find(0, "CONCURRENTLY");
        String name = conc < 0 ? null : indexName(t, conc + 1);
        if (name == null) return null;
        return "-- A failed or cancelled build leaves an INVALID index\n-- that still slows every write: drop it first.\n"
                + "DROP INDEX CONCURRENTLY IF EXISTS " + Identifiers.quote(POSTGRES, name) + ";\n"
                + sql.strip() + ";";
    }

    private static String indexName(SqlTokens t, int i) {
        if (t.isWord(i, "IF", "NOT", "EXISTS")) i += 3;
        if (t.isWord(i, "ON") || !t.isName(i)) return null;
        List<String> parts = t.nameParts(i, t.nameEnd(i));
        return parts.get(parts.size() - 1);
    }

    /** ADD CONSTRAINT name … NOT VALID, then VALIDATE in its own transaction (scans under SHARE UPDATE EXCLUSIVE). */
    private static String notValid(String sql, QName table) {
        SqlTokens t = SqlTokens.of(sql);
        int k = t.find(0, "ADD", "CONSTRAINT");
        if (k < 0 || t.find(0, "NOT", "VALID") >= 0) return null;
        String name = t.ident(k + 2);
        String alter = "ALTER TABLE " + Identifiers.qualified(POSTGRES, table);
        return "SET lock_timeout = '2s';\n" + sql.strip() + " NOT VALID;  -- brief lock, no scan\n"
                + "COMMIT;\n-- In a later transaction: scans under SHARE UPDATE EXCLUSIVE, reads and writes go on.\n"
                + alter + " VALIDATE CONSTRAINT " + Identifiers.quote(POSTGRES, name) + ";";
    }

    private static String alteredColumn(String sql) {
        SqlTokens t = SqlTokens.of(sql);
        int k = t.find(0, "ALTER", "COLUMN");
        int i = k >= 0 ? k + 2 : t.find(2, "ALTER") + 1;
        if (i <= 0 || !t.isName(i)) return null;
        return t.ident(i);
    }

    private static String notNullViaCheck(QName table, String col) {
        String alter = "ALTER TABLE " + Identifiers.qualified(POSTGRES, table);
        String check = Identifiers.quote(POSTGRES, Identifiers.withSuffix(col, "_not_null"));
        String c = Identifiers.quote(POSTGRES, col);
        return "SET lock_timeout = '2s';\n"
                + alter + " ADD CONSTRAINT " + check + " CHECK (" + c + " IS NOT NULL) NOT VALID;\nCOMMIT;\n"
                + alter + " VALIDATE CONSTRAINT " + check + ";  -- scans, but reads and writes go on\nCOMMIT;\n"
                + alter + " ALTER COLUMN " + c + " SET NOT NULL;  -- PG >= 12: no scan, the valid CHECK proves it\n"
                + alter + " DROP CONSTRAINT " + check + ";";
    }
}
