package io.schemaplan.read;

import io.schemaplan.model.Column;
import io.schemaplan.model.Constraint;
import io.schemaplan.model.DataType;
import io.schemaplan.model.Engine;
import io.schemaplan.model.ForeignKey;
import io.schemaplan.model.Index;
import io.schemaplan.model.Index.IndexKey;
import io.schemaplan.model.QName;
import io.schemaplan.model.Routine;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Sequence;
import io.schemaplan.model.Table;
import io.schemaplan.model.View;
import io.schemaplan.normalize.MysqlDefinitions;
import io.schemaplan.normalize.MysqlExpressions;
import io.schemaplan.normalize.MysqlRoutines;
import io.schemaplan.normalize.MysqlTypes;
import io.schemaplan.normalize.Excerpts;
import io.schemaplan.normalize.SqlTokens;
import io.schemaplan.normalize.SqlTokens.Dialect;
import io.schemaplan.read.MysqlDumpText.Statement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code mysqldump --no-data} or {@code mariadb-dump --no-data} file into a {@link Schema} with the
 * conventions the catalog reader shares ({@link MysqlCatalogReader}; see {@code package-info} for the
 * mapping): types, defaults, keys and constraints go through {@code MysqlTypes}, {@code MysqlExpressions}
 * and {@code MysqlDefinitions}.
 *
 * <p>MariaDB sequences are read ({@link MysqlSequences}); the {@code SETVAL} after each is its current value,
 * which the model does not hold. Procedures, functions and events are read ({@link MysqlRoutines}: the same
 * routine the catalog reader makes of {@code SHOW CREATE …}). Table rows ({@code INSERT},
 * {@code LOCK TABLES}, {@code ALTER TABLE … DISABLE KEYS}) become one summary warning. What is not a
 * MySQL/MariaDB dump at all (a PostgreSQL dump, binary, empty, truncated, an unparseable statement) is a
 * {@link ReadException}, and so is a {@code CREATE TABLE} the server would reject (a missing comma between
 * definitions, a duplicate column, key or constraint name, a key on a column the table does not have), at
 * the line of the offending definition: reading past it would silently lose what follows. So is a routine
 * without a body, and a {@code DELIMITER} block that is never closed.
 */
public final class MysqlDumpReader {

    private interface Handler {
        void handle(SqlTokens t, Statement s);
    }

    /** Statements that carry nothing the model holds (session settings, locks, data, database choice). */
    private static final Set<String> IGNORED = Set.of("SET", "USE", "CREATE DATABASE", "DROP DATABASE",
            "ALTER DATABASE", "COMMIT", "BEGIN", "START TRANSACTION", "DROP TRIGGER", "FLUSH");

    /**
     * Statements that carry table rows, counted into one warning: a dump made without {@code --no-data}
     * reads as its schema. A {@code DO} or {@code SELECT} counts too, unless it is the {@code SETVAL} after a
     * sequence ({@link #selectOrDo}).
     */
    private static final Set<String> DATA = Set.of("INSERT", "REPLACE", "LOCK TABLES", "UNLOCK TABLES", "SELECT", "DO");

    /** The object word that follows CREATE's options ({@code ALGORITHM=…}, {@code DEFINER=…}, {@code SQL SECURITY …}). */
    private static final Set<String> CREATE_KINDS = Set.of("VIEW", "TRIGGER", "FUNCTION", "PROCEDURE", "EVENT",
            "SEQUENCE", "AGGREGATE", "INDEX", "SERVER", "ROLE", "USER");

    /** Words that end a column's type and start its clauses. */
    private static final Set<String> TYPE_SUFFIXES = Set.of("UNSIGNED", "SIGNED", "ZEROFILL", "PRECISION", "VARYING");

    /** Words that start a column clause, and so end a DEFAULT or ON UPDATE expression. */
    private static final Set<String> COLUMN_CLAUSES = Set.of("NOT", "NULL", "DEFAULT", "ON", "AUTO_INCREMENT",
            "COMMENT", "CHARACTER", "CHARSET", "COLLATE", "GENERATED", "AS", "VIRTUAL", "STORED", "PERSISTENT",
            "INVISIBLE", "CHECK", "PRIMARY", "UNIQUE", "KEY", "REFERENCES", "COLUMN_FORMAT", "STORAGE", "SRID",
            "WITH", "WITHOUT", "COMPRESSED", "CONSTRAINT");

    /** Column clauses with one argument that the model does not hold. */
    private static final Set<String> IGNORED_COLUMN_OPTIONS = Set.of("COLUMN_FORMAT", "STORAGE", "SRID");

    /** Key options the model does not hold, with one argument each ({@code KEY_BLOCK_SIZE=8}). */
    private static final Set<String> IGNORED_KEY_OPTIONS = Set.of("KEY_BLOCK_SIZE", "CLUSTERING", "ENGINE_ATTRIBUTE",
            "SECONDARY_ENGINE_ATTRIBUTE");

    private final Map<String, Handler> handlers = new HashMap<>();
    private final String file;
    /** The dump being read; null while a script is replayed. */
    private final MysqlDumpText dump;
    private final Engine engine;
    /** While a script is replayed: what the current statement did not apply. Null while a dump is read. */
    private List<String> problems;
    /** While a script is replayed: the collation and engine of a table created without them (the database's). */
    private String defaultCollation;
    private String defaultEngine;
    private final Map<QName, MysqlTableParts> tables = new LinkedHashMap<>();
    private final Map<QName, View> views = new LinkedHashMap<>();
    private final Map<QName, Sequence> sequences = new LinkedHashMap<>();
    /** Procedures, functions and events by kind and name (MySQL has no overloading; each kind is a namespace). */
    private final Map<String, Routine> routines = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    /** What was skipped, by kind ("procedure", "invisible index", …), in the order first met. */
    private final Map<String, Skipped> skipped = new LinkedHashMap<>();
    private final String serverVersion;
    /** The database the statements are in (the header's, then each USE's): sequence defaults drop it. */
    private String database;

    /** Statements or clauses of one kind that the model does not hold: where the first was, and their names. */
    private record Skipped(int line, List<String> names, String reason) {
    }

    private MysqlDumpReader(MysqlDumpText dump) {
        this(dump.file, dump, dump.engine(), dump.serverVersion());
    }

    private MysqlDumpReader(String file, MysqlDumpText dump, Engine engine, String serverVersion) {
        this.file = file;
        this.dump = dump;
        this.engine = engine;
        this.serverVersion = serverVersion;
        this.database = dump == null ? null : dump.database();
        IGNORED.forEach(head -> handlers.put(head, (t, s) -> { }));
        handlers.put("USE", (t, s) -> database = t.ident(1));
        DATA.forEach(head -> handlers.put(head, (t, s) -> data(s)));
        handlers.put("SELECT", this::selectOrDo);
        handlers.put("DO", this::selectOrDo);
        handlers.put("DROP SEQUENCE", this::dropSequences);
        handlers.put("ALTER SEQUENCE", this::alterSequence);
        handlers.put("CREATE TABLE", this::createTable);
        handlers.put("CREATE", this::createOther);
        handlers.put("DROP TABLE", (t, s) -> dropped(t).forEach(tables::remove));
        handlers.put("DROP VIEW", (t, s) -> dropped(t).forEach(views::remove));
        handlers.put("ALTER TABLE", this::alterTable);
        for (String kind : List.of("PROCEDURE", "FUNCTION", "EVENT")) {
            handlers.put("DROP " + kind, this::dropRoutine);
            handlers.put("ALTER " + kind, this::alterRoutine);
        }
        handlers.put("ALTER DEFINER", this::alterRoutine);
    }

    /**
     * A reader that applies a migration script's statements, one at a time, to {@code start}. A table the script
     * creates without a collation or engine gets {@code defaultCollation} (the database's; null: the most common
     * among the start's tables) and the start's most common engine (InnoDB when it has no tables).
     */
    static MysqlDumpReader replaying(String file, Schema start, String defaultCollation) {
        MysqlDumpReader r = new MysqlDumpReader(file, null, start.engine(), start.serverVersion());
        r.problems = new ArrayList<>();
        for (Table t : start.tables()) r.tables.put(t.name(), MysqlTableParts.of(t));
        start.views().forEach(v -> r.views.put(v.name(), v));
        start.sequences().forEach(q -> r.sequences.put(q.name(), q));
        start.routines().forEach(x -> r.routines.put(routineKey(x.kind(), x.name()), x));
        r.defaultCollation = defaultCollation != null ? defaultCollation : mostCommon(start.tables().stream().map(Table::collation).toList());
        String engine = mostCommon(start.tables().stream().map(Table::storageEngine).toList());
        r.defaultEngine = engine != null ? engine : "InnoDB";
        r.handlers.put("CREATE INDEX", (t, s) -> r.createIndex(t, 1, false, s));
        r.handlers.put("CREATE UNIQUE", (t, s) -> r.createIndex(t, 2, true, s));
        r.handlers.put("DROP INDEX", r::dropIndex);
        r.handlers.put("RENAME TABLE", r::renameTables);
        r.handlers.put("DROP TABLE", r::dropTables);
        return r;
    }

    private static String mostCommon(List<String> values) {
        return values.stream().filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.groupingBy(v -> v, LinkedHashMap::new, java.util.stream.Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /** Applies one statement of a script: why it was not applied (one line each, without file and line), or an empty list. */
    List<String> replay(String sql, int line) {
        problems.clear();
        try {
            apply(new Statement(sql, line));
        } catch (ReadException e) {
            problems.add(ReadException.unplaced(file, e.getMessage()));
        }
        return List.copyOf(problems);
    }

    /** The tables the last {@link #model()} made: a statement changes one or two. */
    private final BuildCache<MysqlTableParts, Table> built = new BuildCache<>();

    /** The model as the statements so far left it. */
    Schema model() {
        List<Table> ts = tables.values().stream().map(t -> built.get(t, t.state(), 0, t::toTable)).toList();
        built.keepOnly(tables.values());
        return new Schema(engine, serverVersion, List.of(), List.of(), List.of(), List.copyOf(sequences.values()), ts,
                List.copyOf(views.values()), List.copyOf(routines.values()));
    }

    /** Reads a dump file once, up to {@link InputFiles.Kind#DUMP}'s limit. */
    public static Loaded read(Path file) {
        InputFiles.Content content = InputFiles.read(file.toString(), InputFiles.Kind.DUMP);
        return read(content.label(), content.bytes());
    }

    /** Reads dump bytes; {@code source} names them in messages (normally the file path). */
    public static Loaded read(String source, byte[] bytes) {
        return new MysqlDumpReader(new MysqlDumpText(source, bytes)).run();
    }

    private Loaded run() {
        dump.toolMessages.forEach(m -> skip(m, "line", "'" + m.text() + "'",
                "the dump tool's own message (its stderr written into the file), not SQL"));
        for (Statement s : dump.statements) apply(s);
        skipped.forEach((kind, k) -> warnings.add(file + ":" + k.line() + ": " + (kind.equals(DATA_KIND)
                ? dataMessage(k.names().size()) : skippedMessage(kind, k.names(), k.reason()))));
        Schema schema = new Schema(engine, dump.serverVersion(), List.of(), List.of(), List.of(), List.copyOf(sequences.values()),
                tables.values().stream().map(MysqlTableParts::toTable).toList(), List.copyOf(views.values()),
                List.copyOf(routines.values()));
        return new Loaded(file, schema, warnings);
    }

    /** Applies one statement: a handler by its leading words, or a warning that it is skipped; one that does not parse fails. */
    private void apply(Statement s) {
        if (isData(s.text())) { // rows of a full dump, of any size: counted, never tokenized
            data(s);
            return;
        }
        SqlTokens t = DumpText.tokens(file, s.line(), s.text(), SqlTokens.Dialect.MYSQL);
        Handler h = handler(t);
        try {
            if (h != null) h.handle(t, s);
            else skip(s, "statement", describe(t), "not part of the schema model");
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw ReadException.cannotParse(file, s.line(), describe(t), e);
        }
    }

    private static boolean isData(String statement) {
        for (String verb : List.of("INSERT", "REPLACE")) {
            if (statement.regionMatches(true, 0, verb, 0, verb.length()) && statement.length() > verb.length()
                    && Character.isWhitespace(statement.charAt(verb.length()))) return true;
        }
        return false;
    }

    private Handler handler(SqlTokens t) {
        for (int words = 2; words >= 1; words--) {
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

    private static String describe(SqlTokens t) {
        int end = 0;
        while (end < Math.min(t.size(), 6) && (t.isName(end) || t.isSymbol(end, "."))) end++;
        return Excerpts.words(t.slice(0, Math.min(Math.max(end, 1), t.size())));
    }

    private void warn(Statement s, String message) {
        if (problems != null) problems.add(message);
        else warnings.add(file + ":" + s.line() + ": " + message);
    }

    /** Counts one skipped object of {@code kind} into the one warning of its kind (replaying: reports it). */
    private void skip(Statement s, String kind, String name, String reason) {
        if (problems != null) {
            if (!kind.equals(DATA_KIND)) problems.add("skipped " + kind + " " + name + ": " + reason);
            return;
        }
        skipped.computeIfAbsent(kind, k -> new Skipped(s.line(), new ArrayList<>(), reason)).names().add(name);
    }

    private static final String DATA_KIND = "data statement";

    private void data(Statement s) {
        skip(s, DATA_KIND, "", "");
    }

    private static String dataMessage(int n) {
        return "skipped " + n + " data statement" + (n == 1 ? "" : "s") + " (INSERT, LOCK TABLES, ALTER TABLE … DISABLE"
                + " KEYS, …) from here on: table rows are not part of the schema model";
    }

    /**
     * {@code skipped procedure p: …} for one, {@code skipped 3 procedures (a, b, c): …} for several (five
     * names at most); the catalog reader words its warnings the same way.
     */
    static String skippedMessage(String kind, List<String> names, String reason) {
        int n = names.size();
        if (n == 1) return "skipped " + kind + " " + names.get(0) + ": " + reason;
        List<String> shown = names.subList(0, Math.min(n, 5));
        return "skipped " + n + " " + kind + (kind.endsWith("s") || kind.endsWith("x") ? "es" : "s") + " (" + String.join(", ", shown)
                + (n > shown.size() ? ", …" : "") + "): " + reason;
    }

    /** {@code `t`} is {@code QName("", "t")}; a name qualified with another database keeps it. */
    private static QName qname(SqlTokens t, int from, int to) {
        List<String> parts = t.nameParts(from, to);
        return parts.size() == 1 ? QName.of("", parts.get(0)) : QName.of(parts.get(0), parts.get(1));
    }

    private static String upper(SqlTokens t, int i) {
        return t.kind(i) == SqlTokens.Kind.WORD ? t.text(i).toUpperCase(Locale.ROOT) : "";
    }

    /** The names of {@code DROP TABLE|VIEW [IF EXISTS] a, b}. */
    private static List<QName> dropped(SqlTokens t) {
        int i = t.isWord(2, "IF", "EXISTS") ? 4 : 2;
        List<QName> names = new ArrayList<>();
        while (i < t.size() && t.isName(i)) {
            int end = t.nameEnd(i);
            names.add(qname(t, i, end));
            i = t.isSymbol(end, ",") ? end + 1 : t.size();
        }
        return names;
    }

    // ---- CREATE TABLE ----

    private void createTable(SqlTokens t, Statement s) {
        int i = t.isWord(2, "IF", "NOT", "EXISTS") ? 5 : 2;
        int end = t.nameEnd(i);
        QName name = qname(t, i, end);
        if (problems != null && tables.containsKey(name)) {
            if (i == 2) throw new IllegalArgumentException("table " + name + " already exists");
            return; // IF NOT EXISTS
        }
        if (!t.isGroup(end)) {
            throw new IllegalArgumentException("expected the column list of " + name + " (CREATE TABLE … LIKE/SELECT is not a dump)");
        }
        MysqlTableParts table = new MysqlTableParts(name);
        String body = t.inner(end);
        int bodyStart = t.start(end) + 1;
        int cursor = 0;
        Map<Object, Integer> lines = new java.util.IdentityHashMap<>();
        MysqlTableChecks.Names names = new MysqlTableChecks.Names();
        int counted = 0; // the line is counted on from the previous element's offset, not from the statement's start
        int newlines = 0;
        for (String element : SqlTokens.splitTopLevel(body, Dialect.MYSQL)) {
            int at = body.indexOf(element, cursor);
            if (at >= 0) cursor = at + element.length();
            int offset = Math.min(bodyStart + Math.max(at, 0), s.text().length());
            if (offset < counted) counted = newlines = 0;
            newlines += newlines(s.text(), counted, offset);
            counted = offset;
            int line = s.line() + newlines;
            try {
                SqlTokens e = SqlTokens.mysql(element);
                MysqlTableChecks.Sizes before = MysqlTableChecks.sizes(table);
                Statement here = new Statement(s.text(), line); // warnings name the definition's line
                if (e.kind(0) == SqlTokens.Kind.QUOTED || !isTableElementKeyword(e)) {
                    table.columns.add(column(e, table.columns.size() + 1, table, here));
                } else {
                    tableElement(e, table, here);
                }
                MysqlTableChecks.added(table, before).forEach(o -> lines.put(o, line));
                names.check(table);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw ReadException.cannotParse(file, line, describe(t), e);
            }
        }
        try {
            MysqlTableChecks.checkColumns(table, lines);
        } catch (MysqlTableChecks.At e) {
            throw ReadException.at(file, e.line() > 0 ? e.line() : s.line(),
                    "cannot parse " + describe(t) + ": " + e.getMessage());
        }
        String charset = null;
        for (i = end + 1; i < t.size(); ) {
            if (t.isWord(i, "DEFAULT")) {
                i++;
            } else if (t.isWord(i, "CHARACTER", "SET") || t.isWord(i, "CHARSET")) {
                i += t.isWord(i, "CHARSET") ? 1 : 2;
                if (t.isSymbol(i, "=")) i++;
                charset = t.ident(i++);
            } else if (t.isWord(i, "COLLATE")) {
                i += t.isSymbol(i + 1, "=") ? 2 : 1;
                table.collation = MysqlDefinitions.collation(t.ident(i++));
            } else if (t.isWord(i, "COMMENT")) {
                i += t.isSymbol(i + 1, "=") ? 2 : 1;
                table.comment = SqlTokens.mysqlStringValue(t.text(i++));
            } else if (t.isWord(i, "PARTITION", "BY")) {
                warn(s, "table " + name + " is partitioned: partitioning is not part of the MySQL schema model yet");
                break;
            } else if (t.isWord(i, "ENGINE") || t.isWord(i, "TYPE")) { // TYPE=: the spelling before MySQL 5.5
                i += t.isSymbol(i + 1, "=") ? 2 : 1;
                table.storageEngine = t.ident(i++);
            } else if (t.isWord(i, "ROW_FORMAT") || t.isWord(i, "KEY_BLOCK_SIZE")) {
                boolean rowFormat = t.isWord(i, "ROW_FORMAT");
                i += t.isSymbol(i + 1, "=") ? 2 : 1;
                if (rowFormat) table.rowFormat(t.ident(i++));
                else table.keyBlockSize(t.text(i++));
            } else { // AUTO_INCREMENT=n, STATS_PERSISTENT=…, …: not modelled
                i += t.isSymbol(i + 1, "=") ? 3 : 2;
            }
        }
        if (table.collation == null && charset != null) {
            table.collation = MysqlDefinitions.defaultCollation(charset, engine, serverVersion);
        }
        if (problems != null) { // a script's table takes the database's defaults
            if (table.collation == null) table.collation = defaultCollation;
            if (table.storageEngine == null) table.storageEngine = defaultEngine;
        }
        tables.put(name, table);
    }

    private static int newlines(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') n++;
        }
        return n;
    }

    /** Words that start a table element other than a column (a dump backquotes every column name). */
    private static final Set<String> TABLE_ELEMENTS = Set.of("PRIMARY", "UNIQUE", "KEY", "INDEX", "FULLTEXT",
            "SPATIAL", "CONSTRAINT", "CHECK", "FOREIGN");

    private static boolean isTableElementKeyword(SqlTokens e) {
        return TABLE_ELEMENTS.contains(upper(e, 0));
    }

    private static boolean isKeyWord(SqlTokens e, int i) {
        return Set.of("KEY", "INDEX").contains(upper(e, i));
    }

    /** {@code name type [clauses…]}; clauses in any order, as MySQL allows. */
    private Column column(SqlTokens e, int position, MysqlTableParts table, Statement s) {
        String name = e.ident(0);
        int i = 2;
        if (e.isGroup(i)) i++;
        while (TYPE_SUFFIXES.contains(upper(e, i))) i++;
        if (e.size() < 2) throw new IllegalArgumentException("column " + name + " has no type");
        DataType type = MysqlTypes.parse(e.slice(1, i));
        boolean nullable = true;
        String defaultText = null;
        String onUpdate = null;
        Column.Identity identity = null;
        String generated = null;
        boolean virtual = false;
        boolean invisible = false;
        String charset = null;
        String collation = null;
        String comment = null;
        while (i < e.size()) {
            String w = upper(e, i);
            if (e.isWord(i, "NOT", "NULL")) {
                nullable = false;
                i += 2;
            } else if (w.equals("NULL")) {
                i++;
            } else if (w.equals("DEFAULT")) {
                int end = expressionEnd(e, i + 1, name);
                defaultText = e.slice(i + 1, end);
                i = end;
            } else if (e.isWord(i, "ON", "UPDATE")) {
                int end = expressionEnd(e, i + 2, name);
                onUpdate = e.slice(i + 2, end);
                i = end;
            } else if (w.equals("AUTO_INCREMENT")) {
                identity = Column.Identity.BY_DEFAULT;
                i++;
            } else if (w.equals("COMMENT")) {
                comment = SqlTokens.mysqlStringValue(e.text(i + 1));
                i += 2;
            } else if (e.isWord(i, "CHARACTER", "SET") || w.equals("CHARSET")) {
                i += w.equals("CHARSET") ? 1 : 2;
                charset = e.ident(i++);
            } else if (w.equals("COLLATE")) {
                collation = MysqlDefinitions.collation(e.ident(i + 1));
                i += 2;
            } else if (e.isWord(i, "GENERATED", "ALWAYS", "AS") || w.equals("AS")) {
                i += w.equals("AS") ? 1 : 3;
                if (!e.isGroup(i)) throw new IllegalArgumentException("expected (expression) after AS in column " + name);
                generated = e.inner(i++).trim();
            } else if (w.equals("VIRTUAL") || w.equals("STORED") || w.equals("PERSISTENT")) {
                virtual = w.equals("VIRTUAL");
                i++;
            } else if (w.equals("INVISIBLE")) {
                invisible = true;
                i++;
            } else if (w.equals("CHECK")) { // MariaDB prints a column's own CHECK here and names it after the column
                if (!e.isGroup(i + 1)) throw new IllegalArgumentException("expected (expression) after CHECK in column " + name);
                table.constraints.add(MysqlDefinitions.check(name, e.inner(i + 1)));
                i += 2;
            } else if (e.isWord(i, "PRIMARY", "KEY") || w.equals("KEY")) {
                table.constraints.add(MysqlDefinitions.keyConstraint(MysqlDefinitions.PRIMARY,
                        Constraint.Kind.PRIMARY_KEY, List.of(IndexKey.column(name))));
                i += w.equals("KEY") ? 1 : 2;
            } else if (w.equals("UNIQUE")) {
                table.constraints.add(MysqlDefinitions.keyConstraint(name, Constraint.Kind.UNIQUE, List.of(IndexKey.column(name))));
                i += e.isWord(i + 1, "KEY") ? 2 : 1;
            } else if (w.equals("SRID")) { // MySQL 8: /*!80003 SRID 4326 */
                skip(s, "SRID attribute", table.name.name() + "." + name + " SRID " + e.text(i + 1),
                        "a column's spatial reference system is not part of the schema model");
                i += 2;
            } else if (IGNORED_COLUMN_OPTIONS.contains(w)) {
                i += 2;
            } else if (e.isWord(i, "WITH", "SYSTEM", "VERSIONING") || e.isWord(i, "WITHOUT", "SYSTEM", "VERSIONING")) {
                i += 3;
            } else if (w.equals("COMPRESSED")) {
                i += e.isSymbol(i + 1, "=") ? 3 : 1;
            } else {
                throw new IllegalArgumentException("unexpected '" + e.text(i) + "' in column " + name);
            }
        }
        if (collation == null && charset != null) collation = MysqlDefinitions.defaultCollation(charset, engine, serverVersion);
        if (problems != null && defaultText != null) {
            MysqlScriptForms.checkDefault(name, defaultText);
            defaultText = MysqlScriptForms.asServerPrints(defaultText, type);
        }
        defaultText = MysqlExpressions.sequenceDefault(defaultText, database);
        String defaultExpr = MysqlExpressions.withOnUpdate(MysqlExpressions.normalizeDefault(defaultText, type), onUpdate);
        return new Column(name, position, type, nullable, defaultExpr, identity, generated, collation, comment, virtual,
                invisible);
    }

    /**
     * The index after a DEFAULT / ON UPDATE expression that starts at {@code i}: up to the next clause word.
     * A backquoted name outside parentheses cannot be part of it (the server prints a column reference in a
     * default inside parentheses): it is the next definition, after a missing comma.
     */
    private static int expressionEnd(SqlTokens e, int i, String column) {
        if (i >= e.size()) throw new IllegalArgumentException("an expression is missing in column " + column);
        int end = i + 1;
        while (end < e.size() && !COLUMN_CLAUSES.contains(upper(e, end))) {
            if (e.kind(end) == SqlTokens.Kind.QUOTED) {
                throw new IllegalArgumentException("unexpected '" + e.text(end) + "' in column " + column
                        + " (a missing comma before it?)");
            }
            end++;
        }
        return end;
    }

    /** PRIMARY KEY, UNIQUE, KEY/INDEX, FULLTEXT, SPATIAL, FOREIGN KEY and CHECK, with or without CONSTRAINT name. */
    private void tableElement(SqlTokens e, MysqlTableParts table, Statement s) {
        int i = 0;
        String constraintName = null;
        if (e.isWord(0, "CONSTRAINT")) {
            i = 1;
            if (e.isName(1) && !Set.of("PRIMARY", "UNIQUE", "FOREIGN", "CHECK").contains(upper(e, 1))
                    || e.kind(1) == SqlTokens.Kind.QUOTED) {
                constraintName = e.ident(1);
                i = 2;
            }
        }
        String w = upper(e, i);
        switch (w) {
            case "PRIMARY" -> {
                KeySpec k = keySpec(e, i + 2, table.name, s);
                table.constraints.add(MysqlDefinitions.keyConstraint(MysqlDefinitions.PRIMARY, Constraint.Kind.PRIMARY_KEY, k.keys));
            }
            case "UNIQUE" -> {
                int at = isKeyWord(e, i + 1) ? i + 2 : i + 1;
                KeySpec k = keySpec(e, at, table.name, s);
                String name = k.name != null ? k.name : constraintName != null ? constraintName : autoName(table, k);
                table.constraints.add(MysqlDefinitions.keyConstraint(name, Constraint.Kind.UNIQUE, k.keys));
            }
            case "KEY", "INDEX", "FULLTEXT", "SPATIAL" -> {
                int at = !w.equals("KEY") && !w.equals("INDEX") && isKeyWord(e, i + 1) ? i + 2 : i + 1;
                KeySpec k = keySpec(e, at, table.name, s);
                String method = w.equals("FULLTEXT") ? "fulltext" : w.equals("SPATIAL") ? "spatial"
                        : k.method != null ? k.method : "btree";
                String name = k.name != null ? k.name : autoName(table, k);
                table.indexes.add(new Index(name, false, method, k.keys, List.of(), null, false, k.comment));
            }
            case "FOREIGN" -> table.foreignKeys.add(foreignKey(e, i + 2,
                    constraintName == null && problems != null && e.isGroup(i + 2) ? foreignKeyName(table) : constraintName, table.name));
            case "CHECK" -> {
                if (!e.isGroup(i + 1)) throw new IllegalArgumentException("expected (expression) after CHECK");
                int after = i + 2;
                boolean enforced = true;
                if (e.isWord(after, "NOT", "ENFORCED")) { // MySQL 8.0.16+: /*!80016 NOT ENFORCED */
                    enforced = false;
                    after += 2;
                } else if (e.isWord(after, "ENFORCED")) {
                    after++;
                }
                if (after < e.size()) {
                    throw new IllegalArgumentException("unexpected '" + e.text(after) + "' after CHECK " + e.text(i + 1)
                            + " (a missing comma before it?)");
                }
                table.constraints.add(MysqlDefinitions.check(
                        constraintName != null ? constraintName : table.name.name() + "_chk", e.inner(i + 1), enforced));
            }
            default -> throw new IllegalArgumentException("unexpected '" + e.text(i) + "' in table " + table.name);
        }
    }

    /** The name MySQL and MariaDB give a foreign key written without one: {@code t_ibfk_1}, {@code t_ibfk_2}, … */
    private static String foreignKeyName(MysqlTableParts table) {
        String base = table.name.name() + "_ibfk_";
        int n = 1;
        while (true) {
            String name = base + n;
            if (table.foreignKeys.stream().noneMatch(f -> f.name().equals(name))) return name;
            n++;
        }
    }

    /**
     * The name MySQL and MariaDB give a key written without one: its first column's (MySQL 8's
     * {@code functional_index} for an expression), with {@code _2}, {@code _3} … when that is taken.
     */
    private static String autoName(MysqlTableParts table, KeySpec k) {
        IndexKey first = k.keys.get(0);
        String base = first.expression() ? "functional_index" : first.text();
        String name = base;
        for (int n = 2; MysqlTableChecks.keyNameTaken(table, name); n++) name = base + "_" + n;
        return name;
    }

    /** A key's name, method, parts and comment. */
    private record KeySpec(String name, String method, List<IndexKey> keys, String comment) {
    }

    /** {@code [name] [USING m] (parts) [USING m] [COMMENT '…'] [other options]} starting at {@code i}. */
    private KeySpec keySpec(SqlTokens e, int i, QName table, Statement s) {
        String name = null;
        String method = null;
        String comment = null;
        if (e.isName(i) && !e.isWord(i, "USING")) name = e.ident(i++);
        if (e.isWord(i, "USING")) {
            method = e.text(i + 1).toLowerCase(Locale.ROOT);
            i += 2;
        }
        if (!e.isGroup(i)) throw new IllegalArgumentException("expected the key parts of " + (name == null ? "a key" : name));
        List<IndexKey> keys = SqlTokens.splitTopLevel(e.inner(i++), Dialect.MYSQL).stream().map(MysqlDumpReader::keyPart).toList();
        while (i < e.size()) {
            String w = upper(e, i);
            if (w.equals("USING")) {
                method = e.text(i + 1).toLowerCase(Locale.ROOT);
                i += 2;
            } else if (w.equals("COMMENT")) {
                comment = SqlTokens.mysqlStringValue(e.text(i + 1));
                i += 2;
            } else if (e.isWord(i, "WITH", "PARSER")) {
                i += 3;
            } else if (e.isWord(i, "NOT", "IGNORED") || w.equals("VISIBLE")) {
                i += w.equals("NOT") ? 2 : 1;
            } else if (w.equals("IGNORED") || w.equals("INVISIBLE")) {
                skip(s, w.toLowerCase(Locale.ROOT) + " index", table.name() + "." + name,
                        "index visibility is not part of the schema model");
                i++;
            } else if (IGNORED_KEY_OPTIONS.contains(w)) {
                i += e.isSymbol(i + 1, "=") ? 3 : 2;
            } else {
                throw new IllegalArgumentException("unexpected '" + e.text(i) + "' in key "
                        + (name == null ? "of " + table : name) + " (a missing comma before it?)");
            }
        }
        return new KeySpec(name, method, keys, comment);
    }

    /** {@code `col`}, {@code `col`(191)}, {@code `col` DESC} or an expression key {@code (expr)}. */
    static IndexKey keyPart(String text) {
        SqlTokens p = SqlTokens.mysql(text);
        if (p.isGroup(0)) {
            return new IndexKey(p.inner(0).trim(), true, null, null, p.isWord(1, "DESC"), null, null);
        }
        int i = 1;
        Integer prefix = null;
        if (p.isGroup(i)) prefix = Integer.valueOf(p.inner(i++).trim());
        return new IndexKey(p.ident(0), false, null, null, p.isWord(i, "DESC"), null, prefix);
    }

    /** {@code (cols) REFERENCES t (cols) [ON DELETE a] [ON UPDATE a]} from {@code i} (after FOREIGN KEY). */
    private static ForeignKey foreignKey(SqlTokens e, int i, String constraintName, QName table) {
        String name = constraintName;
        if (!e.isGroup(i)) name = e.ident(i++);
        List<String> columns = SqlTokens.splitTopLevel(e.inner(i++), Dialect.MYSQL).stream()
                .map(c -> SqlTokens.unquote(c, Dialect.MYSQL)).toList();
        i = e.expect(i, "REFERENCES");
        int end = e.nameEnd(i);
        QName referenced = qname(e, i, end);
        List<String> refColumns = SqlTokens.splitTopLevel(e.inner(end), Dialect.MYSQL).stream()
                .map(c -> SqlTokens.unquote(c, Dialect.MYSQL)).toList();
        if (!e.isGroup(end)) throw new IllegalArgumentException("expected the referenced columns of foreign key " + name);
        String onDelete = null;
        String onUpdate = null;
        for (int j = end + 1; j < e.size(); ) {
            if (e.isWord(j, "ON", "DELETE") || e.isWord(j, "ON", "UPDATE")) {
                int k = j + 2;
                boolean twoWords = e.isWord(k, "SET") || e.isWord(k, "NO");
                String action = twoWords ? e.slice(k, k + 2) : e.text(k);
                if (!Set.of("CASCADE", "RESTRICT", "SET NULL", "SET DEFAULT", "NO ACTION")
                        .contains(action.toUpperCase(Locale.ROOT).replaceAll("\\s+", " "))) {
                    throw new IllegalArgumentException("unexpected action '" + action + "' in foreign key " + name);
                }
                if (e.isWord(j + 1, "DELETE")) onDelete = action;
                else onUpdate = action;
                j = k + (twoWords ? 2 : 1);
            } else if (e.isWord(j, "MATCH")) {
                j += 2;
            } else {
                throw new IllegalArgumentException("unexpected '" + e.text(j) + "' after foreign key " + name
                        + " (a missing comma before it?)");
            }
        }
        if (name == null) throw new IllegalArgumentException("a foreign key of " + table + " has no name");
        return new ForeignKey(name, columns, referenced, refColumns, MysqlDefinitions.foreignKeyAction(onUpdate),
                MysqlDefinitions.foreignKeyAction(onDelete), "SIMPLE", false, false, true);
    }

    // ---- views, triggers, the rest ----

    /** CREATE [OR REPLACE] [ALGORITHM=…] [DEFINER=…] [SQL SECURITY …] VIEW|TRIGGER|FUNCTION|… */
    private void createOther(SqlTokens t, Statement s) {
        int at = 1;
        while (at < t.size() && !(t.kind(at) == SqlTokens.Kind.WORD && CREATE_KINDS.contains(upper(t, at)))) at++;
        String kind = at < t.size() ? upper(t, at) : "";
        switch (kind) {
            case "VIEW" -> createView(t, at + 1);
            case "TRIGGER" -> createTrigger(t, at + 1, s);
            case "SEQUENCE" -> createSequence(t, at + 1, s);
            case "PROCEDURE", "FUNCTION", "EVENT", "AGGREGATE" -> createRoutine(t, at);
            default -> {
                if (kind.isEmpty()) {
                    skip(s, "statement", describe(t), "not part of the MySQL schema model");
                } else {
                    int name = Math.min(at + 1, t.size() - 1);
                    if (t.isWord(name, "IF", "NOT", "EXISTS")) name = Math.min(name + 3, t.size() - 1);
                    skip(s, kind.toLowerCase(Locale.ROOT), t.isName(name) ? t.ident(name) : t.text(name),
                            "not part of the MySQL schema model");
                }
            }
        }
    }

    private void createView(SqlTokens t, int i) {
        int end = t.nameEnd(i);
        QName name = qname(t, i, end);
        if (t.isGroup(end)) end++;
        int as = t.expect(end, "AS");
        int stop = t.size();
        for (int j = as; j < t.size(); j++) {
            if (t.isWord(j, "WITH") && (t.isWord(j + 1, "CHECK") || t.isWord(j + 2, "CHECK"))) stop = j;
        }
        views.put(name, new View(name, false, MysqlExpressions.viewDefinition(t.slice(as, stop)), null));
    }

    // ---- MariaDB sequences ----

    /** {@code CREATE [OR REPLACE] SEQUENCE [IF NOT EXISTS] name …}: {@code i} is the token after SEQUENCE. */
    private void createSequence(SqlTokens t, int i, Statement s) {
        boolean ifNotExists = t.isWord(i, "IF", "NOT", "EXISTS");
        if (ifNotExists) i += 3;
        int end = t.nameEnd(i);
        QName name = qname(t, i, end);
        if (problems != null && !t.isWord(1, "OR", "REPLACE") && (sequences.containsKey(name) || tables.containsKey(name))) {
            if (ifNotExists) return;
            throw new IllegalArgumentException("table " + name + " already exists");
        }
        try {
            sequences.put(name, MysqlSequences.create(name, t, end));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ReadException.cannotParse(file, s.line(), Excerpts.words(t.slice(0, end)), asArgument(e));
        }
    }

    /** {@code ALTER SEQUENCE [IF EXISTS] name options…} (a script's; dumps do not alter). */
    private void alterSequence(SqlTokens t, Statement s) {
        boolean ifExists = t.isWord(2, "IF", "EXISTS");
        int i = ifExists ? 4 : 2;
        int end = t.nameEnd(i);
        QName name = qname(t, i, end);
        Sequence before = sequences.get(name);
        if (before == null) {
            if (ifExists) return;
            throw new IllegalArgumentException("unknown sequence " + name);
        }
        try {
            sequences.put(name, MysqlSequences.alter(before, t, end));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ReadException.cannotParse(file, s.line(), Excerpts.words(t.slice(0, end)), asArgument(e));
        }
    }

    /** A number past what a long holds (BigInteger's exact conversions) reads as one. */
    private static IllegalArgumentException asArgument(RuntimeException e) {
        return e instanceof IllegalArgumentException a ? a : new IllegalArgumentException("a number out of range");
    }

    /** {@code DROP SEQUENCE [IF EXISTS] a, b}: a script's sequence that is not there fails the statement unless IF EXISTS. */
    private void dropSequences(SqlTokens t, Statement s) {
        List<QName> names = dropped(t);
        if (problems != null && !t.isWord(2, "IF", "EXISTS")) {
            for (QName n : names) if (!sequences.containsKey(n)) throw new IllegalArgumentException("unknown sequence " + n);
        }
        names.forEach(sequences::remove);
    }

    /**
     * {@code DO SETVAL(`s`, 1001, 0)} (mariadb-dump 11.x) or {@code SELECT SETVAL(…)} (10.x) after a sequence the
     * dump made: its current value, which the model does not hold. Any other SELECT or DO is counted as data.
     */
    private void selectOrDo(SqlTokens t, Statement s) {
        if (t.size() == 3 && t.isWord(1, "SETVAL") && t.isGroup(2)) {
            SqlTokens args = SqlTokens.mysql(t.inner(2));
            if (args.size() > 0 && args.isName(0) && sequences.containsKey(qname(args, 0, args.nameEnd(0)))) return;
        }
        data(s);
    }

    private static String routineKey(String kind, QName name) {
        return kind + " " + name;
    }

    /**
     * {@code CREATE [OR REPLACE] … PROCEDURE|FUNCTION|EVENT [IF NOT EXISTS] name …}. A script's CREATE of a routine
     * that exists fails, as on the server, unless OR REPLACE (MariaDB) or IF NOT EXISTS says otherwise.
     */
    private void createRoutine(SqlTokens t, int at) {
        Routine r = MysqlRoutines.parse(t, at);
        String key = routineKey(r.kind(), r.name());
        if (problems != null && routines.containsKey(key) && !t.isWord(1, "OR", "REPLACE")) {
            if (t.isWord(t.isWord(at, "AGGREGATE") ? at + 2 : at + 1, "IF", "NOT", "EXISTS")) return;
            throw new IllegalArgumentException(r.kind() + " " + r.name() + " already exists");
        }
        routines.put(key, r);
    }

    /** {@code DROP PROCEDURE|FUNCTION|EVENT [IF EXISTS] name}; a dump drops each routine before it creates it. */
    private void dropRoutine(SqlTokens t, Statement s) {
        boolean ifExists = t.isWord(2, "IF", "EXISTS");
        int i = ifExists ? 4 : 2;
        String key = routineKey(MysqlRoutines.kind(t.text(1)), qname(t, i, t.nameEnd(i)));
        if (routines.remove(key) == null && !ifExists && problems != null) throw new IllegalArgumentException("unknown " + key);
    }

    /**
     * A script's {@code ALTER [DEFINER=…] PROCEDURE|FUNCTION|EVENT name …} on a routine the model has (a dump
     * writes none); {@code ALTER DEFINER=… VIEW} stays a skipped statement, as before.
     */
    private void alterRoutine(SqlTokens t, Statement s) {
        int at = 1;
        while (at < t.size() && !(t.kind(at) == SqlTokens.Kind.WORD && CREATE_KINDS.contains(upper(t, at)))) at++;
        if (at >= t.size() || MysqlRoutines.kind(t.text(at)) == null || t.isWord(at, "AGGREGATE")) {
            skip(s, "statement", describe(t), "not part of the schema model");
            return;
        }
        int end = t.nameEnd(at + 1);
        String key = routineKey(MysqlRoutines.kind(t.text(at)), qname(t, at + 1, end));
        Routine old = routines.get(key);
        if (old == null) throw new IllegalArgumentException("unknown " + key);
        Routine altered = MysqlRoutines.altered(old, t, end);
        routines.remove(key);
        routines.put(routineKey(altered.kind(), altered.name()), altered);
    }

    /** {@code TRIGGER name BEFORE|AFTER event ON table FOR EACH ROW [FOLLOWS|PRECEDES other] body}. */
    private void createTrigger(SqlTokens t, int i, Statement s) {
        String name = t.ident(i);
        String timing = upper(t, i + 1);
        String event = upper(t, i + 2);
        int on = t.expect(i + 3, "ON");
        int end = t.nameEnd(on);
        QName table = qname(t, on, end);
        int body = t.expect(end, "FOR", "EACH", "ROW");
        if (t.isWord(body, "FOLLOWS") || t.isWord(body, "PRECEDES")) body += 2;
        MysqlTableParts parts = tables.get(table);
        if (parts == null) throw new IllegalArgumentException("trigger " + name + " on unknown table " + table);
        parts.triggers.add(MysqlDefinitions.trigger(name, timing, event, table.name(), t.rest(body)));
    }

    /** mysqldump writes only DISABLE/ENABLE KEYS as ALTER TABLE; a script's actions are applied one by one. */
    private void alterTable(SqlTokens t, Statement s) {
        int at = t.isWord(2, "IGNORE") ? 3 : 2;
        int end = t.nameEnd(at);
        if (t.isWord(end, "DISABLE", "KEYS") || t.isWord(end, "ENABLE", "KEYS")) {
            data(s);
        } else if (problems == null) {
            skip(s, "ALTER TABLE statement", "on " + qname(t, at, end), "a dump's ALTER TABLE is not read");
        } else {
            MysqlTableParts table = table(qname(t, at, end));
            for (String action : SqlTokens.splitTopLevel(t.rest(end), Dialect.MYSQL)) alterAction(table, SqlTokens.mysql(action), s);
        }
    }

    private MysqlTableParts table(QName name) {
        MysqlTableParts table = tables.get(name);
        if (table == null) throw new IllegalArgumentException("unknown table " + name);
        return table;
    }

    /** One action of a script's ALTER TABLE, as the server applies it. */
    private void alterAction(MysqlTableParts table, SqlTokens a, Statement s) {
        String w = upper(a, 0);
        int i = 1;
        switch (w) {
            case "ADD" -> {
                if (a.isWord(1, "COLUMN")) i = 2;
                if (i == 1 && isTableElementKeyword(SqlTokens.mysql(a.rest(1)))) {
                    tableElement(SqlTokens.mysql(a.rest(1)), table, s);
                    return;
                }
                boolean ifNotExists = a.isWord(i, "IF", "NOT", "EXISTS");
                if (ifNotExists) i += 3;
                String name = a.ident(i);
                if (table.columns.stream().anyMatch(c -> c.name().equalsIgnoreCase(name))) {
                    if (ifNotExists) return;
                    throw new IllegalArgumentException("table " + table.name + " already has a column " + name);
                }
                placeColumn(table, a, i, null, s);
            }
            case "MODIFY" -> {
                if (a.isWord(1, "COLUMN")) i = 2;
                placeColumn(table, a, i, column(table, a.ident(i)).name(), s);
            }
            case "CHANGE" -> {
                if (a.isWord(1, "COLUMN")) i = 2;
                String old = column(table, a.ident(i)).name();
                String renamed = a.ident(i + 1);
                placeColumn(table, a, i + 1, old, s);
                if (!old.equals(renamed)) MysqlTableParts.renameInKeys(table, old, renamed);
            }
            case "DROP" -> dropAction(table, a);
            case "RENAME" -> renameAction(table, a);
            case "ALTER" -> {
                if (a.isWord(1, "COLUMN")) i = 2;
                Column c = column(table, a.ident(i));
                if (a.isWord(i + 1, "SET", "DEFAULT")) {
                    String text = a.rest(i + 3);
                    MysqlScriptForms.checkDefault(c.name(), text);
                    table.replace(c.withDefault(MysqlExpressions.normalizeDefault(MysqlScriptForms.asServerPrints(text, c.type()), c.type())));
                } else if (a.isWord(i + 1, "DROP", "DEFAULT")) {
                    table.replace(c.withDefault(null));
                } else {
                    throw new IllegalArgumentException("unexpected '" + Excerpts.of(a.rest(i + 1)) + "' in ALTER COLUMN " + c.name());
                }
            }
            case "ALGORITHM", "LOCK" -> { } // how the server runs it, not what it makes
            case "ENGINE" -> table.storageEngine = a.ident(a.isSymbol(1, "=") ? 2 : 1);
            default -> throw new IllegalArgumentException("unexpected ALTER TABLE action '" + Excerpts.of(a.rest(0)) + "'");
        }
    }

    private static Column column(MysqlTableParts table, String name) {
        return table.columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("table " + table.name + " has no column " + name));
    }

    /**
     * The column defined from token {@code from} of {@code a} ({@code name type clauses [FIRST | AFTER c]}): added
     * at the end, or in place of {@code replacing} (MODIFY, CHANGE), or where FIRST / AFTER puts it.
     */
    private void placeColumn(MysqlTableParts table, SqlTokens a, int from, String replacing, Statement s) {
        int n = a.size();
        String after = null;
        boolean first = false;
        if (a.isWord(n - 1, "FIRST")) {
            first = true;
            n--;
        } else if (n >= 2 && a.isWord(n - 2, "AFTER")) {
            after = a.ident(n - 1);
            n -= 2;
        }
        List<Column> cols = table.columns;
        int at = replacing == null ? cols.size() : indexOf(cols, replacing);
        Column c = column(SqlTokens.mysql(a.slice(from, n)), at + 1, table, s);
        if (replacing != null) cols.remove(at);
        if (first) at = 0;
        else if (after != null) at = indexOf(cols, column(table, after).name()) + 1;
        cols.add(at, c);
        for (int k = 0; k < cols.size(); k++) cols.set(k, cols.get(k).withPosition(k + 1));
    }

    private static int indexOf(List<Column> cols, String name) {
        for (int k = 0; k < cols.size(); k++) {
            if (cols.get(k).name().equalsIgnoreCase(name)) return k;
        }
        throw new IllegalArgumentException("no column " + name);
    }

    /** DROP [COLUMN] c, DROP INDEX|KEY k, DROP PRIMARY KEY, DROP FOREIGN KEY f, DROP CONSTRAINT|CHECK n. */
    private void dropAction(MysqlTableParts table, SqlTokens a) {
        if (a.isWord(1, "PRIMARY", "KEY")) {
            if (!table.constraints.removeIf(c -> c.kind() == Constraint.Kind.PRIMARY_KEY)) {
                throw new IllegalArgumentException("table " + table.name + " has no primary key");
            }
        } else if (a.isWord(1, "INDEX") || a.isWord(1, "KEY")) {
            dropKey(table, a.ident(a.isWord(2, "IF", "EXISTS") ? 4 : 2), a.isWord(2, "IF", "EXISTS"));
        } else if (a.isWord(1, "FOREIGN", "KEY")) {
            boolean ifExists = a.isWord(3, "IF", "EXISTS");
            String name = a.ident(ifExists ? 5 : 3);
            if (!table.foreignKeys.removeIf(f -> f.name().equals(name)) && !ifExists) {
                throw new IllegalArgumentException("table " + table.name + " has no foreign key " + name);
            }
        } else if (a.isWord(1, "CONSTRAINT") || a.isWord(1, "CHECK")) {
            boolean ifExists = a.isWord(2, "IF", "EXISTS");
            String name = a.ident(ifExists ? 4 : 2);
            boolean removed = table.constraints.removeIf(c -> c.name().equals(name) && c.kind() != Constraint.Kind.PRIMARY_KEY)
                    | table.foreignKeys.removeIf(f -> f.name().equals(name));
            if (!removed && !ifExists) throw new IllegalArgumentException("table " + table.name + " has no constraint " + name);
        } else {
            int i = a.isWord(1, "COLUMN") ? 2 : 1;
            boolean ifExists = a.isWord(i, "IF", "EXISTS");
            if (ifExists) i += 2;
            String name = a.ident(i);
            if (table.columns.stream().noneMatch(c -> c.name().equalsIgnoreCase(name))) {
                if (ifExists) return;
                throw new IllegalArgumentException("table " + table.name + " has no column " + name);
            }
            String column = column(table, name).name();
            table.columns.removeIf(c -> c.name().equals(column));
            for (int k = 0; k < table.columns.size(); k++) table.columns.set(k, table.columns.get(k).withPosition(k + 1));
            MysqlTableParts.dropFromKeys(table, column);
        }
    }

    private static void dropKey(MysqlTableParts table, String name, boolean ifExists) {
        boolean removed = table.indexes.removeIf(x -> x.name().equalsIgnoreCase(name))
                | table.constraints.removeIf(c -> c.kind() != Constraint.Kind.CHECK && c.name().equalsIgnoreCase(name));
        if (!removed && !ifExists) throw new IllegalArgumentException("table " + table.name + " has no index " + name);
    }

    /** RENAME [TO|AS] t2, RENAME COLUMN a TO b, RENAME INDEX|KEY a TO b. */
    private void renameAction(MysqlTableParts table, SqlTokens a) {
        if (a.isWord(1, "COLUMN")) {
            String old = column(table, a.ident(2)).name();
            String renamed = a.ident(a.expect(3, "TO"));
            Column c = column(table, old);
            table.replace(old, new Column(renamed, c.position(), c.type(), c.nullable(), c.defaultExpr(), c.identity(),
                    c.generatedExpr(), c.collation(), c.comment(), c.virtual(), c.invisible()));
            MysqlTableParts.renameInKeys(table, old, renamed);
        } else if (a.isWord(1, "INDEX") || a.isWord(1, "KEY")) {
            String old = a.ident(2);
            String renamed = a.ident(a.expect(3, "TO"));
            boolean found = table.indexes.stream().anyMatch(x -> x.name().equalsIgnoreCase(old))
                    || table.constraints.stream().anyMatch(c -> c.name().equalsIgnoreCase(old));
            if (!found) throw new IllegalArgumentException("table " + table.name + " has no index " + old);
            table.indexes.replaceAll(x -> x.name().equalsIgnoreCase(old) ? x.renamed(renamed) : x);
            table.constraints.replaceAll(c -> c.name().equalsIgnoreCase(old) ? c.renamed(renamed) : c);
        } else {
            int i = a.isWord(1, "TO") || a.isWord(1, "AS") ? 2 : 1;
            renameTable(table.name, qname(a, i, a.nameEnd(i)));
        }
    }

    private void renameTable(QName from, QName to) {
        MysqlTableParts table = table(from);
        if (tables.containsKey(to)) throw new IllegalArgumentException("table " + to + " already exists");
        Map<QName, MysqlTableParts> reordered = new LinkedHashMap<>();
        tables.forEach((k, v) -> reordered.put(k.equals(from) ? to : k, v == table ? table.renamed(to) : v));
        tables.clear();
        tables.putAll(reordered);
        for (MysqlTableParts t : tables.values()) {
            t.foreignKeys.replaceAll(f -> !f.referencedTable().equals(from) ? f : new ForeignKey(f.name(), f.columns(), to,
                    f.referencedColumns(), f.onUpdate(), f.onDelete(), f.match(), f.deferrable(), f.initiallyDeferred(), f.validated()));
        }
    }

    /** {@code RENAME TABLE a TO b [, c TO d]}. */
    private void renameTables(SqlTokens t, Statement s) {
        for (String pair : SqlTokens.splitTopLevel(t.rest(2), Dialect.MYSQL)) {
            SqlTokens p = SqlTokens.mysql(pair);
            int end = p.nameEnd(0);
            int to = p.expect(end, "TO");
            renameTable(qname(p, 0, end), qname(p, to, p.nameEnd(to)));
        }
    }

    /** A script's {@code DROP TABLE [IF EXISTS] a, b}: a table that is not there fails the statement unless IF EXISTS. */
    private void dropTables(SqlTokens t, Statement s) {
        boolean ifExists = t.isWord(2, "IF", "EXISTS");
        List<QName> names = dropped(t);
        for (QName n : names) {
            if (!tables.containsKey(n) && !sequences.containsKey(n) && !ifExists) throw new IllegalArgumentException("unknown table " + n);
        }
        names.forEach(tables::remove);
        names.forEach(sequences::remove); // DROP TABLE drops a sequence too
    }

    /**
     * {@code CREATE [UNIQUE] INDEX name ON t (parts) [options]}: a key of the table, as the dump prints it ({@code KEY}
     * or {@code UNIQUE KEY} inside the table).
     */
    private void createIndex(SqlTokens t, int indexWord, boolean unique, Statement s) {
        int i = t.expect(indexWord, "INDEX");
        if (t.isWord(i, "IF", "NOT", "EXISTS")) i += 3;
        String name = t.ident(i);
        int on = t.expect(i + 1, "ON");
        int end = t.nameEnd(on);
        MysqlTableParts table = table(qname(t, on, end));
        String element = (unique ? "UNIQUE KEY " : "KEY ") + t.slice(i, i + 1) + " " + t.rest(end);
        tableElement(SqlTokens.mysql(element), table, s);
    }

    /** {@code DROP INDEX [IF EXISTS] name ON t}. */
    private void dropIndex(SqlTokens t, Statement s) {
        boolean ifExists = t.isWord(2, "IF", "EXISTS");
        int i = ifExists ? 4 : 2;
        String name = t.ident(i);
        int on = t.expect(i + 1, "ON");
        dropKey(table(qname(t, on, t.nameEnd(on))), name, ifExists);
    }
}
