package io.schemaplan.read;

import io.schemaplan.model.Column;
import io.schemaplan.model.Constraint;
import io.schemaplan.model.DataType;
import io.schemaplan.model.Domain;
import io.schemaplan.model.Engine;
import io.schemaplan.model.EnumType;
import io.schemaplan.model.Extension;
import io.schemaplan.model.ForeignKey;
import io.schemaplan.model.Index;
import io.schemaplan.model.Policy;
import io.schemaplan.model.QName;
import io.schemaplan.model.Routine;
import io.schemaplan.model.Rule;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Sequence;
import io.schemaplan.model.Table;
import io.schemaplan.model.Trigger;
import io.schemaplan.model.View;
import io.schemaplan.normalize.PgDefinitions;
import io.schemaplan.normalize.PgExpressions;
import io.schemaplan.normalize.PgTypes;
import io.schemaplan.sql.Identifiers;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads a live PostgreSQL database's schema from its catalog, into exactly the model a pg_dump of the
 * same database gives through the dump reader: the same server functions print the expressions (in a
 * session with pg_dump's settings) and the same normalizers turn them into records.
 *
 * <p>The read is one read-only REPEATABLE READ transaction holding ACCESS SHARE locks on the tables it
 * reads, with one query per kind of object for the whole database.
 */
public final class PostgresCatalogReader {
    private PostgresCatalogReader() {
    }

    /**
     * Reads the schema of the database at {@code url} ({@code postgresql://user[:password]@host[:port]/db},
     * {@code postgres://…} or {@code jdbc:postgresql://…}).
     *
     * @param namespaces the schemas to read, or null for every user schema
     * @throws ReadException one line naming the URL without its password
     */
    public static Schema read(String url, Set<String> namespaces) {
        return readWithWarnings(url, namespaces).schema();
    }

    /** As {@link #read(String, Set)}, with the warnings about objects the model does not hold. */
    public static Loaded readWithWarnings(String url, Set<String> namespaces) {
        return readWithWarnings(url, namespaces, false);
    }

    /**
     * As {@link #readWithWarnings(String, Set)}; with {@code partial}, tables the role cannot read are left
     * out and the result says so ({@link PartialRead}), instead of the read stopping.
     */
    public static Loaded readWithWarnings(String url, Set<String> namespaces, boolean partial) {
        PgUrl target = PgUrl.parse(url);
        try (CatalogSession session = CatalogSession.open(target)) {
            return new Reading(session, partial).read(target.redacted(), namespaces);
        }
    }

    /** Reads {@code url} and returns how many queries the read sent (the hook of the test that it is set-based). */
    static int queriesOfRead(String url) {
        PgUrl target = PgUrl.parse(url);
        try (CatalogSession session = CatalogSession.open(target)) {
            new Reading(session, false).read(target.redacted(), null);
            return session.queries();
        }
    }

    /** Runs {@code work} inside a reader session (the hook tests use to see what such a session allows). */
    static <T> T inSession(String url, CatalogSession.Work<T> work) {
        try (CatalogSession session = CatalogSession.open(PgUrl.parse(url))) {
            return session.run(work);
        }
    }

    /** The state of one read: the session, the tables found so far, the warnings. */
    private static final class Reading {
        private final CatalogSession session;
        private final Map<Long, TableParts> tables = new LinkedHashMap<>();
        private final List<String> warnings = new ArrayList<>();

        private final boolean partial;
        private String missing;

        private final Repeats repeats = new Repeats();
        private final Function<String, DataType> types = Repeats.once(PgTypes::parse);
        private final BiFunction<String, DataType, String> defaults =
                Repeats.once(PgExpressions::normalizeDefault);

        Reading(CatalogSession session, boolean partial) {
            this.session = session;
            this.partial = partial;
        }

        Loaded read(String label, Set<String> wanted) {
            String version = session.query(CatalogSql.SERVER_VERSION, rs -> rs.getString(1)).get(0).split(" ")[0];
            List<String> scope = namespaces(wanted);
            readTables(scope);
            requireReadable();
            TableLocks.lockAll(session, tables.entrySet().stream()
                    .map(e -> new TableLocks.LockedTable(e.getKey(), e.getValue().name)).toList());
            List<Long> oids = List.copyOf(tables.keySet());
            session.query(CatalogSql.COLUMNS, this::column, oids);
            session.query(CatalogSql.CONSTRAINTS, this::constraint, oids);
            session.query(CatalogSql.INDEXES, this::index, oids);
            session.query(CatalogSql.TRIGGERS, this::trigger, oids);
            session.query(CatalogSql.POLICIES, this::policy, oids);
            session.query(CatalogSql.RULES, this::rule, oids);
            Map<QName, List<Index>> viewIndexes = new java.util.HashMap<>();
            session.query(CatalogSql.MATVIEW_INDEXES, rs -> {
                Index i = PgDefinitions.parseIndex(rs.getString(3)).index().withComment(rs.getString(4));
                viewIndexes.computeIfAbsent(QName.of(rs.getString(1), rs.getString(2)), k -> new ArrayList<>()).add(i);
                return null;
            }, scope);
            Schema schema = new Schema(Engine.POSTGRES, version,
                    scope.stream().filter(n -> !n.equals("public")).toList(),
                    session.query(CatalogSql.EXTENSIONS,
                            rs -> new Extension(rs.getString(1), rs.getString(2), rs.getString(3))),
                    session.query(CatalogSql.ENUMS, rs -> new EnumType(QName.of(rs.getString(1), rs.getString(2)),
                            strings(rs.getArray(3)), rs.getString(4)), scope),
                    session.query(CatalogSql.SEQUENCES, PostgresCatalogReader::sequence, scope),
                    tables.values().stream().map(TableParts::toTable).toList(),
                    session.query(CatalogSql.VIEWS, PostgresCatalogReader::view, scope).stream()
                            .map(v -> v.withIndexes(viewIndexes.getOrDefault(v.name(), List.of()))).toList(),
                    session.query(CatalogSql.ROUTINES, this::routine, scope).stream()
                            .filter(r -> r != null).toList(),
                    domains(scope));
            Loaded loaded = new Loaded(label, schema, warnings);
            return missing == null ? loaded : PartialRead.mark(loaded, missing);
        }

        /**
         * Every table in scope must be readable: one line naming those that are not (the LOCK TABLE alone
         * would name only the first), or, with --partial, those left out.
         */
        private void requireReadable() {
            record Unreadable(long oid, QName name, boolean schemaUsage) {
            }
            List<Unreadable> unreadable = session.query(CatalogSql.UNREADABLE_TABLES,
                    rs -> new Unreadable(rs.getLong(1), QName.of(rs.getString(2), rs.getString(3)), rs.getBoolean(4)),
                    List.copyOf(tables.keySet()));
            if (unreadable.isEmpty()) return;
            String role = session.run(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT current_user")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            String names = PartialRead.names(unreadable.stream().map(u -> u.name().toString()).toList());
            String what = unreadable.size() + " of " + tables.size() + (tables.size() == 1 ? " table" : " tables")
                    + " not readable by role " + role + ": " + names;
            if (!partial) {
                Set<String> noUsage = new TreeSet<>();
                Set<String> schemas = new TreeSet<>();
                unreadable.forEach(u -> {
                    schemas.add(u.name().schema());
                    if (!u.schemaUsage()) noUsage.add(u.name().schema());
                });
                String grant = (noUsage.isEmpty() ? "" : "GRANT USAGE ON SCHEMA " + quoted(noUsage) + " TO "
                        + Identifiers.quote(Engine.POSTGRES, role) + "; ") + "GRANT SELECT ON ALL TABLES IN SCHEMA " + quoted(schemas)
                        + " TO " + Identifiers.quote(Engine.POSTGRES, role);
                throw new ReadException(session.url.redacted() + ": " + what + " (the reader needs SELECT on every"
                        + " table, and USAGE on its schema: " + grant + "), or pass --partial to read the others");
            }
            unreadable.forEach(u -> tables.remove(u.oid()));
            missing = what;
        }

        private static String quoted(Set<String> names) {
            return String.join(", ", names.stream().map(n -> Identifiers.quote(Engine.POSTGRES, n)).toList());
        }

        /** Every user schema, or the ones asked for (each must exist: a typo must not read as "empty"). */
        private List<String> namespaces(Set<String> wanted) {
            List<String> existing = session.query(CatalogSql.NAMESPACES, rs -> rs.getString(1));
            if (wanted == null) return existing;
            Set<String> missing = new TreeSet<>(wanted);
            missing.removeAll(existing);
            if (!missing.isEmpty()) {
                throw new ReadException(session.url.redacted() + ": schema " + String.join(", ", missing)
                        + (missing.size() == 1 ? " does" : " do") + " not exist");
            }
            return existing.stream().filter(wanted::contains).toList();
        }

        private void readTables(List<String> scope) {
            session.query(CatalogSql.TABLES, rs -> {
                String parentSchema = rs.getString(6);
                TableParts t = new TableParts(QName.of(rs.getString(2), rs.getString(3)),
                        rs.getBoolean(4), rs.getString(5),
                        parentSchema == null ? null : QName.of(parentSchema, rs.getString(7)),
                        rs.getString(8), rs.getString(9));
                t.pg.options.addAll(strings(rs.getArray(10)));
                List<String> parentSchemas = strings(rs.getArray(11));
                List<String> parentNames = strings(rs.getArray(12));
                for (int i = 0; i < parentSchemas.size(); i++) t.pg.inherits.add(QName.of(parentSchemas.get(i), parentNames.get(i)));
                t.pg.replicaIdentity = switch (rs.getString(13)) {
                    case "f" -> "FULL";
                    case "n" -> "NOTHING";
                    case "i" -> rs.getString(14) == null ? null : "USING INDEX " + rs.getString(14);
                    default -> null;
                };
                t.pg.rowSecurity = rs.getBoolean(15);
                t.pg.forceRowSecurity = rs.getBoolean(16);
                tables.put(rs.getLong(1), t);
                return null;
            }, scope);
        }

        private Void policy(ResultSet rs) throws SQLException {
            String command = switch (rs.getString(4)) {
                case "r" -> "SELECT";
                case "a" -> "INSERT";
                case "w" -> "UPDATE";
                case "d" -> "DELETE";
                default -> "ALL";
            };
            tables.get(rs.getLong(1)).pg.policies.add(new Policy(rs.getString(2), rs.getBoolean(3), command,
                    strings(rs.getArray(5)), rs.getString(6), rs.getString(7)));
            return null;
        }

        private Void rule(ResultSet rs) throws SQLException {
            TableParts t = tables.get(rs.getLong(1));
            t.pg.rules.add(new Rule(rs.getString(2), PgDumpReader.ruleText(rs.getString(3))));
            if (!"O".equals(rs.getString(4))) {
                warnings.add("rule " + rs.getString(2) + " on " + t.name + " is not in its default firing state"
                        + " (ENABLE/DISABLE RULE is not compared)");
            }
            return null;
        }

        private List<Domain> domains(List<String> scope) {
            Map<QName, List<Constraint>> checks = new java.util.HashMap<>();
            session.query(CatalogSql.DOMAIN_CHECKS, rs -> {
                checks.computeIfAbsent(QName.of(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                        .add(PgDefinitions.parseConstraint(rs.getString(3), rs.getString(4)).constraint());
                return null;
            }, scope);
            return session.query(CatalogSql.DOMAINS, rs -> {
                QName name = QName.of(rs.getString(1), rs.getString(2));
                DataType base = PgTypes.parse(rs.getString(3));
                String collationSchema = rs.getString(6);
                return new Domain(name, base, collationSchema == null ? null : collationSchema + "." + rs.getString(7),
                        PgExpressions.normalizeDefault(rs.getString(5), base), rs.getBoolean(4),
                        checks.getOrDefault(name, List.of()), rs.getString(8));
            }, scope);
        }

        private Void column(ResultSet rs) throws SQLException {
            DataType type = types.apply(rs.getString(4));
            String expr = rs.getString(6);
            boolean generated = "s".equals(rs.getString(8));
            String collationSchema = rs.getString(9);
            tables.get(rs.getLong(1)).columns.add(new Column(repeats.text(rs.getString(2)), rs.getInt(3), type,
                    !rs.getBoolean(5),
                    expr == null || generated ? null : defaults.apply(expr, type),
                    identity(rs.getString(7)),
                    generated ? PgExpressions.sameRendering(expr) : null,
                    collationSchema == null ? null : repeats.text(collationSchema + "." + rs.getString(10)),
                    rs.getString(11), false, false,
                    rs.getObject(12) == null ? null : rs.getInt(12), storage(rs.getString(13)),
                    rs.getString(14), rs.getBoolean(15), plannerOptions(rs.getArray(16))));
            return null;
        }

        private Void constraint(ResultSet rs) throws SQLException {
            TableParts table = tables.get(rs.getLong(1));
            PgDefinitions.ParsedConstraint parsed = PgDefinitions.parseConstraint(rs.getString(2), rs.getString(3));
            if (parsed.constraint() != null) table.constraints.add(parsed.constraint());
            if (parsed.foreignKey() != null) table.foreignKeys.add(parsed.foreignKey());
            return null;
        }

        private Void index(ResultSet rs) throws SQLException {
            Index i = PgDefinitions.parseIndex(rs.getString(2)).index();
            tables.get(rs.getLong(1)).indexes.add(new Index(i.name(), i.unique(), i.method(), i.keys(),
                    i.include(), i.predicate(), i.nullsNotDistinct(), rs.getString(3)));
            return null;
        }

        private Void trigger(ResultSet rs) throws SQLException {
            tables.get(rs.getLong(1)).triggers.add(new Trigger(rs.getString(2), rs.getString(3)));
            return null;
        }

        /** A routine, or null (with a warning) for an aggregate, which the model does not hold. */
        private Routine routine(ResultSet rs) throws SQLException {
            QName name = QName.of(rs.getString(1), rs.getString(2));
            char kind = rs.getString(3).charAt(0);
            if (kind == 'a') {
                warnings.add("aggregate " + name + "(" + rs.getString(4) + ") is not compared (skipped)");
                return null;
            }
            String language = rs.getString(6);
            List<String> attributes = PgRoutineAttributes.of(new PgRoutineAttributes.ProcOptions(kind, language,
                    rs.getString(7).charAt(0), rs.getBoolean(8), rs.getBoolean(9), rs.getBoolean(10),
                    rs.getString(11).charAt(0), rs.getString(12), rs.getString(13), rs.getBoolean(14),
                    strings(rs.getArray(15))));
            String sqlBody = rs.getString(17);
            return new Routine(name, kind == 'p' ? "procedure" : "function", rs.getString(4), rs.getString(5),
                    language, attributes, lf(sqlBody != null ? sqlBody : rs.getString(16)), rs.getString(18));
        }
    }

    private static Sequence sequence(ResultSet rs) throws SQLException {
        String type = rs.getString(3);
        long increment = rs.getLong(5);
        SequenceDefaults defaults = SequenceDefaults.of(type, increment);
        long min = rs.getLong(6);
        long max = rs.getLong(7);
        String ownerSchema = rs.getString(10);
        return new Sequence(QName.of(rs.getString(1), rs.getString(2)), type, rs.getLong(4), increment,
                min == defaults.min() ? null : min, max == defaults.max() ? null : max,
                rs.getLong(8), rs.getBoolean(9),
                ownerSchema == null ? null : ownerSchema + "." + rs.getString(11) + "." + rs.getString(12),
                rs.getString(13));
    }

    /** pg_dump prints NO MINVALUE / NO MAXVALUE for these: 1..type max ascending, type min..-1 descending. */
    record SequenceDefaults(long min, long max) {
        private static final Map<String, long[]> RANGES = Map.of(
                "smallint", new long[] {Short.MIN_VALUE, Short.MAX_VALUE},
                "integer", new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE},
                "bigint", new long[] {Long.MIN_VALUE, Long.MAX_VALUE});

        static SequenceDefaults of(String type, long increment) {
            long[] range = RANGES.getOrDefault(type, RANGES.get("bigint"));
            return increment > 0 ? new SequenceDefaults(1, range[1]) : new SequenceDefaults(range[0], -1);
        }
    }

    private static View view(ResultSet rs) throws SQLException {
        String definition = rs.getString(4).strip();
        if (definition.endsWith(";")) definition = definition.substring(0, definition.length() - 1);
        return new View(QName.of(rs.getString(1), rs.getString(2)), rs.getBoolean(3),
                PgExpressions.sameRendering(definition), rs.getString(5))
                .withOptions(strings(rs.getArray(6)));
    }

    /** pg_attribute.attstorage as ALTER COLUMN … SET STORAGE spells it. */
    private static String storage(String attstorage) {
        return attstorage == null ? null : switch (attstorage) {
            case "p" -> "PLAIN";
            case "m" -> "MAIN";
            case "e" -> "EXTERNAL";
            case "x" -> "EXTENDED";
            default -> throw new IllegalStateException("unknown attstorage " + attstorage);
        };
    }

    private static Column.Identity identity(String attidentity) {
        return switch (attidentity == null ? "" : attidentity) {
            case "a" -> Column.Identity.ALWAYS;
            case "d" -> Column.Identity.BY_DEFAULT;
            default -> null;
        };
    }

    /**
     * A body with LF line ends: a dump written on Windows (CRLF) and restored with psql keeps the CR inside the
     * dollar quotes, and the dump reader reads it with LF (as every other definition, which the server re-prints).
     */
    private static String lf(String body) {
        return body == null || body.indexOf('\r') < 0 ? body : body.replace("\r\n", "\n");
    }

    /** The column options pg_dump prints; other attoptions entries belong to extensions. */
    private static final Set<String> PLANNER_OPTIONS = Set.of("n_distinct", "n_distinct_inherited");

    private static List<String> plannerOptions(Array attoptions) throws SQLException {
        List<String> all = strings(attoptions);
        return all.isEmpty() ? all : all.stream()
                .filter(o -> PLANNER_OPTIONS.contains(o.indexOf('=') < 0 ? o : o.substring(0, o.indexOf('='))))
                .toList();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /** What is known of one table while its parts arrive from the per-kind queries. */
    private static final class TableParts {
        final QName name;
        final boolean unlogged;
        final String partitionBy;
        final QName partitionOf;
        final String partitionBound;
        final String comment;
        final List<Column> columns = new ArrayList<>();
        final List<Constraint> constraints = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<Trigger> triggers = new ArrayList<>();
        final PgTableFacts pg = new PgTableFacts();

        TableParts(QName name, boolean unlogged, String partitionBy, QName partitionOf, String partitionBound,
                   String comment) {
            this.name = name;
            this.unlogged = unlogged;
            this.partitionBy = partitionBy;
            this.partitionOf = partitionOf;
            this.partitionBound = partitionBound;
            this.comment = comment;
        }

        Table toTable() {
            return pg.applyTo(new Table(name, columns, constraints, foreignKeys, indexes, triggers, unlogged,
                    partitionBy, partitionOf, partitionBound, comment));
        }
    }
}
