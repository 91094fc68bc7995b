package io.schemaplan.read;

import io.schemaplan.model.Column;
import io.schemaplan.model.Constraint;
import io.schemaplan.model.ForeignKey;
import io.schemaplan.model.Index;
import io.schemaplan.model.QName;
import io.schemaplan.model.Table;
import io.schemaplan.model.Trigger;
import io.schemaplan.normalize.MysqlDefinitions;
import java.util.ArrayList;
import java.util.List;

/**
 * A MySQL/MariaDB table being assembled by either reader. {@link #toTable()} applies the rules that need
 * the whole table, so the dump and the catalog reader share them: a column's collation is kept only when
 * it differs from the table's default, and MariaDB's JSON columns become {@code json}.
 */
final class MysqlTableParts {
    final QName name;
    final List<Column> columns = new ArrayList<>();
    final List<Constraint> constraints = new ArrayList<>();
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();
    final List<Trigger> triggers = new ArrayList<>();
    String collation;
    String comment;
    String storageEngine;
    String rowFormat;
    Integer keyBlockSize;

    MysqlTableParts(QName name) {
        this.name = name;
    }

    /** A finished table made mutable again, for a migration script to change: {@code of(t).toTable()} equals {@code t}. */
    static MysqlTableParts of(Table t) {
        MysqlTableParts p = new MysqlTableParts(t.name());
        p.columns.addAll(t.columns());
        p.constraints.addAll(t.constraints());
        p.foreignKeys.addAll(t.foreignKeys());
        p.indexes.addAll(t.indexes());
        p.triggers.addAll(t.triggers());
        p.collation = t.collation();
        p.comment = t.comment();
        p.storageEngine = t.storageEngine();
        return p;
    }

    /** The same parts under another name (RENAME TABLE). */
    MysqlTableParts renamed(QName to) {
        MysqlTableParts p = new MysqlTableParts(to);
        p.columns.addAll(columns);
        p.constraints.addAll(constraints);
        p.foreignKeys.addAll(foreignKeys);
        p.indexes.addAll(indexes);
        p.triggers.addAll(triggers);
        p.collation = collation;
        p.comment = comment;
        p.storageEngine = storageEngine;
        return p;
    }

    void replace(Column changed) {
        replace(changed.name(), changed);
    }

    void replace(String old, Column changed) {
        columns.replaceAll(c -> c.name().equals(old) ? changed : c);
    }

    /** A column renamed in the keys that name it: indexes, PRIMARY KEY / UNIQUE constraints, foreign keys. */
    static void renameInKeys(MysqlTableParts t, String from, String to) {
        t.indexes.replaceAll(x -> new Index(x.name(), x.unique(), x.method(), x.keys().stream().map(k -> k.expression()
                || !k.text().equalsIgnoreCase(from) ? k : new Index.IndexKey(to, false, k.collation(), k.opclass(),
                k.descending(), k.nulls(), k.prefixLength())).toList(), x.include(), x.predicate(), x.nullsNotDistinct(), x.comment()));
        java.util.regex.Pattern word = java.util.regex.Pattern.compile("(?i)([(,]\\s*)" + java.util.regex.Pattern.quote(from) + "(?=[\\s,()])");
        t.constraints.replaceAll(c -> c.kind() == Constraint.Kind.CHECK || !c.columns().contains(from) ? c
                : new Constraint(c.name(), c.kind(), c.columns().stream().map(x -> x.equals(from) ? to : x).toList(),
                word.matcher(c.definition()).replaceAll("$1" + java.util.regex.Matcher.quoteReplacement(to)),
                c.deferrable(), c.initiallyDeferred(), c.validated()));
        t.foreignKeys.replaceAll(f -> new ForeignKey(f.name(), f.columns().stream().map(x -> x.equals(from) ? to : x).toList(),
                f.referencedTable(), f.referencedColumns(), f.onUpdate(), f.onDelete(), f.match(), f.deferrable(),
                f.initiallyDeferred(), f.validated()));
    }

    /** What MySQL and MariaDB do to the keys of a dropped column: it leaves each key, and a key left empty goes. */
    static void dropFromKeys(MysqlTableParts t, String column) {
        t.indexes.replaceAll(x -> new Index(x.name(), x.unique(), x.method(), x.keys().stream()
                .filter(k -> k.expression() || !k.text().equalsIgnoreCase(column)).toList(), x.include(), x.predicate(),
                x.nullsNotDistinct(), x.comment()));
        t.indexes.removeIf(x -> x.keys().isEmpty());
        t.constraints.replaceAll(c -> c.kind() == Constraint.Kind.CHECK || !c.columns().contains(column) ? c
                : MysqlDefinitions.keyConstraint(c.name(), c.kind(), c.columns().stream().filter(x -> !x.equals(column))
                .map(Index.IndexKey::column).toList()));
        t.constraints.removeIf(c -> c.kind() != Constraint.Kind.CHECK && c.columns().isEmpty());
    }

    /** What the table is made of, by identity (see {@link BuildCache}). */
    Object[] state() {
        return new Object[] {columns.toArray(), constraints.toArray(), foreignKeys.toArray(), indexes.toArray(),
            triggers.toArray(), collation, comment, storageEngine};
    }

    Table toTable() {
        List<Constraint> kept = new ArrayList<>(constraints);
        List<Column> cols = new ArrayList<>();
        for (Column c : columns) {
            Column own = c.collation() != null && c.collation().equals(collation) ? c.withType(c.type(), null) : c;
            Constraint json = kept.stream().filter(k -> MysqlDefinitions.isJsonCheck(k, own)).findFirst().orElse(null);
            if (json != null) kept.remove(json);
            cols.add(json == null ? own : MysqlDefinitions.asJson(own));
        }
        return new Table(name, cols, kept, foreignKeys, indexes, triggers, false, null, null, null, comment, collation,
                storageEngine).withRowFormat(rowFormat, keyBlockSize);
    }

    /**
     * Sets {@code ROW_FORMAT} as a dump or {@code CREATE_OPTIONS} spells it. DYNAMIC is the server default
     * (innodb_default_row_format since MySQL 5.7.9 and MariaDB 10.2.2), and DEFAULT asks for it, so both are
     * null: a dump that says nothing equals a catalog that reports Dynamic.
     */
    void rowFormat(String value) {
        String v = value.toUpperCase(java.util.Locale.ROOT);
        if (!v.matches("[A-Z]+")) throw new IllegalArgumentException("unexpected ROW_FORMAT " + value);
        rowFormat = v.equals("DYNAMIC") || v.equals("DEFAULT") ? null : v;
    }

    /** Sets {@code KEY_BLOCK_SIZE}; 0 means none. */
    void keyBlockSize(String value) {
        int n = Integer.parseInt(value);
        keyBlockSize = n == 0 ? null : n;
    }

    /**
     * Reads the row-format options of {@code information_schema.TABLES.CREATE_OPTIONS}
     * ({@code row_format=COMPRESSED key_block_size=8 partitioned}): the options {@code SHOW CREATE TABLE}
     * prints, so a dump of the table says the same.
     */
    void createOptions(String options) {
        if (options == null) return;
        for (String o : options.trim().split("\\s+")) {
            int eq = o.indexOf('=');
            if (eq < 0) continue;
            String key = o.substring(0, eq).toLowerCase(java.util.Locale.ROOT);
            if (key.equals("row_format")) rowFormat(o.substring(eq + 1));
            else if (key.equals("key_block_size")) keyBlockSize(o.substring(eq + 1));
        }
    }
}
