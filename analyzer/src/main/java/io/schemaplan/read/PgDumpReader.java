package io.schemaplan.read;

import io.schemaplan.model.Column;
import io.schemaplan.model.Constraint;
import io.schemaplan.model.DataType;
import io.schemaplan.model.Domain;
import io.schemaplan.model.Extension;
import io.schemaplan.model.ForeignKey;
import io.schemaplan.model.Index;
import io.schemaplan.model.Policy;
import io.schemaplan.model.QName;
import io.schemaplan.model.Routine;
import io.schemaplan.model.Rule;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Sequence;
import io.schemaplan.model.Trigger;
import io.schemaplan.model.View;
import io.schemaplan.normalize.PgDefinitions;
import io.schemaplan.normalize.PgDefinitions.ParsedConstraint;
import io.schemaplan.normalize.PgExpressions;
import io.schemaplan.normalize.PgTypes;
import io.schemaplan.normalize.Excerpts;
import io.schemaplan.normalize.SqlTokens;
import io.schemaplan.read.DumpSchema.CommentKey;
import io.schemaplan.read.DumpSchema.TableParts;
import io.schemaplan.read.DumpText.Statement;
import io.schemaplan.sql.Identifiers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a plain-format {@code pg_dump} file (schema-only, or a full dump whose COPY data is skipped) into a
 * {@link Schema}, following the model conventions shared with the catalog reader: every type, default,
 * index and constraint text goes through {@code io.schemaplan.normalize}.
 *
 * <p>Statements outside the model (composite types, aggregates, …) do not fail the read:
 * each becomes a warning {@code file:line: …} in the {@link Loaded} it returns. What is not a readable dump at all
 * (custom format, binary, MySQL, empty, truncated, an unparseable statement) is a {@link ReadException}.
 */
public final class PgDumpReader {

    private interface Handler {
        void handle(SqlTokens t, Statement s);
    }

    /**
     * Statements that carry nothing the model holds: session settings, privileges, ownership, and what
     * pg_dumpall and {@code pg_dump --create} write around a database (roles, tablespaces, the database itself).
     */
    private static final Set<String> IGNORED = Set.of("SET", "GRANT", "REVOKE", "ALTER DEFAULT PRIVILEGES",
            "REFRESH MATERIALIZED VIEW", "RESET",
            "CREATE ROLE", "ALTER ROLE", "DROP ROLE", "CREATE USER", "ALTER USER", "DROP USER",
            "CREATE TABLESPACE", "ALTER TABLESPACE", "DROP TABLESPACE",
            "CREATE DATABASE", "ALTER DATABASE", "DROP DATABASE", "UPDATE PG_CATALOG");

    /** What a DROP removes from the model read so far. */
    private static final Set<String> DROPPABLE = Set.of("TABLE", "VIEW", "SEQUENCE", "TYPE", "DOMAIN", "SCHEMA", "EXTENSION",
            "INDEX", "FUNCTION", "PROCEDURE", "ROUTINE", "TRIGGER", "POLICY", "RULE");

    private static final Set<String> ROUTINE_KINDS = Set.of("FUNCTION", "PROCEDURE", "ROUTINE");

    /** Statements that carry table data (a full dump): skipped with one summary warning. */
    private static final Set<String> DATA = Set.of("COPY", "INSERT INTO", "SELECT");

    /**
     * ALTER TABLE actions that change no modelled fact ({@code SET TABLESPACE}, {@code SET WITHOUT CLUSTER}, …; the SET
     * actions that do, storage parameters, LOGGED/UNLOGGED and SCHEMA, are handled before).
     */
    private static final Set<String> IGNORED_TABLE_ACTIONS = Set.of("OWNER", "CLUSTER", "SET");

    /** pg_dump's policy commands, as {@code pg_policy.polcmd} spells them out. */
    private static final Set<String> POLICY_COMMANDS = Set.of("ALL", "SELECT", "INSERT", "UPDATE", "DELETE");

    /** Clauses of CREATE DOMAIN after the base type. */
    private static final Set<String> DOMAIN_CLAUSES = Set.of("COLLATE", "DEFAULT", "NOT", "NULL", "CONSTRAINT", "CHECK");

    /** Routine options of one word and of two words ({@code COST 5}), as pg_dump prints them. */
    private static final Set<String> ROUTINE_FLAGS = Set.of("IMMUTABLE", "STABLE", "STRICT", "LEAKPROOF", "WINDOW");
    private static final Set<String> ROUTINE_OPTIONS = Set.of("SECURITY", "PARALLEL", "COST", "ROWS", "SUPPORT");

    /** Options that state the default: the model leaves them out (pg_dump does too, but users do not). */
    private static final Set<String> DEFAULT_ROUTINE_OPTIONS = Set.of("VOLATILE", "SECURITY INVOKER", "PARALLEL UNSAFE");

    private static final Set<String> COLUMN_CLAUSES = Set.of("COLLATE", "DEFAULT", "NOT", "NULL", "GENERATED",
            "CONSTRAINT", "CHECK", "PRIMARY", "UNIQUE", "REFERENCES");

    /** COMMENT ON targets that the model keeps, and the key kind they are stored under. */
    private static final Map<String, String> COMMENT_KINDS = Map.of("TABLE", "TABLE", "COLUMN", "COLUMN",
            "INDEX", "INDEX", "VIEW", "VIEW", "MATERIALIZED VIEW", "VIEW", "TYPE", "TYPE",
            "FUNCTION", "ROUTINE", "PROCEDURE", "ROUTINE", "SEQUENCE", "SEQUENCE", "DOMAIN", "DOMAIN");

    private final Map<String, Handler> handlers = new HashMap<>();
    private final String file;
    /** The dump being read; null while a script is replayed. */
    private final DumpText dump;
    private final String database;
    private final DumpSchema schema;
    /** While a script is replayed: what the current statement did not apply. Null while a dump is read. */
    private List<String> problems;
    /** While a script is replayed: what the current statement changed that the model does not hold, or null. */
    private String outsideModel;
    private final List<String> warnings = new ArrayList<>();
    /** Skipped statements of one kind after the first: the kind's first warning, and how many more. */
    private final Map<String, int[]> repeated = new java.util.LinkedHashMap<>();
    private final Map<String, Integer> firstWarning = new HashMap<>();
    /**
     * The search_path a dump of pg_dump 10.2 or older set ({@code SET search_path = public, pg_catalog}), which
     * its unqualified names are relative to; null for a newer dump, whose names are all qualified.
     */
    private List<String> searchPath;
    /** Types the dump declares that the model does not hold (composite, range, domain): names to qualify. */
    private final Set<QName> otherTypes = new java.util.HashSet<>();
    private int copies;
    private int inserts;
    private int setvals;
    private Statement firstData;

    private PgDumpReader(DumpText dump, String database) {
        this(dump.file, dump, database, new DumpSchema());
    }

    private PgDumpReader(String file, DumpText dump, String database, DumpSchema schema) {
        this.file = file;
        this.dump = dump;
        this.database = database;
        this.schema = schema;
        IGNORED.forEach(head -> handlers.put(head, (t, s) -> { }));
        handlers.put("CREATE SCHEMA", this::createSchema);
        handlers.put("CREATE EXTENSION", this::createExtension);
        handlers.put("CREATE TYPE", this::createType);
        handlers.put("CREATE DOMAIN", this::createDomain);
        handlers.put("ALTER DOMAIN", this::alterDomain);
        handlers.put("CREATE POLICY", this::createPolicy);
        handlers.put("ALTER POLICY", this::alterPolicy);
        handlers.put("ALTER SCHEMA", this::alterSchema);
        handlers.put("CREATE RULE", this::createRule);
        handlers.put("CREATE OR REPLACE RULE", this::createRule);
        handlers.put("CREATE FUNCTION", this::createRoutine);
        handlers.put("CREATE PROCEDURE", this::createRoutine);
        handlers.put("CREATE OR REPLACE FUNCTION", this::createRoutine);
        handlers.put("CREATE OR REPLACE PROCEDURE", this::createRoutine);
        handlers.put("ALTER FUNCTION", this::alterRoutine);
        handlers.put("ALTER PROCEDURE", this::alterRoutine);
        handlers.put("ALTER ROUTINE", this::alterRoutine);
        handlers.put("CREATE TABLE", this::createTable);
        handlers.put("CREATE UNLOGGED TABLE", this::createTable);
        handlers.put("CREATE SEQUENCE", this::createSequence);
        handlers.put("CREATE UNLOGGED SEQUENCE", this::createSequence);
        handlers.put("ALTER SEQUENCE", this::alterSequence);
        handlers.put("ALTER TABLE", this::alterTable);
        handlers.put("ALTER INDEX", this::alterIndex);
        handlers.put("ALTER VIEW", this::alterView);
        handlers.put("ALTER MATERIALIZED VIEW", this::alterView);
        handlers.put("ALTER TYPE", this::alterType);
        handlers.put("ALTER TRIGGER", this::alterTrigger);
        handlers.put("CREATE INDEX", this::createIndex);
        handlers.put("CREATE UNIQUE INDEX", this::createIndex);
        handlers.put("CREATE TRIGGER", this::createTrigger);
        handlers.put("CREATE CONSTRAINT TRIGGER", this::createTrigger);
        handlers.put("CREATE VIEW", this::createView);
        handlers.put("CREATE OR REPLACE VIEW", this::createView);
        handlers.put("CREATE MATERIALIZED VIEW", this::createView);
        handlers.put("COMMENT ON", this::comment);
        handlers.put("DROP", this::drop);
        DATA.forEach(head -> handlers.put(head, this::data));
        handlers.put("SET", this::set);
    }

    /** Reads a dump file once, up to {@link InputFiles.Kind#DUMP}'s limit. */
    public static Loaded read(Path file) {
        InputFiles.Content content = InputFiles.read(file.toString(), InputFiles.Kind.DUMP);
        return read(content.label(), content.bytes());
    }

    /** Reads dump bytes; {@code source} names them in messages (normally the file path). */
    public static Loaded read(String source, byte[] bytes) {
        return read(source, bytes, null);
    }

    /**
     * Reads one database of a dump: {@code database} names it in a pg_dumpall file ({@code FILE#db}); null
     * reads a plain pg_dump, or a pg_dumpall file whose only database with a schema is that one.
     *
     * @throws ReadException one line listing the databases when a pg_dumpall file holds several and none is
     *     named, or the named one is not in it
     */
    public static Loaded read(String source, byte[] bytes, String database) {
        DumpText text = new DumpText(source, bytes);
        return new PgDumpReader(text, Databases.choose(text, database)).run();
    }

    public static Loaded read(Path file, String database) {
        if (database == null) return read(file);
        InputFiles.Content content = InputFiles.read(file.toString(), InputFiles.Kind.DUMP);
        return read(content.label(), content.bytes(), database);
    }

    private Loaded run() {
        schema.serverVersion = dump.serverVersion();
        for (Statement s : dump.statements) {
            if (!dump.connects.isEmpty() && !java.util.Objects.equals(s.database(), database)) continue;
            apply(s);
        }
        List<String> all = new ArrayList<>(warnings);
        repeated.forEach((kind, more) -> {
            int at = firstWarning.get(kind);
            all.set(at, all.get(at) + " (and " + more[0] + " more " + kind + " statement" + (more[0] == 1 ? "" : "s") + ")");
        });
        if (firstData != null) all.add(dataSummary());
        String label = database == null ? file : file + "#" + database;
        return new Loaded(label, schema.build(), all);
    }

    /**
     * Applies one statement to the model read so far: a handler by its leading words, or a warning that it is
     * skipped. A statement that does not parse is a {@link ReadException} naming its line.
     */
    private void apply(Statement s) {
        SqlTokens t = DumpText.tokens(file, s.line(), s.text(), SqlTokens.Dialect.POSTGRES);
        Handler h = handler(t);
        try {
            if (h != null) h.handle(t, s);
            else if (!isOwnerChange(t)) skipped(s, kindOf(t), "skipped " + describe(t) + ": not part of the schema model");
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw ReadException.cannotParse(file, s.line(), describe(t), e);
        }
    }

    /**
     * A reader that applies the statements of a migration script, one at a time, to {@code start}: what a
     * statement does not apply (a warning while reading a dump) is reported for that statement, not grouped.
     */
    static PgDumpReader replaying(String file, Schema start) {
        PgDumpReader r = new PgDumpReader(file, null, null, DumpSchema.of(start));
        r.problems = new ArrayList<>();
        // A script's bare names are relative to the session's search_path ("$user", public), as an old dump's
        // are: the model holds them qualified, as the server prints them.
        r.searchPath = new ArrayList<>(List.of("public"));
        return r;
    }

    /**
     * Applies one statement of a script; returns why it was not applied, or not wholly (one line each, without
     * the file and line), empty when it was.
     */
    List<String> replay(String sql, int line) {
        problems.clear();
        outsideModel = null;
        try {
            apply(new Statement(sql, line));
        } catch (ReadException e) {
            problems.add(ReadException.unplaced(file, e.getMessage()));
        }
        return List.copyOf(problems);
    }

    /**
     * What the last statement replayed changed that the model does not hold (a composite type's attributes), or null:
     * applied as far as the model goes, and to be listed as outside it.
     */
    String outsideModel() {
        return problems.isEmpty() ? outsideModel : null;
    }

    /** Knows the types {@code other} knows by name only (composite, range): those an earlier file of a run made. */
    void knowTypes(PgDumpReader other) {
        otherTypes.addAll(other.otherTypes);
    }

    /** The model as the statements so far left it. */
    Schema model() {
        return schema.build();
    }

    /** The statement's kind for grouping warnings: its first two words ({@code CREATE DOMAIN}), more after OR. */
    private static String kindOf(SqlTokens t) {
        int words = t.isWord(1, "OR") ? 4 : 2;
        return head(t, words).toUpperCase(Locale.ROOT);
    }

    /** A warning that is given once per kind: later statements of the kind only add to its count. */
    private void skipped(Statement s, String kind, String message) {
        if (problems != null) {
            problems.add(message);
            return;
        }
        Integer first = firstWarning.get(kind);
        if (first == null) {
            firstWarning.put(kind, warnings.size());
            warn(s, message);
        } else {
            repeated.computeIfAbsent(kind, k -> new int[1])[0]++;
        }
    }

    private String dataSummary() {
        List<String> parts = new ArrayList<>();
        if (copies > 0) parts.add(copies + " COPY block" + (copies == 1 ? "" : "s") + " (" + dump.copyRows + " row"
                + (dump.copyRows == 1 ? "" : "s") + ")");
        if (inserts > 0) parts.add(inserts + " INSERT statement" + (inserts == 1 ? "" : "s"));
        if (setvals > 0) parts.add(setvals + " sequence value" + (setvals == 1 ? "" : "s") + " (setval)");
        return file + ":" + firstData.line() + ": skipped the table data: " + String.join(", ", parts)
                + "; the schema model holds no data";
    }

    /** COPY, INSERT and {@code SELECT pg_catalog.setval(…)}: data, counted; any other SELECT is a session call. */
    private void data(SqlTokens t, Statement s) {
        if (t.isWord(0, "COPY")) copies++;
        else if (t.isWord(0, "INSERT")) inserts++;
        else if (s.text().contains("setval(")) setvals++;
        else {
            if (s.text().contains("set_config('search_path'")) searchPath = null; // pg_dump 10.3+: names are qualified
            return; // SELECT pg_catalog.set_config(…) and the like
        }
        if (firstData == null) firstData = s;
    }

    /** The handler for the longest statement head (up to four words) that has one. */
    private Handler handler(SqlTokens t) {
        for (int words = 4; words >= 1; words--) {
            Handler h = handlers.get(head(t, words));
            if (h != null) return h;
        }
        return null;
    }

    private static String head(SqlTokens t, int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words && i < t.size(); i++) {
            b.append(i == 0 ? "" : " ").append(t.kind(i) == SqlTokens.Kind.WORD ? t.text(i).toUpperCase(Locale.ROOT) : t.text(i));
        }
        return b.toString();
    }

    /** The statement's leading words and names as written, up to its first parenthesis: {@code CREATE TABLE public.t}. */
    private static String describe(SqlTokens t) {
        int end = 0;
        while (end < Math.min(t.size(), 8) && (t.isName(end) || t.isSymbol(end, "."))) end++;
        return Excerpts.words(t.slice(0, end));
    }

    private static boolean isOwnerChange(SqlTokens t) {
        return t.isWord(0, "ALTER") && t.size() > 3 && t.isWord(t.size() - 3, "OWNER", "TO");
    }

    private void warn(Statement s, String message) {
        if (problems != null) problems.add(message);
        else warnings.add(file + ":" + s.line() + ": " + message);
    }

    private QName qname(SqlTokens t, int from, int to) {
        return resolve(t.nameParts(from, to));
    }

    // ---- names relative to an old dump's search_path ----

    /** {@code SET search_path = a, b} (pg_dump 10.2 and older); every other SET changes no modelled fact. */
    private void set(SqlTokens t, Statement s) {
        if (!t.isWord(1, "search_path")) return;
        int i = t.isWord(2, "TO") || t.isSymbol(2, "=") ? 3 : 2;
        List<String> path = new ArrayList<>();
        for (; i < t.size(); i++) {
            if (t.isName(i)) path.add(t.ident(i));
            else if (t.kind(i) == SqlTokens.Kind.STRING) path.add(SqlTokens.stringValue(t.text(i)));
        }
        path.remove("pg_catalog");
        searchPath = path.isEmpty() ? null : path;
    }

    /**
     * A name as the server resolves it: qualified, or the first schema of the search_path that holds an
     * object of that name, or (creation, and names of objects the dump does not declare) the first schema.
     */
    private QName resolve(List<String> parts) {
        if (parts.size() > 1 || searchPath == null) return PgDefinitions.qname(parts);
        String name = parts.get(0);
        for (String s : searchPath) {
            if (declares(s, name)) return QName.of(s, name);
        }
        return QName.of(searchPath.get(0), name);
    }

    private boolean declares(String schemaName, String name) {
        QName q = QName.of(schemaName, name);
        return schema.tables.containsKey(q) || schema.views.containsKey(q) || schema.sequences.containsKey(q)
                || schema.enums.containsKey(q) || otherTypes.contains(q) || schema.routines.stream().anyMatch(r -> r.name().equals(q));
    }

    /** The schema of a bare name of the given kind, by the search_path; null for names the dump does not declare. */
    private String schemaOf(String name, SearchPathNames.Kind kind) {
        if (searchPath == null) return null;
        for (String s : searchPath) {
            QName q = QName.of(s, name);
            boolean found = switch (kind) {
                case TYPE -> schema.enums.containsKey(q) || otherTypes.contains(q);
                case RELATION -> schema.tables.containsKey(q) || schema.views.containsKey(q) || schema.sequences.containsKey(q);
                case ROUTINE -> schema.routines.stream().anyMatch(r -> r.name().equals(q))
                        || schema.extensions.stream().anyMatch(x -> s.equals(x.schema()) && PgExtensionRoutines.provides(x.name(), name));
            };
            if (found) return s;
        }
        return null;
    }

    /** Definition text with its bare names qualified as the server prints them (old dumps only). */
    private String qualified(String text, boolean relations) {
        return searchPath == null ? text : SearchPathNames.qualify(text, this::schemaOf, relations);
    }

    private String qualifiedType(String type) {
        return searchPath == null ? type : SearchPathNames.qualifyType(type, n -> schemaOf(n, SearchPathNames.Kind.TYPE));
    }

    /** A routine's argument list or result with its user types qualified: {@code m mood} → {@code m public.mood}. */
    private String qualifiedArguments(String arguments) {
        if (searchPath == null || arguments == null || arguments.isBlank()) return arguments;
        List<String> out = new ArrayList<>();
        for (String arg : SqlTokens.splitTopLevel(arguments)) {
            SqlTokens a = SqlTokens.of(arg);
            int i = hasMode(a) ? 1 : 0;
            int def = a.find(i, "DEFAULT");
            int end = def < 0 ? a.size() : def;
            i = argumentTypeStart(a, i, end);
            String type = a.slice(i, end);
            String rest = def < 0 ? "" : " DEFAULT " + qualified(a.rest(def + 1), false);
            if (problems != null) type = PgScriptForms.argumentType(type);
            out.add((i > 0 ? a.slice(0, i) + " " : "") + qualifiedType(type) + rest);
        }
        return String.join(", ", out);
    }

    private static final Set<String> ARGUMENT_MODES = Set.of("IN", "OUT", "INOUT", "VARIADIC");

    /** Whether a routine argument starts with its mode ({@code IN}, {@code OUT}, {@code INOUT}, {@code VARIADIC}). */
    private static boolean hasMode(SqlTokens a) {
        return a.size() > 1 && a.kind(0) == SqlTokens.Kind.WORD && ARGUMENT_MODES.contains(a.text(0).toUpperCase(Locale.ROOT));
    }

    /** Words that continue a type of several words ({@code double precision}, {@code character varying}, {@code time with time zone}). */
    private static final Set<String> TYPE_CONTINUATIONS = Set.of("PRECISION", "VARYING", "WITH", "WITHOUT");

    /** Where the type of argument {@code a} starts (from {@code i}, past its mode, up to {@code end}): after its name, if it has one. */
    private static int argumentTypeStart(SqlTokens a, int i, int end) {
        boolean named = end - i >= 2 && !a.isSymbol(i + 1, ".") && !a.isGroup(i + 1) && !a.isSymbol(i + 1, "[")
                && !(a.kind(i + 1) == SqlTokens.Kind.WORD && TYPE_CONTINUATIONS.contains(a.text(i + 1).toUpperCase(Locale.ROOT)));
        return named ? i + 1 : i;
    }

    /**
     * What identifies a routine among its overloads, as the server resolves {@code DROP FUNCTION f(types)} and
     * {@code CREATE OR REPLACE}: the types of its input arguments (of all of them for a procedure), without names,
     * modes and defaults, as the server prints them.
     */
    private List<String> argumentTypes(String arguments, boolean procedure) {
        List<String> out = new ArrayList<>();
        if (arguments == null || arguments.isBlank()) return out;
        for (String arg : SqlTokens.splitTopLevel(arguments)) {
            SqlTokens a = SqlTokens.of(arg);
            if (a.isWord(0, "OUT") && !procedure) continue;
            int i = hasMode(a) ? 1 : 0;
            int def = a.find(i, "DEFAULT");
            for (int k = i; def < 0 && k < a.size(); k++) if (a.isSymbol(k, "=")) def = k; // a int = 5
            int end = def < 0 ? a.size() : def;
            String type = PgScriptForms.argumentType(a.slice(argumentTypeStart(a, i, end), end));
            out.add(qualifiedType(type).toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        }
        return out;
    }

    /** The routines named {@code name} whose argument types are those of {@code arguments} (null: whatever they are). */
    private List<Routine> routinesNamed(QName name, String arguments) {
        List<String> types = arguments == null ? null : argumentTypes(arguments, false);
        List<String> procedureTypes = arguments == null ? null : argumentTypes(arguments, true);
        return schema.routines.stream().filter(r -> r.name().equals(name) && (types == null
                || argumentTypes(r.arguments(), r.kind().equals("procedure"))
                .equals(r.kind().equals("procedure") ? procedureTypes : types))).toList();
    }

    private static int skipIfNotExists(SqlTokens t, int i) {
        return t.isWord(i, "IF", "NOT", "EXISTS") ? i + 3 : i;
    }

    private TableParts table(QName name) {
        TableParts parts = schema.tables.get(name);
        if (parts == null) throw new IllegalArgumentException("unknown table " + name);
        return parts;
    }

    // ---- statements ----

    private void createSchema(SqlTokens t, Statement s) {
        int i = skipIfNotExists(t, 2);
        String name = t.ident(i);
        if (!name.equals("public")) schema.namespaces.add(name);
    }

    /** {@code ALTER SCHEMA s RENAME TO n}: everything in {@code s} moves to {@code n}. Ownership changes nothing modelled. */
    private void alterSchema(SqlTokens t, Statement s) {
        if (isOwnerChange(t)) return;
        String from = t.ident(2);
        if (!t.isWord(3, "RENAME", "TO")) {
            warn(s, "skipped ALTER SCHEMA " + from + " " + clip(t.rest(3)) + ": not part of the schema model");
            return;
        }
        String to = t.ident(5);
        if (!exists("SCHEMA", null, null, from)) throw new IllegalArgumentException("no schema " + from);
        if (exists("SCHEMA", null, null, to)) throw new IllegalArgumentException("schema " + to + " already exists");
        schema.replaceWith(Snapshots.withNamespaceRenamed(schema.build(), from, to));
        if (from.equals("public")) schema.namespaces.add(to); // the model lists every schema but public
        Set<QName> types = new java.util.HashSet<>(otherTypes);
        otherTypes.clear();
        types.forEach(q -> otherTypes.add(q.schema().equals(from) ? QName.of(to, q.name()) : q));
    }

    private void createExtension(SqlTokens t, Statement s) {
        int i = skipIfNotExists(t, 2);
        int at = t.find(i + 1, "SCHEMA");
        if (t.ident(i).equals("plpgsql")) return; // built in since 9.0; pg_dump 10 and older still print it
        if (problems != null) { // a script: the extension may be there already, and goes to the search_path's first schema
            String extension = t.ident(i);
            if (schema.extensions.stream().anyMatch(x -> x.name().equals(extension))) {
                if (i == 2) throw new IllegalArgumentException("extension " + extension + " already exists");
                return;
            }
            if (at < 0 && searchPath != null && !searchPath.isEmpty()) {
                schema.extensions.add(new Extension(extension, searchPath.get(0), null));
                return;
            }
        }
        schema.extensions.add(new Extension(t.ident(i), at < 0 ? null : t.ident(at + 1), null));
    }

    private void createType(SqlTokens t, Statement s) {
        int end = t.nameEnd(2);
        if (!t.isWord(end, "AS", "ENUM")) {
            QName name = qname(t, 2, end);
            if (problems != null && (relationOrTypeExists(name) || !columnsOfType(name).isEmpty())) {
                throw new IllegalArgumentException("type " + name + " already exists");
            }
            otherTypes.add(name);
            if (problems != null) outsideModel = COMPOSITE_TYPES;
            else warn(s, "skipped type " + name + ": only enum types are part of the schema model");
            return;
        }
        List<String> labels = SqlTokens.splitTopLevel(t.inner(end + 2)).stream().map(SqlTokens::stringValue).toList();
        schema.enums.put(qname(t, 2, end), labels);
    }

    /** What a composite or range type's statements change beyond its name, which columns and arguments print. */
    static final String COMPOSITE_TYPES = "composite and range types' attributes (the model holds their names, which columns of them print)";

    /** Words that end a routine's RETURNS type: the clauses that may follow it, in any order. */
    private static final Set<String> ROUTINE_CLAUSES = Set.of("LANGUAGE", "AS", "RETURN", "BEGIN", "SET", "TRANSFORM",
            "WINDOW", "IMMUTABLE", "STABLE", "VOLATILE", "STRICT", "LEAKPROOF", "NOT", "CALLED", "SECURITY", "EXTERNAL",
            "PARALLEL", "COST", "ROWS", "SUPPORT");

    /**
     * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE name(args) [RETURNS t] clauses…}. pg_dump prints the clauses
     * in one order (LANGUAGE, options, SET lines, AS body); a script may write them in any ({@code AS $$…$$
     * LANGUAGE sql STABLE}), with the defaults spelled out.
     */
    private void createRoutine(SqlTokens t, Statement s) {
        boolean orReplace = t.isWord(1, "OR", "REPLACE");
        int at = orReplace ? 4 : 2;
        boolean procedure = t.isWord(at - 1, "PROCEDURE");
        int end = t.nameEnd(at);
        QName name = qname(t, at, end);
        if (!t.isGroup(end)) throw new IllegalArgumentException("no argument list after " + name);
        String arguments = procedure && problems != null ? withInModes(t.inner(end)) : t.inner(end);
        int i = end + 1;
        String returns = null;
        if (!procedure) {
            int from = t.expect(i, "RETURNS");
            i = from;
            while (i < t.size() && !(t.kind(i) == SqlTokens.Kind.WORD && ROUTINE_CLAUSES.contains(t.text(i).toUpperCase(Locale.ROOT)))) i++;
            returns = t.slice(from, i);
        }
        String language = null;
        List<String> attributes = new ArrayList<>();
        String body = null;
        while (i < t.size()) {
            String word = t.text(i).toUpperCase(Locale.ROOT);
            RoutineOption option = routineOption(t, i);
            if (t.isWord(i, "LANGUAGE")) {
                language = t.ident(i + 1);
                i += 2;
            } else if (option != null) {
                if (option.attribute() != null) attributes.add(option.attribute());
                i = option.end();
            } else if (t.isWord(i, "AS") && t.kind(i + 1) == SqlTokens.Kind.DOLLAR) {
                body = dollarBody(t.text(i + 1));
                i += 2;
            } else if (t.isWord(i, "AS") && t.kind(i + 1) == SqlTokens.Kind.STRING && !t.isSymbol(i + 2, ",")
                    && problems != null) {
                body = SqlTokens.stringValue(t.text(i + 1)); // a script's 'quoted' body: the server keeps its value
                i += 2;
            } else if (t.isWord(i, "AS")) {
                body = t.rest(i + 1);
                break;
            } else if (t.isWord(i, "RETURN") || t.isWord(i, "BEGIN")) {
                body = t.rest(i);
                break;
            } else {
                if (!DEFAULT_ROUTINE_OPTIONS.contains(word)) warn(s, "ignored '" + t.text(i) + "' in routine " + name);
                i++;
            }
        }
        if (language == null) throw new IllegalArgumentException("no LANGUAGE clause");
        Routine made = new Routine(name, procedure ? "procedure" : "function",
                qualifiedArguments(arguments), returns == null ? null : qualifiedReturns(returns),
                language, attributes, body, null);
        List<Routine> same = routinesNamed(name, made.arguments());
        if (same.isEmpty()) {
            schema.routines.add(made);
            return;
        }
        // CREATE OR REPLACE of an existing routine (or a dump that repeats one): it takes the old one's place
        Routine old = same.get(0);
        if (problems != null && !orReplace) throw new IllegalArgumentException("routine " + old.signature() + " already exists");
        if (!old.kind().equals(made.kind())) throw new IllegalArgumentException(old.signature() + " is a " + old.kind() + ", not a " + made.kind());
        schema.routines.set(schema.routines.indexOf(old), made);
        moveRoutineComment(old, made);
    }

    /**
     * A procedure's arguments as servers since 14 print them (pg_get_function_arguments), each with its mode:
     * {@code a bigint} is {@code IN a bigint}. Older servers print none.
     */
    private String withInModes(String arguments) {
        String version = schema.serverVersion;
        if (version != null && version.matches("\\d+(\\..*)?") && Integer.parseInt(version.split("\\.")[0]) < 14) return arguments;
        if (arguments.isBlank()) return arguments;
        return SqlTokens.splitTopLevel(arguments).stream().map(String::trim).map(a -> hasMode(SqlTokens.of(a)) ? a : "IN " + a)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * One option of a routine at {@code i}: what it is about ({@code volatility}, {@code SET search_path}, …), the
     * attribute it sets as pg_dump prints it (null: the default, which the model leaves out), and where it ends.
     */
    private record RoutineOption(String about, String attribute, int end) {
    }

    /** The routine option at {@code i} (in CREATE or ALTER FUNCTION), or null when there is none. */
    private static RoutineOption routineOption(SqlTokens t, int i) {
        if (t.kind(i) != SqlTokens.Kind.WORD) return null;
        String word = t.text(i).toUpperCase(Locale.ROOT);
        if (word.equals("EXTERNAL") && t.isWord(i + 1, "SECURITY")) return routineOption(t, i + 1); // EXTERNAL is noise
        if (word.equals("IMMUTABLE") || word.equals("STABLE") || word.equals("VOLATILE")) {
            return new RoutineOption("volatility", word.equals("VOLATILE") ? null : word, i + 1);
        }
        if (word.equals("STRICT")) return new RoutineOption("STRICT", word, i + 1);
        if (t.isWord(i, "RETURNS", "NULL", "ON", "NULL", "INPUT")) return new RoutineOption("STRICT", "STRICT", i + 5);
        if (t.isWord(i, "CALLED", "ON", "NULL", "INPUT")) return new RoutineOption("STRICT", null, i + 4);
        if (t.isWord(i, "NOT", "LEAKPROOF")) return new RoutineOption("LEAKPROOF", null, i + 2);
        if (ROUTINE_FLAGS.contains(word)) return new RoutineOption(word, word, i + 1);
        if (ROUTINE_OPTIONS.contains(word)) {
            String value = t.text(i + 1);
            String option = word + " " + (word.equals("PARALLEL") || word.equals("SECURITY") ? value.toUpperCase(Locale.ROOT) : value);
            return new RoutineOption(word, DEFAULT_ROUTINE_OPTIONS.contains(option) ? null : option, i + 2);
        }
        if (word.equals("RESET")) {
            return new RoutineOption(t.isWord(i + 1, "ALL") ? "SET" : "SET " + t.dottedName(i + 1, t.nameEnd(i + 1)), null, t.nameEnd(i + 1));
        }
        if (!word.equals("SET") || !t.isName(i + 1)) return null;
        // SET name {TO | =} value, … as pg_dump prints it (SET search_path TO 'public', 'pg_temp'); FROM CURRENT as written
        int k = t.nameEnd(i + 1);
        String setting = t.dottedName(i + 1, k);
        if (t.isWord(k, "FROM", "CURRENT")) return new RoutineOption("SET " + setting, t.slice(i, k + 2), k + 2);
        if (!t.isWord(k, "TO") && !t.isSymbol(k, "=")) return null;
        List<String> values = new ArrayList<>();
        for (k++; k < t.size(); k++) {
            values.add(PgRoutineAttributes.literal(t.kind(k) == SqlTokens.Kind.STRING ? SqlTokens.stringValue(t.text(k))
                    : t.isName(k) ? t.ident(k) : t.text(k)));
            if (!t.isSymbol(k + 1, ",")) break;
            k++;
        }
        return new RoutineOption("SET " + setting, "SET " + Identifiers.quoteIdent(setting) + " TO " + String.join(", ", values), k + 1);
    }

    /** {@code ALTER FUNCTION f action …}: each option replaces the routine's option about the same thing. */
    private void alterRoutineOptions(Routine old, SqlTokens t, int i) {
        List<String> attributes = new ArrayList<>(old.attributes());
        while (i < t.size() && !t.isWord(i, "RESTRICT")) {
            RoutineOption option = routineOption(t, i);
            if (option == null) throw new IllegalArgumentException("unexpected '" + clip(t.rest(i)) + "' in ALTER of " + old.signature());
            attributes.removeIf(a -> about(a).equals(option.about()) || option.about().equals("SET") && a.startsWith("SET "));
            if (option.attribute() != null) attributes.add(option.attribute());
            i = option.end();
        }
        schema.routines.set(schema.routines.indexOf(old), new Routine(old.name(), old.kind(), old.arguments(), old.returns(),
                old.language(), attributes, old.body(), old.comment()));
    }

    /** What a routine attribute is about, as {@link RoutineOption#about} names it. */
    private static String about(String attribute) {
        SqlTokens a = SqlTokens.of(attribute);
        RoutineOption o = routineOption(a, 0);
        return o == null ? attribute : o.about();
    }

    /** A routine's comment stays with it when its identity text changes (argument names, a new name). */
    private void moveRoutineComment(Routine old, Routine made) {
        CommentKey from = new CommentKey("ROUTINE", old.name(), DumpSchema.identityArguments(old.arguments(), old.kind().equals("procedure")));
        CommentKey to = new CommentKey("ROUTINE", made.name(), DumpSchema.identityArguments(made.arguments(), made.kind().equals("procedure")));
        if (from.equals(to)) return;
        String comment = schema.comments.remove(from);
        if (comment != null) schema.comments.put(to, comment);
    }

    /**
     * {@code ALTER FUNCTION|PROCEDURE|ROUTINE name[(types)] RENAME TO n | SET SCHEMA s | action …} (actions: the options
     * of CREATE FUNCTION, and RESET). DEPENDS ON EXTENSION is not replayed. Ownership changes nothing modelled.
     */
    private void alterRoutine(SqlTokens t, Statement s) {
        if (isOwnerChange(t)) return;
        int end = t.nameEnd(2);
        QName name = qname(t, 2, end);
        int i = t.isGroup(end) ? end + 1 : end;
        List<Routine> named = routinesNamed(name, t.isGroup(end) ? t.inner(end) : null);
        if (named.size() != 1) {
            if (problems == null) return; // a dump alters only what it created
            throw new IllegalArgumentException(named.isEmpty() ? "no routine " + name + (t.isGroup(end) ? "(" + t.inner(end) + ")" : "")
                    : "routine " + name + " is not unique: name its argument types");
        }
        Routine old = named.get(0);
        QName moved;
        if (t.isWord(i, "RENAME", "TO")) moved = QName.of(name.schema(), t.ident(i + 2));
        else if (t.isWord(i, "SET", "SCHEMA")) moved = QName.of(t.ident(i + 2), name.name());
        else {
            alterRoutineOptions(old, t, i);
            return;
        }
        if (!routinesNamed(moved, old.arguments()).isEmpty()) throw new IllegalArgumentException("routine " + moved + "(" + old.arguments() + ") already exists");
        Routine made = new Routine(moved, old.kind(), old.arguments(), old.returns(), old.language(), old.attributes(), old.body(), old.comment());
        schema.routines.set(schema.routines.indexOf(old), made);
        moveRoutineComment(old, made);
    }

    /** {@code RETURNS mood}, {@code RETURNS SETOF mood}, {@code RETURNS TABLE(a mood)}: user types qualified. */
    private String qualifiedReturns(String returns) {
        if (searchPath == null) return returns;
        SqlTokens r = SqlTokens.of(returns);
        if (r.isWord(0, "TABLE") && r.isGroup(1)) return "TABLE(" + qualifiedArguments(r.inner(1)) + ")";
        if (r.isWord(0, "SETOF")) return "SETOF " + qualifiedType(r.rest(1));
        return qualifiedType(returns);
    }

    private static String dollarBody(String quoted) {
        int open = quoted.indexOf('$', 1) + 1;
        return quoted.substring(open, quoted.length() - open);
    }

    private void createTable(SqlTokens t, Statement s) {
        boolean unlogged = t.isWord(1, "UNLOGGED");
        int at = t.expect(unlogged ? 2 : 1, "TABLE");
        int i = skipIfNotExists(t, at);
        int end = t.nameEnd(i);
        QName name = qname(t, i, end);
        if (problems != null && schema.tables.containsKey(name)) {
            if (i == at) throw new IllegalArgumentException("table " + name + " already exists");
            return; // IF NOT EXISTS
        }
        TableParts table = new TableParts(name);
        table.unlogged = unlogged;
        boolean partition = t.isWord(end, "PARTITION", "OF");
        int list = partition ? partitionOf(t, end, table) : end;
        if (!t.isGroup(list) && !partition) {
            throw new IllegalArgumentException("expected the column list of " + name + " at '" + clip(t.rest(list)) + "'");
        }
        List<String> notNull = new ArrayList<>();
        List<String> unnamed = new ArrayList<>();
        List<Inline> inline = new ArrayList<>();
        for (String element : t.isGroup(list) ? SqlTokens.splitTopLevel(t.inner(list)) : List.<String>of()) {
            SqlTokens e = SqlTokens.of(element);
            if (e.isWord(0, "CONSTRAINT") && e.isWord(2, "NOT", "NULL")) {
                // PostgreSQL 18's table-level form (DBeaver and pg_get_constraintdef print it): CONSTRAINT n NOT NULL col
                notNull.add(e.ident(4)); // [NO INHERIT] may follow
            } else if (e.isWord(0, "CONSTRAINT")) {
                add(table, PgDefinitions.parseConstraint(e.ident(1), qualified(e.rest(2), false), this::resolve));
            } else if (isUnnamedTableConstraint(e)) {
                unnamed.add(element); // named once the columns are known (a CHECK is named after one)
            } else {
                table.columns.add(serialIfSo(table, e, column(e, table.columns.size() + 1, inline)));
            }
        }
        for (String column : notNull) table.replace(table.column(column).withNullable(false));
        for (String element : unnamed) addUnnamed(table, element);
        for (Inline c : inline) addInline(table, c);
        for (i = end; i < t.size(); i++) {
            if (t.isWord(i, "PARTITION", "BY")) {
                int with = t.find(i + 2, "WITH");
                table.partitionBy = with < 0 ? t.rest(i + 2) : t.slice(i + 2, with);
            } else if (t.isWord(i, "INHERITS") && t.isGroup(i + 1)) {
                inherit(table, t.inner(i + 1));
            } else if (t.isWord(i, "WITH") && t.isGroup(i + 1) && !t.isWord(i - 1, "VALUES")) {
                table.pg.setOptions(options(t.inner(i + 1)));
            }
        }
        schema.tables.put(name, table);
    }

    /**
     * {@code INHERITS (p, q)}: as on restore, the child gets the parents' columns as they are now (with their
     * defaults, NOT NULL, collation and storage; not their statistics targets, identity or comments), first
     * and in the parents' order; a column of the child's own list with a parent column's name is merged into
     * it (it keeps its place, is local, and is NOT NULL if either says so); its other columns follow.
     */
    private void inherit(TableParts table, String parentList) {
        Map<String, Column> merged = new LinkedHashMap<>();
        for (String p : SqlTokens.splitTopLevel(parentList)) {
            SqlTokens pt = SqlTokens.of(p);
            TableParts parent = table(PgDefinitions.qname(pt.nameParts(0, pt.nameEnd(0))));
            table.pg.inherits.add(parent.name);
            for (Column c : parent.columns) {
                merged.putIfAbsent(c.name(), new Column(c.name(), 0, c.type(), c.nullable(), c.defaultExpr(), null,
                        c.generatedExpr(), c.collation(), null).withStorage(null, c.storage(), c.compression())
                        .withInherited(true));
            }
        }
        List<Column> own = new ArrayList<>();
        for (Column c : table.columns) {
            Column inherited = merged.get(c.name());
            if (inherited == null) own.add(c);
            else merged.put(c.name(), c.withNullable(c.nullable() && inherited.nullable()));
        }
        List<Column> all = new ArrayList<>(merged.values());
        all.addAll(own);
        table.columns.clear();
        for (int k = 0; k < all.size(); k++) table.columns.add(all.get(k).withPosition(k + 1));
    }

    /** {@code fillfactor='70', toast.autovacuum_enabled='false'} as the catalog holds them: {@code fillfactor=70}. */
    private static List<String> options(String list) {
        List<String> out = new ArrayList<>();
        for (String o : SqlTokens.splitTopLevel(list)) {
            int eq = o.indexOf('=');
            SqlTokens name = SqlTokens.of(eq < 0 ? o : o.substring(0, eq));
            if (name.size() == 0 || name.nameEnd(0) != name.size()) {
                throw new IllegalArgumentException("unexpected storage parameter '" + o + "'");
            }
            String key = name.dottedName(0, name.size());
            if (eq < 0) {
                out.add(key + "=true");
                continue;
            }
            String value = o.substring(eq + 1).trim();
            out.add(key + "=" + (value.startsWith("'") ? SqlTokens.stringValue(value) : value));
        }
        return out;
    }

    /**
     * {@code CREATE TABLE c PARTITION OF p [(constraints)] FOR VALUES …} as pg_dump before 15 wrote it: the
     * columns are the parent's. Returns the index after the parent's name, where a constraint list may be.
     */
    private int partitionOf(SqlTokens t, int at, TableParts table) {
        int end = t.nameEnd(at + 2);
        TableParts parent = table(qname(t, at + 2, end));
        table.columns.addAll(parent.columns);
        table.partitionOf = parent.name;
        int bound = t.isGroup(end) ? end + 1 : end;
        int by = t.find(bound, "PARTITION", "BY");
        table.partitionBound = by < 0 ? t.rest(bound) : t.slice(bound, by);
        return end;
    }

    /** {@code name type [COLLATE c] [DEFAULT e | GENERATED ALWAYS AS (e) STORED] [NOT NULL]}, in any order. */
    private Column column(SqlTokens e, int position, List<Inline> inline) {
        String name = e.ident(0);
        int i = 1;
        while (i < e.size() && !(e.kind(i) == SqlTokens.Kind.WORD && COLUMN_CLAUSES.contains(e.text(i).toUpperCase(Locale.ROOT)))) {
            i++;
        }
        if (i == 1) throw new IllegalArgumentException("column " + name + " has no type");
        DataType type = PgTypes.parse(qualifiedType(e.slice(1, i)));
        boolean nullable = true;
        String defaultExpr = null;
        String generated = null;
        Column.Identity identity = null;
        String collation = null;
        while (i < e.size()) {
            if (e.isWord(i, "COLLATE")) {
                int end = e.nameEnd(i + 1);
                collation = e.dottedName(i + 1, end);
                i = end;
            } else if (e.isWord(i, "DEFAULT")) {
                int end = i + 1;
                while (end < e.size() && !startsColumnClause(e, end)) end++;
                defaultExpr = defaultOf(e.slice(i + 1, end), type);
                i = end;
            } else if (e.isWord(i, "NOT", "NULL")) {
                nullable = false;
                i += 2;
                if (e.isWord(i, "NO", "INHERIT")) i += 2;
            } else if (e.isWord(i, "CONSTRAINT") && e.isWord(i + 2, "NOT", "NULL")) {
                // pg_dump 18 names a NOT NULL constraint whose name is not the default: the name is not modelled
                nullable = false;
                i += 4;
                if (e.isWord(i, "NO", "INHERIT")) i += 2;
            } else if (e.isWord(i, "NULL")) {
                i++;
            } else if (startsInlineConstraint(e, i)) {
                String constraintName = e.isWord(i, "CONSTRAINT") ? e.ident(i + 1) : null;
                int from = constraintName == null ? i : i + 2;
                int end = from + 1;
                while (end < e.size() && !startsColumnClause(e, end) && !e.isWord(end, "DEFAULT") && !e.isWord(end, "NULL")) end++;
                inline.add(new Inline(name, constraintName, e.slice(from, end)));
                i = end;
            } else if (e.isWord(i, "GENERATED", "ALWAYS", "AS") && e.isGroup(i + 3) && e.isWord(i + 4, "STORED")) {
                generated = PgExpressions.sameRendering(qualified(e.inner(i + 3).trim(), false));
                i += 5;
            } else if (e.isWord(i, "GENERATED") && e.find(i, "IDENTITY") > 0) {
                identity = e.isWord(i + 1, "ALWAYS") ? Column.Identity.ALWAYS : Column.Identity.BY_DEFAULT;
                i = e.find(i, "IDENTITY") + 1;
                if (e.isGroup(i)) i++;
            } else {
                throw new IllegalArgumentException("unexpected '" + clip(e.rest(i)) + "' in column " + name);
            }
        }
        return new Column(name, position, type, nullable, defaultExpr, identity, generated, collation, null);
    }

    /** A column default, normalized; a script's as the server prints it (a dump's are printed so already). */
    private String defaultOf(String expr, DataType type) {
        if (problems == null) return PgExpressions.normalizeDefault(qualified(expr, false), type);
        String printed = PgScriptForms.asServerPrints(qualified(PgScriptForms.regclassArguments(expr), false), type);
        return PgExpressions.normalizeDefault(printed, type);
    }

    private static boolean startsColumnClause(SqlTokens e, int i) {
        return e.isWord(i, "NOT", "NULL") && !e.isWord(i - 1, "IS") || e.isWord(i, "GENERATED")
                || e.isWord(i, "COLLATE") || e.isWord(i, "CONSTRAINT") || startsInlineConstraint(e, i);
    }

    private static final Set<String> SERIALS = Set.of("serial", "serial4", "bigserial", "serial8", "smallserial", "serial2");

    /**
     * A column a script declares {@code serial} (pg_dump never does: it prints what serial stands for): NOT NULL,
     * its default the next value of a new sequence {@code table_column_seq} of the column's type, owned by it.
     */
    private Column serialIfSo(TableParts table, SqlTokens e, Column c) {
        if (problems == null || e.size() < 2 || !SERIALS.contains(e.text(1).toLowerCase(Locale.ROOT))) return c;
        QName sequence = QName.of(table.name.schema(), PgNames.choose(table.name.name(), c.name(), "seq", namesTaken(table.name.schema())));
        schema.sequences.put(sequence, new Sequence(sequence, c.type().name(), 1, 1, null, null, 1, false,
                table.name.schema() + "." + table.name.name() + "." + c.name(), null));
        return c.withNullable(false).withDefault("nextval('" + qualifiedName(sequence) + "'::regclass)");
    }

    /** {@code schema.name} as the server prints a relation name inside a regclass literal. */
    private static String qualifiedName(QName name) {
        return io.schemaplan.sql.Identifiers.quoteIdent(name.schema()) + "." + io.schemaplan.sql.Identifiers.quoteIdent(name.name());
    }

    /** A column's own constraint, as a migration script writes it ({@code id uuid PRIMARY KEY}); pg_dump never does. */
    private static boolean startsInlineConstraint(SqlTokens e, int i) {
        int k = e.isWord(i, "CONSTRAINT") ? i + 2 : i;
        return e.isWord(k, "PRIMARY", "KEY") || e.isWord(k, "UNIQUE") || e.isWord(k, "REFERENCES")
                || e.isWord(k, "CHECK") && e.isGroup(k + 1);
    }

    /** A column's own constraint: the column, the name given (or null) and the clause ({@code REFERENCES t (id) ON DELETE CASCADE}). */
    private record Inline(String column, String name, String clause) {
    }

    /** A table constraint without a name: {@code PRIMARY KEY (…)}, {@code UNIQUE (…)}, {@code CHECK (…)}, {@code FOREIGN KEY}, {@code EXCLUDE}. */
    private static boolean isUnnamedTableConstraint(SqlTokens e) {
        return e.isWord(0, "PRIMARY", "KEY") || e.isWord(0, "UNIQUE") && (e.isGroup(1) || e.isWord(1, "NULLS"))
                || e.isWord(0, "CHECK") && e.isGroup(1) || e.isWord(0, "FOREIGN", "KEY") || e.isWord(0, "EXCLUDE");
    }

    /** A column constraint as the table constraint it is, named as PostgreSQL names it when the script does not. */
    private void addInline(TableParts table, Inline c) {
        SqlTokens k = SqlTokens.of(c.clause());
        String column = io.schemaplan.sql.Identifiers.quoteIdent(c.column());
        String definition;
        String label;
        if (k.isWord(0, "PRIMARY", "KEY")) {
            definition = "PRIMARY KEY (" + column + ")" + (k.size() > 2 ? " " + k.rest(2) : "");
            label = "pkey";
        } else if (k.isWord(0, "UNIQUE")) {
            definition = "UNIQUE (" + column + ")" + (k.size() > 1 ? " " + k.rest(1) : "");
            label = "key";
        } else if (k.isWord(0, "REFERENCES")) {
            definition = "FOREIGN KEY (" + column + ") " + c.clause();
            label = "fkey";
        } else {
            definition = c.clause();
            label = "check";
        }
        String name = c.name() != null ? c.name()
                : PgNames.choose(table.name.name(), label.equals("pkey") ? null : c.column(), label, namesTaken(table.name.schema()));
        addConstraint(table, name, definition);
    }

    /** A table constraint without a name, named as PostgreSQL names it. */
    private void addUnnamed(TableParts table, String definition) {
        SqlTokens e = SqlTokens.of(definition);
        String name2;
        String label;
        if (e.isWord(0, "PRIMARY", "KEY")) {
            name2 = null;
            label = "pkey";
        } else if (e.isWord(0, "CHECK")) {
            name2 = PgNames.firstColumn(e.inner(1), table.columns.stream().map(Column::name).toList());
            label = "check";
        } else if (e.isWord(0, "EXCLUDE")) {
            name2 = null;
            label = "excl";
        } else {
            int group = 0;
            while (group < e.size() && !e.isGroup(group)) group++;
            name2 = PgNames.columnsPart(SqlTokens.identList(e.inner(group)));
            label = e.isWord(0, "UNIQUE") ? "key" : "fkey";
        }
        addConstraint(table, PgNames.choose(table.name.name(), name2, label, namesTaken(table.name.schema())), definition);
    }

    /**
     * Adds a constraint; a foreign key that names no referenced columns references the primary key of its
     * target, as PostgreSQL resolves it (and pg_get_constraintdef prints it).
     */
    private void addConstraint(TableParts table, String name, String definition) {
        ParsedConstraint parsed = PgDefinitions.parseConstraint(name, qualified(definition, false), this::resolve);
        ForeignKey fk = parsed.foreignKey();
        if (fk != null && fk.referencedColumns().isEmpty()) {
            TableParts target = fk.referencedTable().equals(table.name) ? table : table(fk.referencedTable());
            List<String> key = target.constraints.stream().filter(k -> k.kind() == Constraint.Kind.PRIMARY_KEY)
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("table " + target.name
                            + " has no primary key for " + name + " to reference")).columns();
            fk = new ForeignKey(fk.name(), fk.columns(), fk.referencedTable(), key, fk.onUpdate(), fk.onDelete(),
                    fk.match(), fk.deferrable(), fk.initiallyDeferred(), fk.validated());
            parsed = new ParsedConstraint(null, fk);
        }
        add(table, parsed);
    }

    /** The names in a schema that a made-up constraint or index name must not take: relations and constraints. */
    private Set<String> namesTaken(String schemaName) {
        Set<String> taken = new java.util.HashSet<>();
        for (TableParts tp : schema.tables.values()) {
            if (!tp.name.schema().equals(schemaName)) continue;
            taken.add(tp.name.name());
            tp.indexes.forEach(x -> taken.add(x.name()));
            tp.constraints.forEach(x -> taken.add(x.name()));
            tp.foreignKeys.forEach(x -> taken.add(x.name()));
        }
        schema.sequences.keySet().stream().filter(q -> q.schema().equals(schemaName)).forEach(q -> taken.add(q.name()));
        schema.views.keySet().stream().filter(q -> q.schema().equals(schemaName)).forEach(q -> taken.add(q.name()));
        return taken;
    }

    private void add(TableParts table, ParsedConstraint c) {
        if (c.constraint() != null) table.constraints.add(c.constraint());
        else table.foreignKeys.add(c.foreignKey());
        if (problems != null && c.constraint() != null && c.constraint().kind() == Constraint.Kind.PRIMARY_KEY) {
            // a primary key makes its columns NOT NULL (pg_dump prints them so; a script need not say it)
            for (String column : c.constraint().columns()) table.replace(table.column(column).withNullable(false));
        }
    }

    /**
     * {@code ADD CONSTRAINT c UNIQUE|PRIMARY KEY USING INDEX i [DEFERRABLE …]} (the safe way to add a key: the index is
     * built CONCURRENTLY first): the index becomes the constraint's, renamed to it, as the server does; it must be a
     * unique btree index on plain columns in default order, or the server refuses.
     */
    private void addConstraintUsingIndex(TableParts table, String constraint, SqlTokens t, int kindAt) {
        int using = t.find(kindAt, "USING");
        String indexName = t.ident(using + 2);
        Index index = table.indexes.stream().filter(x -> x.name().equals(indexName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("table " + table.name + " has no index " + indexName));
        boolean plain = index.unique() && "btree".equals(index.method()) && index.predicate() == null && index.keys().stream()
                .allMatch(k -> !k.expression() && !k.descending() && k.nulls() == null && k.opclass() == null && k.collation() == null);
        if (!plain) throw new IllegalArgumentException("index " + indexName + " cannot back a constraint: not a plain unique btree index");
        if (!constraint.equals(indexName) && (indexOwner(QName.of(table.name.schema(), constraint)) != null
                || constraintIndexOwner(QName.of(table.name.schema(), constraint)) != null || relationOrTypeExists(QName.of(table.name.schema(), constraint)))) {
            throw new IllegalArgumentException("relation " + constraint + " already exists");
        }
        String kind = t.isWord(kindAt, "PRIMARY", "KEY") ? "PRIMARY KEY" : "UNIQUE" + (index.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "");
        String columns = String.join(", ", index.keys().stream().map(k -> Identifiers.quoteIdent(k.text())).toList());
        String include = index.include().isEmpty() ? "" : " INCLUDE (" + String.join(", ", index.include().stream().map(Identifiers::quoteIdent).toList()) + ")";
        String tail = using + 3 < t.size() ? " " + t.slice(using + 3, t.size()) : "";
        table.indexes.remove(index);
        add(table, PgDefinitions.parseConstraint(constraint, kind + " (" + columns + ")" + include + tail, this::resolve));
    }

    /** An UNLOGGED sequence (PG >= 15) is modelled as a sequence: its persistence is not compared. */
    private void createSequence(SqlTokens t, Statement s) {
        int i = skipIfNotExists(t, t.isWord(1, "UNLOGGED") ? 3 : 2);
        int end = t.nameEnd(i);
        QName name = qname(t, i, end);
        String dataType = "bigint";
        long start = 1;
        long increment = 1;
        Long min = null;
        Long max = null;
        long cache = 1;
        boolean cycle = false;
        int owned = problems == null ? -1 : t.find(end, "OWNED"); // a script's CREATE SEQUENCE … OWNED BY t.c
        List<String> w = optionWords(owned < 0 ? t : SqlTokens.of(t.slice(0, owned)), end);
        for (int k = 0; k < w.size(); k++) {
            switch (w.get(k)) {
                case "AS" -> dataType = PgTypes.parse(value(w, ++k, name)).name();
                case "START" -> start = Long.parseLong(value(w, ++k, name));
                case "INCREMENT" -> increment = Long.parseLong(value(w, ++k, name));
                case "MINVALUE" -> min = Long.valueOf(value(w, ++k, name));
                case "MAXVALUE" -> max = Long.valueOf(value(w, ++k, name));
                case "CACHE" -> cache = Long.parseLong(value(w, ++k, name));
                case "CYCLE" -> cycle = true;
                case "NO" -> k++; // NO MINVALUE / NO MAXVALUE / NO CYCLE: the defaults
                default -> throw new IllegalArgumentException("unexpected '" + w.get(k) + "' in sequence " + name);
            }
        }
        // pg_dump 8.x printed the bounds even at their defaults (MAXVALUE 9223372036854775807 MINVALUE 1); newer
        // versions print NO MINVALUE / NO MAXVALUE for them, and the catalog reader reads them as absent
        var defaults = PostgresCatalogReader.SequenceDefaults.of(dataType, increment);
        if (min != null && min == defaults.min()) min = null;
        if (max != null && max == defaults.max()) max = null;
        schema.sequences.put(name, new Sequence(name, dataType, start, increment, min, max, cache, cycle, null, null));
        if (owned >= 0 && !t.isWord(owned + 2, "NONE")) {
            List<String> owner = t.nameParts(owned + 2, t.nameEnd(owned + 2));
            QName table = resolve(owner.subList(0, owner.size() - 1));
            table(table).column(owner.get(owner.size() - 1));
            schema.ownSequence(name, table.schema() + "." + table.name() + "." + owner.get(owner.size() - 1));
        }
    }

    /** The value of the option before {@code k}; a statement cut after the option's name is the input's fault. */
    private static String value(List<String> words, int k, QName sequence) {
        if (k >= words.size()) throw new IllegalArgumentException(words.get(k - 1) + " without a value in sequence " + sequence);
        return words.get(k);
    }

    /** The words from {@code i} on, upper-cased, without the noise words WITH and BY, a minus sign joined to its number. */
    private static List<String> optionWords(SqlTokens t, int i) {
        List<String> words = new ArrayList<>();
        for (; i < t.size(); i++) {
            String w = t.text(i).toUpperCase(Locale.ROOT);
            if (t.isSymbol(i, "-")) words.add("-" + t.text(++i));
            else if (!w.equals("WITH") && !w.equals("BY")) words.add(w);
        }
        return words;
    }

    private void alterSequence(SqlTokens t, Statement s) {
        int i = 2;
        boolean ifExists = t.isWord(i, "IF", "EXISTS");
        if (ifExists) i += 2;
        int end = t.nameEnd(i);
        QName name = qname(t, i, end);
        if (ifExists && problems != null && !schema.sequences.containsKey(name)) return;
        if (t.isWord(end, "SET", "SCHEMA")) {
            Sequence sequence = schema.sequences.get(name);
            if (sequence == null) throw new IllegalArgumentException("no sequence " + name);
            if (sequence.ownedBy() != null) {
                throw new IllegalArgumentException("cannot move an owned sequence into another schema: " + name + " belongs to " + sequence.ownedBy());
            }
            moveObjects(Map.of(name, movedTo(name, QName.of(t.ident(end + 2), name.name()))));
        } else if (t.isWord(end, "RENAME", "TO")) {
            if (!schema.sequences.containsKey(name)) throw new IllegalArgumentException("no sequence " + name);
            moveObjects(Map.of(name, movedTo(name, QName.of(name.schema(), t.ident(end + 2)))));
        } else if (problems != null && !schema.sequences.containsKey(name)) {
            throw new IllegalArgumentException("no sequence " + name);
        } else {
            int owned = t.find(end, "OWNED");
            if (owned != end && problems != null) alterSequenceOptions(name, t, end, owned < 0 ? t.size() : owned);
            else if (owned != end) warn(s, "skipped ALTER SEQUENCE " + name + " " + clip(t.rest(end)));
            if (owned >= 0 && t.isWord(owned + 2, "NONE")) {
                schema.ownSequence(name, null);
            } else if (owned >= 0) {
                List<String> owner = t.nameParts(owned + 2, t.nameEnd(owned + 2));
                QName table = resolve(owner.subList(0, owner.size() - 1));
                schema.ownSequence(name, table.schema() + "." + table.name() + "." + owner.get(owner.size() - 1));
            }
        }
    }

    /**
     * {@code ALTER SEQUENCE s [AS type] [INCREMENT n] [[NO] MINVALUE|MAXVALUE] [START n] [RESTART [n]] [CACHE n] [[NO]
     * CYCLE]} (tokens {@code from} to {@code to}) as the server's {@code init_params} applies it: a bound left out keeps its
     * value, except that a bound at the old type's limit moves to the new type's when AS changes; {@code NO} bound is the
     * default for the new type and increment. RESTART changes the current value only, which the model does not hold.
     */
    private void alterSequenceOptions(QName name, SqlTokens t, int from, int to) {
        Sequence q = schema.sequences.get(name);
        var before = PostgresCatalogReader.SequenceDefaults.of(q.dataType(), q.increment());
        String type = q.dataType();
        long start = q.start();
        long increment = q.increment();
        long min = q.minValue() != null ? q.minValue() : before.min();
        long max = q.maxValue() != null ? q.maxValue() : before.max();
        long cache = q.cache();
        boolean cycle = q.cycle();
        Boolean defaultMin = null;
        Boolean defaultMax = null;
        List<String> w = optionWords(SqlTokens.of(t.slice(from, to)), 0);
        for (int k = 0; k < w.size(); k++) {
            switch (w.get(k)) {
                case "AS" -> type = PgTypes.parse(value(w, ++k, name)).name();
                case "START" -> start = Long.parseLong(value(w, ++k, name));
                case "INCREMENT" -> increment = Long.parseLong(value(w, ++k, name));
                case "MINVALUE" -> { min = Long.parseLong(value(w, ++k, name)); defaultMin = false; }
                case "MAXVALUE" -> { max = Long.parseLong(value(w, ++k, name)); defaultMax = false; }
                case "CACHE" -> cache = Long.parseLong(value(w, ++k, name));
                case "CYCLE" -> cycle = true;
                case "RESTART" -> { if (k + 1 < w.size() && w.get(k + 1).matches("-?\\d+")) k++; }
                case "NO" -> {
                    String what = value(w, ++k, name);
                    if (what.equals("MINVALUE")) defaultMin = true;
                    else if (what.equals("MAXVALUE")) defaultMax = true;
                    else if (what.equals("CYCLE")) cycle = false;
                    else throw new IllegalArgumentException("unexpected 'NO " + what + "' in sequence " + name);
                }
                default -> throw new IllegalArgumentException("unexpected '" + w.get(k) + "' in sequence " + name);
            }
        }
        var after = PostgresCatalogReader.SequenceDefaults.of(type, increment);
        boolean retyped = !type.equals(q.dataType());
        if (defaultMin == null && retyped && min == PostgresCatalogReader.SequenceDefaults.of(q.dataType(), -1).min()) defaultMin = true;
        if (defaultMax == null && retyped && max == PostgresCatalogReader.SequenceDefaults.of(q.dataType(), 1).max()) defaultMax = true;
        if (Boolean.TRUE.equals(defaultMin)) min = after.min();
        if (Boolean.TRUE.equals(defaultMax)) max = after.max();
        var range = new long[] {PostgresCatalogReader.SequenceDefaults.of(type, -1).min(), PostgresCatalogReader.SequenceDefaults.of(type, 1).max()};
        if (increment == 0) throw new IllegalArgumentException("INCREMENT must not be zero in sequence " + name);
        if (min < range[0] || max > range[1]) throw new IllegalArgumentException("a bound of sequence " + name + " is out of range for type " + type);
        if (min >= max) throw new IllegalArgumentException("MINVALUE must be less than MAXVALUE in sequence " + name);
        if (start < min || start > max) throw new IllegalArgumentException("START value out of range in sequence " + name);
        schema.sequences.put(name, new Sequence(name, type, start, increment, min == after.min() ? null : min,
                max == after.max() ? null : max, cache, cycle, q.ownedBy(), q.comment()));
    }

    private void alterTable(SqlTokens t, Statement s) {
        int i = 2;
        boolean ifExists = t.isWord(i, "IF", "EXISTS");
        if (ifExists) i += 2;
        if (t.isWord(i, "ONLY")) i++;
        int end = t.nameEnd(i);
        QName name = qname(t, i, end);
        if (problems != null && !schema.tables.containsKey(name) && (t.isWord(end, "RENAME", "TO") || t.isWord(end, "SET", "SCHEMA"))) {
            // the server takes ALTER TABLE on any relation (Liquibase renames a view so): the view's, sequence's or index's own form
            String kind = schema.views.containsKey(name) ? "VIEW" : schema.sequences.containsKey(name) ? "SEQUENCE"
                    : (indexOwner(name) != null || constraintIndexOwner(name) != null) && t.isWord(end, "RENAME") ? "INDEX" : null;
            if (kind != null) {
                handlers.get("ALTER " + kind).handle(SqlTokens.of("ALTER " + kind + " " + t.slice(i, t.size())), s);
                return;
            }
        }
        if (ifExists && problems != null && !schema.tables.containsKey(name)) return;
        if (hasTopLevelComma(t, end)) { // ALTER TABLE t ADD COLUMN a int, ADD COLUMN b int: one action at a time
            String head = t.slice(0, end);
            for (String action : SqlTokens.splitTopLevel(t.rest(end))) {
                alterTable(SqlTokens.of(head + " " + action), new Statement(head + " " + action, s.line(), s.database()));
            }
            return;
        }
        i = end;
        if (t.isWord(i, "RENAME")) {
            rename(name, t, i + 1);
        } else if (t.isWord(i, "ADD") && !t.isWord(i + 1, "CONSTRAINT")) {
            addToTable(table(name), t, i + 1);
        } else if (t.isWord(i, "DROP") || t.isWord(i, "ALTER") && t.find(i, "DROP") > 0 && !t.isWord(t.find(i, "DROP") - 1, "ON")) {
            alterTableDrop(name, t, i, s);
        } else if (t.isWord(i, "ADD", "CONSTRAINT") && t.isWord(i + 3, "NOT", "NULL")) {
            // pg_dump 18: ADD CONSTRAINT name NOT NULL column [NOT VALID]
            TableParts table = table(name);
            int n = t.size();
            if (t.isWord(n - 2, "NOT", "VALID")) {
                warn(s, "NOT NULL constraint " + t.ident(i + 2) + " on " + name + " is NOT VALID: the column is read as nullable");
            } else {
                table.replace(table.column(t.ident(i + 5)).withNullable(false));
            }
        } else if (t.isWord(i, "ADD", "CONSTRAINT") && problems != null && t.find(i + 3, "USING") > 0
                && t.isWord(t.find(i + 3, "USING") + 1, "INDEX")) {
            addConstraintUsingIndex(table(name), t.ident(i + 2), t, i + 3);
        } else if (t.isWord(i, "ADD", "CONSTRAINT")) {
            add(table(name), PgDefinitions.parseConstraint(t.ident(i + 2), qualified(t.rest(i + 3), false), this::resolve));
        } else if (t.isWord(i, "ALTER")) {
            alterColumn(t, t.isWord(i + 1, "COLUMN") ? i + 2 : i + 1, table(name), s);
        } else if (t.isWord(i, "VALIDATE", "CONSTRAINT")) {
            validateConstraint(table(name), t.ident(i + 2));
        } else if (t.isWord(i, "ENABLE", "ROW", "LEVEL", "SECURITY")) {
            table(name).pg.rowSecurity = true;
        } else if (t.isWord(i, "DISABLE", "ROW", "LEVEL", "SECURITY")) {
            table(name).pg.rowSecurity = false;
        } else if (t.isWord(i, "FORCE", "ROW", "LEVEL", "SECURITY")) {
            table(name).pg.forceRowSecurity = true;
        } else if (t.isWord(i, "NO", "FORCE", "ROW", "LEVEL", "SECURITY")) {
            table(name).pg.forceRowSecurity = false;
        } else if (t.isWord(i, "REPLICA", "IDENTITY")) {
            table(name).pg.replicaIdentity = replicaIdentity(t, i + 2);
        } else if (t.isWord(i, "SET", "LOGGED") || t.isWord(i, "SET", "UNLOGGED")) {
            table(name).unlogged = t.isWord(i + 1, "UNLOGGED");
        } else if (t.isWord(i, "SET", "SCHEMA")) {
            moveTable(table(name), t.ident(i + 2));
        } else if (t.isWord(i, "SET") && t.isGroup(i + 1)) {
            table(name).pg.setOptions(options(t.inner(i + 1)));
        } else if (t.isWord(i, "DETACH", "PARTITION") && problems != null) {
            TableParts child = table(qname(t, i + 2, t.nameEnd(i + 2)));
            if (!name.equals(child.partitionOf)) throw new IllegalArgumentException(child.name + " is not a partition of " + name);
            child.partitionOf = null;
            child.partitionBound = null;
        } else if (t.isWord(i, "RESET") && t.isGroup(i + 1) && problems != null) {
            Set<String> reset = new java.util.HashSet<>(SqlTokens.splitTopLevel(t.inner(i + 1)).stream()
                    .map(o -> o.strip().toLowerCase(Locale.ROOT)).toList());
            TableParts table = table(name);
            List<String> kept = table.pg.options.stream().filter(o -> !reset.contains(o.substring(0, Math.max(0, o.indexOf('='))))).toList();
            table.pg.options.clear();
            table.pg.options.addAll(kept);
        } else if (t.isWord(i, "ATTACH", "PARTITION")) {
            int childEnd = t.nameEnd(i + 2);
            TableParts child = table(qname(t, i + 2, childEnd));
            child.partitionOf = table(name).name;
            child.partitionBound = t.rest(childEnd);
        } else if (!IGNORED_TABLE_ACTIONS.contains(t.text(i).toUpperCase(Locale.ROOT))) {
            skipped(s, "ALTER TABLE … " + t.text(i).toUpperCase(Locale.ROOT),
                    "skipped ALTER TABLE " + name + " " + clip(t.rest(i)) + ": not part of the schema model");
        }
    }

    /**
     * {@code ALTER TABLE t SET SCHEMA s}: the table moves with its indexes, constraints, triggers and the sequences its
     * columns own (serial and identity), and what names them (foreign keys, defaults, views) names the new schema.
     */
    private void moveTable(TableParts table, String to) {
        Map<QName, QName> moves = new LinkedHashMap<>();
        moves.put(table.name, movedTo(table.name, QName.of(to, table.name.name())));
        Set<String> targetIndexes = new java.util.HashSet<>();
        schema.tables.values().stream().filter(p -> p.name.schema().equals(to)).forEach(p -> targetIndexes.addAll(indexNames(p)));
        for (String index : indexNames(table)) { // an index is a relation of its schema too, and moves along
            if (targetIndexes.contains(index) || declares(to, index)) {
                throw new IllegalArgumentException("relation " + index + " already exists in schema " + to);
            }
        }
        String owner = table.name + ".";
        schema.sequences.values().stream().filter(q -> q.ownedBy() != null && q.ownedBy().startsWith(owner))
                .forEach(q -> moves.put(q.name(), movedTo(q.name(), QName.of(to, q.name().name()))));
        moveObjects(moves);
    }

    /** The indexes of a table: its own, and those of its primary key, unique and exclusion constraints. */
    private static List<String> indexNames(TableParts table) {
        List<String> names = new ArrayList<>(table.indexes.stream().map(Index::name).toList());
        table.constraints.stream().filter(c -> c.kind() != Constraint.Kind.CHECK).forEach(c -> names.add(c.name()));
        return names;
    }

    /** {@code to}, once it is free and its schema exists: the place a relation or type is moved or renamed to. */
    private QName movedTo(QName from, QName to) {
        if (!exists("SCHEMA", null, null, to.schema())) throw new IllegalArgumentException("no schema " + to.schema());
        if (relationOrTypeExists(to)) {
            throw new IllegalArgumentException(to + " already exists");
        }
        return to;
    }

    /** Whether a relation or type has the name: they share one namespace (a table's row type is a type); routines have their own. */
    private boolean relationOrTypeExists(QName name) {
        return schema.tables.containsKey(name) || schema.views.containsKey(name) || schema.sequences.containsKey(name)
                || schema.enums.containsKey(name) || otherTypes.contains(name) || schema.domains.containsKey(name);
    }

    /** Moves or renames relations and types: every name and printed definition follows ({@link Snapshots#withObjectsMoved}). */
    private void moveObjects(Map<QName, QName> moves) {
        schema.replaceWith(Snapshots.withObjectsMoved(schema.build(), moves));
        moves.forEach((from, to) -> {
            if (otherTypes.remove(from)) otherTypes.add(to);
        });
    }

    /** {@code ALTER [MATERIALIZED] VIEW v RENAME TO n | SET SCHEMA s}; other forms change nothing modelled or are said. */
    private void alterView(SqlTokens t, Statement s) {
        if (isOwnerChange(t)) return;
        int i = t.find(0, "VIEW") + 1;
        boolean ifExists = t.isWord(i, "IF", "EXISTS");
        if (ifExists) i += 2;
        int end = t.nameEnd(i);
        QName name = qname(t, i, end);
        boolean rename = t.isWord(end, "RENAME", "TO");
        if (!rename && !t.isWord(end, "SET", "SCHEMA")) {
            skipped(s, kindOf(t), "skipped " + describe(t) + ": not part of the schema model");
            return;
        }
        if (!schema.views.containsKey(name)) {
            if (ifExists) return;
            throw new IllegalArgumentException("no view " + name);
        }
        moveObjects(Map.of(name, movedTo(name, rename ? QName.of(name.schema(), t.ident(end + 2)) : QName.of(t.ident(end + 2), name.name()))));
    }

    /**
     * {@code ALTER TYPE t RENAME TO n | SET SCHEMA s | RENAME VALUE 'a' TO 'b' | ADD VALUE …} of an enum or a type the model does not
     * hold (composite, range), whose name columns and arguments print; other forms are said.
     */
    private void alterType(SqlTokens t, Statement s) {
        if (isOwnerChange(t)) return;
        int end = t.nameEnd(2);
        QName name = qname(t, 2, end);
        boolean rename = t.isWord(end, "RENAME", "TO");
        boolean renameValue = t.isWord(end, "RENAME", "VALUE");
        if (t.isWord(end, "ADD", "VALUE")) {
            addEnumLabel(name, t, end + 2);
            return;
        }
        if (t.isWord(end + 1, "ATTRIBUTE") && (t.isWord(end, "ADD") || t.isWord(end, "DROP") || t.isWord(end, "ALTER")
                || t.isWord(end, "RENAME"))) {
            alterAttributes(name, t, end);
            return;
        }
        if (!rename && !renameValue && !t.isWord(end, "SET", "SCHEMA")) {
            skipped(s, kindOf(t), "skipped " + describe(t) + ": not part of the schema model");
            return;
        }
        // a composite type read from a catalog is known only by the columns of its type
        boolean known = schema.enums.containsKey(name) || otherTypes.contains(name) || schema.tables.values().stream()
                .anyMatch(p -> p.columns.stream().anyMatch(c -> c.type().name().equals(name.toString())));
        if (!known) throw new IllegalArgumentException("no type " + name);
        if (renameValue) {
            List<String> labels = schema.enums.get(name);
            if (labels == null) throw new IllegalArgumentException(name + " is not an enum");
            String from = SqlTokens.stringValue(t.text(end + 2));
            String to = SqlTokens.stringValue(t.text(t.expect(end + 3, "TO")));
            if (!labels.contains(from)) throw new IllegalArgumentException(name + " has no label '" + from + "'");
            if (labels.contains(to)) throw new IllegalArgumentException(name + " already has a label '" + to + "'");
            labels.set(labels.indexOf(from), to);
            schema.replaceWith(Snapshots.withEnumLabelRenamed(schema.build(), name, from, to));
            // a default of the column's own type is kept without its cast ('a', not 'a'::t)
            String literal = "'" + from.replace("'", "''") + "'";
            for (TableParts p : schema.tables.values()) {
                p.columns.replaceAll(c -> c.type().name().equals(name.toString()) && literal.equals(c.defaultExpr())
                        ? c.withDefault("'" + to.replace("'", "''") + "'") : c);
            }
            return;
        }
        moveObjects(Map.of(name, movedTo(name, rename ? QName.of(name.schema(), t.ident(end + 2)) : QName.of(t.ident(end + 2), name.name()))));
    }

    /**
     * {@code ALTER TYPE t ADD|DROP|ALTER|RENAME ATTRIBUTE …} of a composite type: the model holds its name only, which a
     * column of it still prints, so nothing changes but what the server refuses is not applied: a type that is no
     * composite, and a change of an attribute's type while a column stores the type.
     */
    private void alterAttributes(QName name, SqlTokens t, int end) {
        if (schema.enums.containsKey(name) || schema.domains.containsKey(name)) {
            throw new IllegalArgumentException(name + " is not a composite type");
        }
        if (!otherTypes.contains(name) && columnsOfType(name).isEmpty()) throw new IllegalArgumentException("no type " + name);
        for (String action : SqlTokens.splitTopLevel(t.rest(end))) {
            SqlTokens a = SqlTokens.of(action);
            if (a.isWord(0, "ALTER", "ATTRIBUTE") && !columnsOfType(name).isEmpty()) {
                throw new IllegalArgumentException("cannot alter type " + name + " because column " + columnsOfType(name).get(0) + " uses it");
            }
            boolean renamed = a.isWord(0, "RENAME", "ATTRIBUTE");
            if (renamed || a.isWord(0, "DROP", "ATTRIBUTE")) {
                String attribute = a.ident(a.isWord(2, "IF", "EXISTS") ? 4 : 2);
                // the server prints a definition that selects the attribute with its new name, and refuses to drop it;
                // the model does not know whose attribute a printed (x).a is, so it does not guess
                if (selectsAttribute(attribute)) {
                    throw new IllegalArgumentException("a printed definition selects a field (x)." + attribute + ": the model does not hold"
                            + " whether it is " + name + "'s, which the server " + (renamed ? "prints by its new name" : "refuses to drop"));
                }
            }
        }
        otherTypes.add(name);
        outsideModel = COMPOSITE_TYPES;
    }

    /** Whether a printed definition of the model selects a field {@code attribute} of a composite value: {@code (x).attribute}. */
    private boolean selectsAttribute(String attribute) {
        String json = Snapshots.toJson(new Loaded("", schema.build(), List.of()));
        String printed = Identifiers.quoteIdent(attribute).replace("\"", "\\\"");
        return java.util.regex.Pattern.compile("\\)\\s*\\.\\s*" + java.util.regex.Pattern.quote(printed) + "(?![\\w$])").matcher(json).find();
    }

    /** The columns whose type is {@code type} ({@code schema.table.column}). */
    private List<String> columnsOfType(QName type) {
        List<String> out = new ArrayList<>();
        for (TableParts p : schema.tables.values()) {
            for (Column c : p.columns) if (c.type().name().equals(type.toString())) out.add(p.name + "." + c.name());
        }
        return out;
    }

    /** {@code ALTER TYPE e ADD VALUE [IF NOT EXISTS] 'x' [BEFORE|AFTER 'y']}: at the end, or beside y. */
    private void addEnumLabel(QName name, SqlTokens t, int i) {
        List<String> labels = schema.enums.get(name);
        if (labels == null) throw new IllegalArgumentException("no enum " + name);
        boolean ifNotExists = t.isWord(i, "IF", "NOT", "EXISTS");
        if (ifNotExists) i += 3;
        String label = SqlTokens.stringValue(t.text(i));
        if (labels.contains(label)) {
            if (ifNotExists) return;
            throw new IllegalArgumentException(name + " already has a label '" + label + "'");
        }
        int at = labels.size();
        if (t.isWord(i + 1, "BEFORE") || t.isWord(i + 1, "AFTER")) {
            String neighbour = SqlTokens.stringValue(t.text(i + 2));
            if (!labels.contains(neighbour)) throw new IllegalArgumentException(name + " has no label '" + neighbour + "'");
            at = labels.indexOf(neighbour) + (t.isWord(i + 1, "AFTER") ? 1 : 0);
        }
        labels.add(at, label);
    }

    /** {@code ALTER TRIGGER t ON tbl RENAME TO n}: the trigger's name and the one its definition prints. */
    private void alterTrigger(SqlTokens t, Statement s) {
        int end = t.nameEnd(t.expect(3, "ON"));
        if (!t.isWord(end, "RENAME", "TO")) { // DEPENDS ON EXTENSION: nothing modelled
            skipped(s, kindOf(t), "skipped " + describe(t) + ": not part of the schema model");
            return;
        }
        TableParts table = table(qname(t, 4, end));
        String from = t.ident(2);
        String to = t.ident(end + 2);
        if (table.triggers.stream().noneMatch(g -> g.name().equals(from))) {
            throw new IllegalArgumentException("table " + table.name + " has no trigger " + from);
        }
        if (table.triggers.stream().anyMatch(g -> g.name().equals(to))) {
            throw new IllegalArgumentException("table " + table.name + " already has a trigger " + to);
        }
        // PostgreSQL 15 renames the clones on the partitions too (the model holds none: pg_dump prints none), and
        // refuses when a partition has a trigger of its own by the new name
        for (TableParts partition : partitionsOf(table.name)) {
            if (partition.triggers.stream().anyMatch(g -> g.name().equals(to))) {
                throw new IllegalArgumentException("partition " + partition.name + " already has a trigger " + to);
            }
        }
        String printedFrom = "TRIGGER " + Identifiers.quoteIdent(from) + " ";
        String printedTo = "TRIGGER " + Identifiers.quoteIdent(to) + " ";
        table.triggers.replaceAll(g -> !g.name().equals(from) ? g : new Trigger(to, g.definition().replaceFirst(
                java.util.regex.Pattern.quote(printedFrom), java.util.regex.Matcher.quoteReplacement(printedTo))));
    }

    /** {@code VALIDATE CONSTRAINT c}: a NOT VALID check or foreign key is validated; one validated already stays so. */
    private static void validateConstraint(TableParts table, String name) {
        boolean found = table.constraints.stream().anyMatch(c -> c.name().equals(name))
                || table.foreignKeys.stream().anyMatch(f -> f.name().equals(name));
        if (!found) throw new IllegalArgumentException("table " + table.name + " has no constraint " + name);
        table.constraints.replaceAll(c -> !c.name().equals(name) ? c : new Constraint(c.name(), c.kind(), c.columns(),
                c.definition(), c.deferrable(), c.initiallyDeferred(), true));
        table.foreignKeys.replaceAll(f -> !f.name().equals(name) ? f : new ForeignKey(f.name(), f.columns(), f.referencedTable(),
                f.referencedColumns(), f.onUpdate(), f.onDelete(), f.match(), f.deferrable(), f.initiallyDeferred(), true));
    }

    /** The partitions of a table, and theirs, all the way down. */
    private List<TableParts> partitionsOf(QName parent) {
        List<TableParts> out = new ArrayList<>();
        for (TableParts p : schema.tables.values()) {
            if (parent.equals(p.partitionOf)) {
                out.add(p);
                out.addAll(partitionsOf(p.name));
            }
        }
        return out;
    }

    private static boolean hasTopLevelComma(SqlTokens t, int from) {
        for (int k = from; k < t.size(); k++) {
            if (t.isSymbol(k, ",")) return true;
        }
        return false;
    }

    /**
     * {@code ADD [COLUMN] [IF NOT EXISTS] name type …} (its own constraints included) or a table constraint
     * without a name ({@code ADD UNIQUE (a, b)}): what migration scripts add, and pg_dump never does.
     */
    private void addToTable(TableParts table, SqlTokens t, int i) {
        SqlTokens rest = SqlTokens.of(t.rest(i));
        if (isUnnamedTableConstraint(rest)) {
            addUnnamed(table, t.rest(i));
            return;
        }
        if (t.isWord(i, "COLUMN")) i++;
        boolean ifNotExists = t.isWord(i, "IF", "NOT", "EXISTS");
        if (ifNotExists) i += 3;
        String columnName = t.ident(i);
        if (table.columns.stream().anyMatch(c -> c.name().equals(columnName))) {
            if (ifNotExists) return;
            throw new IllegalArgumentException("table " + table.name + " already has a column " + columnName);
        }
        List<Inline> inline = new ArrayList<>();
        SqlTokens e = SqlTokens.of(t.rest(i));
        table.columns.add(serialIfSo(table, e, column(e, table.columns.size() + 1, inline)));
        for (Inline c : inline) addInline(table, c);
    }

    /**
     * {@code RENAME TO t2}, {@code RENAME [COLUMN] a TO b}, {@code RENAME CONSTRAINT a TO b}: the name changes
     * everywhere the model holds it (keys, definitions, foreign keys of other tables, comments, sequence owners).
     */
    private void rename(QName name, SqlTokens t, int i) {
        TableParts table = table(name);
        if (t.isWord(i, "TO")) {
            QName renamed = movedTo(table.name, QName.of(name.schema(), t.ident(i + 1)));
            if (namedOnlyByItself(table)) {
                renameTable(table, renamed);
            } else {
                moveObjects(Map.of(table.name, renamed));
            }
        } else if (t.isWord(i, "CONSTRAINT")) {
            String from = t.ident(i + 1);
            String to = t.ident(t.expect(i + 2, "TO"));
            boolean found = table.constraints.stream().anyMatch(c -> c.name().equals(from))
                    || table.foreignKeys.stream().anyMatch(f -> f.name().equals(from));
            if (!found) throw new IllegalArgumentException("table " + name + " has no constraint " + from);
            table.constraints.replaceAll(c -> c.name().equals(from) ? c.renamed(to) : c);
            table.foreignKeys.replaceAll(f -> f.name().equals(from) ? new ForeignKey(to, f.columns(), f.referencedTable(),
                    f.referencedColumns(), f.onUpdate(), f.onDelete(), f.match(), f.deferrable(), f.initiallyDeferred(),
                    f.validated()) : f);
        } else {
            int at = t.isWord(i, "COLUMN") ? i + 1 : i;
            renameColumn(table, table.column(t.ident(at)).name(), t.ident(t.expect(at + 1, "TO")));
        }
    }

    /**
     * Whether only the table itself, the foreign keys to it, its comments and the sequences it owns name it, so that a
     * rename can skip {@link #moveObjects}' walk of the whole model (measured: ~1.5 s and ~60 MB of peak RSS a rename
     * at 10,000 tables). Not when a definition could print its name: a trigger, rule or policy (its own or another
     * table's, whose expression may read it), a view, a routine (a query or an argument of its row type), a table
     * inheriting from it or a partition of it, a column whose type names it.
     */
    private boolean namedOnlyByItself(TableParts table) {
        if (!schema.views.isEmpty() || !schema.routines.isEmpty()) return false;
        for (TableParts other : schema.tables.values()) {
            if (!other.triggers.isEmpty() || !other.pg.rules.isEmpty() || !other.pg.policies.isEmpty()) return false;
            if (table.name.equals(other.partitionOf) || other.pg.inherits.contains(table.name)) return false;
            for (Column c : other.columns) {
                if (c.type().name().contains(table.name.name())) return false;
            }
        }
        return true;
    }

    /** The table under its new name, with what names it: foreign keys to it, its comments, the sequences it owns. */
    private void renameTable(TableParts table, QName renamed) {
        TableParts moved = new TableParts(renamed);
        moved.columns.addAll(table.columns);
        moved.constraints.addAll(table.constraints);
        moved.foreignKeys.addAll(table.foreignKeys);
        moved.indexes.addAll(table.indexes);
        moved.triggers.addAll(table.triggers);
        moved.unlogged = table.unlogged;
        moved.partitionBy = table.partitionBy;
        moved.partitionOf = table.partitionOf;
        moved.partitionBound = table.partitionBound;
        moved.pg.options.addAll(table.pg.options);
        moved.pg.inherits.addAll(table.pg.inherits);
        moved.pg.policies.addAll(table.pg.policies);
        moved.pg.rules.addAll(table.pg.rules);
        moved.pg.replicaIdentity = table.pg.replicaIdentity;
        moved.pg.rowSecurity = table.pg.rowSecurity;
        moved.pg.forceRowSecurity = table.pg.forceRowSecurity;
        // the table keeps its place in the map's order, under its new name
        Map<QName, TableParts> reordered = new LinkedHashMap<>();
        schema.tables.forEach((k, v) -> reordered.put(k.equals(table.name) ? renamed : k, v == table ? moved : v));
        schema.tables.clear();
        schema.tables.putAll(reordered);
        for (TableParts other : schema.tables.values()) {
            other.foreignKeys.replaceAll(f -> !f.referencedTable().equals(table.name) ? f : new ForeignKey(f.name(),
                    f.columns(), renamed, f.referencedColumns(), f.onUpdate(), f.onDelete(), f.match(), f.deferrable(),
                    f.initiallyDeferred(), f.validated()));
        }
        Map<CommentKey, String> comments = new HashMap<>();
        schema.comments.forEach((k, v) -> comments.put(k.object().equals(table.name) && (k.kind().equals("TABLE")
                || k.kind().equals("COLUMN")) ? new CommentKey(k.kind(), renamed, k.detail()) : k, v));
        schema.comments.clear();
        schema.comments.putAll(comments);
        String owner = table.name.schema() + "." + table.name.name() + ".";
        schema.sequences.replaceAll((q, seq) -> seq.ownedBy() == null || !seq.ownedBy().startsWith(owner) ? seq
                : new Sequence(seq.name(), seq.dataType(), seq.start(), seq.increment(), seq.minValue(), seq.maxValue(),
                seq.cache(), seq.cycle(), renamed.schema() + "." + renamed.name() + "." + seq.ownedBy().substring(owner.length()),
                seq.comment()));
    }

    private void renameColumn(TableParts table, String from, String to) {
        if (table.columns.stream().anyMatch(c -> c.name().equals(to))) {
            throw new IllegalArgumentException("table " + table.name + " already has a column " + to);
        }
        table.columns.replaceAll(c -> c.name().equals(from) ? new Column(to, c.position(), c.type(), c.nullable(),
                c.defaultExpr(), c.identity(), c.generatedExpr(), c.collation(), c.comment()).withStorage(c.statistics(),
                c.storage(), c.compression()).withOptions(c.options()).withInherited(c.inherited()) : c);
        table.constraints.replaceAll(c -> new Constraint(c.name(), c.kind(),
                c.columns().stream().map(x -> x.equals(from) ? to : x).toList(),
                PgNames.renameColumn(c.definition(), from, to), c.deferrable(), c.initiallyDeferred(), c.validated()));
        table.indexes.replaceAll(x -> new Index(x.name(), x.unique(), x.method(), x.keys().stream().map(k -> new Index.IndexKey(
                k.expression() ? PgNames.renameColumn(k.text(), from, to) : k.text().equals(from) ? to : k.text(),
                k.expression(), k.collation(), k.opclass(), k.descending(), k.nulls())).toList(),
                x.include().stream().map(c -> c.equals(from) ? to : c).toList(), PgNames.renameColumn(x.predicate(), from, to),
                x.nullsNotDistinct(), x.comment()));
        for (TableParts other : schema.tables.values()) {
            other.foreignKeys.replaceAll(f -> new ForeignKey(f.name(),
                    other == table ? f.columns().stream().map(x -> x.equals(from) ? to : x).toList() : f.columns(),
                    f.referencedTable(), f.referencedTable().equals(table.name)
                    ? f.referencedColumns().stream().map(x -> x.equals(from) ? to : x).toList() : f.referencedColumns(),
                    f.onUpdate(), f.onDelete(), f.match(), f.deferrable(), f.initiallyDeferred(), f.validated()));
        }
        String comment = schema.comments.remove(new CommentKey("COLUMN", table.name, from));
        if (comment != null) schema.comments.put(new CommentKey("COLUMN", table.name, to), comment);
        String owner = table.name.schema() + "." + table.name.name() + "." + from;
        schema.sequences.replaceAll((q, seq) -> !owner.equals(seq.ownedBy()) ? seq : new Sequence(seq.name(),
                seq.dataType(), seq.start(), seq.increment(), seq.minValue(), seq.maxValue(), seq.cache(), seq.cycle(),
                table.name.schema() + "." + table.name.name() + "." + to, seq.comment()));
    }

    /** {@code ALTER INDEX [IF EXISTS] i RENAME TO j}; the other forms (tablespace, partition attachment) change nothing modelled. */
    private void alterIndex(SqlTokens t, Statement s) {
        int i = 2;
        boolean ifExists = t.isWord(i, "IF", "EXISTS");
        if (ifExists) i += 2;
        int end = t.nameEnd(i);
        if (!t.isWord(end, "RENAME", "TO")) return;
        QName name = qname(t, i, end);
        String to = t.ident(end + 2);
        TableParts owner = indexOwner(name);
        TableParts constrained = owner != null || problems == null ? null : constraintIndexOwner(name);
        if (constrained != null) { // the index of a key or exclusion constraint: the server renames the constraint with it
            if (indexOwner(QName.of(name.schema(), to)) != null || constraintIndexOwner(QName.of(name.schema(), to)) != null
                    || relationOrTypeExists(QName.of(name.schema(), to))) {
                throw new IllegalArgumentException("relation " + QName.of(name.schema(), to) + " already exists");
            }
            constrained.constraints.replaceAll(c -> c.name().equals(name.name()) ? c.renamed(to) : c);
            return;
        }
        if (owner == null) {
            if (!ifExists && problems != null) throw new IllegalArgumentException("no index " + name);
            return;
        }
        owner.indexes.replaceAll(x -> x.name().equals(name.name()) ? x.renamed(to) : x);
        String comment = schema.comments.remove(new CommentKey("INDEX", name, null));
        if (comment != null) schema.comments.put(new CommentKey("INDEX", QName.of(name.schema(), to), null), comment);
    }

    /** The table whose primary key, unique or exclusion constraint has the index {@code name}, or null. */
    private TableParts constraintIndexOwner(QName name) {
        return schema.tables.values().stream().filter(tp -> tp.name.schema().equals(name.schema())
                && tp.constraints.stream().anyMatch(c -> c.kind() != Constraint.Kind.CHECK && c.name().equals(name.name())))
                .findFirst().orElse(null);
    }

    /** The table that holds index {@code name} (an index name is unique in its schema), or null. */
    private TableParts indexOwner(QName name) {
        return schema.tables.values().stream().filter(tp -> tp.name.schema().equals(name.schema())
                && tp.indexes.stream().anyMatch(x -> x.name().equals(name.name()))).findFirst().orElse(null);
    }

    /**
     * {@code ALTER TABLE … DROP CONSTRAINT / DROP COLUMN / ALTER COLUMN … DROP DEFAULT|NOT NULL|IDENTITY}. In the
     * prologue of {@code pg_dump --clean} the table does not exist yet (the dump drops what it then creates,
     * against an empty database): nothing to do. Otherwise the drop is applied to what the dump said so far.
     */
    private void alterTableDrop(QName name, SqlTokens t, int i, Statement s) {
        TableParts table = problems != null ? table(name) : schema.tables.get(name); // a script's table must exist
        if (table == null) return;
        if (t.isWord(i, "DROP", "CONSTRAINT")) {
            boolean ifExists = t.isWord(i + 2, "IF", "EXISTS");
            int at = ifExists ? i + 4 : i + 2;
            String constraint = t.ident(at);
            boolean removed = table.constraints.removeIf(c -> c.name().equals(constraint))
                    | table.foreignKeys.removeIf(f -> f.name().equals(constraint));
            if (!removed && !ifExists && problems != null) {
                throw new IllegalArgumentException("table " + name + " has no constraint " + constraint);
            }
        } else if (t.isWord(i, "DROP")) {
            int at = t.isWord(i + 1, "COLUMN") ? i + 2 : i + 1;
            boolean ifExists = t.isWord(at, "IF", "EXISTS");
            if (ifExists) at += 2;
            String column = t.ident(at);
            if (!table.columns.removeIf(c -> c.name().equals(column))) {
                if (!ifExists && problems != null) throw new IllegalArgumentException("table " + name + " has no column " + column);
                return;
            }
            dropColumnDependents(table, column);
            if (problems != null) dropOwnedSequences(table.name.schema() + "." + table.name.name() + "." + column);
        } else {
            int at = t.isWord(i + 1, "COLUMN") ? i + 2 : i + 1;
            Column c = table.columns.stream().filter(x -> x.name().equals(t.ident(at))).findFirst().orElse(null);
            if (c == null && problems != null) throw new IllegalArgumentException("table " + name + " has no column " + t.ident(at));
            if (c == null) return;
            if (t.isWord(at + 1, "DROP", "DEFAULT")) table.replace(c.withDefault(null));
            else if (t.isWord(at + 1, "DROP", "NOT", "NULL")) table.replace(c.withNullable(true));
            else if (t.isWord(at + 1, "DROP", "IDENTITY")) table.replace(c.withIdentity(null));
            else if (t.isWord(at + 1, "DROP", "EXPRESSION") && c.generatedExpr() != null) table.replace(c.withGenerated(null));
            else if (t.isWord(at + 1, "DROP", "EXPRESSION") && problems != null && !t.isWord(at + 3, "IF", "EXISTS")) {
                throw new IllegalArgumentException("column " + c.name() + " of " + name + " is not a stored generated column");
            }
            else if (t.isWord(at + 1, "DROP", "EXPRESSION")) return; // IF EXISTS: a notice
            else warn(s, "skipped ALTER TABLE " + name + " " + clip(t.rest(i)));
        }
    }

    /**
     * What PostgreSQL drops with a column: the indexes and constraints on it (a multi-column one too), and the
     * foreign keys of this table that use it. (Objects of other tables that depend on it need CASCADE: a script
     * that drops such a column without it fails on the server, and the replay does not model that failure.)
     */
    private static void dropColumnDependents(TableParts table, String column) {
        table.indexes.removeIf(x -> x.keys().stream().anyMatch(k -> k.expression()
                ? PgNames.firstColumn(k.text(), List.of(column)) != null : k.text().equals(column))
                || x.include().contains(column)
                || x.predicate() != null && PgNames.firstColumn(x.predicate(), List.of(column)) != null);
        table.constraints.removeIf(c -> c.columns().contains(column)
                || c.kind() == Constraint.Kind.CHECK && PgNames.firstColumn(c.definition(), List.of(column)) != null);
        table.foreignKeys.removeIf(f -> f.columns().contains(column));
    }

    /**
     * {@code DROP kind [IF EXISTS] name [, …] [CASCADE]}. pg_dump --clean starts with these for every object it
     * then creates; against the model read so far (empty at that point) they remove nothing. A DROP of something
     * the dump created earlier removes it; a DROP of a kind the model does not hold is skipped as its CREATE was.
     */
    private void drop(SqlTokens t, Statement s) {
        boolean materialized = t.isWord(1, "MATERIALIZED", "VIEW");
        String kind = materialized ? "VIEW" : t.text(1).toUpperCase(Locale.ROOT);
        if (!DROPPABLE.contains(kind)) return; // kinds the model does not hold: their CREATE was skipped with a warning
        int i = materialized ? 3 : 2;
        if (t.isWord(i, "CONCURRENTLY")) i++;
        boolean ifExists = t.isWord(i, "IF", "EXISTS");
        if (ifExists) i += 2;
        if (kind.equals("TRIGGER")) {
            String trigger = t.ident(i);
            int on = t.find(i, "ON");
            TableParts table = schema.tables.get(qname(t, on + 1, t.nameEnd(on + 1)));
            if (table != null) table.triggers.removeIf(g -> g.name().equals(trigger));
            return;
        }
        if (kind.equals("POLICY") || kind.equals("RULE")) { // DROP POLICY|RULE [IF EXISTS] p ON t
            String object = t.ident(i);
            int on = t.expect(i + 1, "ON");
            QName tableName = qname(t, on, t.nameEnd(on));
            TableParts table = schema.tables.get(tableName);
            boolean removed = table != null && (kind.equals("POLICY") ? table.pg.policies.removeIf(p -> p.name().equals(object))
                    : table.pg.rules.removeIf(r -> r.name().equals(object)));
            if (!removed && !ifExists && problems != null) {
                throw new IllegalArgumentException("no " + kind.toLowerCase(Locale.ROOT) + " " + object + " on " + tableName + " to drop");
            }
            return;
        }
        while (i < t.size() && t.isName(i)) {
            int end = t.nameEnd(i);
            QName name = qname(t, i, end);
            String arguments = t.isGroup(end) ? t.inner(end) : null;
            if (problems != null && !ifExists && !exists(kind, name, arguments, t.ident(end - 1))) {
                throw new IllegalArgumentException("no " + kind.toLowerCase(Locale.ROOT) + " " + name + " to drop");
            }
            if (problems != null && (kind.equals("TYPE") || kind.equals("DOMAIN")) && !columnsOfType(name).isEmpty()) {
                // the server refuses, or with CASCADE drops the columns too, which the replay does not follow
                throw new IllegalArgumentException("column " + columnsOfType(name).get(0) + " depends on " + kind.toLowerCase(Locale.ROOT) + " " + name
                        + (t.isWord(t.size() - 1, "CASCADE") ? ": DROP … CASCADE would drop it too, which the replay does not follow" : ""));
            }
            if (problems != null && arguments == null && ROUTINE_KINDS.contains(kind) && routinesNamed(name, null).size() > 1) {
                throw new IllegalArgumentException("routine " + name + " is not unique: name its argument types");
            }
            dropOne(kind, name, arguments, t.ident(end - 1));
            i = t.isGroup(end) ? end + 1 : end;
            if (!t.isSymbol(i, ",")) break;
            i++;
        }
    }

    /** Whether the model holds the object a DROP names (routines: by name, and argument types when given). */
    private boolean exists(String kind, QName name, String arguments, String simpleName) {
        return switch (kind) {
            case "TABLE" -> schema.tables.containsKey(name);
            case "VIEW" -> schema.views.containsKey(name);
            case "SEQUENCE" -> schema.sequences.containsKey(name);
            case "TYPE" -> schema.enums.containsKey(name) || otherTypes.contains(name) || !columnsOfType(name).isEmpty();
            case "DOMAIN" -> schema.domains.containsKey(name);
            case "SCHEMA" -> schema.namespaces.contains(simpleName) || simpleName.equals("public");
            case "EXTENSION" -> schema.extensions.stream().anyMatch(e -> e.name().equals(simpleName));
            case "INDEX" -> schema.tables.values().stream().anyMatch(tp -> tp.name.schema().equals(name.schema())
                    && tp.indexes.stream().anyMatch(x -> x.name().equals(name.name())))
                    || schema.viewIndexes.values().stream().anyMatch(l -> l.stream().anyMatch(x -> x.name().equals(name.name())));
            default -> !routinesNamed(name, arguments).isEmpty();
        };
    }

    /** A script's DROP TABLE or DROP COLUMN drops the sequences the columns own ({@code serial}'s). */
    private void dropOwnedSequences(String ownerPrefix) {
        schema.sequences.values().removeIf(q -> q.ownedBy() != null && q.ownedBy().startsWith(ownerPrefix)
                && (q.ownedBy().length() == ownerPrefix.length() || ownerPrefix.endsWith(".")));
    }

    private void dropOne(String kind, QName name, String arguments, String simpleName) {
        if (kind.equals("TABLE") && problems != null) dropOwnedSequences(name.schema() + "." + name.name() + ".");
        switch (kind) {
            case "TABLE" -> schema.tables.remove(name);
            case "VIEW" -> schema.views.remove(name);
            case "SEQUENCE" -> schema.sequences.remove(name);
            case "TYPE" -> {
                schema.enums.remove(name);
                otherTypes.remove(name);
            }
            case "DOMAIN" -> schema.domains.remove(name);
            case "SCHEMA" -> schema.namespaces.remove(simpleName);
            case "EXTENSION" -> schema.extensions.removeIf(e -> e.name().equals(simpleName));
            case "INDEX" -> schema.tables.values().stream().filter(tp -> tp.name.schema().equals(name.schema()))
                    .forEach(tp -> tp.indexes.removeIf(x -> x.name().equals(name.name())));
            case "FUNCTION", "PROCEDURE", "ROUTINE" -> schema.routines.removeAll(routinesNamed(name, arguments));
            default -> throw new IllegalStateException("not a droppable kind: " + kind);
        }
    }

    private void alterColumn(SqlTokens t, int i, TableParts table, Statement s) {
        Column c = table.column(t.ident(i));
        int a = i + 1;
        if (t.isWord(a, "SET", "DEFAULT")) {
            table.replace(c.withDefault(defaultOf(t.rest(a + 2), c.type())));
        } else if (t.isWord(a, "ADD", "GENERATED")) {
            table.replace(c.withIdentity(t.isWord(a + 2, "ALWAYS") ? Column.Identity.ALWAYS : Column.Identity.BY_DEFAULT));
        } else if (t.isWord(a, "SET", "NOT", "NULL")) {
            table.replace(c.withNullable(false));
        } else if (t.isWord(a, "SET", "STATISTICS")) {
            int target = Integer.parseInt(t.rest(a + 2));
            table.replace(c.withStorage(target < 0 ? null : target, c.storage(), c.compression()));
        } else if (t.isWord(a, "SET", "STORAGE")) {
            table.replace(c.withStorage(c.statistics(), t.text(a + 2).toUpperCase(Locale.ROOT), c.compression()));
        } else if (t.isWord(a, "SET", "COMPRESSION")) {
            String method = t.ident(a + 2);
            table.replace(c.withStorage(c.statistics(), c.storage(), method.equals("default") ? null : method));
        } else if (t.isWord(a, "TYPE") || t.isWord(a, "SET", "DATA", "TYPE")) {
            alterType(table, c, t, t.isWord(a, "TYPE") ? a + 1 : a + 3);
        } else if (problems != null && (t.isWord(a, "RESTART") || t.isWord(a, "SET") && t.kind(a + 1) == SqlTokens.Kind.WORD
                && IDENTITY_OPTIONS.contains(t.text(a + 1).toUpperCase(Locale.ROOT)))) {
            alterIdentity(table, c, t, a);
        } else if (t.isWord(a, "SET") && t.isGroup(a + 1)) {
            List<String> given = options(t.inner(a + 1)).stream().filter(PgDumpReader::plannerColumnOption).toList();
            List<String> kept = new ArrayList<>(c.options());
            for (String o : given) kept.removeIf(x -> x.startsWith(o.substring(0, o.indexOf('=') + 1)));
            kept.addAll(given);
            table.replace(c.withOptions(kept));
        } else {
            warn(s, "skipped ALTER TABLE " + table.name + " ALTER COLUMN " + clip(t.rest(i)));
        }
    }

    /**
     * {@code ALTER COLUMN c [SET DATA] TYPE t [COLLATE x] [USING e]}: the column gets the type (and the
     * collation given, or none); its default stays, as the server keeps it (converted to the new type where it
     * must be, which the normalized default does not show).
     */
    private void alterType(TableParts table, Column c, SqlTokens t, int from) {
        int end = from;
        while (end < t.size() && !t.isWord(end, "COLLATE") && !t.isWord(end, "USING")) end++;
        if (end == from) throw new IllegalArgumentException("no type after TYPE for column " + c.name());
        String reader = problems == null ? null : readerOf(table, c.name());
        if (reader != null) {
            throw new IllegalArgumentException("cannot alter type of a column used by a view or policy: " + reader + " reads "
                    + table.name + "." + c.name());
        }
        DataType type = PgTypes.parse(qualifiedType(t.slice(from, end)));
        String collation = null;
        if (t.isWord(end, "COLLATE")) collation = t.dottedName(end + 1, t.nameEnd(end + 1));
        String defaultExpr = c.defaultExpr() == null ? null : PgExpressions.normalizeDefault(c.defaultExpr(), type);
        table.replace(c.withType(type, collation).withDefault(defaultExpr));
    }

    /**
     * A view or policy that may read the column (its definition names the table and the column, or {@code *}), which makes
     * the server refuse to change the column's type; null when none does. By name, so a same-named column of another
     * table the view reads may make it refuse where the server would not.
     */
    private String readerOf(TableParts table, String column) {
        java.util.regex.Pattern tableName = mention(table.name.name());
        java.util.regex.Pattern columnName = mention(column);
        for (View v : schema.views.values()) {
            String d = v.definition();
            if (tableName.matcher(d).find() && (columnName.matcher(d).find() || d.contains("*"))) return "view " + v.name();
        }
        for (Policy p : table.pg.policies) {
            for (String e : java.util.Arrays.asList(p.using(), p.withCheck())) {
                if (e != null && columnName.matcher(e).find()) return "policy " + p.name();
            }
        }
        return null;
    }

    /** A name as a definition may write it: a bare name in any case (the server folds it), any other only quoted. */
    private static java.util.regex.Pattern mention(String name) {
        String printed = Identifiers.quoteIdent(name);
        boolean bare = printed.equals(name);
        return java.util.regex.Pattern.compile("(?<![\\w$])" + java.util.regex.Pattern.quote(printed) + "(?![\\w$])",
                bare ? java.util.regex.Pattern.CASE_INSENSITIVE : 0);
    }

    /** What {@code ALTER COLUMN c SET …} may change of an identity column (with RESTART): its kind, or its sequence's options. */
    private static final Set<String> IDENTITY_OPTIONS = Set.of("GENERATED", "INCREMENT", "START", "MINVALUE", "MAXVALUE",
            "NO", "CACHE", "CYCLE");

    /**
     * {@code ALTER COLUMN c SET GENERATED ALWAYS|BY DEFAULT | SET sequence_option | RESTART …}, one or several: the
     * identity's kind changes; its sequence's options are outside the model (it lists no identity sequence).
     */
    private void alterIdentity(TableParts table, Column c, SqlTokens t, int a) {
        if (c.identity() == null) throw new IllegalArgumentException("column " + c.name() + " of " + table.name + " is not an identity column");
        Column.Identity identity = c.identity();
        boolean options = false;
        for (int k = a; k < t.size(); k++) {
            if (t.isWord(k, "SET", "GENERATED")) {
                identity = t.isWord(k + 2, "ALWAYS") ? Column.Identity.ALWAYS : Column.Identity.BY_DEFAULT;
                k += t.isWord(k + 2, "ALWAYS") ? 2 : 3;
            } else if (t.kind(k) == SqlTokens.Kind.WORD && !t.isWord(k, "SET")) {
                options = true;
            }
        }
        table.replace(c.withIdentity(identity));
        if (options) outsideModel = "an identity column's sequence options (the model lists no identity sequence)";
    }

    /** The column options PostgreSQL itself has (the catalog reader keeps only these too). */
    private static boolean plannerColumnOption(String option) {
        return option.startsWith("n_distinct=") || option.startsWith("n_distinct_inherited=");
    }

    /** {@code FULL}, {@code NOTHING}, {@code USING INDEX name}, or null for {@code DEFAULT}. */
    private static String replicaIdentity(SqlTokens t, int i) {
        if (t.isWord(i, "DEFAULT")) return null;
        if (t.isWord(i, "FULL") || t.isWord(i, "NOTHING")) return t.text(i).toUpperCase(Locale.ROOT);
        if (t.isWord(i, "USING", "INDEX")) return "USING INDEX " + t.ident(i + 2);
        throw new IllegalArgumentException("unexpected REPLICA IDENTITY '" + clip(t.rest(i)) + "'");
    }

    /**
     * {@code CREATE DOMAIN d AS type [COLLATE c] [NOT NULL] [DEFAULT e] [CONSTRAINT n CHECK (…)]…}; pg_dump
     * names every CHECK and prints a NOT VALID one apart, as ALTER DOMAIN … ADD CONSTRAINT.
     */
    private void createDomain(SqlTokens t, Statement s) {
        int end = t.nameEnd(2);
        QName name = qname(t, 2, end);
        int i = t.expect(end, "AS");
        int typeEnd = i;
        while (typeEnd < t.size() && !isDomainClause(t, typeEnd)) typeEnd++;
        if (typeEnd == i) throw new IllegalArgumentException("domain " + name + " has no type");
        DataType base = PgTypes.parse(t.slice(i, typeEnd));
        String collation = null;
        String defaultExpr = null;
        boolean notNull = false;
        List<Constraint> checks = new ArrayList<>();
        i = typeEnd;
        while (i < t.size()) {
            if (t.isWord(i, "COLLATE")) {
                int e = t.nameEnd(i + 1);
                collation = t.dottedName(i + 1, e);
                i = e;
            } else if (t.isWord(i, "NOT", "NULL")) {
                notNull = true;
                i += 2;
            } else if (t.isWord(i, "NULL")) {
                i++;
            } else if (t.isWord(i, "DEFAULT")) {
                int e = i + 1;
                while (e < t.size() && !(isDomainClause(t, e) && !t.isWord(e - 1, "IS"))) e++;
                defaultExpr = PgExpressions.normalizeDefault(t.slice(i + 1, e), base);
                i = e;
            } else if (t.isWord(i, "CONSTRAINT") || t.isWord(i, "CHECK")) {
                String checkName = t.isWord(i, "CONSTRAINT") ? t.ident(i + 1) : null;
                int at = t.isWord(i, "CONSTRAINT") ? i + 2 : i;
                if (!t.isWord(at, "CHECK") || !t.isGroup(at + 1)) {
                    throw new IllegalArgumentException("unexpected '" + clip(t.rest(at)) + "' in domain " + name);
                }
                if (checkName == null) checkName = unusedCheckName(name.name(), checks);
                int e = at + 2;
                if (t.isWord(e, "NOT", "VALID")) e += 2;
                checks.add(PgDefinitions.parseConstraint(checkName, t.slice(at, e)).constraint());
                i = e;
            } else {
                throw new IllegalArgumentException("unexpected '" + clip(t.rest(i)) + "' in domain " + name);
            }
        }
        schema.domains.put(name, new Domain(name, base, collation, defaultExpr, notNull, checks, null));
    }

    /** The name PostgreSQL gives an unnamed domain CHECK: {@code d_check}, then {@code d_check1}, … */
    private static String unusedCheckName(String domain, List<Constraint> taken) {
        String base = domain + "_check";
        String candidate = base;
        for (int n = 1; n < 1000; n++) {
            String c = candidate;
            if (taken.stream().noneMatch(k -> k.name().equals(c))) return candidate;
            candidate = base + n;
        }
        throw new IllegalArgumentException("too many CHECKs in domain " + domain);
    }

    private static boolean isDomainClause(SqlTokens t, int i) {
        return t.kind(i) == SqlTokens.Kind.WORD && DOMAIN_CLAUSES.contains(t.text(i).toUpperCase(Locale.ROOT));
    }

    private void alterDomain(SqlTokens t, Statement s) {
        int end = t.nameEnd(2);
        QName name = qname(t, 2, end);
        Domain d = schema.domains.get(name);
        if (d == null) throw new IllegalArgumentException("unknown domain " + name);
        if (t.isWord(end, "ADD", "CONSTRAINT")) {
            Constraint c = PgDefinitions.parseConstraint(t.ident(end + 2), t.rest(end + 3)).constraint();
            if (c == null || c.kind() != Constraint.Kind.CHECK) {
                throw new IllegalArgumentException("domain " + name + " constraint is not a CHECK");
            }
            List<Constraint> checks = new ArrayList<>(d.checks());
            checks.add(c);
            schema.domains.put(name, d.withChecks(checks));
        } else if (t.isWord(end, "RENAME", "TO")) {
            moveObjects(Map.of(name, movedTo(name, QName.of(name.schema(), t.ident(end + 2)))));
        } else if (t.isWord(end, "SET", "SCHEMA")) {
            moveObjects(Map.of(name, movedTo(name, QName.of(t.ident(end + 2), name.name()))));
        } else {
            warn(s, "skipped ALTER DOMAIN " + name + " " + clip(t.rest(end)));
        }
    }

    /** {@code CREATE POLICY p ON t [AS RESTRICTIVE] [FOR cmd] [TO r, …] [USING (e)] [WITH CHECK (e)]}. */
    private void createPolicy(SqlTokens t, Statement s) {
        String name = t.ident(2);
        int i = t.expect(3, "ON");
        int end = t.nameEnd(i);
        table(qname(t, i, end)).pg.policies.add(policyClauses(t, end, new Policy(name, false, "ALL", List.of(), null, null)));
    }

    /**
     * {@code ALTER POLICY p ON t RENAME TO q}, or {@code ALTER POLICY p ON t [TO r, …] [USING (e)] [WITH CHECK (e)]}:
     * the clauses it names replace the policy's, the others stay.
     */
    private void alterPolicy(SqlTokens t, Statement s) {
        String name = t.ident(2);
        int i = t.expect(3, "ON");
        int end = t.nameEnd(i);
        TableParts table = table(qname(t, i, end));
        Policy old = table.pg.policies.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("table " + table.name + " has no policy " + name));
        Policy changed;
        if (t.isWord(end, "RENAME", "TO")) {
            String to = t.ident(end + 2);
            if (table.pg.policies.stream().anyMatch(p -> p.name().equals(to))) {
                throw new IllegalArgumentException("table " + table.name + " already has a policy " + to);
            }
            changed = new Policy(to, old.restrictive(), old.command(), old.roles(), old.using(), old.withCheck());
        } else {
            changed = policyClauses(t, end, old);
        }
        table.pg.policies.replaceAll(p -> p == old ? changed : p);
    }

    /** {@code policy} with the clauses from {@code i} on ({@code AS}, {@code FOR}, {@code TO}, {@code USING}, {@code WITH CHECK}) in place of its own. */
    private static Policy policyClauses(SqlTokens t, int i, Policy policy) {
        String name = policy.name();
        boolean restrictive = policy.restrictive();
        String command = policy.command();
        List<String> roles = policy.roles();
        String using = policy.using();
        String withCheck = policy.withCheck();
        while (i < t.size()) {
            if (t.isWord(i, "AS")) {
                restrictive = t.isWord(i + 1, "RESTRICTIVE");
                i += 2;
            } else if (t.isWord(i, "FOR")) {
                command = t.text(i + 1).toUpperCase(Locale.ROOT);
                if (!POLICY_COMMANDS.contains(command)) throw new IllegalArgumentException("unknown policy command " + command);
                i += 2;
            } else if (t.isWord(i, "TO")) {
                i++;
                roles = new ArrayList<>();
                while (t.isName(i) && !t.isWord(i, "USING") && !t.isWord(i, "WITH")) {
                    if (!t.isWord(i, "PUBLIC")) roles.add(t.ident(i));
                    i++;
                    if (t.isSymbol(i, ",")) i++;
                }
            } else if (t.isWord(i, "USING") && t.isGroup(i + 1)) {
                using = t.inner(i + 1).trim();
                i += 2;
            } else if (t.isWord(i, "WITH", "CHECK") && t.isGroup(i + 2)) {
                withCheck = t.inner(i + 2).trim();
                i += 3;
            } else {
                throw new IllegalArgumentException("unexpected '" + clip(t.rest(i)) + "' in policy " + name);
            }
        }
        return new Policy(name, restrictive, command, roles, using, withCheck);
    }

    /** {@code CREATE RULE r AS ON event TO t …}: kept as its whole text, as pg_get_ruledef prints it. */
    private void createRule(SqlTokens t, Statement s) {
        int at = t.find(0, "RULE");
        int to = t.find(at, "TO");
        if (to < 0) throw new IllegalArgumentException("no TO clause");
        TableParts table = table(qname(t, to + 1, t.nameEnd(to + 1)));
        String name = t.ident(at + 1);
        String text = s.text().replaceFirst("(?i)^CREATE\\s+OR\\s+REPLACE\\s+RULE", "CREATE RULE");
        table.pg.rules.add(new Rule(name, ruleText(text)));
    }

    /** A rule definition without its final semicolon and with every run of white space made one space. */
    static String ruleText(String definition) {
        String d = definition.strip();
        if (d.endsWith(";")) d = d.substring(0, d.length() - 1).strip();
        return d.replaceAll("\\s+", " ");
    }

    private void createIndex(SqlTokens t, Statement s) {
        PgDefinitions.ParsedIndex parsed = PgDefinitions.parseIndex(qualified(s.text(), false), this::resolve);
        if (problems != null && exists("INDEX", QName.of(parsed.table().schema(), parsed.index().name()), null, null)) {
            if (t.find(0, "IF", "NOT", "EXISTS") < 0) throw new IllegalArgumentException("index " + parsed.index().name() + " already exists");
            return;
        }
        View view = schema.views.get(parsed.table());
        if (view != null && view.materialized()) {
            schema.viewIndexes.computeIfAbsent(view.name(), k -> new ArrayList<>()).add(parsed.index());
            return;
        }
        table(parsed.table()).indexes.add(parsed.index());
    }

    private void createTrigger(SqlTokens t, Statement s) {
        int at = t.find(0, "TRIGGER");
        int on = t.find(at, "ON");
        if (on < 0) throw new IllegalArgumentException("no ON clause");
        // pg_dump 10 and older print EXECUTE PROCEDURE, which servers since 11 print as EXECUTE FUNCTION
        String definition = qualified(s.text(), true).replaceFirst("\\bEXECUTE PROCEDURE\\b", "EXECUTE FUNCTION");
        table(qname(t, on + 1, t.nameEnd(on + 1))).triggers.add(new Trigger(t.ident(at + 1), definition));
    }

    private void createView(SqlTokens t, Statement s) {
        boolean materialized = t.isWord(1, "MATERIALIZED");
        int i = t.find(0, "VIEW") + 1;
        int end = t.nameEnd(i);
        int as = t.find(end, "AS");
        if (as < 0) throw new IllegalArgumentException("no AS clause");
        String definition = qualified(t.rest(as + 1), true);
        int n = t.size();
        if (materialized && t.isWord(n - 3, "WITH", "NO", "DATA")) definition = qualified(t.slice(as + 1, n - 3), true);
        else if (materialized && t.isWord(n - 2, "WITH", "DATA")) definition = qualified(t.slice(as + 1, n - 2), true);
        QName name = qname(t, i, end);
        List<String> options = materialized && t.isWord(end, "WITH") && t.isGroup(end + 1)
                ? options(t.inner(end + 1)) : List.of();
        schema.views.put(name, new View(name, materialized, PgExpressions.sameRendering(definition.trim()), null)
                .withOptions(options));
    }

    private void comment(SqlTokens t, Statement s) {
        int n = t.size();
        if (!t.isWord(n - 2, "IS")) throw new IllegalArgumentException("no IS clause");
        String kindWords = t.isWord(2, "MATERIALIZED", "VIEW") ? "MATERIALIZED VIEW" : t.text(2).toUpperCase(Locale.ROOT);
        String kind = COMMENT_KINDS.get(kindWords);
        if (kind == null) return; // schemas, extensions, constraints, …: not kept
        int i = 2 + kindWords.split(" ").length;
        int end = t.nameEnd(i);
        List<String> parts = t.nameParts(i, end);
        if (kind.equals("COLUMN") && parts.size() < 2) throw new IllegalArgumentException("expected table.column after COMMENT ON COLUMN");
        String text = t.isWord(n - 1, "NULL") ? null : SqlTokens.stringValue(t.text(n - 1));
        CommentKey key = switch (kind) {
            case "COLUMN" -> new CommentKey(kind, resolve(parts.subList(0, parts.size() - 1)),
                    parts.get(parts.size() - 1));
            case "ROUTINE" -> new CommentKey(kind, resolve(parts), t.isGroup(end)
                    ? DumpSchema.identityArguments(qualifiedArguments(t.inner(end)), kindWords.equals("PROCEDURE"))
                    : onlyRoutineArguments(resolve(parts)));
            default -> new CommentKey(kind, resolve(parts), null);
        };
        schema.comments.put(key, text);
    }

    /** {@code COMMENT ON FUNCTION f IS …} without an argument list names the only routine of that name. */
    private String onlyRoutineArguments(QName name) {
        List<Routine> named = schema.routines.stream().filter(r -> r.name().equals(name)).toList();
        if (named.size() != 1) {
            throw new IllegalArgumentException(named.isEmpty() ? "no routine " + name
                    : "routine " + name + " is not unique: name its arguments");
        }
        return DumpSchema.identityArguments(named.get(0).arguments(), named.get(0).kind().equals("procedure"));
    }

    private static String clip(String s) {
        return Excerpts.of(s);
    }
}
