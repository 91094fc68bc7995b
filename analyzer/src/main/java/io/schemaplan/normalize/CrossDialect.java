package io.schemaplan.normalize;

import io.schemaplan.model.Column;
import io.schemaplan.model.Constraint;
import io.schemaplan.model.DataType;
import io.schemaplan.model.EnumType;
import io.schemaplan.model.ForeignKey;
import io.schemaplan.model.Index;
import io.schemaplan.model.QName;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Table;
import io.schemaplan.model.Trigger;
import io.schemaplan.model.View;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The portable form of a schema, in which a PostgreSQL schema and a MySQL/MariaDB schema of one application
 * compare equal where they mean the same thing. Pure; applied to both sides before a cross-dialect diff.
 *
 * <p>What is mapped (PostgreSQL → the MySQL reader's canonical names): {@code public.t} → {@code t};
 * {@code uuid} → {@code char(36)}; {@code text} → {@code longtext}; {@code json}/{@code jsonb} → {@code json};
 * {@code boolean} → {@code tinyint(1)}; unbounded {@code varchar} → {@code varchar(255)}; {@code timestamp(p)}
 * → {@code datetime(p)} and {@code timestamptz(p)} → {@code timestamp(p)} (a bare one maps to a bare one:
 * every ORM maps them so, although PostgreSQL keeps microseconds and MySQL seconds); {@code real} →
 * {@code float}; {@code numeric(p)} → {@code numeric(p,0)}; {@code bytea} → {@code longblob}; a column of an
 * enum type → an inline {@code enum(…)} with its labels; a {@code nextval()} default → AUTO_INCREMENT (an
 * identity); defaults: casts of literals dropped, quoted numbers on numeric columns compared as numbers,
 * {@code false}/{@code true} → {@code 0}/{@code 1}, {@code now()} and {@code CURRENT_TIMESTAMP(n)} →
 * {@code CURRENT_TIMESTAMP}. Both sides: primary keys and UNIQUE keys are keyed by their columns (their
 * names are generated differently: {@code x_pkey} / {@code PRIMARY}, {@code t_c_key} / {@code c}); a plain
 * unique index is a UNIQUE key (on MySQL it is one); foreign keys are keyed by their definition
 * ({@code t_c_fkey} / {@code t_ibfk_1}) with RESTRICT = NO ACTION (InnoDB checks both at once); MySQL key
 * prefix lengths, operator classes, NULLS FIRST/LAST and key collations are left out; collations, storage
 * engines and UNLOGGED are left out; views and triggers are compared by name only.
 *
 * <p>What is kept, so that it is reported as a real difference: every other type (so {@code double precision}
 * vs {@code float}, unbounded {@code numeric} vs MySQL's {@code numeric(10,0)}, {@code text} vs MySQL
 * {@code text} (64 KB) or {@code mediumtext} (16 MB) are reported: values that fit on one side do not fit on
 * the other), index methods (a GIN index exists only on PostgreSQL), partial indexes, defaults that differ
 * after the mapping, including PostgreSQL-only defaults (see {@link Portability}). Sequences, extensions,
 * enum types and routines have no MySQL counterpart and are removed here; the caller summarizes them.
 */
public final class CrossDialect {
    private CrossDialect() {
    }

    /** PostgreSQL type name → portable type (sizes kept unless the map says otherwise). */
    private static final Map<String, String> PG_NAMES = Map.of("uuid", "char", "text", "longtext", "jsonb", "json",
            "boolean", "tinyint", "timestamp", "datetime", "timestamptz", "timestamp", "real", "float",
            "bytea", "longblob");

    private static final Set<String> NUMERIC_TYPES = Set.of("tinyint", "smallint", "mediumint", "integer", "bigint",
            "numeric", "float", "double precision");

    private static final Pattern QUOTED_NUMBER = Pattern.compile("'([-+]?(\\d+\\.?\\d*|\\.\\d+))'");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)");
    private static final Pattern LITERAL_CAST = Pattern.compile("^('(?:[^']|'')*')::[\\w .\"()\\[\\]]+$");
    private static final String SEQUENCE_DEFAULT = "nextval(";

    /** The schema in portable form; the same function for both engines (it looks at {@code schema.engine()}). */
    public static Schema portable(Schema schema) {
        boolean pg = !schema.engine().isMysqlFamily();
        List<Table> tables = new ArrayList<>();
        for (Table t : schema.tables()) {
            tables.add(table(t, pg, schema.enums()));
        }
        List<View> views = schema.views().stream().map(v -> new View(name(v.name()), v.materialized(), "", null)).toList();
        return new Schema(schema.engine(), null, List.of(), List.of(), List.of(), List.of(), tables, views, List.of());
    }

    /** {@code public.t} and MySQL's {@code t} are the same table; other PostgreSQL schemas keep their name. */
    public static QName name(QName q) {
        return q.schema().equals("public") ? new QName("", q.name()) : q;
    }

    private static Table table(Table t, boolean pg, List<EnumType> enums) {
        List<Column> columns = t.columns().stream().map(c -> column(c, pg, enums)).toList();
        List<Constraint> constraints = new ArrayList<>();
        for (Constraint c : t.constraints()) {
            constraints.add(switch (c.kind()) {
                case PRIMARY_KEY, UNIQUE -> key(c.kind(), c.columns());
                default -> c;
            });
        }
        List<Index> indexes = new ArrayList<>();
        for (Index i : t.indexes()) {
            if (plainUnique(i)) {
                constraints.add(key(Constraint.Kind.UNIQUE, i.columns()));
            } else {
                indexes.add(index(i));
            }
        }
        List<ForeignKey> fks = t.foreignKeys().stream().map(CrossDialect::foreignKey).toList();
        List<Trigger> triggers = t.triggers().stream().map(g -> new Trigger(g.name(), "")).toList();
        return new Table(name(t.name()), columns, constraints, fks, indexes, triggers, false, t.partitionBy(),
                t.partitionOf() == null ? null : name(t.partitionOf()), t.partitionBound(), t.comment(), null, null);
    }

    private static boolean plainUnique(Index i) {
        return i.unique() && i.predicate() == null && i.include().isEmpty() && !i.nullsNotDistinct()
                && i.keys().stream().noneMatch(Index.IndexKey::expression) && i.method().equals("btree");
    }

    /** A key named by what it is: {@code PRIMARY KEY (id)}, {@code UNIQUE (a, b)}. */
    private static Constraint key(Constraint.Kind kind, List<String> columns) {
        String def = (kind == Constraint.Kind.PRIMARY_KEY ? "PRIMARY KEY (" : "UNIQUE (") + String.join(", ", columns) + ")";
        return new Constraint(def, kind, columns, def, false, false, true);
    }

    private static Index index(Index i) {
        List<Index.IndexKey> keys = i.keys().stream()
                .map(k -> new Index.IndexKey(k.text(), k.expression(), null, null, k.descending(), null, null)).toList();
        return new Index(i.name(), i.unique(), i.method(), keys, i.include(), i.predicate(), i.nullsNotDistinct(), i.comment());
    }

    private static ForeignKey foreignKey(ForeignKey f) {
        ForeignKey named = new ForeignKey("", f.columns(), name(f.referencedTable()), f.referencedColumns(),
                action(f.onUpdate()), action(f.onDelete()), "SIMPLE", f.deferrable(), f.initiallyDeferred(), true);
        return named.renamed(named.definition());
    }

    private static String action(String a) {
        return a == null || a.equals("RESTRICT") ? ForeignKey.NO_ACTION : a;
    }

    private static Column column(Column c, boolean pg, List<EnumType> enums) {
        DataType type = pg ? type(c.type(), enums) : c.type();
        String def = c.defaultExpr();
        Column.Identity identity = c.identity() == null ? null : Column.Identity.BY_DEFAULT;
        if (def != null && def.startsWith(SEQUENCE_DEFAULT)) {
            identity = Column.Identity.BY_DEFAULT;
            def = null;
        }
        return new Column(c.name(), c.position(), type, c.nullable(), defaultExpr(def, type), identity,
                c.generatedExpr(), null, c.comment(), c.virtual(), c.invisible());
    }

    /** The portable type of a PostgreSQL type (the MySQL reader's names are the portable ones). */
    static DataType type(DataType t, List<EnumType> enums) {
        if (t.arrayDims() > 0) return t;
        for (EnumType e : enums) {
            if (e.name().toString().equals(t.name())) return new DataType("enum", null, null, 0, false, e.labels());
        }
        String name = t.name();
        if (name.equals("varchar") && t.size() == null) return DataType.of("varchar", 255);
        if (name.equals("numeric") && t.size() != null && t.scale() == null) return new DataType("numeric", t.size(), 0, 0);
        String mapped = PG_NAMES.get(name);
        if (mapped == null) return t;
        Integer size = switch (name) {
            case "uuid" -> 36;
            case "boolean" -> 1;
            case "timestamp", "timestamptz" -> t.size();
            default -> null;
        };
        return new DataType(mapped, size, null, 0);
    }

    /** The default as both engines would compare it, for a column of portable type {@code type}. */
    static String defaultExpr(String expr, DataType type) {
        if (expr == null) return null;
        String e = expr.trim();
        var cast = LITERAL_CAST.matcher(e);
        if (cast.matches()) e = cast.group(1);
        String now = MysqlExpressions.currentTimestamp(e);
        if (now != null) return "CURRENT_TIMESTAMP";
        if (e.equalsIgnoreCase("false")) return "0";
        if (e.equalsIgnoreCase("true")) return "1";
        if (NUMERIC_TYPES.contains(type.name())) {
            var quoted = QUOTED_NUMBER.matcher(e);
            if (quoted.matches()) e = quoted.group(1);
            if (NUMBER.matcher(e).matches()) return new BigDecimal(e).stripTrailingZeros().toPlainString();
        }
        return e;
    }
}
