package io.schemaplan.report;

import io.schemaplan.diff.Change;
import io.schemaplan.diff.Change.*;
import io.schemaplan.model.Column;
import io.schemaplan.model.Constraint;
import io.schemaplan.model.ForeignKey;
import io.schemaplan.model.Index;
import io.schemaplan.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** One-line descriptions of changes and definitions, shared by every human-readable format. */
public final class ChangeText {
    private ChangeText() {
    }

    /** {@code +}, {@code -} or {@code ~}: what a change does to its object. */
    public static char sign(Change c) {
        String k = c.kind();
        if (k.endsWith(".added")) return '+';
        if (k.endsWith(".dropped")) return '-';
        return '~';
    }

    /** {@code added}, {@code dropped} or {@code changed}: the word for {@link #sign}. */
    public static String verb(Change c) {
        return switch (sign(c)) {
            case '+' -> "added";
            case '-' -> "dropped";
            default -> "changed";
        };
    }

    /**
     * What a change is about, without its definition: {@code column total_tokens}, {@code index ix_a},
     * {@code table public.t}; for kinds without a short form, the whole description.
     */
    public static String subject(Change c) {
        if (c instanceof TableAdded x) return "table " + x.table();
        if (c instanceof TableDropped x) return "table " + x.table();
        if (c instanceof ColumnAdded x) return "column " + x.to().name();
        if (c instanceof ColumnDropped x) return "column " + x.from().name();
        if (c instanceof ColumnTypeChanged x) return "column " + x.to().name();
        if (c instanceof IndexAdded x) return "index " + x.index().name();
        if (c instanceof IndexDropped x) return "index " + x.index().name();
        if (c instanceof IndexChanged x) return "index " + x.to().name();
        if (c instanceof ConstraintAdded x) return "constraint " + x.constraint().name();
        if (c instanceof ConstraintDropped x) return "constraint " + x.constraint().name();
        if (c instanceof ConstraintChanged x) return "constraint " + x.to().name();
        if (c instanceof ForeignKeyAdded x) return "foreign key " + x.foreignKey().name();
        if (c instanceof ForeignKeyDropped x) return "foreign key " + x.foreignKey().name();
        return describe(c);
    }

    /** The change without its table, e.g. {@code column total_tokens: integer -> bigint}. */
    public static String describe(Change c) {
        String text = describeChange(c);
        return io.schemaplan.diff.Renderings.mayBeRendering(c)
                ? text + " (definition text differs; may be a rendering difference between server versions)" : text;
    }

    private static String describeChange(Change c) {
        if (c instanceof NamespaceAdded x) return "schema " + x.name();
        if (c instanceof NamespaceDropped x) return "schema " + x.name();
        if (c instanceof ExtensionAdded x) return "extension " + x.extension().name();
        if (c instanceof ExtensionDropped x) return "extension " + x.extension().name();
        if (c instanceof ExtensionChanged x) return "extension " + x.to().name() + ": " + arrow(
                    x.from().schema() + " " + Objects.toString(x.from().version(), ""),
                    x.to().schema() + " " + Objects.toString(x.to().version(), ""));
        if (c instanceof EnumAdded x) return "enum " + x.type().name() + " " + labels(x.type().labels());
        if (c instanceof EnumDropped x) return "enum " + x.type().name();
        if (c instanceof EnumChanged x) return "enum " + x.to().name() + ": " + arrow(labels(x.from().labels()), labels(x.to().labels()))
                    + " (" + x.labelChange().name().toLowerCase().replace('_', ' ') + ")";
        if (c instanceof DomainAdded x) return "domain " + x.domain().name() + " " + domainDef(x.domain());
        if (c instanceof DomainDropped x) return "domain " + x.domain().name();
        if (c instanceof DomainChanged x) return "domain " + x.to().name() + ": " + arrow(domainDef(x.from()), domainDef(x.to()))
                    + (Objects.equals(x.from().comment(), x.to().comment()) ? "" : " (comment changed)");
        if (c instanceof TableOptionsChanged x) return "table " + x.table() + " storage parameters: " + arrow(list(x.from()), list(x.to()));
        if (c instanceof TableInheritsChanged x) return "table " + x.table() + " inherits: " + arrow(list(x.from()), list(x.to()));
        if (c instanceof ReplicaIdentityChanged x) return "table " + x.table() + " replica identity: "
                    + arrow(Objects.toString(x.from(), "DEFAULT"), Objects.toString(x.to(), "DEFAULT"));
        if (c instanceof RowSecurityChanged x) return "table " + x.table() + " row level security: "
                    + arrow(rowSecurity(x.fromEnabled(), x.fromForced()), rowSecurity(x.toEnabled(), x.toForced()));
        if (c instanceof PolicyAdded x) return "policy " + x.policy().name() + " " + x.policy().definition();
        if (c instanceof PolicyDropped x) return "policy " + x.policy().name() + " " + x.policy().definition();
        if (c instanceof PolicyChanged x) return "policy " + x.to().name() + ": " + arrow(x.from().definition(), x.to().definition());
        if (c instanceof RuleAdded x) return "rule " + x.rule().name();
        if (c instanceof RuleDropped x) return "rule " + x.rule().name();
        if (c instanceof RuleChanged x) return "rule " + x.to().name() + ": definition changed";
        if (c instanceof ColumnStatisticsChanged x) return "column " + x.to().name() + " statistics target: "
                    + arrow(Objects.toString(x.from().statistics(), "default"), Objects.toString(x.to().statistics(), "default"));
        if (c instanceof ColumnStorageChanged x) return "column " + x.to().name() + " storage: "
                    + arrow(Objects.toString(x.from().storage(), "type default"), Objects.toString(x.to().storage(), "type default"));
        if (c instanceof ColumnCompressionChanged x) return "column " + x.to().name() + " compression: "
                    + arrow(Objects.toString(x.from().compression(), "default"), Objects.toString(x.to().compression(), "default"));
        if (c instanceof ColumnOptionsChanged x) return "column " + x.to().name() + " options: "
                    + arrow(list(x.from().options()), list(x.to().options()));
        if (c instanceof SequenceAdded x) return "sequence " + x.sequence().name() + " " + x.sequence().dataType();
        if (c instanceof SequenceDropped x) return "sequence " + x.sequence().name();
        if (c instanceof SequenceChanged x) return "sequence " + x.to().name() + ": " + arrow(sequenceDef(x.from()), sequenceDef(x.to()));
        if (c instanceof ViewAdded x) return (x.view().materialized() ? "materialized view " : "view ") + x.view().name();
        if (c instanceof ViewDropped x) return (x.view().materialized() ? "materialized view " : "view ") + x.view().name();
        if (c instanceof ViewChanged x) return (x.to().materialized() ? "materialized view " : "view ") + x.to().name() + ": definition changed";
        if (c instanceof RoutineAdded x) return x.routine().kind() + " " + x.routine().signature();
        if (c instanceof RoutineDropped x) return x.routine().kind() + " " + x.routine().signature();
        if (c instanceof RoutineChanged x) return x.to().kind() + " " + x.to().signature() + ": " + routineChanges(x.from(), x.to());
        if (c instanceof TableAdded x) return "table " + x.definition().name() + " (" + summary(x.definition()) + ")";
        if (c instanceof TableDropped x) return "table " + x.definition().name() + " (" + summary(x.definition()) + ")";
        if (c instanceof TableChanged x) return "table " + x.to().name() + ": " + tableProperties(x.from(), x.to());
        if (c instanceof ColumnAdded x) return "column " + column(x.to());
        if (c instanceof ColumnDropped x) return "column " + column(x.from());
        if (c instanceof ColumnTypeChanged x) return "column " + x.to().name() + ": " + arrow(x.from().type().sql(), x.to().type().sql());
        if (c instanceof ColumnDefaultChanged x) return "column " + x.to().name() + " default: " + arrow(nullable(x.from().defaultExpr()), nullable(x.to().defaultExpr()));
        if (c instanceof ColumnNullabilityChanged x) return "column " + x.to().name() + ": " + (x.to().nullable() ? "DROP NOT NULL" : "SET NOT NULL");
        if (c instanceof ColumnIdentityChanged x) return "column " + x.to().name() + " identity: " + arrow(Objects.toString(x.from().identity(), "none"), Objects.toString(x.to().identity(), "none"));
        if (c instanceof ColumnGeneratedChanged x) return "column " + x.to().name() + " generated: " + arrow(generated(x.from()), generated(x.to()));
        if (c instanceof ColumnMoved x) return "column " + x.to().name() + ": moved " + (x.after() == null ? "FIRST" : "AFTER " + x.after());
        if (c instanceof ColumnVisibilityChanged x) return "column " + x.to().name() + ": " + (x.to().invisible() ? "SET INVISIBLE" : "SET VISIBLE");
        if (c instanceof ColumnCollationChanged x) return "column " + x.to().name() + " collation: " + arrow(nullable(x.from().collation()), nullable(x.to().collation()));
        if (c instanceof ColumnCommentChanged x) return "column " + x.to().name() + " comment changed";
        if (c instanceof ConstraintAdded x) return constraint(x.constraint());
        if (c instanceof ConstraintDropped x) return constraint(x.constraint());
        if (c instanceof ConstraintChanged x) return "constraint " + x.to().name() + ": " + arrow(constraintDef(x.from()), constraintDef(x.to()));
        if (c instanceof ForeignKeyAdded x) return foreignKey(x.foreignKey());
        if (c instanceof ForeignKeyDropped x) return foreignKey(x.foreignKey());
        if (c instanceof ForeignKeyChanged x) return "foreign key " + x.to().name() + ": " + arrow(foreignKeyDef(x.from()), foreignKeyDef(x.to()));
        if (c instanceof IndexAdded x) return "index " + x.index().name() + " " + indexDef(x.index());
        if (c instanceof IndexDropped x) return "index " + x.index().name() + " " + indexDef(x.index());
        if (c instanceof IndexChanged x) return "index " + x.to().name() + ": " + arrow(indexDef(x.from()), indexDef(x.to()));
        if (c instanceof TriggerAdded x) return "trigger " + x.trigger().name();
        if (c instanceof TriggerDropped x) return "trigger " + x.trigger().name();
        if (c instanceof TriggerChanged x) return "trigger " + x.to().name() + ": definition changed";
        if (c instanceof PossibleRename x) return "possible rename of " + x.objectKind() + " " + x.fromName() + " -> " + x.toName()
                    + " (same definition; listed as a drop and an add)";
        throw new IllegalStateException("unknown change " + c.kind());
    }

    /** {@code ENABLE}, {@code ENABLE, FORCE}, {@code DISABLE}, {@code DISABLE, FORCE}. */
    public static String rowSecurity(boolean enabled, boolean forced) {
        return (enabled ? "ENABLE" : "DISABLE") + (forced ? ", FORCE" : "");
    }

    /**
     * What differs between two versions of a routine: {@code returns int -> bigint; body changed}. A MySQL
     * routine's parameters can differ (it is known by name); a PostgreSQL one's cannot (they are its key).
     */
    private static String routineChanges(io.schemaplan.model.Routine a, io.schemaplan.model.Routine b) {
        List<String> parts = new ArrayList<>();
        if (!Objects.equals(a.arguments(), b.arguments())) parts.add("parameters " + arrow("(" + a.arguments() + ")", "(" + b.arguments() + ")"));
        if (!Objects.equals(a.returns(), b.returns())) parts.add("returns " + arrow(nullable(a.returns()), nullable(b.returns())));
        if (!Objects.equals(a.language(), b.language())) parts.add("language " + arrow(nullable(a.language()), nullable(b.language())));
        if (!a.attributes().equals(b.attributes())) parts.add("options " + arrow(list(a.attributes()), list(b.attributes())));
        if (!Objects.equals(a.body(), b.body())) parts.add("body changed");
        if (!Objects.equals(a.comment(), b.comment())) parts.add("comment changed");
        return parts.isEmpty() ? "definition changed" : String.join("; ", parts);
    }

    private static String list(List<?> items) {
        return items.isEmpty() ? "(none)" : items.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
    }

    /** {@code AS integer COLLATE pg_catalog.C DEFAULT 1 NOT NULL CONSTRAINT c CHECK (…)}. */
    public static String domainDef(io.schemaplan.model.Domain d) {
        StringBuilder b = new StringBuilder("AS ").append(d.baseType().sql());
        if (d.collation() != null) b.append(" COLLATE ").append(d.collation());
        if (d.defaultExpr() != null) b.append(" DEFAULT ").append(d.defaultExpr());
        if (d.notNull()) b.append(" NOT NULL");
        for (Constraint k : d.checks()) b.append(" CONSTRAINT ").append(k.name()).append(' ').append(constraintDef(k));
        return b.toString();
    }

    static String arrow(String from, String to) {
        return from + " -> " + to;
    }

    private static String nullable(String s) {
        return s == null ? "(none)" : s;
    }

    private static String labels(List<String> labels) {
        return labels.stream().map(l -> "'" + l + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    public static String column(Column c) {
        return c.name() + " " + columnDefinition(c);
    }

    /** A column's definition after its name: {@code bigint DEFAULT 0 NOT NULL}. */
    public static String columnDefinition(Column c) {
        StringBuilder b = new StringBuilder(c.type().sql());
        if (c.collation() != null) b.append(" COLLATE ").append(c.collation());
        if (c.identity() != null) b.append(" GENERATED ").append(c.identity() == Column.Identity.ALWAYS ? "ALWAYS" : "BY DEFAULT").append(" AS IDENTITY");
        if (c.generatedExpr() != null) b.append(" GENERATED ALWAYS AS (").append(c.generatedExpr()).append(c.virtual() ? ") VIRTUAL" : ") STORED");
        if (c.defaultExpr() != null) b.append(" DEFAULT ").append(c.defaultExpr());
        if (!c.nullable()) b.append(" NOT NULL");
        if (c.invisible()) b.append(" INVISIBLE");
        return b.toString();
    }

    /** {@code (expr) STORED}, {@code (expr) VIRTUAL}, or {@code (none)}. */
    private static String generated(Column c) {
        return c.generatedExpr() == null ? "(none)" : "(" + c.generatedExpr() + ")" + (c.virtual() ? " VIRTUAL" : " STORED");
    }

    private static String summary(Table t) {
        List<String> parts = new ArrayList<>();
        parts.add(count(t.columns().size(), "column"));
        if (t.primaryKey().isPresent()) parts.add("primary key");
        long other = t.constraints().stream().filter(c -> c.kind() != Constraint.Kind.PRIMARY_KEY).count();
        if (other > 0) parts.add(count((int) other, "constraint"));
        if (!t.foreignKeys().isEmpty()) parts.add(count(t.foreignKeys().size(), "foreign key"));
        if (!t.indexes().isEmpty()) parts.add(count(t.indexes().size(), "index", "indexes"));
        if (!t.triggers().isEmpty()) parts.add(count(t.triggers().size(), "trigger"));
        if (!t.inherits().isEmpty()) parts.add("inherits " + list(t.inherits()));
        if (!t.options().isEmpty()) parts.add("with " + list(t.options()));
        if (t.rowSecurity()) parts.add("row level security");
        if (!t.policies().isEmpty()) parts.add(count(t.policies().size(), "policy", "policies"));
        if (!t.rules().isEmpty()) parts.add(count(t.rules().size(), "rule"));
        return String.join(", ", parts);
    }

    static String count(int n, String one) {
        return count(n, one, one + "s");
    }

    static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String tableProperties(Table a, Table b) {
        List<String> parts = new ArrayList<>();
        if (a.unlogged() != b.unlogged()) parts.add(b.unlogged() ? "SET UNLOGGED" : "SET LOGGED");
        if (!Objects.equals(a.partitionBy(), b.partitionBy())) parts.add("partition key " + arrow(nullable(a.partitionBy()), nullable(b.partitionBy())));
        if (!Objects.equals(a.partitionOf(), b.partitionOf()) || !Objects.equals(a.partitionBound(), b.partitionBound())) {
            parts.add("partition of " + arrow(a.partitionOf() == null ? "(none)" : a.partitionOf() + " " + a.partitionBound(),
                    b.partitionOf() == null ? "(none)" : b.partitionOf() + " " + b.partitionBound()));
        }
        if (!Objects.equals(a.comment(), b.comment())) parts.add("comment changed");
        if (!Objects.equals(a.collation(), b.collation())) parts.add("collation " + arrow(nullable(a.collation()), nullable(b.collation())));
        if (!Objects.equals(a.storageEngine(), b.storageEngine())) parts.add("engine " + arrow(nullable(a.storageEngine()), nullable(b.storageEngine())));
        if (!Objects.equals(a.rowFormat(), b.rowFormat())) {
            parts.add("ROW_FORMAT " + arrow(a.rowFormat() == null ? "DYNAMIC" : a.rowFormat(), b.rowFormat() == null ? "DYNAMIC" : b.rowFormat()));
        }
        if (!Objects.equals(a.keyBlockSize(), b.keyBlockSize())) {
            parts.add("KEY_BLOCK_SIZE " + arrow(a.keyBlockSize() == null ? "(none)" : a.keyBlockSize().toString(),
                    b.keyBlockSize() == null ? "(none)" : b.keyBlockSize().toString()));
        }
        return String.join("; ", parts);
    }

    public static String sequenceDef(io.schemaplan.model.Sequence s) {
        StringBuilder b = new StringBuilder("AS ").append(s.dataType()).append(" START ").append(s.start())
                .append(" INCREMENT ").append(s.increment());
        if (s.minValue() != null) b.append(" MINVALUE ").append(s.minValue());
        if (s.maxValue() != null) b.append(" MAXVALUE ").append(s.maxValue());
        b.append(" CACHE ").append(s.cache());
        if (s.cycle()) b.append(" CYCLE");
        if (s.ownedBy() != null) b.append(" OWNED BY ").append(s.ownedBy());
        if (s.comment() != null) b.append(" COMMENT '").append(s.comment()).append('\'');
        return b.toString();
    }

    private static String constraint(Constraint c) {
        return "constraint " + c.name() + " " + constraintDef(c);
    }

    public static String constraintDef(Constraint c) {
        return c.definition() + (c.validated() ? "" : " NOT VALID");
    }

    private static String foreignKey(ForeignKey f) {
        return "foreign key " + f.name() + " " + foreignKeyDef(f);
    }

    public static String foreignKeyDef(ForeignKey f) {
        return f.definition();
    }

    public static String indexDef(Index i) {
        return i.definition();
    }
}
