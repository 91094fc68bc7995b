package io.schemaplan.normalize;

import io.schemaplan.model.Column;
import io.schemaplan.model.Constraint;
import io.schemaplan.model.DataType;
import io.schemaplan.model.EnumType;
import io.schemaplan.model.ForeignKey;
import io.schemaplan.model.Index;
import io.schemaplan.model.Routine;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Sequence;
import io.schemaplan.model.Table;
import io.schemaplan.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The portability check: PostgreSQL-only constructs in a schema meant for MySQL or MariaDB, each with the
 * object it sits on ({@code table.column}, {@code table (index name)}) and a one-line reason. Pure; the
 * rules are a table of patterns over expression text (with string literals blanked, so that a quoted
 * {@code '::'} is not a cast) plus checks of types, index methods and schema-level objects.
 *
 * <p>Not flagged, because MySQL and MariaDB accept them: a bare {@code now()} or {@code CURRENT_TIMESTAMP(n)}
 * default on a date-time column, {@code uuid}/{@code jsonb}/{@code boolean} column types (they map to
 * {@code char(36)}/{@code json}/{@code tinyint(1)}, see {@link CrossDialect}), btree and hash indexes.
 */
public final class Portability {
    private Portability() {
    }

    /** The server the schema is meant for: MariaDB accepts a few things MySQL refuses (and the reverse). */
    public enum Target { MYSQL, MARIADB }

    /** One PostgreSQL-only construct: where it is, what it is, and why MySQL cannot take it. */
    public record Finding(String object, String construct, String reason) {
    }

    private record Rule(Pattern pattern, String reason) {
        static Rule of(String regex, String reason) {
            return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), reason);
        }
    }

    /** Expression rules, tried in order on the text with string literals blanked; each hit is one reason. */
    private static final List<Rule> EXPRESSION_RULES = List.of(
            Rule.of("\\buuid_generate_v\\w*\\s*\\(", "uuid_generate_v4() comes from PostgreSQL's uuid-ossp extension;"
                    + " MySQL has no such function (generate the id in the application, or DEFAULT (UUID()) on MySQL 8.0.13+)"),
            Rule.of("\\bgen_random_uuid\\s*\\(", "gen_random_uuid() is a PostgreSQL function; MySQL has no such function"
                    + " (generate the id in the application, or DEFAULT (UUID()) on MySQL 8.0.13+)"),
            Rule.of("\\bnextval\\s*\\(", "nextval() reads a PostgreSQL sequence; on MySQL the column needs AUTO_INCREMENT"),
            Rule.of("::\\s*(?!regclass\\b)[a-z_\"]", "a '…'::type cast is PostgreSQL syntax; MySQL needs the bare literal"
                    + " or CAST(… AS …)"),
            Rule.of("\\btimezone\\s*\\(|\\bat\\s+time\\s+zone\\b", "a now() form with a time zone (timezone(…, now()),"
                    + " AT TIME ZONE) is PostgreSQL syntax; MySQL has CONVERT_TZ() or UTC_TIMESTAMP()"),
            Rule.of("\\binterval\\s+'", "an interval literal ('… interval') is PostgreSQL syntax; MySQL writes INTERVAL 1 DAY"),
            Rule.of("\\b(clock|statement|transaction)_timestamp\\s*\\(", "a PostgreSQL-only now() form; MySQL has"
                    + " CURRENT_TIMESTAMP / NOW()"),
            Rule.of("@>|<@|\\?\\||\\?&|#>>?|\\s\\?\\s", "a jsonb operator (@>, <@, ?, ?|, ?&, #>, #>>) is PostgreSQL's;"
                    + " MySQL uses JSON_CONTAINS() / JSON_EXTRACT() with a JSON path"),
            Rule.of("->>?\\s*''", "jsonb -> 'key' is PostgreSQL's form; MySQL's -> and ->> take a JSON path ('$.key')"),
            Rule.of("!?~\\*?\\s*''|\\bilike\\b|\\bsimilar\\s+to\\b", "a PostgreSQL pattern operator (~, ~*, ILIKE, SIMILAR TO);"
                    + " MySQL uses REGEXP or LIKE with a case-insensitive collation"),
            Rule.of("\\barray\\s*\\[|\\b(any|all)\\s*\\(", "PostgreSQL arrays (ARRAY[…], = ANY (…)); MySQL has none (use IN (…) or JSON)"),
            Rule.of("\\|\\|", "|| concatenates on PostgreSQL but is OR on MySQL (unless sql_mode PIPES_AS_CONCAT); use CONCAT()"));

    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^']|'')*'");

    /** PostgreSQL types with no MySQL counterpart (uuid, jsonb, boolean, bytea, … do have one). */
    private static final Set<String> PG_ONLY_TYPES = Set.of("interval", "inet", "cidr", "macaddr", "macaddr8", "money",
            "tsvector", "tsquery", "xml", "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange",
            "point", "line", "lseg", "box", "path", "polygon", "circle", "oid", "regclass", "pg_lsn", "txid_snapshot",
            "hstore", "citext", "timetz");

    /** Literal defaults MySQL refuses on these types (MySQL 8.0.13+ accepts an expression default in parentheses). */
    private static final Set<String> NO_LITERAL_DEFAULT = Set.of("text", "json", "jsonb", "bytea");

    private static final Set<String> MYSQL_INDEX_METHODS = Set.of("btree", "hash", "fulltext", "spatial");

    /**
     * The reasons why {@code expr} cannot run on MySQL, in rule order; empty when it can. {@code pg} is the
     * PostgreSQL schema the expression comes from: a call of one of its routines is PostgreSQL-only too.
     */
    public static List<String> pgOnlyReasons(String expr, Schema pg) {
        if (expr == null) return List.of();
        String blanked = STRING_LITERAL.matcher(expr).replaceAll("''");
        List<String> out = new ArrayList<>(EXPRESSION_RULES.stream()
                .filter(r -> r.pattern().matcher(blanked).find()).map(Rule::reason).toList());
        pg.routines().stream().map(r -> r.name()).distinct()
                .filter(r -> Pattern.compile("(?<![\\w$])" + Pattern.quote(r.name()) + "\\s*\\(").matcher(blanked).find())
                .forEach(r -> out.add("calls " + r + "(), a function defined in the PostgreSQL database, not on MySQL"));
        return out;
    }

    /** Every PostgreSQL-only construct in {@code schema}, schema-level objects first, then table by table. */
    public static List<Finding> check(Schema schema, Target target) {
        List<Finding> out = new ArrayList<>();
        schema.namespaces().forEach(n -> out.add(new Finding("schema " + n, "CREATE SCHEMA " + n,
                "a MySQL database is one namespace: tables of several schemas need several databases or prefixed names")));
        schema.extensions().forEach(e -> out.add(new Finding("extension " + e.name(), "CREATE EXTENSION " + e.name(),
                "MySQL has no extensions")));
        for (EnumType e : schema.enums()) {
            out.add(new Finding("type " + e.name(), "CREATE TYPE … AS ENUM", "MySQL has no named enum types; each column"
                    + " needs an inline ENUM(…) with the labels"));
        }
        for (Sequence s : schema.sequences()) {
            if (target == Target.MARIADB || referenced(schema, s)) continue; // MariaDB 10.3+ has sequences
            out.add(new Finding("sequence " + s.name(), "CREATE SEQUENCE", "MySQL has no sequences (MariaDB 10.3+ does)"));
        }
        for (Routine r : schema.routines()) {
            out.add(new Finding(r.kind().toLowerCase(Locale.ROOT) + " " + r.signature(), "LANGUAGE " + r.language(),
                    "a PostgreSQL " + r.kind().toLowerCase(Locale.ROOT) + " (" + r.language() + ") does not run on MySQL"));
        }
        for (View v : schema.views()) {
            expression(out, "view " + v.name(), "view definition", v.definition(), schema);
        }
        for (Table t : schema.tables()) {
            table(out, schema, t, target);
        }
        return List.copyOf(out);
    }

    private static boolean referenced(Schema schema, Sequence s) {
        String unqualified = s.name().name();
        return schema.tables().stream().flatMap(t -> t.columns().stream())
                .anyMatch(c -> c.defaultExpr() != null && c.defaultExpr().contains(unqualified));
    }

    private static void table(List<Finding> out, Schema schema, Table t, Target target) {
        String table = t.name().name();
        if (t.partitionBy() != null || t.partitionOf() != null) {
            out.add(new Finding(table, "PARTITION BY / PARTITION OF", "PostgreSQL's declarative partitioning is written"
                    + " differently on MySQL (PARTITION BY in CREATE TABLE, the key in every unique key)"));
        }
        for (Column c : t.columns()) {
            String at = table + "." + c.name();
            type(out, schema, at, c.type());
            if (c.defaultExpr() != null) {
                boolean flagged = expression(out, at, "DEFAULT " + c.defaultExpr(), c.defaultExpr(), schema);
                if (!flagged && target == Target.MYSQL && c.type().arrayDims() == 0
                        && NO_LITERAL_DEFAULT.contains(c.type().name())) {
                    out.add(new Finding(at, "DEFAULT " + c.defaultExpr() + " on " + c.type().sql(), "MySQL refuses a literal"
                            + " default on a TEXT/BLOB/JSON column (8.0.13+ takes DEFAULT (" + c.defaultExpr() + ")"
                            + " in parentheses; MariaDB takes it as it is)"));
                }
            }
            expression(out, at, "GENERATED ALWAYS AS (" + c.generatedExpr() + ")", c.generatedExpr(), schema);
        }
        for (Index i : t.indexes()) {
            String at = table + " (index " + i.name() + ")";
            if (!MYSQL_INDEX_METHODS.contains(i.method())) {
                out.add(new Finding(at, "USING " + i.method(), "MySQL has no " + i.method() + " indexes (InnoDB: BTREE,"
                        + " FULLTEXT, SPATIAL); the index exists only on PostgreSQL"));
            }
            if (i.predicate() != null) {
                out.add(new Finding(at, "WHERE " + i.predicate(), "a partial index is PostgreSQL's: MySQL indexes every"
                        + " row" + (i.unique() ? ", so a partial unique index becomes a stricter constraint" : "")));
            }
            if (!i.include().isEmpty() || i.nullsNotDistinct()) {
                out.add(new Finding(at, "INCLUDE / NULLS NOT DISTINCT", "covering columns and NULLS NOT DISTINCT are PostgreSQL's"));
            }
            for (Index.IndexKey k : i.keys()) {
                if (k.opclass() != null) {
                    out.add(new Finding(at, k.opclass(), "operator class " + k.opclass() + " is PostgreSQL's"));
                }
                if (k.expression()) expression(out, at, "(" + k.text() + ")", k.text(), schema);
            }
            expression(out, at, "WHERE " + i.predicate(), i.predicate(), schema);
        }
        for (Constraint c : t.constraints()) {
            String at = table + " (constraint " + c.name() + ")";
            if (c.kind() == Constraint.Kind.EXCLUDE) {
                out.add(new Finding(at, c.definition(), "exclusion constraints are PostgreSQL's"));
            } else if (c.kind() == Constraint.Kind.CHECK) {
                expression(out, at, c.definition(), c.definition(), schema);
            }
            if (c.deferrable()) out.add(new Finding(at, "DEFERRABLE", "MySQL checks every constraint at once; DEFERRABLE is PostgreSQL's"));
        }
        for (ForeignKey f : t.foreignKeys()) {
            if (f.deferrable()) {
                out.add(new Finding(table + " (foreign key " + f.name() + ")", "DEFERRABLE",
                        "MySQL checks every constraint at once; DEFERRABLE is PostgreSQL's"));
            }
        }
        t.triggers().forEach(g -> out.add(new Finding(table + " (trigger " + g.name() + ")", "CREATE TRIGGER",
                "a PostgreSQL trigger runs a PostgreSQL function; MySQL triggers are written in their body")));
    }

    private static void type(List<Finding> out, Schema schema, String at, DataType type) {
        if (type.arrayDims() > 0) {
            out.add(new Finding(at, type.sql(), "MySQL has no array types (store JSON, or a child table)"));
        }
        String name = type.name();
        if (PG_ONLY_TYPES.contains(name)) {
            out.add(new Finding(at, type.sql(), "MySQL has no " + name + " type"));
        } else if (name.equals("timestamptz")) {
            out.add(new Finding(at, type.sql(), "MySQL keeps no time zone: TIMESTAMP converts by the session time zone"
                    + " (range 1970-2038), DATETIME keeps the wall-clock time"));
        } else if (schema.enums().stream().anyMatch(e -> e.name().toString().equals(name))) {
            out.add(new Finding(at, type.sql(), "a column of the enum type " + name + ": MySQL needs an inline ENUM(…)"));
        }
    }

    /** Adds a finding per reason in {@code expr} ; true when any. */
    private static boolean expression(List<Finding> out, String at, String construct, String expr, Schema schema) {
        if (expr == null) return false;
        List<String> reasons = pgOnlyReasons(expr, schema);
        reasons.forEach(r -> out.add(new Finding(at, construct, r)));
        return !reasons.isEmpty();
    }
}
