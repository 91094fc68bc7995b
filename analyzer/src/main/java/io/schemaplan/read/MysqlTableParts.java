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
                storageEngine);
    }
}
