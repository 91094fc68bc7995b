package io.schemaplan.diff;

import io.schemaplan.diff.Change.*;
import io.schemaplan.model.Column;
import io.schemaplan.model.Extension;
import io.schemaplan.model.QName;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Table;
import io.schemaplan.model.View;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * {@code diff(from, to)}: what changes when a database at {@code from} becomes {@code to}. Pure and
 * deterministic: extensions, namespaces, enums, domains, sequences, tables by name (within a table: the
 * table itself, its storage parameters, parents, replica identity and row security, columns in target
 * order, constraints, foreign keys, indexes, triggers, policies, rules), views (a materialized view's
 * indexes as index changes of the view), routines.
 */
public final class SchemaDiff {
    private SchemaDiff() {
    }

    public static List<Change> diff(Schema from, Schema to) {
        List<Change> out = new ArrayList<>();
        compare(from.extensions(), to.extensions(), Extension::name, ExtensionAdded::new, ExtensionDropped::new,
                (a, b) -> sameExtension(a, b) ? null : new ExtensionChanged(a, b), out);
        compare(from.namespaces(), to.namespaces(), n -> n, NamespaceAdded::new, NamespaceDropped::new, (a, b) -> null, out);
        compare(from.enums(), to.enums(), e -> e.name().toString(), EnumAdded::new, EnumDropped::new,
                (a, b) -> a.equals(b) ? null : new EnumChanged(a, b), out);
        compare(from.domains(), to.domains(), d -> d.name().toString(), DomainAdded::new, DomainDropped::new,
                (a, b) -> a.equals(b) ? null : new DomainChanged(a, b), out);
        compare(from.sequences(), to.sequences(), s -> s.name().toString(), SequenceAdded::new, SequenceDropped::new,
                (a, b) -> a.equals(b) ? null : new SequenceChanged(a, b), out);
        compare(from.tables(), to.tables(), t -> t.name().toString(), TableAdded::new, TableDropped::new,
                (a, b) -> null, out);
        // Changes inside tables present on both sides, in table order, right after the table-level list.
        Map<QName, Table> before = byName(from.tables());
        for (Table t : to.tables()) {
            Table old = before.get(t.name());
            if (old != null) {
                // MySQL rules on both sides only: a cross-dialect comparison has a PostgreSQL side, which has no order.
                diffTable(old, t, mysqlFamily(from) && mysqlFamily(to), out);
            }
        }
        compare(from.views(), to.views(), v -> v.name().toString(), ViewAdded::new, ViewDropped::new,
                (a, b) -> bare(a).equals(bare(b)) ? null : new ViewChanged(a, b), out);
        // A materialized view kept on both sides: its indexes, as index changes of the view. A changed
        // definition recreates the view and its indexes, so their changes are not listed apart then.
        Map<String, View> viewsBefore = new LinkedHashMap<>();
        from.views().forEach(v -> viewsBefore.put(v.name().toString(), v));
        for (View v : to.views()) {
            View old = viewsBefore.get(v.name().toString());
            if (old == null || !v.materialized() || !old.materialized()
                    || !old.definition().equals(v.definition())) continue;
            QName t = v.name();
            if (!old.options().equals(v.options())) out.add(new TableOptionsChanged(t, old.options(), v.options()));
            named(t, "index", old.indexes(), v.indexes(), i -> i.name(), i -> i.renamed("").withComment(null),
                    i -> new IndexAdded(t, i), i -> new IndexDropped(t, i), (x, y) -> new IndexChanged(t, x, y), out);
        }
        // MySQL has no overloading: a procedure whose parameters changed is the same procedure, changed.
        boolean mysql = mysqlFamily(from) && mysqlFamily(to);
        compare(from.routines(), to.routines(), r -> mysql ? r.kind() + " " + r.name() : r.signature(),
                RoutineAdded::new, RoutineDropped::new,
                (a, b) -> a.equals(b) ? null : new RoutineChanged(a, b), out);
        return sortTablesTogether(out);
    }

    private static boolean mysqlFamily(Schema s) {
        return s.engine() != null && s.engine().isMysqlFamily();
    }

    /** A view without what is compared apart (a materialized view's indexes and storage parameters). */
    private static View bare(View v) {
        return v.withIndexes(List.of()).withOptions(List.of());
    }

    /** A dump does not know extension versions: compare them only when both sides do. */
    private static boolean sameExtension(Extension a, Extension b) {
        return Objects.equals(a.schema(), b.schema())
                && (a.version() == null || b.version() == null || a.version().equals(b.version()));
    }

    private static void diffTable(Table a, Table b, boolean mysql, List<Change> out) {
        QName t = b.name();
        if (a.unlogged() != b.unlogged() || !Objects.equals(a.partitionBy(), b.partitionBy())
                || !Objects.equals(a.partitionOf(), b.partitionOf())
                || !Objects.equals(a.partitionBound(), b.partitionBound())
                || !Objects.equals(a.comment(), b.comment()) || !Objects.equals(a.collation(), b.collation())
                || !Objects.equals(a.storageEngine(), b.storageEngine()) || !Objects.equals(a.rowFormat(), b.rowFormat())
                || !Objects.equals(a.keyBlockSize(), b.keyBlockSize())) {
            out.add(new TableChanged(a, b));
        }
        if (!a.options().equals(b.options())) out.add(new TableOptionsChanged(t, a.options(), b.options()));
        if (!a.inherits().equals(b.inherits())) out.add(new TableInheritsChanged(t, a.inherits(), b.inherits()));
        if (!Objects.equals(a.replicaIdentity(), b.replicaIdentity())) {
            out.add(new ReplicaIdentityChanged(t, a.replicaIdentity(), b.replicaIdentity()));
        }
        if (a.rowSecurity() != b.rowSecurity() || a.forceRowSecurity() != b.forceRowSecurity()) {
            out.add(new RowSecurityChanged(t, a.rowSecurity(), a.forceRowSecurity(), b.rowSecurity(), b.forceRowSecurity()));
        }
        diffColumns(t, a, b, mysql, out);
        named(t, "constraint", a.constraints(), b.constraints(), c -> c.name(), c -> c.renamed(""),
                c -> new ConstraintAdded(t, c), c -> new ConstraintDropped(t, c),
                (x, y) -> new ConstraintChanged(t, x, y), out);
        named(t, "foreign key", a.foreignKeys(), b.foreignKeys(), f -> f.name(), f -> f.renamed(""),
                f -> new ForeignKeyAdded(t, f), f -> new ForeignKeyDropped(t, f),
                (x, y) -> new ForeignKeyChanged(t, x, y), out);
        named(t, "index", a.indexes(), b.indexes(), i -> i.name(), i -> i.renamed("").withComment(null),
                i -> new IndexAdded(t, i), i -> new IndexDropped(t, i), (x, y) -> new IndexChanged(t, x, y), out);
        named(t, "trigger", a.triggers(), b.triggers(), g -> g.name(), g -> g,
                g -> new TriggerAdded(t, g), g -> new TriggerDropped(t, g), (x, y) -> new TriggerChanged(t, x, y), out);
        named(t, "policy", a.policies(), b.policies(), p -> p.name(), p -> new io.schemaplan.model.Policy("",
                        p.restrictive(), p.command(), p.roles(), p.using(), p.withCheck()),
                p -> new PolicyAdded(t, p), p -> new PolicyDropped(t, p), (x, y) -> new PolicyChanged(t, x, y), out);
        named(t, "rule", a.rules(), b.rules(), r -> r.name(), r -> r,
                r -> new RuleAdded(t, r), r -> new RuleDropped(t, r), (x, y) -> new RuleChanged(t, x, y), out);
    }

    /**
     * Columns: one change per aspect that differs; added columns in target order, dropped ones after.
     * MySQL/MariaDB only: a column's collation is compared as stored (its own, else its table's), so a column
     * that keeps its collation while the table default changes is unchanged; columns that follow the table on
     * both sides change with the table ({@link TableChanged}); and moved columns are changes.
     */
    private static void diffColumns(QName t, Table tableFrom, Table tableTo, boolean mysql, List<Change> out) {
        List<Column> from = tableFrom.columns();
        List<Column> to = tableTo.columns();
        Map<String, Column> old = new LinkedHashMap<>();
        from.forEach(c -> old.put(c.name(), c));
        java.util.Set<String> moved = mysql ? ColumnOrder.moved(from, to) : java.util.Set.of();
        List<Column> added = new ArrayList<>();
        for (Column c : to) {
            Column o = old.remove(c.name());
            if (o == null) {
                out.add(new ColumnAdded(t, c));
                added.add(c);
                continue;
            }
            if (!o.type().equals(c.type())) out.add(new ColumnTypeChanged(t, o, c));
            if (!Objects.equals(o.defaultExpr(), c.defaultExpr())) out.add(new ColumnDefaultChanged(t, o, c));
            if (o.nullable() != c.nullable()) out.add(new ColumnNullabilityChanged(t, o, c));
            if (o.identity() != c.identity()) out.add(new ColumnIdentityChanged(t, o, c));
            if (!Objects.equals(o.generatedExpr(), c.generatedExpr()) || o.virtual() != c.virtual()) {
                out.add(new ColumnGeneratedChanged(t, o, c));
            }
            if (o.invisible() != c.invisible()) out.add(new ColumnVisibilityChanged(t, o, c));
            if (mysql ? collationChanged(o, tableFrom, c, tableTo) : !Objects.equals(o.collation(), c.collation())) {
                out.add(new ColumnCollationChanged(t, o, c));
            }
            if (moved.contains(c.name())) out.add(new ColumnMoved(t, o, c, ColumnOrder.predecessor(to, c)));
            if (!Objects.equals(o.statistics(), c.statistics())) out.add(new ColumnStatisticsChanged(t, o, c));
            if (!Objects.equals(o.storage(), c.storage())) out.add(new ColumnStorageChanged(t, o, c));
            if (!Objects.equals(o.compression(), c.compression())) out.add(new ColumnCompressionChanged(t, o, c));
            if (!o.options().equals(c.options())) out.add(new ColumnOptionsChanged(t, o, c));
            if (!Objects.equals(o.comment(), c.comment())) out.add(new ColumnCommentChanged(t, o, c));
        }
        List<Column> dropped = List.copyOf(old.values());
        dropped.forEach(c -> out.add(new ColumnDropped(t, c)));
        renames(t, "column", dropped, added, Column::name, c -> c.renamed("").withPosition(0).withComment(null), out);
    }

    /** MySQL: a column's stored collation differs, unless it follows its table on both sides. */
    private static boolean collationChanged(Column a, Table ta, Column b, Table tb) {
        if (a.collation() == null && b.collation() == null) return false;
        return !Objects.equals(a.collation() != null ? a.collation() : ta.collation(),
                b.collation() != null ? b.collation() : tb.collation());
    }

    /** Named sub-objects of a table: added, dropped, changed by name; then possible renames. */
    private static <T> void named(QName t, String kind, List<T> from, List<T> to, Function<T, String> name,
                                  UnaryOperator<T> anonymous, Function<T, Change> added, Function<T, Change> dropped,
                                  BiFunction<T, T, Change> changed, List<Change> out) {
        List<T> gone = new ArrayList<>();
        List<T> fresh = new ArrayList<>();
        compare(from, to, name, x -> { fresh.add(x); return added.apply(x); }, x -> { gone.add(x); return dropped.apply(x); },
                (x, y) -> x.equals(y) ? null : changed.apply(x, y), out);
        renames(t, kind, gone, fresh, name, anonymous, out);
    }

    /**
     * Suggests a rename for each dropped object whose definition (the object with its name blanked)
     * matches exactly one added object, which in turn matches only it; ambiguity suggests nothing.
     */
    private static <T> void renames(QName t, String kind, List<T> dropped, List<T> added, Function<T, String> name,
                                    UnaryOperator<T> anonymous, List<Change> out) {
        for (T d : dropped) {
            T def = anonymous.apply(d);
            List<T> matches = added.stream().filter(a -> anonymous.apply(a).equals(def)).toList();
            if (matches.size() != 1) continue;
            T a = matches.get(0);
            T aDef = anonymous.apply(a);
            long back = dropped.stream().filter(x -> anonymous.apply(x).equals(aDef)).count();
            if (back == 1) {
                out.add(new PossibleRename(t, kind, name.apply(d), name.apply(a)));
            }
        }
    }

    /** migra's shape: two maps of name to definition, walked in name order. */
    private static <T> void compare(List<T> from, List<T> to, Function<T, String> name, Function<T, Change> added,
                                    Function<T, Change> dropped, BiFunction<T, T, Change> changed, List<Change> out) {
        Map<String, T> a = new LinkedHashMap<>();
        from.forEach(x -> a.put(name.apply(x), x));
        Map<String, T> b = new LinkedHashMap<>();
        to.forEach(x -> b.put(name.apply(x), x));
        for (String n : new TreeSet<>(union(a, b))) {
            T x = a.get(n);
            T y = b.get(n);
            Change c = x == null ? added.apply(y) : y == null ? dropped.apply(x) : changed.apply(x, y);
            if (c != null) out.add(c);
        }
    }

    private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
        List<String> all = new ArrayList<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }

    private static Map<QName, Table> byName(List<Table> tables) {
        Map<QName, Table> m = new LinkedHashMap<>();
        tables.forEach(t -> m.put(t.name(), t));
        return m;
    }

    /**
     * Stable grouping: schema-level objects first (extensions, namespaces, enums, sequences), then every
     * table's changes together in table order (a table's own add/drop/change first), then views and routines.
     */
    private static List<Change> sortTablesTogether(List<Change> changes) {
        List<Change> head = new ArrayList<>();
        Map<QName, List<Change>> tables = new java.util.TreeMap<>();
        List<Change> tail = new ArrayList<>();
        for (Change c : changes) {
            if (c.table() != null) {
                tables.computeIfAbsent(c.table(), k -> new ArrayList<>()).add(c);
            } else if (c instanceof ViewAdded || c instanceof ViewDropped || c instanceof ViewChanged
                    || c instanceof RoutineAdded || c instanceof RoutineDropped || c instanceof RoutineChanged) {
                tail.add(c);
            } else {
                head.add(c);
            }
        }
        List<Change> out = new ArrayList<>(head);
        tables.values().forEach(out::addAll);
        out.addAll(tail);
        return List.copyOf(out);
    }
}
