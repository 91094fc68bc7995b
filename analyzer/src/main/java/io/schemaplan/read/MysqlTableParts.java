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
