package io.schemaplan.impact;

import io.schemaplan.diff.Change;
import io.schemaplan.diff.Change.*;
import io.schemaplan.model.Column;
import io.schemaplan.model.Constraint;
import io.schemaplan.model.Domain;
import io.schemaplan.model.Index;
import io.schemaplan.model.QName;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Stats;
import io.schemaplan.model.Table;
import io.schemaplan.model.View;
import io.schemaplan.sql.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which PostgreSQL operations a schema change needs, and what each touches. The diff says what the end
 * state is, not how a migration gets there, so each change maps to the statements a migration tool
 * (Alembic, Flyway) issues for it: a new index is a plain {@code CREATE INDEX} inside the migration
 * transaction, a new foreign key is validated, a new NOT NULL column without a default is added and then
 * set NOT NULL after a backfill. Pure: the schemas and statistics come in, steps go out.
 */
public final class PgImpacts {
    /**
     * One operation on one table ({@code table} null when no table is locked, e.g. CREATE TYPE), the
     * second table it locks ({@code other}, e.g. the referenced table of a foreign key), and the work it
     * does there.
     */
    public record Step(PgOperation operation, QName table, QName other, Work work) {
        public Step {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(work, "work");
        }
    }

    /**
     * Functions whose value differs per row, so that ADD COLUMN … DEFAULT f() rewrites the table
     * (pg_proc.provolatile = 'v'). now() and CURRENT_TIMESTAMP are STABLE: evaluated once, no rewrite.
     */
    private static final Pattern VOLATILE_CALL = Pattern.compile(
            "\\b(gen_random_uuid|uuid_generate_v[14]|uuid_generate_v1mc|uuidv[47]|random|clock_timestamp|timeofday"
                    + "|statement_timestamp|txid_current|nextval|setseed)\\s*\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEXTVAL = Pattern.compile("\\bnextval\\s*\\(", Pattern.CASE_INSENSITIVE);


    private final Schema from;
    private final Schema to;
    private final TableSizes sizes;
    /** Binary-coercible casts: the live server's where the statistics carry them, else the generated table. */
    private final java.util.Map<String, java.util.Set<String>> casts;

    /** {@code stats} may be null: every existing table then has an unknown size. */
    public PgImpacts(Schema from, Schema to, Stats stats) {
        this.from = from;
        this.to = to;
        this.sizes = new TableSizes(from, to, stats);
        this.casts = PgTypeChanges.casts(stats == null ? List.of() : stats.binaryCasts());
    }

    public List<Step> steps(Change change) {
        List<Step> out = new ArrayList<>();
        if (change instanceof NamespaceAdded) {
            out.add(global(PgOperation.CREATE_SCHEMA));
        } else if (change instanceof NamespaceDropped) {
            out.add(global(PgOperation.DROP_SCHEMA));
        } else if (change instanceof ExtensionAdded) {
            out.add(global(PgOperation.CREATE_EXTENSION));
        } else if (change instanceof ExtensionDropped) {
            out.add(global(PgOperation.DROP_EXTENSION));
        } else if (change instanceof ExtensionChanged) {
            out.add(global(PgOperation.ALTER_EXTENSION));
        } else if (change instanceof EnumAdded) {
            out.add(global(PgOperation.CREATE_ENUM));
        } else if (change instanceof EnumDropped) {
            out.add(global(PgOperation.DROP_TYPE));
        } else if (change instanceof EnumChanged c) {
            enumChanged(c, out);
        } else if (change instanceof SequenceAdded) {
            out.add(global(PgOperation.CREATE_SEQUENCE));
        } else if (change instanceof SequenceDropped s) {
            out.add(new Step(PgOperation.DROP_SEQUENCE, s.sequence().name(), null, Work.NONE));
        } else if (change instanceof SequenceChanged s) {
            out.add(new Step(PgOperation.ALTER_SEQUENCE, s.to().name(), null, Work.NONE));
        } else if (change instanceof DomainAdded) {
            out.add(global(PgOperation.CREATE_DOMAIN));
        } else if (change instanceof DomainDropped) {
            out.add(global(PgOperation.DROP_TYPE));
        } else if (change instanceof DomainChanged d) {
            domainChanged(d.from(), d.to(), out);
        } else if (change instanceof ViewAdded v && v.view().materialized()) {
            materializedViewCreated(v.view(), out);
        } else if (change instanceof ViewAdded) {
            out.add(global(PgOperation.CREATE_VIEW));
        } else if (change instanceof ViewDropped v) {
            out.add(new Step(v.view().materialized() ? PgOperation.DROP_MATERIALIZED_VIEW : PgOperation.DROP_VIEW,
                    v.view().name(), null, Work.NONE));
        } else if (change instanceof ViewChanged v && (v.from().materialized() || v.to().materialized())) {
            // There is no CREATE OR REPLACE MATERIALIZED VIEW: it is dropped, created, filled and indexed anew.
            out.add(new Step(v.from().materialized() ? PgOperation.DROP_MATERIALIZED_VIEW : PgOperation.DROP_VIEW,
                    v.from().name(), null, Work.NONE));
            if (v.to().materialized()) materializedViewCreated(v.to(), out);
            else out.add(global(PgOperation.CREATE_VIEW));
        } else if (change instanceof ViewChanged v) {
            out.add(new Step(PgOperation.CREATE_OR_REPLACE_VIEW, v.to().name(), null, Work.NONE));
        } else if (change instanceof RoutineAdded || change instanceof RoutineChanged) {
            out.add(global(PgOperation.CREATE_FUNCTION));
        } else if (change instanceof RoutineDropped) {
            out.add(global(PgOperation.DROP_FUNCTION));
        } else if (change instanceof TableAdded t) {
            // REFERENCES in CREATE TABLE takes SHARE ROW EXCLUSIVE on each referenced table, briefly.
            out.add(new Step(PgOperation.CREATE_TABLE, null, null, Work.NONE));
        } else if (change instanceof TableDropped t) {
            out.add(new Step(PgOperation.DROP_TABLE, t.table(), null, tableWork(t.table())));
        } else if (change instanceof TableChanged t) {
            tableChanged(t, out);
        } else if (change instanceof TableOptionsChanged t) {
            // Every storage parameter takes SHARE UPDATE EXCLUSIVE but user_catalog_table (ACCESS EXCLUSIVE).
            boolean catalogTable = Stream.concat(t.from().stream(), t.to().stream())
                    .filter(o -> !(t.from().contains(o) && t.to().contains(o)))
                    .anyMatch(o -> o.startsWith("user_catalog_table="));
            out.add(onTable(catalogTable ? PgOperation.SET_USER_CATALOG_TABLE : PgOperation.SET_STORAGE_PARAMETERS,
                    t.table()));
        } else if (change instanceof TableInheritsChanged t) {
            t.from().stream().filter(p -> !t.to().contains(p))
                    .forEach(p -> out.add(new Step(PgOperation.DROP_INHERIT, t.table(), p, Work.NONE)));
            t.to().stream().filter(p -> !t.from().contains(p))
                    .forEach(p -> out.add(new Step(PgOperation.ADD_INHERIT, t.table(), p, Work.NONE)));
        } else if (change instanceof ReplicaIdentityChanged t) {
            out.add(onTable(PgOperation.REPLICA_IDENTITY, t.table()));
        } else if (change instanceof RowSecurityChanged t) {
            out.add(onTable(PgOperation.ALTER_ROW_SECURITY, t.table()));
        } else if (change instanceof PolicyAdded p) {
            out.add(onTable(PgOperation.CREATE_POLICY, p.table()));
        } else if (change instanceof PolicyDropped p) {
            out.add(onTable(PgOperation.DROP_POLICY, p.table()));
        } else if (change instanceof PolicyChanged p) {
            out.add(onTable(PgOperation.DROP_POLICY, p.table()));
            out.add(onTable(PgOperation.CREATE_POLICY, p.table()));
        } else if (change instanceof RuleAdded r) {
            out.add(onTable(PgOperation.CREATE_RULE, r.table()));
        } else if (change instanceof RuleDropped r) {
            out.add(onTable(PgOperation.DROP_RULE, r.table()));
        } else if (change instanceof RuleChanged r) {
            out.add(onTable(PgOperation.CREATE_RULE, r.table())); // CREATE OR REPLACE RULE
        } else if (change instanceof ColumnChange c) {
            columnChange(c, out);
        } else if (change instanceof ConstraintAdded c) {
            constraintAdded(c.table(), c.constraint(), out);
        } else if (change instanceof ConstraintDropped c) {
            out.add(onTable(PgOperation.DROP_CONSTRAINT, c.table()));
        } else if (change instanceof ConstraintChanged c) {
            if (onlyValidation(c.from(), c.to())) {
                out.add(new Step(PgOperation.VALIDATE_CHECK, c.table(), null, tableWork(c.table())));
            } else {
                out.add(onTable(PgOperation.DROP_CONSTRAINT, c.table()));
                constraintAdded(c.table(), c.to(), out);
            }
        } else if (change instanceof ForeignKeyAdded f) {
            foreignKeyAdded(f.table(), f.foreignKey(), out);
        } else if (change instanceof ForeignKeyDropped f) {
            out.add(new Step(PgOperation.DROP_FOREIGN_KEY, f.table(), f.foreignKey().referencedTable(), Work.NONE));
        } else if (change instanceof ForeignKeyChanged f) {
            if (!f.from().validated() && f.to().validated() && f.from().withValidated(true).equals(f.to())) {
                out.add(new Step(PgOperation.VALIDATE_FOREIGN_KEY, f.table(), f.to().referencedTable(),
                        tableWork(f.table())));
            } else {
                out.add(new Step(PgOperation.DROP_FOREIGN_KEY, f.table(), f.from().referencedTable(), Work.NONE));
                foreignKeyAdded(f.table(), f.to(), out);
            }
        } else if (change instanceof IndexAdded i) {
            out.add(indexBuild(i.table(), i.index()));
        } else if (change instanceof IndexDropped i) {
            out.add(onTable(PgOperation.DROP_INDEX, i.table()));
        } else if (change instanceof IndexChanged i) {
            out.add(onTable(PgOperation.DROP_INDEX, i.table()));
            out.add(indexBuild(i.table(), i.to()));
        } else if (change instanceof TriggerAdded t) {
            out.add(onTable(PgOperation.CREATE_TRIGGER, t.table()));
        } else if (change instanceof TriggerDropped t) {
            out.add(onTable(PgOperation.DROP_TRIGGER, t.table()));
        } else if (change instanceof TriggerChanged t) {
            out.add(onTable(PgOperation.DROP_TRIGGER, t.table()));
            out.add(onTable(PgOperation.CREATE_TRIGGER, t.table()));
        } else if (change instanceof PossibleRename) {
            // A hint next to the drop and the add it explains; those carry the operations.
        } else {
            throw new IllegalArgumentException("no PostgreSQL operation for " + change.kind());
        }
        return out;
    }

    private void enumChanged(EnumChanged c, List<Step> out) {
        switch (c.labelChange()) {
            case NONE -> out.add(global(PgOperation.COMMENT));
            case APPENDED -> c.to().labels().stream().filter(l -> !c.from().labels().contains(l))
                    .forEach(l -> out.add(global(PgOperation.ENUM_ADD_VALUE)));
            case INSERTED -> c.to().labels().stream().filter(l -> !c.from().labels().contains(l))
                    .forEach(l -> out.add(global(PgOperation.ENUM_ADD_VALUE_BEFORE)));
            case REMOVED_OR_REORDERED -> {
                // PostgreSQL cannot drop or reorder enum labels: a migration creates a new type and converts
                // every column that uses the old one (ALTER COLUMN … TYPE new USING …), a rewrite each.
                out.add(global(PgOperation.CREATE_ENUM));
                for (Table t : from.tables()) {
                    for (Column col : t.columns()) {
                        if (col.type().name().equals(c.from().name().toString())) {
                            out.add(new Step(PgOperation.ALTER_TYPE_REWRITE, t.name(), null, tableWork(t.name())));
                        }
                    }
                }
                out.add(global(PgOperation.DROP_TYPE));
            }
        }
    }

    private void tableChanged(TableChanged t, List<Step> out) {
        Table a = t.from();
        Table b = t.to();
        if (a.unlogged() != b.unlogged()) {
            out.add(new Step(b.unlogged() ? PgOperation.SET_UNLOGGED : PgOperation.SET_LOGGED, b.name(), null,
                    tableWork(b.name())));
        }
        if (!Objects.equals(a.partitionBy(), b.partitionBy())) {
            // The partition key cannot be altered: the table is created anew and its rows copied.
            out.add(new Step(PgOperation.CREATE_TABLE, null, null, Work.NONE));
            out.add(new Step(PgOperation.DROP_TABLE, a.name(), null, tableWork(a.name())));
        }
        if (!Objects.equals(a.partitionOf(), b.partitionOf()) || !Objects.equals(a.partitionBound(), b.partitionBound())) {
            if (a.partitionOf() != null) {
                out.add(new Step(PgOperation.DETACH_PARTITION, a.partitionOf(), a.name(), Work.NONE));
            }
            if (b.partitionOf() != null) {
                out.add(new Step(PgOperation.ATTACH_PARTITION, b.partitionOf(), b.name(), tableWork(b.name())));
            }
        }
        if (!Objects.equals(a.comment(), b.comment())) {
            out.add(onTable(PgOperation.COMMENT, b.name()));
        }
    }

    private void columnChange(ColumnChange c, List<Step> out) {
        QName t = c.table();
        if (c instanceof ColumnAdded a) {
            columnAdded(t, a.to(), out);
        } else if (c instanceof ColumnDropped) {
            out.add(new Step(PgOperation.DROP_COLUMN, t, null, tableWork(t)));
        } else if (c instanceof ColumnTypeChanged tc) {
            PgOperation op = PgTypeChanges.classify(tc.from().type(), tc.to().type(), false,
                    indexMethodsOn(t, tc.from().name()), casts);
            out.add(new Step(op, t, null, op == PgOperation.ALTER_TYPE_REINDEX
                    ? tableWork(t).withNewIndexBytes(bytesOfIndexesOn(t, tc.from().name())) : tableWork(t)));
        } else if (c instanceof ColumnDefaultChanged d) {
            out.add(onTable(d.to().defaultExpr() == null ? PgOperation.DROP_DEFAULT : PgOperation.SET_DEFAULT, t));
        } else if (c instanceof ColumnNullabilityChanged n) {
            if (n.to().nullable()) {
                out.add(onTable(PgOperation.DROP_NOT_NULL, t));
            } else {
                out.add(setNotNull(t, n.to().name()));
            }
        } else if (c instanceof ColumnIdentityChanged i) {
            out.add(onTable(i.to().identity() == null ? PgOperation.DROP_IDENTITY
                    : PgOperation.ADD_IDENTITY_TO_EXISTING_COLUMN, t));
        } else if (c instanceof ColumnGeneratedChanged g) {
            // Changing or adding a stored expression recomputes every row; dropping it is catalog only.
            out.add(g.to().generatedExpr() == null ? onTable(PgOperation.DROP_DEFAULT, t)
                    : new Step(PgOperation.ADD_COLUMN_GENERATED_STORED, t, null, tableWork(t)));
        } else if (c instanceof ColumnCollationChanged) {
            out.add(new Step(PgOperation.SET_COLLATION, t, null,
                    tableWork(t).withNewIndexBytes(bytesOfIndexesOn(t, c.to().name()))));
        } else if (c instanceof ColumnCommentChanged) {
            out.add(onTable(PgOperation.COMMENT, t));
        } else if (c instanceof ColumnStatisticsChanged) {
            out.add(onTable(PgOperation.SET_STATISTICS, t));
        } else if (c instanceof ColumnStorageChanged) {
            out.add(onTable(PgOperation.SET_STORAGE, t));
        } else if (c instanceof ColumnCompressionChanged) {
            out.add(onTable(PgOperation.SET_COMPRESSION, t));
        } else if (c instanceof ColumnOptionsChanged) {
            out.add(onTable(PgOperation.SET_COLUMN_OPTIONS, t));
        } else {
            throw new IllegalArgumentException("no PostgreSQL operation for " + c.kind());
        }
    }

    private void columnAdded(QName t, Column col, List<Step> out) {
        String def = col.defaultExpr();
        if (col.identity() != null) {
            out.add(new Step(PgOperation.ADD_COLUMN_IDENTITY, t, null, tableWork(t)));
        } else if (col.generatedExpr() != null) {
            out.add(new Step(PgOperation.ADD_COLUMN_GENERATED_STORED, t, null, tableWork(t)));
        } else if (domainOf(col).map(d -> d.notNull() || !d.checks().isEmpty()).orElse(false)) {
            out.add(new Step(PgOperation.ADD_COLUMN_DOMAIN_CHECK, t, null, tableWork(t)));
        } else if (def != null && NEXTVAL.matcher(def).find()) {
            out.add(new Step(PgOperation.ADD_COLUMN_SERIAL, t, null, tableWork(t)));
        } else if (def != null && VOLATILE_CALL.matcher(def).find()) {
            out.add(new Step(PgOperation.ADD_COLUMN_VOLATILE_DEFAULT, t, null, tableWork(t)));
        } else if (def != null) {
            out.add(onTable(col.nullable() ? PgOperation.ADD_COLUMN_CONSTANT_DEFAULT
                    : PgOperation.ADD_COLUMN_NOT_NULL_WITH_DEFAULT, t));
        } else {
            out.add(onTable(PgOperation.ADD_COLUMN, t));
            if (!col.nullable()) {
                // ADD COLUMN … NOT NULL without a default fails on a table with rows: a migration adds it
                // nullable, fills it, then sets NOT NULL, which scans.
                out.add(setNotNull(t, col.name()));
            }
        }
    }

    /** The domain a column's type names, looked up in the target schema (where the column exists). */
    private java.util.Optional<Domain> domainOf(Column col) {
        return to.domains().stream().filter(d -> d.name().toString().equals(col.type().name())).findFirst();
    }

    /** The tables of {@code from} with a column (or array column) of the domain: a new constraint is checked there. */
    private List<QName> tablesUsing(QName domain) {
        return from.tables().stream().filter(t -> t.columns().stream()
                .anyMatch(c -> c.type().name().equals(domain.toString()))).map(Table::name).toList();
    }

    /** One scanning step per table using the domain, or one step without a table when none does. */
    private void onTablesUsing(QName domain, PgOperation op, List<Step> out) {
        List<QName> users = tablesUsing(domain);
        if (users.isEmpty()) out.add(global(op));
        users.forEach(t -> out.add(new Step(op, t, null, tableWork(t))));
    }

    private void domainChanged(Domain a, Domain b, List<Step> out) {
        if (!a.baseType().equals(b.baseType()) || !Objects.equals(a.collation(), b.collation())) {
            // ALTER DOMAIN cannot change the base type or collation: a new domain, every column converted, the old dropped.
            out.add(global(PgOperation.CREATE_DOMAIN));
            tablesUsing(a.name()).forEach(t -> out.add(new Step(PgOperation.ALTER_TYPE_REWRITE, t, null, tableWork(t))));
            out.add(global(PgOperation.DROP_TYPE));
            return;
        }
        if (!Objects.equals(a.defaultExpr(), b.defaultExpr())) out.add(global(PgOperation.ALTER_DOMAIN_SET_DEFAULT));
        if (!a.notNull() && b.notNull()) onTablesUsing(a.name(), PgOperation.ALTER_DOMAIN_SET_NOT_NULL, out);
        if (a.notNull() && !b.notNull()) out.add(global(PgOperation.ALTER_DOMAIN_DROP_NOT_NULL));
        java.util.Map<String, Constraint> before = new java.util.LinkedHashMap<>();
        a.checks().forEach(k -> before.put(k.name(), k));
        for (Constraint k : b.checks()) {
            Constraint old = before.remove(k.name());
            if (k.equals(old)) continue;
            if (old != null && onlyValidation(old, k)) {
                onTablesUsing(a.name(), PgOperation.ALTER_DOMAIN_VALIDATE_CHECK, out);
                continue;
            }
            if (old != null) out.add(global(PgOperation.ALTER_DOMAIN_DROP_CONSTRAINT));
            if (k.validated()) onTablesUsing(a.name(), PgOperation.ALTER_DOMAIN_ADD_CHECK, out);
            else out.add(global(PgOperation.ALTER_DOMAIN_ADD_CHECK_NOT_VALID));
        }
        before.values().forEach(k -> out.add(global(PgOperation.ALTER_DOMAIN_DROP_CONSTRAINT)));
        if (!Objects.equals(a.comment(), b.comment())) out.add(global(PgOperation.COMMENT));
    }

    /** CREATE MATERIALIZED VIEW fills it at once; then its indexes are built. */
    private void materializedViewCreated(View v, List<Step> out) {
        out.add(global(PgOperation.CREATE_MATERIALIZED_VIEW));
        v.indexes().forEach(i -> out.add(new Step(i.unique() ? PgOperation.CREATE_UNIQUE_INDEX : PgOperation.CREATE_INDEX,
                v.name(), null, Work.NONE)));
    }

    private Step setNotNull(QName t, String column) {
        boolean proven = to.table(t).map(tb -> hasValidNotNullCheck(tb, column)).orElse(false)
                || from.table(t).map(tb -> hasValidNotNullCheck(tb, column)).orElse(false);
        return proven ? onTable(PgOperation.SET_NOT_NULL_WITH_VALID_CHECK, t)
                : new Step(PgOperation.SET_NOT_NULL, t, null, tableWork(t));
    }

    private static boolean hasValidNotNullCheck(Table t, String column) {
        String wanted = "CHECK ((" + Identifiers.quoteIdent(column) + " IS NOT NULL))"; // as pg_get_constraintdef prints it
        return t.constraints().stream().anyMatch(c -> c.kind() == Constraint.Kind.CHECK && c.validated()
                && c.definition().equals(wanted));
    }

    private void constraintAdded(QName t, Constraint c, List<Step> out) {
        switch (c.kind()) {
            case CHECK -> out.add(c.validated() ? new Step(PgOperation.ADD_CHECK, t, null, tableWork(t))
                    : onTable(PgOperation.ADD_CHECK_NOT_VALID, t));
            case PRIMARY_KEY -> out.add(new Step(PgOperation.ADD_PRIMARY_KEY, t, null,
                    tableWork(t).withNewIndexBytes(newIndexBytes(t, c.columns()))));
            case UNIQUE -> out.add(new Step(PgOperation.ADD_UNIQUE, t, null,
                    tableWork(t).withNewIndexBytes(newIndexBytes(t, c.columns()))));
            case EXCLUDE -> out.add(new Step(PgOperation.ADD_EXCLUSION, t, null,
                    tableWork(t).withNewIndexBytes(newIndexBytes(t, c.columns()))));
        }
    }

    private static boolean onlyValidation(Constraint a, Constraint b) {
        return !a.validated() && b.validated() && a.kind() == Constraint.Kind.CHECK
                && a.definition().equals(b.definition());
    }

    private void foreignKeyAdded(QName t, io.schemaplan.model.ForeignKey fk, List<Step> out) {
        out.add(fk.validated() ? new Step(PgOperation.ADD_FOREIGN_KEY, t, fk.referencedTable(), tableWork(t))
                : new Step(PgOperation.ADD_FOREIGN_KEY_NOT_VALID, t, fk.referencedTable(), Work.NONE));
    }

    private Step indexBuild(QName t, Index index) {
        List<String> columns = index.keys().stream().map(k -> k.expression() ? "" : k.text()).toList();
        return new Step(index.unique() ? PgOperation.CREATE_UNIQUE_INDEX : PgOperation.CREATE_INDEX, t, null,
                tableWork(t).withNewIndexBytes(newIndexBytes(t, columns)));
    }

    private Step global(PgOperation op) {
        return new Step(op, null, null, Work.NONE);
    }

    private Step onTable(PgOperation op, QName t) {
        return new Step(op, t, null, Work.NONE);
    }

    Work tableWork(QName t) {
        return sizes.work(t);
    }

    long newIndexBytes(QName t, List<String> columns) {
        return sizes.newIndexBytes(t, columns);
    }

    /** The access methods of the indexes on a column of FROM; PRIMARY KEY and UNIQUE are btree. */
    private java.util.Set<String> indexMethodsOn(QName t, String column) {
        java.util.Set<String> methods = new java.util.HashSet<>();
        from.table(t).ifPresent(tb -> {
            tb.indexes().stream().filter(i -> i.columns().contains(column)).forEach(i -> methods.add(i.method()));
            tb.constraints().stream().filter(k -> k.columns().contains(column)
                    && (k.kind() == Constraint.Kind.PRIMARY_KEY || k.kind() == Constraint.Kind.UNIQUE))
                    .forEach(k -> methods.add("btree"));
        });
        return methods;
    }

    private long bytesOfIndexesOn(QName t, String column) {
        return sizes.bytesOfIndexesOn(t, column);
    }
}
