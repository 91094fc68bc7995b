package io.schemaplan.read;

import io.schemaplan.model.Column;
import io.schemaplan.model.Constraint;
import io.schemaplan.model.Domain;
import io.schemaplan.model.Engine;
import io.schemaplan.model.EnumType;
import io.schemaplan.model.Extension;
import io.schemaplan.model.ForeignKey;
import io.schemaplan.model.Index;
import io.schemaplan.model.QName;
import io.schemaplan.model.Routine;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Sequence;
import io.schemaplan.model.Table;
import io.schemaplan.model.Trigger;
import io.schemaplan.model.View;
import io.schemaplan.normalize.SqlTokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a dump has said so far, in mutable form: a dump adds to a table long after creating it (defaults,
 * identities, constraints, indexes, partitions, comments). {@link #build()} freezes it into a {@link Schema}.
 * Comments are kept by target and attached at the end, so their position in the file does not matter.
 */
final class DumpSchema {
    /** A table being assembled. */
    static final class TableParts {
        final QName name;
        final List<Column> columns = new ArrayList<>();
        final List<Constraint> constraints = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<Trigger> triggers = new ArrayList<>();
        final PgTableFacts pg = new PgTableFacts();
        boolean unlogged;
        String partitionBy;
        QName partitionOf;
        String partitionBound;

        TableParts(QName name) {
            this.name = name;
        }

        Column column(String column) {
            return columns.stream().filter(c -> c.name().equals(column)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("table " + name + " has no column " + column));
        }

        void replace(Column changed) {
            columns.replaceAll(c -> c.name().equals(changed.name()) ? changed : c);
        }

        /**
         * What the table is made of, by identity: a statement that changes a table replaces or adds an element
         * (the elements are immutable records) or a field, so an unchanged state means an unchanged table.
         */
        Object[] state() {
            return new Object[] {columns.toArray(), constraints.toArray(), foreignKeys.toArray(), indexes.toArray(),
                triggers.toArray(), unlogged, partitionBy, partitionOf, partitionBound, pg.options.toArray(),
                pg.inherits.toArray(), pg.policies.toArray(), pg.rules.toArray(), pg.replicaIdentity, pg.rowSecurity,
                pg.forceRowSecurity};
        }

        Table build(Map<CommentKey, String> comments) {
            List<Column> commented = columns.stream()
                    .map(c -> c.withComment(comments.get(new CommentKey("COLUMN", name, c.name())))).toList();
            return pg.applyTo(new Table(name, commented, constraints, foreignKeys,
                    commented(indexes, name.schema(), comments), triggers, unlogged, partitionBy, partitionOf,
                    partitionBound, comments.get(new CommentKey("TABLE", name, null))));
        }
    }

    /** Indexes with their COMMENT ON INDEX attached (an index name is unique in its schema). */
    static List<Index> commented(List<Index> indexes, String schema, Map<CommentKey, String> comments) {
        return indexes.stream().map(i -> i.withComment(
                comments.get(new CommentKey("INDEX", QName.of(schema, i.name()), null)))).toList();
    }

    /** What a COMMENT ON names: a kind (TABLE, COLUMN, ROUTINE, …), an object, and a column or argument list. */
    record CommentKey(String kind, QName object, String detail) {
        // equals and hashCode over every component, as a record's own would be, written out (see the model package-info).
        @Override
        public boolean equals(Object other) {
            return other instanceof CommentKey o && Arrays.equals(components(), o.components());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(components());
        }

        private Object[] components() {
            return new Object[] {kind, object, detail};
        }
    }

    String serverVersion;
    final List<String> namespaces = new ArrayList<>();
    final List<Extension> extensions = new ArrayList<>();
    final Map<QName, List<String>> enums = new LinkedHashMap<>();
    final Map<QName, Sequence> sequences = new LinkedHashMap<>();
    final Map<QName, TableParts> tables = new LinkedHashMap<>();
    final Map<QName, View> views = new LinkedHashMap<>();
    final Map<QName, List<Index>> viewIndexes = new HashMap<>();
    final Map<QName, Domain> domains = new LinkedHashMap<>();
    final List<Routine> routines = new ArrayList<>();
    /** Bumped on every change of {@link #comments}: a comment is part of the table it names. */
    private int commentsVersion;
    final Map<CommentKey, String> comments = new HashMap<>() {
        @Override
        public String put(CommentKey key, String value) {
            commentsVersion++;
            return super.put(key, value);
        }

        @Override
        public String remove(Object key) {
            commentsVersion++;
            return super.remove(key);
        }

        @Override
        public void putAll(Map<? extends CommentKey, ? extends String> m) {
            commentsVersion++;
            super.putAll(m);
        }

        @Override
        public void clear() {
            commentsVersion++;
            super.clear();
        }
    };

    /** The tables the last {@link #build()} made (a replayed script builds the model before every statement). */
    private final BuildCache<TableParts, Table> built = new BuildCache<>();

    void ownSequence(QName sequence, String ownedBy) {
        Sequence s = sequences.get(sequence);
        if (s == null) throw new IllegalArgumentException("unknown sequence " + sequence);
        sequences.put(sequence, new Sequence(s.name(), s.dataType(), s.start(), s.increment(), s.minValue(),
                s.maxValue(), s.cache(), s.cycle(), ownedBy, s.comment()));
    }

    /**
     * The argument list that identifies a routine, as {@code COMMENT ON FUNCTION} prints it: the
     * arguments without their defaults and, for a function, without OUT arguments.
     */
    static String identityArguments(String arguments, boolean procedure) {
        return SqlTokens.splitTopLevel(arguments).stream().map(arg -> {
            SqlTokens t = SqlTokens.of(arg);
            int def = t.find(0, "DEFAULT");
            return def < 0 ? arg : t.slice(0, def);
        }).filter(arg -> procedure || !arg.startsWith("OUT ")).collect(Collectors.joining(", "));
    }

    /**
     * The mutable form of a finished schema, for statements to be applied to it one at a time (a migration
     * script replayed): {@code of(s).build()} equals {@code s}. Comments go back into the map that
     * {@link #build()} attaches them from.
     */
    static DumpSchema of(Schema s) {
        DumpSchema d = new DumpSchema();
        d.fill(s);
        return d;
    }

    /** Makes this the mutable form of {@code s}, whatever it held before (a statement that moves every object of a schema). */
    void replaceWith(Schema s) {
        namespaces.clear();
        extensions.clear();
        enums.clear();
        sequences.clear();
        tables.clear();
        views.clear();
        viewIndexes.clear();
        domains.clear();
        routines.clear();
        comments.clear();
        fill(s);
    }

    private void fill(Schema s) {
        DumpSchema d = this;
        d.serverVersion = s.serverVersion();
        d.namespaces.addAll(s.namespaces());
        d.extensions.addAll(s.extensions());
        for (EnumType e : s.enums()) {
            d.enums.put(e.name(), new ArrayList<>(e.labels()));
            d.comment("TYPE", e.name(), null, e.comment());
        }
        for (Sequence q : s.sequences()) {
            d.sequences.put(q.name(), q);
            d.comment("SEQUENCE", q.name(), null, q.comment());
        }
        for (Table t : s.tables()) {
            TableParts p = new TableParts(t.name());
            t.columns().forEach(c -> d.comment("COLUMN", t.name(), c.name(), c.comment()));
            p.columns.addAll(t.columns());
            p.constraints.addAll(t.constraints());
            p.foreignKeys.addAll(t.foreignKeys());
            p.indexes.addAll(t.indexes());
            t.indexes().forEach(i -> d.comment("INDEX", QName.of(t.name().schema(), i.name()), null, i.comment()));
            p.triggers.addAll(t.triggers());
            p.unlogged = t.unlogged();
            p.partitionBy = t.partitionBy();
            p.partitionOf = t.partitionOf();
            p.partitionBound = t.partitionBound();
            d.comment("TABLE", t.name(), null, t.comment());
            p.pg.options.addAll(t.options());
            p.pg.inherits.addAll(t.inherits());
            p.pg.policies.addAll(t.policies());
            p.pg.rules.addAll(t.rules());
            p.pg.replicaIdentity = t.replicaIdentity();
            p.pg.rowSecurity = t.rowSecurity();
            p.pg.forceRowSecurity = t.forceRowSecurity();
            d.tables.put(t.name(), p);
        }
        for (View v : s.views()) {
            d.views.put(v.name(), v);
            d.comment("VIEW", v.name(), null, v.comment());
            if (!v.indexes().isEmpty()) d.viewIndexes.put(v.name(), new ArrayList<>(v.indexes()));
            v.indexes().forEach(i -> d.comment("INDEX", QName.of(v.name().schema(), i.name()), null, i.comment()));
        }
        for (Domain m : s.domains()) {
            d.domains.put(m.name(), m);
            d.comment("DOMAIN", m.name(), null, m.comment());
        }
        for (Routine r : s.routines()) {
            d.routines.add(r);
            d.comment("ROUTINE", r.name(), identityArguments(r.arguments(), r.kind().equals("procedure")), r.comment());
        }
    }

    private void comment(String kind, QName object, String detail, String text) {
        if (text != null) comments.put(new CommentKey(kind, object, detail), text);
    }

    Schema build() {
        List<EnumType> enumTypes = enums.entrySet().stream().map(e -> new EnumType(e.getKey(), e.getValue(),
                comments.get(new CommentKey("TYPE", e.getKey(), null)))).toList();
        List<Sequence> seqs = sequences.values().stream().map(s -> new Sequence(s.name(), s.dataType(), s.start(),
                s.increment(), s.minValue(), s.maxValue(), s.cache(), s.cycle(), s.ownedBy(),
                comments.get(new CommentKey("SEQUENCE", s.name(), null)))).toList();
        List<View> vs = views.values().stream().map(v -> new View(v.name(), v.materialized(), v.definition(),
                comments.get(new CommentKey("VIEW", v.name(), null)),
                commented(viewIndexes.getOrDefault(v.name(), List.of()), v.name().schema(), comments), v.options()))
                .toList();
        List<Domain> ds = domains.values().stream()
                .map(d -> d.withComment(comments.get(new CommentKey("DOMAIN", d.name(), null)))).toList();
        List<Routine> rs = routines.stream().map(r -> new Routine(r.name(), r.kind(), r.arguments(), r.returns(),
                r.language(), r.attributes(), r.body(), comments.get(new CommentKey("ROUTINE", r.name(),
                identityArguments(r.arguments(), r.kind().equals("procedure")))))).toList();
        List<Table> ts = tables.values().stream().map(t -> built.get(t, t.state(), commentsVersion, () -> t.build(comments))).toList();
        built.keepOnly(tables.values());
        return new Schema(Engine.POSTGRES, serverVersion, namespaces, extensions, enumTypes, seqs, ts, vs, rs, ds);
    }
}
