package io.schemaplan.impact;

import io.schemaplan.diff.Change;
import io.schemaplan.diff.Change.*;
import io.schemaplan.model.Column;
import io.schemaplan.model.Constraint;
import io.schemaplan.model.Index;
import io.schemaplan.model.QName;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which {@link MyOperation}s a schema change needs on MySQL/MariaDB, with the two schemas as context: the
 * table's character set (for the VARCHAR length prefix), whether an added column is last, whether the
 * table already has a FULLTEXT index, whether a column is indexed. Pure: the rule for each operation and
 * server profile is {@link MyRules#forOperation}. A table without an ENGINE is InnoDB, one without a
 * ROW_FORMAT is DYNAMIC (the defaults).
 */
public final class MyImpacts {
    /** The character set assumed when neither column nor table names one (the server default since 8.0). */
    static final String DEFAULT_COLLATION = "utf8mb4_general_ci";

    private MyImpacts() {
    }

    /**
     * The operations {@code c} needs, in the order they would be written in one ALTER TABLE. Changes that
     * MySQL has no object for (namespaces, extensions, enum types) are refused; sequences are MariaDB's.
     */
    public static List<MyOperation> operations(Change c, Schema from, Schema to) {
        Objects.requireNonNull(c, "change");
        if (c instanceof TableAdded) return List.of(MyOperation.CREATE_TABLE);
        if (c instanceof TableDropped) return List.of(MyOperation.DROP_TABLE);
        if (c instanceof TableChanged t) return tableChanged(t.from(), t.to());
        if (c instanceof ColumnChange col) return List.of(column(col, table(from, c.table()), table(to, c.table())));
        if (c instanceof ConstraintAdded a) return List.of(added(a.constraint()));
        if (c instanceof ConstraintDropped d) return List.of(dropped(d.constraint()));
        if (c instanceof ConstraintChanged ch) {
            return ch.to().kind() == Constraint.Kind.PRIMARY_KEY && ch.from().kind() == Constraint.Kind.PRIMARY_KEY
                    ? List.of(MyOperation.REPLACE_PRIMARY_KEY) : List.of(dropped(ch.from()), added(ch.to()));
        }
        if (c instanceof ForeignKeyAdded) return List.of(MyOperation.ADD_FOREIGN_KEY);
        if (c instanceof ForeignKeyDropped) return List.of(MyOperation.DROP_FOREIGN_KEY);
        if (c instanceof ForeignKeyChanged) return List.of(MyOperation.DROP_FOREIGN_KEY, MyOperation.ADD_FOREIGN_KEY);
        if (c instanceof IndexAdded a) return List.of(indexAdded(a.index(), table(from, c.table())));
        if (c instanceof IndexDropped) return List.of(MyOperation.DROP_INDEX);
        if (c instanceof IndexChanged ch) {
            Table before = table(from, c.table());
            // The old index is gone when the new one is built: a FULLTEXT replacing the only one is the first again.
            Table without = before == null ? null : withoutIndex(before, ch.from().name());
            return List.of(MyOperation.DROP_INDEX, indexAdded(ch.to(), without));
        }
        if (c instanceof TriggerAdded) return List.of(MyOperation.CREATE_TRIGGER);
        if (c instanceof TriggerDropped) return List.of(MyOperation.DROP_TRIGGER);
        if (c instanceof TriggerChanged) return List.of(MyOperation.DROP_TRIGGER, MyOperation.CREATE_TRIGGER);
        if (c instanceof ViewAdded || c instanceof ViewChanged) return List.of(MyOperation.CREATE_VIEW);
        if (c instanceof ViewDropped) return List.of(MyOperation.DROP_VIEW);
        if (c instanceof RoutineAdded) return List.of(MyOperation.CREATE_ROUTINE);
        if (c instanceof RoutineDropped) return List.of(MyOperation.DROP_ROUTINE);
        if (c instanceof RoutineChanged r) return List.of(routineChanged(r.from(), r.to()));
        if (c instanceof SequenceAdded) return List.of(MyOperation.CREATE_SEQUENCE);
        if (c instanceof SequenceChanged) return List.of(MyOperation.ALTER_SEQUENCE);
        if (c instanceof SequenceDropped) return List.of(MyOperation.DROP_SEQUENCE);
        if (c instanceof PossibleRename r) return rename(r);
        throw new IllegalArgumentException("MySQL has no " + c.kind() + " (" + c.object() + ")");
    }

    /**
     * ALTER EVENT changes anything of an event, ALTER PROCEDURE|FUNCTION only the COMMENT, SQL SECURITY and data
     * access (NO SQL, READS SQL DATA, …); any other change of a procedure or function replaces it.
     */
    private static MyOperation routineChanged(io.schemaplan.model.Routine a, io.schemaplan.model.Routine b) {
        if (b.kind().equals("event")) return MyOperation.ALTER_ROUTINE;
        java.util.function.Predicate<String> alterable = x -> x.startsWith("SQL SECURITY") || x.endsWith("SQL DATA")
                || x.equals("NO SQL");
        boolean onlyAlterable = Objects.equals(a.arguments(), b.arguments()) && Objects.equals(a.returns(), b.returns())
                && Objects.equals(a.body(), b.body()) && a.attributes().stream().filter(alterable.negate()).toList()
                .equals(b.attributes().stream().filter(alterable.negate()).toList());
        return onlyAlterable ? MyOperation.ALTER_ROUTINE : MyOperation.REPLACE_ROUTINE;
    }

    private static List<MyOperation> tableChanged(Table a, Table b) {
        List<MyOperation> ops = new ArrayList<>();
        if (!Objects.equals(a.collation(), b.collation())) ops.add(collationChanged(a, b));
        if (!Objects.equals(a.partitionBy(), b.partitionBy())) ops.add(MyOperation.PARTITION_BY);
        if (!Objects.equals(a.comment(), b.comment())) ops.add(MyOperation.TABLE_COMMENT);
        if (!Objects.equals(engine(a), engine(b))) {
            ops.add(MyOperation.CHANGE_ENGINE);
        } else if (!Objects.equals(a.rowFormat(), b.rowFormat())) {
            // One rebuild writes the new format and block size together.
            ops.add(MyOperation.ROW_FORMAT);
        } else if (!Objects.equals(a.keyBlockSize(), b.keyBlockSize())) {
            ops.add(MyOperation.KEY_BLOCK_SIZE);
        }
        return List.copyOf(ops);
    }

    /** A table without an ENGINE clause is InnoDB, the default engine of every supported server. */
    private static String engine(Table t) {
        return t.storageEngine() == null ? "innodb" : t.storageEngine().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The table's default collation changed. Character columns that follow it on both sides (no collation of
     * their own) are converted with it (CONVERT TO); with none, only the default changed. The cost of a
     * conversion depends on the encodings and on whether the sort order changes (measured on MariaDB 10.11).
     */
    private static MyOperation collationChanged(Table a, Table b) {
        List<Column> followers = b.columns().stream()
                .filter(c -> c.collation() == null && isCharacter(c))
                .filter(c -> a.column(c.name()).map(o -> o.collation() == null).orElse(false)).toList();
        if (followers.isEmpty()) return MyOperation.TABLE_DEFAULT_CHARSET;
        String from = a.collation() != null ? a.collation() : DEFAULT_COLLATION;
        String to = b.collation() != null ? b.collation() : DEFAULT_COLLATION;
        // ENUM and SET values are re-encoded whatever the collation (COPY, measured on 10.11).
        if (!compatibleCharsets(from, to) || followers.stream().anyMatch(MyImpacts::isEnumOrSet)) {
            return MyOperation.CONVERT_CHARSET;
        }
        if (sortOrder(from).equals(sortOrder(to))) return MyOperation.CONVERT_TO_UTF8MB4;
        return followers.stream().anyMatch(c -> indexed(a, c.name()))
                ? MyOperation.CONVERT_COLLATION_INDEXED : MyOperation.CONVERT_COLLATION;
    }

    /** The same character set, or utf8mb3 to utf8mb4 (every utf8mb3 string is valid utf8mb4 as it is). */
    private static boolean compatibleCharsets(String fromCollation, String toCollation) {
        String a = MyTypeChanges.charset(fromCollation);
        String b = MyTypeChanges.charset(toCollation);
        return a.equals(b) || a.equals("utf8mb3") && b.equals("utf8mb4");
    }

    /** A collation without its character set: {@code general_ci} of {@code utf8mb4_general_ci}. */
    private static String sortOrder(String collation) {
        String c = collation.toLowerCase(java.util.Locale.ROOT);
        return c.substring(c.indexOf('_') + 1); // character set names hold no underscore
    }

    private static MyOperation column(ColumnChange c, Table before, Table after) {
        Column a = c.from();
        Column b = c.to();
        if (c instanceof ColumnAdded) return columnAdded(b, before, after);
        if (c instanceof ColumnDropped) {
            return before != null && indexed(before, a.name()) ? MyOperation.DROP_INDEXED_COLUMN : MyOperation.DROP_COLUMN;
        }
        if (c instanceof ColumnTypeChanged) {
            return MyTypeChanges.classify(a.type(), b.type(), MyTypeChanges.bytesPerChar(collation(a, before)));
        }
        if (c instanceof ColumnDefaultChanged) {
            return b.defaultExpr() == null ? MyOperation.DROP_DEFAULT : MyOperation.SET_DEFAULT;
        }
        if (c instanceof ColumnNullabilityChanged) return b.nullable() ? MyOperation.DROP_NOT_NULL : MyOperation.SET_NOT_NULL;
        if (c instanceof ColumnIdentityChanged) {
            return b.identity() == null ? MyOperation.DROP_AUTO_INCREMENT : MyOperation.SET_AUTO_INCREMENT;
        }
        if (c instanceof ColumnGeneratedChanged) {
            return a.generatedExpr() != null && b.generatedExpr() != null && a.virtual() && b.virtual()
                    ? MyOperation.GENERATED_VIRTUAL_CHANGE : MyOperation.GENERATED_STORED_CHANGE;
        }
        if (c instanceof ColumnCollationChanged) {
            String from = collation(a, before);
            String to = collation(b, after);
            if (!compatibleCharsets(from, to) || isEnumOrSet(b)) return MyOperation.COLUMN_CHARSET_CHANGE;
            // utf8mb3 to utf8mb4 in the same sort order touches no index; another order rebuilds the column's.
            if (sortOrder(from).equals(sortOrder(to))) return MyOperation.COLUMN_CHARSET_TO_UTF8MB4;
            return before != null && indexed(before, a.name())
                    ? MyOperation.COLUMN_COLLATION_INDEXED : MyOperation.COLUMN_COLLATION;
        }
        if (c instanceof ColumnCommentChanged) return MyOperation.COLUMN_COMMENT;
        if (c instanceof ColumnVisibilityChanged) return MyOperation.COLUMN_VISIBILITY;
        if (c instanceof ColumnMoved) return MyOperation.REORDER_COLUMN;
        throw new IllegalArgumentException("unknown column change " + c.kind());
    }

    private static MyOperation columnAdded(Column col, Table before, Table after) {
        if (col.generatedExpr() != null) return col.virtual() ? MyOperation.ADD_COLUMN_VIRTUAL : MyOperation.ADD_COLUMN_STORED;
        if (col.identity() != null) return MyOperation.ADD_COLUMN_AUTO_INCREMENT;
        if (volatileDefault(col.defaultExpr())) return MyOperation.ADD_COLUMN_VOLATILE_DEFAULT;
        if (before != null && hasFulltext(before)) return MyOperation.ADD_COLUMN_TO_FULLTEXT_TABLE;
        if (before != null && "COMPRESSED".equals(before.rowFormat())) return MyOperation.ADD_COLUMN_TO_COMPRESSED_TABLE;
        if (before != null && after != null && !last(col, before, after)) return MyOperation.ADD_COLUMN_MIDDLE;
        if (!col.nullable()) return MyOperation.ADD_COLUMN_NOT_NULL;
        return col.defaultExpr() != null ? MyOperation.ADD_COLUMN_WITH_DEFAULT : MyOperation.ADD_COLUMN_LAST;
    }

    /**
     * A default that gives each row its own value when the column is added: a per-row function or another
     * column. MariaDB evaluates {@code current_timestamp()} and {@code rand()} once per statement (INSTANT,
     * measured); {@code uuid()} and {@code sysdate()} per row (COPY).
     */
    static boolean volatileDefault(String expr) {
        if (expr == null) return false;
        // String literals first: a quote or a name inside one is text, not a function or a column.
        String e = expr.toLowerCase(java.util.Locale.ROOT).replaceAll("'(?:[^'\\\\]|\\\\.|'')*'", "''");
        return VOLATILE_FUNCTION.matcher(e).find() || e.contains("`");
    }

    private static final java.util.regex.Pattern VOLATILE_FUNCTION = java.util.regex.Pattern.compile(
            "\\b(uuid|uuid_short|sys_guid|sysdate|nextval)\\s*\\(");

    /** True when the change's table has a FULLTEXT index before the change (a rebuild then blocks writes). */
    static boolean onFulltextTable(Change c, Schema from) {
        Table t = table(from, c.table());
        return t != null && hasFulltext(t);
    }

    /** Last: no column that exists already comes after it (columns added together after it do not count). */
    private static boolean last(Column col, Table before, Table after) {
        return after.columns().stream()
                .filter(c -> c.position() > col.position())
                .noneMatch(c -> before.column(c.name()).isPresent());
    }

    private static MyOperation added(Constraint k) {
        return switch (k.kind()) {
            case PRIMARY_KEY -> MyOperation.ADD_PRIMARY_KEY;
            case UNIQUE -> MyOperation.ADD_UNIQUE;
            case CHECK, EXCLUDE -> MyOperation.ADD_CHECK;
        };
    }

    private static MyOperation dropped(Constraint k) {
        return switch (k.kind()) {
            case PRIMARY_KEY -> MyOperation.DROP_PRIMARY_KEY;
            case UNIQUE -> MyOperation.DROP_INDEX;
            case CHECK, EXCLUDE -> MyOperation.DROP_CHECK;
        };
    }

    private static MyOperation indexAdded(Index i, Table before) {
        if ("fulltext".equals(i.method())) {
            return before != null && hasFulltext(before) ? MyOperation.ADD_FULLTEXT : MyOperation.ADD_FULLTEXT_FIRST;
        }
        if ("spatial".equals(i.method())) return MyOperation.ADD_SPATIAL;
        return i.unique() ? MyOperation.ADD_UNIQUE : MyOperation.ADD_INDEX;
    }

    private static List<MyOperation> rename(PossibleRename r) {
        return switch (r.objectKind()) {
            case "column" -> List.of(MyOperation.RENAME_COLUMN);
            case "index" -> List.of(MyOperation.RENAME_INDEX);
            // Constraints and foreign keys cannot be renamed in place: the drop and the add stay.
            default -> List.of();
        };
    }

    private static boolean hasFulltext(Table t) {
        return t.indexes().stream().anyMatch(i -> "fulltext".equals(i.method()));
    }

    private static boolean indexed(Table t, String column) {
        return t.indexes().stream().anyMatch(i -> i.columns().contains(column))
                || t.constraints().stream().anyMatch(k -> k.columns().contains(column));
    }

    private static boolean isEnumOrSet(Column c) {
        return c.type().name().equals("enum") || c.type().name().equals("set");
    }

    private static boolean isCharacter(Column c) {
        String n = c.type().name();
        return n.contains("char") || n.contains("text") || n.equals("enum") || n.equals("set");
    }

    /** The collation a column's values are stored in: its own, else its table's, else the server default. */
    private static String collation(Column c, Table t) {
        if (c.collation() != null) return c.collation();
        return t != null && t.collation() != null ? t.collation() : DEFAULT_COLLATION;
    }

    private static Table table(Schema s, QName name) {
        return s == null || name == null ? null : s.table(name).orElse(null);
    }

    private static Table withoutIndex(Table t, String index) {
        return t.withIndexes(t.indexes().stream().filter(i -> !i.name().equals(index)).toList());
    }
}
