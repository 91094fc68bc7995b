package io.schemaplan.impact;

import static io.schemaplan.model.Engine.POSTGRES;
import static io.schemaplan.sql.Identifiers.quote;

import io.schemaplan.diff.Change;
import io.schemaplan.diff.Change.*;
import io.schemaplan.model.Column;
import io.schemaplan.model.Constraint;
import io.schemaplan.model.ForeignKey;
import io.schemaplan.model.Index;
import io.schemaplan.model.QName;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Table;
import io.schemaplan.sql.Definitions;
import io.schemaplan.sql.Identifiers;
import io.schemaplan.sql.Literals;
import io.schemaplan.text.Printable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The safer way of a planned operation as SQL a DBA can run instead of the migration's statement, with
 * the real table, column and constraint names: the CONCURRENTLY and NOT VALID + VALIDATE forms, the
 * CHECK-then-SET NOT NULL sequence, and expand/contract with a batched backfill for rewrites. Every
 * recipe ends in the schema the migration would have produced ({@code PgRecipesServerTest} runs them);
 * empty when the operation has no online form or needs none. Every name goes through
 * {@link Identifiers#quote}: names are read from the database, and a recipe is run as it is printed.
 */
public final class PgRecipes {
    static final String LOCK_TIMEOUT = "SET lock_timeout = '2s';  -- retry on timeout rather than queue ahead of every query";
    static final int BATCH = 5000;

    private final Schema from;
    private final Schema to;
    /** Per table, the columns other tables' foreign keys reference; built on first use, once per plan. */
    private java.util.Map<QName, java.util.Set<String>> referenced;

    public PgRecipes(Schema from, Schema to) {
        this.from = from;
        this.to = to;
    }

    /** Whether a foreign key references {@code table.column}: a map, not a scan of every table per change. */
    private boolean referenced(QName table, String column) {
        if (referenced == null) {
            referenced = new java.util.HashMap<>();
            for (Table t : from.tables()) {
                for (ForeignKey f : t.foreignKeys()) {
                    referenced.computeIfAbsent(f.referencedTable(), k -> new java.util.HashSet<>())
                            .addAll(f.referencedColumns());
                }
            }
        }
        return referenced.getOrDefault(table, java.util.Set.of()).contains(column);
    }

    /**
     * A recipe: its SQL, and the operations its statements run, in order ({@link SaferWay#BACKFILL} for a
     * batched UPDATE), from which {@link #saferWay} derives its locks through the rule table.
     */
    public record Recipe(String sql, List<String> steps) {
        public Recipe {
            steps = List.copyOf(steps);
        }

        /** What the recipe locks on a server of {@code major}; empty when a step does not exist there. */
        public Optional<SaferWay> saferWay(int major) {
            return SaferWay.ofPg(steps, major);
        }
    }

    /** The lines of a recipe as it is written, and the operation of each statement. */
    private static final class Steps {
        final List<String> lines = new ArrayList<>();
        final List<String> operations = new ArrayList<>();

        /** A comment or a session setting: no operation. */
        void add(String line) {
            lines.add(line);
        }

        void run(PgOperation op, String sql) {
            run(op.name(), sql);
        }

        void run(String operation, String sql) {
            operations.add(operation);
            lines.add(sql);
        }
    }

    /** The recipe SQL for one operation of a change, or empty. */
    public Optional<String> sql(Change c, String operation) {
        return recipe(c, operation).map(Recipe::sql);
    }

    /** The recipe for one operation of a change, or empty. */
    public Optional<Recipe> recipe(Change c, String operation) {
        Steps s = new Steps();
        switch (operation) {
            case "CREATE_INDEX", "CREATE_UNIQUE_INDEX" -> {
                Index i = c instanceof IndexAdded a ? a.index() : ((IndexChanged) c).to();
                s.add("-- outside a transaction block; if it fails, DROP INDEX CONCURRENTLY the INVALID index and retry");
                s.add(LOCK_TIMEOUT);
                s.run(PgOperation.CREATE_INDEX_CONCURRENTLY, createIndexConcurrently(c.table(), i) + ";");
            }
            case "DROP_INDEX" -> {
                Index i = c instanceof IndexDropped d ? d.index() : ((IndexChanged) c).from();
                s.add("-- outside a transaction block");
                s.add(LOCK_TIMEOUT);
                s.run(PgOperation.DROP_INDEX_CONCURRENTLY, "DROP INDEX CONCURRENTLY " + qualifiedIn(c.table(), i.name()) + ";");
            }
            case "SET_NOT_NULL" -> notNull(c.table(), ((ColumnChange) c).to().name(), s);
            case "ADD_CHECK" -> {
                Constraint k = c instanceof ConstraintAdded a ? a.constraint() : ((ConstraintChanged) c).to();
                s.add(LOCK_TIMEOUT);
                s.run(PgOperation.ADD_CHECK_NOT_VALID, alter(c.table()) + " ADD CONSTRAINT " + ident(k.name()) + " "
                        + k.definition() + " NOT VALID;");
                s.run(PgOperation.VALIDATE_CHECK, alter(c.table()) + " VALIDATE CONSTRAINT " + ident(k.name())
                        + ";  -- scans, reads and writes go on");
            }
            case "ADD_FOREIGN_KEY" -> {
                ForeignKey f = c instanceof ForeignKeyAdded a ? a.foreignKey() : ((ForeignKeyChanged) c).to();
                s.add(LOCK_TIMEOUT);
                s.run(PgOperation.ADD_FOREIGN_KEY_NOT_VALID, alter(c.table()) + " ADD CONSTRAINT " + ident(f.name())
                        + " FOREIGN KEY " + Definitions.foreignKey(POSTGRES, f.withValidated(true)) + " NOT VALID;");
                s.run(PgOperation.VALIDATE_FOREIGN_KEY, alter(c.table()) + " VALIDATE CONSTRAINT " + ident(f.name())
                        + ";  -- checks rows, reads and writes go on");
            }
            case "ADD_PRIMARY_KEY", "ADD_UNIQUE" -> {
                Constraint k = c instanceof ConstraintAdded a ? a.constraint() : ((ConstraintChanged) c).to();
                Table t = to.table(c.table()).orElseThrow();
                if (k.kind() == Constraint.Kind.PRIMARY_KEY) {
                    for (String col : k.columns()) {
                        boolean wasNullable = from.table(c.table()).flatMap(ft -> ft.column(col))
                                .map(Column::nullable).orElse(false);
                        if (wasNullable) notNull(c.table(), col, s);
                    }
                }
                s.add("-- outside a transaction block");
                s.run(PgOperation.CREATE_INDEX_CONCURRENTLY, "CREATE UNIQUE INDEX CONCURRENTLY " + ident(k.name()) + " ON " + qualified(t.name()) + " ("
                        + Definitions.names(POSTGRES, k.columns()) + ");");
                s.add(LOCK_TIMEOUT);
                boolean pk = k.kind() == Constraint.Kind.PRIMARY_KEY;
                s.run(pk ? PgOperation.ADD_PRIMARY_KEY_USING_INDEX : PgOperation.ADD_UNIQUE_USING_INDEX,
                        alter(c.table()) + " ADD CONSTRAINT " + ident(k.name()) + " "
                        + (pk ? "PRIMARY KEY" : "UNIQUE") + " USING INDEX "
                        + ident(k.name()) + ";");
            }
            case "ALTER_TYPE_REWRITE" -> {
                if (!(c instanceof ColumnTypeChanged tc)) return Optional.empty();
                if (!expandContract(c.table(), tc.from(), tc.to(), s)) return Optional.empty();
            }
            case "ADD_COLUMN_VOLATILE_DEFAULT" -> {
                Column col = ((ColumnAdded) c).to();
                String q = qualified(c.table());
                s.add(LOCK_TIMEOUT);
                s.run(PgOperation.ADD_COLUMN, alter(c.table()) + " ADD COLUMN " + ident(col.name()) + " "
                        + col.type().sql() + ";  -- catalog only");
                s.run(PgOperation.SET_DEFAULT, alter(c.table()) + " ALTER COLUMN " + ident(col.name())
                        + " SET DEFAULT " + col.defaultExpr() + ";  -- new rows");
                s.add("-- backfill in batches, one transaction each (outside a transaction block)");
                s.run(SaferWay.BACKFILL, batchUpdate(c.table(), q, ident(col.name()) + " = " + col.defaultExpr(),
                        ident(col.name()) + " IS NULL"));
                if (!col.nullable()) notNull(c.table(), col.name(), s);
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(new Recipe(String.join("\n", s.lines), s.operations));
    }

    /** CHECK (c IS NOT NULL) NOT VALID, VALIDATE, SET NOT NULL (no scan on PG >= 12), DROP the CHECK. */
    private static void notNull(QName t, String column, Steps s) {
        String k = ident(Identifiers.withSuffix(t.name() + "_" + column, "_not_null"));
        s.add(LOCK_TIMEOUT);
        s.run(PgOperation.ADD_CHECK_NOT_VALID, alter(t) + " ADD CONSTRAINT " + k + " CHECK (" + ident(column)
                + " IS NOT NULL) NOT VALID;");
        s.run(PgOperation.VALIDATE_CHECK, alter(t) + " VALIDATE CONSTRAINT " + k + ";  -- scans, reads and writes go on");
        s.run(PgOperation.SET_NOT_NULL_WITH_VALID_CHECK, alter(t) + " ALTER COLUMN " + ident(column)
                + " SET NOT NULL;  -- PG >= 12: no scan, the CHECK proves it");
        s.run(PgOperation.DROP_CONSTRAINT, alter(t) + " DROP CONSTRAINT " + k + ";");
    }

    /**
     * A new column of the new type kept in step by a trigger, backfilled in batches, its indexes built
     * CONCURRENTLY, then the names swapped in one short transaction. Not offered for a column in a key or
     * foreign key (the swap would need the constraints rebuilt) or one used by a view.
     */
    private boolean expandContract(QName t, Column old, Column col, Steps s) {
        Table table = from.table(t).orElse(null);
        if (table == null) return false;
        boolean inKey = table.constraints().stream().anyMatch(k -> k.columns().contains(old.name())
                || k.definition().contains(old.name()))
                || table.foreignKeys().stream().anyMatch(f -> f.columns().contains(old.name()))
                || referenced(t, old.name())
                || !from.views().isEmpty() && from.views().stream().anyMatch(v -> v.definition().contains(old.name()));
        if (inKey || old.identity() != null || old.generatedExpr() != null) return false;
        String newName = Identifiers.withSuffix(col.name(), "_new");
        // PL/pgSQL does not take a U&"…" name as an assignment target: no recipe for such a column.
        if (newName.codePoints().anyMatch(Printable::isUnsafe)) return false;
        String q = qualified(t);
        String c = ident(col.name());
        String tmp = ident(newName);
        String sync = Identifiers.withSuffix(t.name() + "_" + col.name(), "_sync");
        String fn = qualifiedIn(t, sync);
        String trigger = ident(sync);
        String cast = col.type().sql();
        s.add("-- 1. expand: a new column of the new type (catalog only)");
        s.add(LOCK_TIMEOUT);
        s.run(PgOperation.ADD_COLUMN, alter(t) + " ADD COLUMN " + tmp + " " + cast + ";");
        s.run(PgOperation.CREATE_FUNCTION, "CREATE FUNCTION " + fn + "() RETURNS trigger LANGUAGE plpgsql AS "
                + Literals.dollarQuoted("BEGIN NEW." + tmp + " := (NEW)." + c + "::" + cast + "; RETURN NEW; END") + ";");
        s.run(PgOperation.CREATE_TRIGGER, "CREATE TRIGGER " + trigger + " BEFORE INSERT OR UPDATE ON " + q + " FOR EACH ROW EXECUTE FUNCTION "
                + fn + "();");
        s.add("-- 2. backfill in batches, one transaction each (outside a transaction block)");
        s.run(SaferWay.BACKFILL, batchUpdate(t, q, tmp + " = " + c + "::" + cast, tmp + " IS NULL AND " + c + " IS NOT NULL"));
        s.add("-- 3. defaults, NOT NULL and indexes on the new column, without blocking");
        if (col.defaultExpr() != null) {
            s.run(PgOperation.SET_DEFAULT, alter(t) + " ALTER COLUMN " + tmp + " SET DEFAULT " + col.defaultExpr() + ";");
        }
        if (!col.nullable()) notNull(t, newName, s);
        List<Index> indexes = table.indexes().stream().filter(i -> i.columns().contains(old.name())).toList();
        for (Index i : indexes) {
            Index onNew = new Index(Identifiers.withSuffix(i.name(), "_new"), i.unique(), i.method(), i.keys().stream()
                    .map(k -> !k.expression() && k.text().equals(old.name())
                            ? new Index.IndexKey(newName, false, k.collation(), k.opclass(),
                            k.descending(), k.nulls(), k.prefixLength()) : k).toList(),
                    i.include(), i.predicate(), i.nullsNotDistinct(), i.comment());
            s.run(PgOperation.CREATE_INDEX_CONCURRENTLY, createIndexConcurrently(t, onNew) + ";  -- outside a transaction block");
        }
        s.add("-- 4. contract: swap the names in one short transaction");
        s.add("BEGIN;");
        s.add("SET LOCAL lock_timeout = '2s';");
        s.run(PgOperation.DROP_TRIGGER, "DROP TRIGGER " + trigger + " ON " + q + ";");
        s.run(PgOperation.DROP_FUNCTION, "DROP FUNCTION " + fn + "();");
        s.run(PgOperation.DROP_COLUMN, alter(t) + " DROP COLUMN " + c + ";  -- drops its old indexes too; keep a backup");
        s.run(PgOperation.RENAME_COLUMN, alter(t) + " RENAME COLUMN " + tmp + " TO " + c + ";");
        for (Index i : indexes) {
            s.run(PgOperation.RENAME_INDEX, "ALTER INDEX " + qualifiedIn(t, Identifiers.withSuffix(i.name(), "_new")) + " RENAME TO " + ident(i.name()) + ";");
        }
        s.add("COMMIT;");
        return true;
    }

    /**
     * A backfill in batches of {@link #BATCH} rows, each committed on its own (COMMIT inside DO works on
     * PG >= 11 outside a transaction block), so no lock or row version is held for long.
     */
    private static String batchUpdate(QName t, String q, String set, String where) {
        return "DO " + Literals.dollarQuoted("\nDECLARE n bigint;\nBEGIN\n  LOOP\n    UPDATE " + q + " SET " + set
                + " WHERE ctid = ANY (ARRAY(SELECT ctid FROM " + q + " WHERE " + where + " LIMIT " + BATCH + "));\n"
                + "    GET DIAGNOSTICS n = ROW_COUNT;\n    EXIT WHEN n = 0;\n    COMMIT;\n  END LOOP;\nEND ") + ";";
    }

    static String createIndexConcurrently(QName t, Index i) {
        String def = Definitions.index(POSTGRES, i);
        String unique = i.unique() ? "UNIQUE " : "";
        String rest = def.substring(unique.length());
        return "CREATE " + unique + "INDEX CONCURRENTLY " + ident(i.name()) + " ON " + qualified(t) + " " + rest;
    }

    private static String alter(QName t) {
        return "ALTER TABLE " + qualified(t);
    }

    static String qualified(QName t) {
        return Identifiers.qualified(POSTGRES, t);
    }

    private static String qualifiedIn(QName t, String name) {
        return qualified(new QName(t.schema(), name));
    }

    private static String ident(String name) {
        return quote(POSTGRES, name);
    }
}
