package io.schemaplan.diff;

import io.schemaplan.model.Column;
import io.schemaplan.model.Constraint;
import io.schemaplan.model.Domain;
import io.schemaplan.model.EnumType;
import io.schemaplan.model.Extension;
import io.schemaplan.model.ForeignKey;
import io.schemaplan.model.Index;
import io.schemaplan.model.Policy;
import io.schemaplan.model.QName;
import io.schemaplan.model.Routine;
import io.schemaplan.model.Rule;
import io.schemaplan.model.Sequence;
import io.schemaplan.model.Table;
import io.schemaplan.model.Trigger;
import io.schemaplan.model.View;
import java.util.List;

/**
 * One difference between two schemas. Each record carries the definitions on both sides, so that the
 * impact stage can decide what the change costs without looking anything up. {@link #kind()} is the
 * stable id used in JSON and by CI policies.
 */
public sealed interface Change {

    /** Stable id such as {@code column.type_changed}. */
    String kind();

    /** The table the change concerns, or null for objects outside tables. */
    QName table();

    /** The name of the object that changed, qualified: {@code public.workflow_runs.total_tokens}. */
    String object();

    // ---- objects outside tables ------------------------------------------------------------------

    record NamespaceAdded(String name) implements Change {
        public String kind() { return "namespace.added"; }
        public QName table() { return null; }
        public String object() { return name; }
    }

    record NamespaceDropped(String name) implements Change {
        public String kind() { return "namespace.dropped"; }
        public QName table() { return null; }
        public String object() { return name; }
    }

    record ExtensionAdded(Extension extension) implements Change {
        public String kind() { return "extension.added"; }
        public QName table() { return null; }
        public String object() { return extension.name(); }
    }

    record ExtensionDropped(Extension extension) implements Change {
        public String kind() { return "extension.dropped"; }
        public QName table() { return null; }
        public String object() { return extension.name(); }
    }

    record ExtensionChanged(Extension from, Extension to) implements Change {
        public String kind() { return "extension.changed"; }
        public QName table() { return null; }
        public String object() { return to.name(); }
    }

    record EnumAdded(EnumType type) implements Change {
        public String kind() { return "enum.added"; }
        public QName table() { return null; }
        public String object() { return type.name().toString(); }
    }

    record EnumDropped(EnumType type) implements Change {
        public String kind() { return "enum.dropped"; }
        public QName table() { return null; }
        public String object() { return type.name().toString(); }
    }

    /** Labels or comment of an enum changed; {@link #labelChange()} says how the labels moved. */
    record EnumChanged(EnumType from, EnumType to) implements Change {
        public String kind() { return "enum.changed"; }
        public QName table() { return null; }
        public String object() { return to.name().toString(); }

        public LabelChange labelChange() {
            return LabelChange.between(from.labels(), to.labels());
        }
    }

    /** How an enum's label list changed: only appending is cheap and reversible-free everywhere. */
    enum LabelChange {
        NONE, APPENDED, INSERTED, REMOVED_OR_REORDERED;

        static LabelChange between(List<String> from, List<String> to) {
            if (from.equals(to)) return NONE;
            if (to.size() > from.size() && to.subList(0, from.size()).equals(from)) return APPENDED;
            // Every old label still present, in the same relative order: new ones were inserted.
            List<String> kept = to.stream().filter(from::contains).toList();
            return kept.equals(from) ? INSERTED : REMOVED_OR_REORDERED;
        }
    }

    record DomainAdded(Domain domain) implements Change {
        public String kind() { return "domain.added"; }
        public QName table() { return null; }
        public String object() { return domain.name().toString(); }
    }

    record DomainDropped(Domain domain) implements Change {
        public String kind() { return "domain.dropped"; }
        public QName table() { return null; }
        public String object() { return domain.name().toString(); }
    }

    /** Base type, collation, default, NOT NULL, CHECK constraints or comment of a domain changed. */
    record DomainChanged(Domain from, Domain to) implements Change {
        public String kind() { return "domain.changed"; }
        public QName table() { return null; }
        public String object() { return to.name().toString(); }
    }

    record SequenceAdded(Sequence sequence) implements Change {
        public String kind() { return "sequence.added"; }
        public QName table() { return null; }
        public String object() { return sequence.name().toString(); }
    }

    record SequenceDropped(Sequence sequence) implements Change {
        public String kind() { return "sequence.dropped"; }
        public QName table() { return null; }
        public String object() { return sequence.name().toString(); }
    }

    record SequenceChanged(Sequence from, Sequence to) implements Change {
        public String kind() { return "sequence.changed"; }
        public QName table() { return null; }
        public String object() { return to.name().toString(); }
    }

    record ViewAdded(View view) implements Change {
        public String kind() { return "view.added"; }
        public QName table() { return null; }
        public String object() { return view.name().toString(); }
    }

    record ViewDropped(View view) implements Change {
        public String kind() { return "view.dropped"; }
        public QName table() { return null; }
        public String object() { return view.name().toString(); }
    }

    record ViewChanged(View from, View to) implements Change {
        public String kind() { return "view.changed"; }
        public QName table() { return null; }
        public String object() { return to.name().toString(); }
    }

    record RoutineAdded(Routine routine) implements Change {
        public String kind() { return "routine.added"; }
        public QName table() { return null; }
        public String object() { return routine.signature(); }
    }

    record RoutineDropped(Routine routine) implements Change {
        public String kind() { return "routine.dropped"; }
        public QName table() { return null; }
        public String object() { return routine.signature(); }
    }

    record RoutineChanged(Routine from, Routine to) implements Change {
        public String kind() { return "routine.changed"; }
        public QName table() { return null; }
        public String object() { return to.signature(); }
    }

    // ---- tables ----------------------------------------------------------------------------------

    /** A new table, with its full definition (its columns, keys and indexes are not listed again). */
    record TableAdded(Table definition) implements Change {
        public String kind() { return "table.added"; }
        public QName table() { return definition.name(); }
        public String object() { return definition.name().toString(); }
    }

    record TableDropped(Table definition) implements Change {
        public String kind() { return "table.dropped"; }
        public QName table() { return definition.name(); }
        public String object() { return definition.name().toString(); }
    }

    /**
     * A table property changed: UNLOGGED, partitioning, its comment, or (MySQL/MariaDB) its default
     * collation (and with it the character set) or its storage engine.
     */
    record TableChanged(Table from, Table to) implements Change {
        public String kind() { return "table.changed"; }
        public QName table() { return to.name(); }
        public String object() { return to.name().toString(); }
    }

    /** The storage parameters of a table ({@code fillfactor=70}, autovacuum settings, {@code toast.…}) changed. */
    record TableOptionsChanged(QName table, List<String> from, List<String> to) implements Change {
        public String kind() { return "table.options_changed"; }
        public String object() { return table.toString(); }
    }

    /** The inheritance parents of a table changed (ALTER TABLE … INHERIT / NO INHERIT). */
    record TableInheritsChanged(QName table, List<QName> from, List<QName> to) implements Change {
        public String kind() { return "table.inherits_changed"; }
        public String object() { return table.toString(); }
    }

    /** REPLICA IDENTITY changed; null is DEFAULT. */
    record ReplicaIdentityChanged(QName table, String from, String to) implements Change {
        public String kind() { return "table.replica_identity_changed"; }
        public String object() { return table.toString(); }
    }

    /** Row level security was enabled or disabled, forced or not. */
    record RowSecurityChanged(QName table, boolean fromEnabled, boolean fromForced, boolean toEnabled,
                              boolean toForced) implements Change {
        public String kind() { return "table.row_security_changed"; }
        public String object() { return table.toString(); }
    }

    record PolicyAdded(QName table, Policy policy) implements Change {
        public String kind() { return "policy.added"; }
        public String object() { return table + "." + policy.name(); }
    }

    record PolicyDropped(QName table, Policy policy) implements Change {
        public String kind() { return "policy.dropped"; }
        public String object() { return table + "." + policy.name(); }
    }

    record PolicyChanged(QName table, Policy from, Policy to) implements Change {
        public String kind() { return "policy.changed"; }
        public String object() { return table + "." + to.name(); }
    }

    record RuleAdded(QName table, Rule rule) implements Change {
        public String kind() { return "rule.added"; }
        public String object() { return table + "." + rule.name(); }
    }

    record RuleDropped(QName table, Rule rule) implements Change {
        public String kind() { return "rule.dropped"; }
        public String object() { return table + "." + rule.name(); }
    }

    record RuleChanged(QName table, Rule from, Rule to) implements Change {
        public String kind() { return "rule.changed"; }
        public String object() { return table + "." + to.name(); }
    }

    /** A column change: the column as it was and as it will be. */
    sealed interface ColumnChange extends Change {
        Column from();

        Column to();

        default String object() {
            return table() + "." + (to() != null ? to() : from()).name();
        }
    }

    record ColumnAdded(QName table, Column to) implements ColumnChange {
        public String kind() { return "column.added"; }
        public Column from() { return null; }
    }

    record ColumnDropped(QName table, Column from) implements ColumnChange {
        public String kind() { return "column.dropped"; }
        public Column to() { return null; }
    }

    record ColumnTypeChanged(QName table, Column from, Column to) implements ColumnChange {
        public String kind() { return "column.type_changed"; }
    }

    record ColumnDefaultChanged(QName table, Column from, Column to) implements ColumnChange {
        public String kind() { return "column.default_changed"; }
    }

    record ColumnNullabilityChanged(QName table, Column from, Column to) implements ColumnChange {
        public String kind() { return "column.nullability_changed"; }
    }

    record ColumnIdentityChanged(QName table, Column from, Column to) implements ColumnChange {
        public String kind() { return "column.identity_changed"; }
    }

    /** The generation expression changed, or (MySQL/MariaDB) the column went between VIRTUAL and STORED. */
    record ColumnGeneratedChanged(QName table, Column from, Column to) implements ColumnChange {
        public String kind() { return "column.generated_changed"; }
    }

    record ColumnCollationChanged(QName table, Column from, Column to) implements ColumnChange {
        public String kind() { return "column.collation_changed"; }
    }

    /** A MySQL/MariaDB column became INVISIBLE (left out of {@code SELECT *}) or visible again. */
    record ColumnVisibilityChanged(QName table, Column from, Column to) implements ColumnChange {
        public String kind() { return "column.visibility_changed"; }
    }

    /**
     * A MySQL/MariaDB column moved among the columns both sides have ({@code MODIFY … FIRST / AFTER}):
     * {@code after} is the column it now follows, null for FIRST. Only the fewest columns whose move restores
     * the order are listed (those outside the longest run kept in order). PostgreSQL ignores column order.
     */
    record ColumnMoved(QName table, Column from, Column to, String after) implements ColumnChange {
        public String kind() { return "column.moved"; }
    }

    /** The column's statistics target ({@code SET STATISTICS n}) changed; null is the default. */
    record ColumnStatisticsChanged(QName table, Column from, Column to) implements ColumnChange {
        public String kind() { return "column.statistics_changed"; }
    }

    /** The column's storage strategy ({@code SET STORAGE}) changed. */
    record ColumnStorageChanged(QName table, Column from, Column to) implements ColumnChange {
        public String kind() { return "column.storage_changed"; }
    }

    /** The column's compression method ({@code SET COMPRESSION}) changed. */
    record ColumnCompressionChanged(QName table, Column from, Column to) implements ColumnChange {
        public String kind() { return "column.compression_changed"; }
    }

    /** The column's attribute options ({@code SET (n_distinct = 100)}) changed. */
    record ColumnOptionsChanged(QName table, Column from, Column to) implements ColumnChange {
        public String kind() { return "column.options_changed"; }
    }

    record ColumnCommentChanged(QName table, Column from, Column to) implements ColumnChange {
        public String kind() { return "column.comment_changed"; }
    }

    record ConstraintAdded(QName table, Constraint constraint) implements Change {
        public String kind() { return "constraint.added"; }
        public String object() { return table + "." + constraint.name(); }
    }

    record ConstraintDropped(QName table, Constraint constraint) implements Change {
        public String kind() { return "constraint.dropped"; }
        public String object() { return table + "." + constraint.name(); }
    }

    record ConstraintChanged(QName table, Constraint from, Constraint to) implements Change {
        public String kind() { return "constraint.changed"; }
        public String object() { return table + "." + to.name(); }
    }

    record ForeignKeyAdded(QName table, ForeignKey foreignKey) implements Change {
        public String kind() { return "foreign_key.added"; }
        public String object() { return table + "." + foreignKey.name(); }
    }

    record ForeignKeyDropped(QName table, ForeignKey foreignKey) implements Change {
        public String kind() { return "foreign_key.dropped"; }
        public String object() { return table + "." + foreignKey.name(); }
    }

    record ForeignKeyChanged(QName table, ForeignKey from, ForeignKey to) implements Change {
        public String kind() { return "foreign_key.changed"; }
        public String object() { return table + "." + to.name(); }
    }

    /**
     * Where an index name is unique: its schema on PostgreSQL, its table on MySQL/MariaDB (whose tables live
     * in the one namespace "").
     */
    private static String indexScope(QName table) {
        return table.schema().isEmpty() ? table.name() : table.schema();
    }

    record IndexAdded(QName table, Index index) implements Change {
        public String kind() { return "index.added"; }
        public String object() { return indexScope(table) + "." + index.name(); }
    }

    record IndexDropped(QName table, Index index) implements Change {
        public String kind() { return "index.dropped"; }
        public String object() { return indexScope(table) + "." + index.name(); }
    }

    record IndexChanged(QName table, Index from, Index to) implements Change {
        public String kind() { return "index.changed"; }
        public String object() { return indexScope(table) + "." + to.name(); }
    }

    record TriggerAdded(QName table, Trigger trigger) implements Change {
        public String kind() { return "trigger.added"; }
        public String object() { return table + "." + trigger.name(); }
    }

    record TriggerDropped(QName table, Trigger trigger) implements Change {
        public String kind() { return "trigger.dropped"; }
        public String object() { return table + "." + trigger.name(); }
    }

    record TriggerChanged(QName table, Trigger from, Trigger to) implements Change {
        public String kind() { return "trigger.changed"; }
        public String object() { return table + "." + to.name(); }
    }

    /**
     * In one table, exactly one dropped and one added object of a kind have the same definition apart
     * from their names: possibly a rename. Listed after the drop and the add, which stay in the list.
     */
    record PossibleRename(QName table, String objectKind, String fromName, String toName) implements Change {
        public String kind() { return "possible_rename"; }
        public String object() { return table + "." + fromName + " -> " + toName; }
    }
}
