package io.schemaplan.scriptplan;

import io.schemaplan.impact.PgImpacts;
import io.schemaplan.impact.PgTypeChanges;
import io.schemaplan.impact.TableSizes;
import io.schemaplan.impact.Work;
import io.schemaplan.model.DataType;
import io.schemaplan.model.Index;
import io.schemaplan.model.QName;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Stats;
import io.schemaplan.model.Table;
import io.schemaplan.normalize.PgTypes;
import io.schemaplan.normalize.SqlTokens;
import io.schemaplan.scriptplan.DataEffect.Rows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps one PostgreSQL statement to operations of {@code impact/PgRules}, against the model before the
 * script and what the script has done so far (tables it created, columns it added, indexes it built,
 * constraints it validated). Statements are fed in script order; the object remembers that state. No I/O.
 */
final class PgStatements {
    /** Tables a migration tool keeps its own history in: writes to them are bookkeeping, one row. */
    static final Set<String> BOOKKEEPING_TABLES = Set.of("alembic_version", "flyway_schema_history",
            "schema_migrations", "django_migrations", "databasechangelog", "databasechangeloglock",
            "ar_internal_metadata", "knex_migrations", "knex_migrations_lock");
    private static final Pattern VERSION = Pattern.compile("(?i)version_num\\s*=\\s*'([^']+)'|VALUES\\s*\\(\\s*'([^']+)'");
    private static final Set<String> COLUMN_CLAUSE_WORDS = Set.of("default", "not", "null", "constraint", "primary",
            "unique", "check", "references", "generated", "collate", "compression", "storage");
    private static final Set<String> SERIALS = Set.of("serial", "bigserial", "smallserial", "serial4", "serial8",
            "serial2");

    /** A column the script added: its type and whether every existing row holds NULL in it. */
    record Added(DataType type, boolean nullInEveryRow) {
    }

    private final Schema schema;
    /** The model just before the statement being classified: the replay's step, or FROM without a replay. */
    private Schema model;
    private final TableSizes sizes;
    private final Set<QName> created = new HashSet<>();
    private final Map<QName, Map<String, Added>> added = new HashMap<>();
    private final Map<String, QName> indexes = new HashMap<>();
    private final Map<String, String> checks = new HashMap<>();
    private final Set<String> foreignKeys = new HashSet<>();
    private final Set<String> validNotNull = new HashSet<>();

    private final SqlTokens.Dialect dialect;

    PgStatements(Schema schema, Stats stats) {
        this(schema, stats, SqlTokens.Dialect.POSTGRES);
    }

    /**
     * With {@code dialect} MYSQL, only the statements both engines share are meant to be classified here
     * (transactions, settings, data statements); {@link MyStatements} handles MySQL DDL.
     */
    PgStatements(Schema schema, Stats stats, SqlTokens.Dialect dialect) {
        this.dialect = dialect;
        this.schema = schema;
        this.model = schema;
        this.sizes = new TableSizes(schema, schema, stats);
        for (Table t : schema.tables()) {
            for (Index i : t.indexes()) indexes.put(i.name(), t.name());
            t.foreignKeys().forEach(f -> foreignKeys.add(f.name()));
        }
    }

    /** The model before the next statement (the replay's step), what type, index and constraint look-ups read. */
    void at(Schema before) {
        model = before;
    }

    Schema model() {
        return model;
    }

    /** Whether the script created the table (it has no rows a lock could keep anyone from). */
    boolean createdByScript(QName t) {
        return created.contains(t);
    }

    Classified classify(String sql) {
        SqlTokens t;
        try {
            t = SqlTokens.of(sql, dialect);
        } catch (IllegalArgumentException e) {
            return Classified.of(StatementKind.UNKNOWN, "not understood: " + e.getMessage());
        }
        if (t.size() == 0) return Classified.of(StatementKind.UNKNOWN, "empty");
        try {
            return dispatch(t);
        } catch (IllegalArgumentException e) {
            return Classified.of(StatementKind.UNKNOWN, "not understood: " + e.getMessage());
        }
    }

    private Classified dispatch(SqlTokens t) {
        if (t.isWord(0, "BEGIN") || t.isWord(0, "START", "TRANSACTION")) return Classified.of(StatementKind.BEGIN, null);
        if (t.isWord(0, "COMMIT") || t.isWord(0, "END")) return Classified.of(StatementKind.COMMIT, null);
        if (t.isWord(0, "ROLLBACK") || t.isWord(0, "ABORT")) return Classified.of(StatementKind.ROLLBACK, null);
        if (t.isWord(0, "SET") || t.isWord(0, "RESET")) return setting(t);
        if (t.isWord(0, "SAVEPOINT") || t.isWord(0, "RELEASE")) return Classified.of(StatementKind.SETTING, null);
        if (dialect != SqlTokens.Dialect.MYSQL && t.isWord(0, "SELECT") && sequenceCall(t, 1) > 0) return sequenceValues(t);
        if (t.isWord(0, "SELECT") || t.isWord(0, "SHOW") || t.isWord(0, "EXPLAIN")) return Classified.of(StatementKind.READ, null);
        if (t.isWord(0, "VACUUM")) return maintenance(t, "VACUUM", true);
        if (t.isWord(0, "ANALYZE") || t.isWord(0, "ANALYSE")) return maintenance(t, "ANALYZE", false);
        if (t.isWord(0, "CLUSTER")) return maintenance(t, "CLUSTER", false);
        if (t.isWord(0, "GRANT") || t.isWord(0, "REVOKE")) return privileges(t);
        if (t.isWord(0, "ALTER", "DEFAULT", "PRIVILEGES")) return global("PRIVILEGES");
        if (t.isWord(0, "LOCK")) return lock(t);
        if (t.isWord(0, "ALTER", "POLICY")) return ddl("ALTER_POLICY", tableAfter(t, t.find(0, "ON") + 1));
        if (t.isWord(0, "ALTER") && ownerOrSchema(t) != null) return ddl(ownerOrSchema(t), tableAfter(t, relationName(t)));
        if (t.isWord(0, "DISCARD") || t.isWord(0, "LISTEN") || t.isWord(0, "UNLISTEN") || t.isWord(0, "NOTIFY")) {
            return Classified.of(StatementKind.SETTING, "a session command: no lock, nothing in the schema");
        }
        if (t.isWord(0, "UPDATE")) return update(t);
        if (t.isWord(0, "DELETE", "FROM")) return delete(t);
        if (t.isWord(0, "INSERT", "INTO")) return insert(t);
        if (t.isWord(0, "TRUNCATE")) return truncate(t);
        if (t.isWord(0, "DO")) return doBlock(t);
        if (t.isWord(0, "ALTER", "TABLE")) return alterTable(t);
        if (t.isWord(0, "CREATE", "TABLE") || t.isWord(0, "CREATE", "UNLOGGED", "TABLE")) return createTable(t);
        if (t.isWord(0, "CREATE") && t.find(1, "INDEX") > 0 && t.find(1, "INDEX") <= 2) return createIndex(t);
        if (t.isWord(0, "DROP", "INDEX")) return dropIndex(t);
        if (t.isWord(0, "DROP", "TABLE")) return dropTable(t);
        if (t.isWord(0, "ALTER", "INDEX")) return onIndex(t, 2, "RENAME_INDEX");
        if (t.isWord(0, "REINDEX")) return reindex(t);
        if (t.isWord(0, "ALTER", "TYPE")) return alterType(t);
        if (t.isWord(0, "COMMENT", "ON")) return comment(t);
        if (t.isWord(0, "CREATE", "TRIGGER") || t.isWord(0, "CREATE", "OR", "REPLACE", "TRIGGER")) {
            return ddl("CREATE_TRIGGER", tableAfter(t, t.find(0, "ON") + 1));
        }
        if (t.isWord(0, "DROP", "TRIGGER")) return ddl("DROP_TRIGGER", tableAfter(t, t.find(0, "ON") + 1));
        if (t.isWord(0, "CREATE", "POLICY")) return ddl("CREATE_POLICY", tableAfter(t, t.find(0, "ON") + 1));
        if (t.isWord(0, "DROP", "POLICY")) return ddl("DROP_POLICY", tableAfter(t, t.find(0, "ON") + 1));
        if (t.isWord(0, "CREATE", "MATERIALIZED", "VIEW")) return global("CREATE_MATERIALIZED_VIEW");
        if (t.isWord(0, "REFRESH", "MATERIALIZED", "VIEW")) {
            boolean conc = t.isWord(3, "CONCURRENTLY");
            QName v = tableAfter(t, conc ? 4 : 3);
            return new Classified(StatementKind.DDL, List.of(new Operation(conc ? "REFRESH_MATERIALIZED_VIEW_CONCURRENTLY"
                    : "REFRESH_MATERIALIZED_VIEW", v, null, work(v))), false, null, null, null);
        }
        String[][] simple = {
                {"CREATE SCHEMA", "CREATE_SCHEMA"}, {"DROP SCHEMA", "DROP_SCHEMA"},
                {"CREATE EXTENSION", "CREATE_EXTENSION"}, {"DROP EXTENSION", "DROP_EXTENSION"},
                {"ALTER EXTENSION", "ALTER_EXTENSION"}, {"CREATE SEQUENCE", "CREATE_SEQUENCE"},
                {"ALTER SEQUENCE", "ALTER_SEQUENCE"}, {"DROP SEQUENCE", "DROP_SEQUENCE"},
                {"CREATE VIEW", "CREATE_VIEW"}, {"CREATE OR REPLACE VIEW", "CREATE_OR_REPLACE_VIEW"},
                {"DROP VIEW", "DROP_VIEW"}, {"DROP MATERIALIZED VIEW", "DROP_MATERIALIZED_VIEW"},
                {"CREATE FUNCTION", "CREATE_FUNCTION"}, {"CREATE OR REPLACE FUNCTION", "CREATE_FUNCTION"},
                {"CREATE PROCEDURE", "CREATE_FUNCTION"}, {"CREATE OR REPLACE PROCEDURE", "CREATE_FUNCTION"},
                {"DROP FUNCTION", "DROP_FUNCTION"}, {"DROP PROCEDURE", "DROP_FUNCTION"},
                {"CREATE DOMAIN", "CREATE_DOMAIN"}, {"DROP TYPE", "DROP_TYPE"}, {"DROP DOMAIN", "DROP_TYPE"},
                {"CREATE RULE", "CREATE_RULE"}, {"CREATE OR REPLACE RULE", "CREATE_RULE"},
                {"ALTER SCHEMA", "ALTER_SCHEMA"}, {"ALTER FUNCTION", "ALTER_FUNCTION"},
                {"ALTER PROCEDURE", "ALTER_FUNCTION"}, {"ALTER ROUTINE", "ALTER_FUNCTION"},
                {"CREATE ROLE", "ROLE"}, {"ALTER ROLE", "ROLE"}, {"DROP ROLE", "ROLE"}, {"CREATE USER", "ROLE"},
                {"ALTER USER", "ROLE"}, {"DROP USER", "ROLE"}, {"CREATE GROUP", "ROLE"}, {"ALTER GROUP", "ROLE"},
                {"DROP GROUP", "ROLE"}, {"DROP OWNED", "ROLE"}, {"REASSIGN OWNED", "ROLE"}};
        for (String[] s : simple) {
            if (t.isWord(0, s[0].split(" "))) return global(s[1]);
        }
        if (t.isWord(0, "CREATE", "TYPE")) {
            return t.find(2, "ENUM") > 0 ? global("CREATE_ENUM") : global("CREATE_DOMAIN");
        }
        return Classified.of(StatementKind.UNKNOWN, "a statement the planner does not know: check it by hand");
    }

    // ---- privileges, owners, maintenance, explicit locks ----

    /** Object kinds of GRANT … ON whose privileges live outside pg_class: no table's row is touched. */
    private static final Set<String> NOT_RELATIONS = Set.of("schema", "function", "procedure", "routine", "database",
            "type", "domain", "language", "foreign", "large", "tablespace", "parameter");

    /**
     * GRANT / REVOKE: on named tables and sequences one operation each (their pg_class rows are updated), on ALL …
     * IN SCHEMA one for all, on other objects and role membership a catalog operation.
     */
    private Classified privileges(SqlTokens t) {
        int on = t.find(1, "ON");
        int to = t.find(1, t.isWord(0, "GRANT") ? "TO" : "FROM");
        if (on < 0 || to >= 0 && to < on) return global("PRIVILEGES");
        int i = on + 1;
        if (t.isWord(i, "ALL")) return global("GRANT_IN_SCHEMA");
        if (t.kind(i) == SqlTokens.Kind.WORD && NOT_RELATIONS.contains(t.text(i).toLowerCase(Locale.ROOT))) {
            return global("PRIVILEGES");
        }
        if (t.isWord(i, "TABLE") || t.isWord(i, "SEQUENCE")) i++;
        List<Operation> ops = new ArrayList<>();
        while (i < t.size() && t.isName(i) && i != to) {
            int end = t.nameEnd(i);
            ops.add(new Operation("GRANT_ON_TABLE", qname(t, i, end), null, Work.NONE));
            i = end;
            if (!t.isSymbol(i, ",")) break;
            i++;
        }
        return Classified.ddl(ops);
    }

    /** {@code ALTER TABLE|SEQUENCE|VIEW|MATERIALIZED VIEW … OWNER TO / SET SCHEMA}: its operation, null for other ALTERs. */
    private static String ownerOrSchema(SqlTokens t) {
        int name = relationName(t);
        if (name < 0) return null;
        int end = t.nameEnd(name);
        if (t.isWord(end, "OWNER", "TO")) return "CHANGE_OWNER";
        if (t.isWord(end, "SET", "SCHEMA")) return "SET_SCHEMA";
        return null;
    }

    /** The token of the relation's name after {@code ALTER [MATERIALIZED] TABLE|SEQUENCE|VIEW [IF EXISTS] [ONLY]}, or -1. */
    private static int relationName(SqlTokens t) {
        int i = t.isWord(1, "MATERIALIZED", "VIEW") ? 3 : t.isWord(1, "TABLE") || t.isWord(1, "SEQUENCE")
                || t.isWord(1, "VIEW") ? 2 : -1;
        if (i < 0) return -1;
        if (t.isWord(i, "IF", "EXISTS")) i += 2;
        if (t.isWord(i, "ONLY")) i++;
        return i;
    }

    /**
     * VACUUM [FULL], ANALYZE, CLUSTER: one operation per table named (none named: one without a table, which is
     * every table of the database). Options come as words ({@code VACUUM FULL VERBOSE}) or in parentheses.
     */
    private Classified maintenance(SqlTokens t, String verb, boolean autocommit) {
        int i = 1;
        boolean full = false;
        while (i < t.size() && (t.isGroup(i) || t.kind(i) == SqlTokens.Kind.WORD && Set.of("full", "freeze",
                "verbose", "analyze", "analyse").contains(t.text(i).toLowerCase(Locale.ROOT)))) {
            full |= t.isWord(i, "FULL") || t.isGroup(i) && t.inner(i).toLowerCase(Locale.ROOT).matches("(?s).*\\bfull\\b(?!\\s+(false|off|0)).*");
            i++;
        }
        String op = verb.equals("VACUUM") && full ? "VACUUM_FULL" : verb;
        List<Operation> ops = new ArrayList<>();
        while (i < t.size() && t.isName(i) && !t.isWord(i, "USING")) {
            int end = t.nameEnd(i);
            QName table = qname(t, i, end);
            ops.add(new Operation(op, table, null, work(table)));
            i = end;
            if (t.isGroup(i)) i++; // ANALYZE t (columns)
            if (!t.isSymbol(i, ",")) break;
            i++;
        }
        if (ops.isEmpty()) ops.add(new Operation(op, null, null, Work.UNKNOWN));
        String note = autocommit ? verb + " cannot run inside a transaction block" : null;
        return new Classified(StatementKind.MAINTENANCE, ops, autocommit, note, null, null);
    }

    static final String SEQUENCE_NOTE = "not transactional: a ROLLBACK of the migration does not undo the sequence's "
            + "new value";

    /** The token of the next {@code [pg_catalog.]setval(…)} or {@code nextval(…)} call from {@code i}, or -1. */
    private static int sequenceCall(SqlTokens t, int i) {
        for (int k = i; k + 1 < t.size(); k++) {
            if ((t.isWord(k, "setval") || t.isWord(k, "nextval")) && t.isGroup(k + 1)) return k;
        }
        return -1;
    }

    /**
     * {@code SELECT [pg_catalog.]setval('s', n[, is_called])}, {@code nextval('s')}, or Django's
     * {@code setval(pg_get_serial_sequence('"t"', 'id'), …) FROM t}: one operation per sequence written.
     */
    private Classified sequenceValues(SqlTokens t) {
        List<Operation> ops = new ArrayList<>();
        for (int k = sequenceCall(t, 1); k > 0; k = sequenceCall(t, k + 2)) {
            QName seq = sequenceArgument(SqlTokens.of(t.inner(k + 1), dialect));
            ops.add(new Operation("SEQUENCE_VALUE", seq, null, Work.NONE));
        }
        int from = t.find(1, "FROM");
        String reads = from > 0 && t.isName(from + 1) ? "; it reads " + qname(t, from + 1, t.nameEnd(from + 1))
                + " under ACCESS SHARE" : "";
        return new Classified(StatementKind.SEQUENCE, ops, false, SEQUENCE_NOTE + reads, null, null);
    }

    /** The sequence a first argument names: {@code 's'}, {@code 's'::regclass} or {@code pg_get_serial_sequence('t', 'c')}. */
    private QName sequenceArgument(SqlTokens a) {
        if (a.size() > 0 && a.kind(0) == SqlTokens.Kind.STRING) return relation(SqlTokens.stringValue(a.text(0)));
        if (a.isWord(0, "pg_get_serial_sequence") && a.isGroup(1)) {
            List<String> args = SqlTokens.splitTopLevel(a.inner(1));
            SqlTokens tk = SqlTokens.of(args.get(0).trim(), dialect);
            SqlTokens ck = SqlTokens.of(args.get(1).trim(), dialect);
            if (tk.kind(0) == SqlTokens.Kind.STRING && ck.kind(0) == SqlTokens.Kind.STRING) {
                QName table = relation(SqlTokens.stringValue(tk.text(0)));
                String column = SqlTokens.stringValue(ck.text(0));
                return serialSequence(table, column);
            }
        }
        throw new IllegalArgumentException("a sequence function whose sequence is not a literal");
    }

    /** A name as regclass reads a string: {@code public.s}, {@code "S"}. */
    private QName relation(String text) {
        SqlTokens n = SqlTokens.of(text, dialect);
        return qname(n, 0, n.nameEnd(0));
    }

    /** The sequence behind a column: the one its default's nextval names, else PostgreSQL's {@code t_c_seq}. */
    private QName serialSequence(QName table, String column) {
        String def = model.table(table).flatMap(tb -> tb.column(column)).map(c -> c.defaultExpr()).orElse(null);
        java.util.regex.Matcher m = def == null ? null
                : java.util.regex.Pattern.compile("nextval\\(('(?:[^']|'')*')").matcher(def);
        if (m != null && m.find()) return relation(SqlTokens.stringValue(m.group(1)));
        return new QName(table.schema(), table.name() + "_" + column + "_seq");
    }

    /** LOCK [TABLE] [ONLY] t, … [IN mode MODE] [NOWAIT]: the mode on each table, ACCESS EXCLUSIVE when none is named. */
    private Classified lock(SqlTokens t) {
        int i = t.isWord(1, "TABLE") ? 2 : 1;
        int in = t.find(i, "IN");
        int modeEnd = t.find(i, "MODE");
        String mode = in < 0 || modeEnd < in ? "ACCESS_EXCLUSIVE"
                : t.slice(in + 1, modeEnd).trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", "_");
        List<Operation> ops = new ArrayList<>();
        while (i < t.size() && t.isName(i) && (in < 0 || i < in)) {
            if (t.isWord(i, "ONLY")) i++;
            int end = t.nameEnd(i);
            ops.add(new Operation("LOCK_TABLE_" + mode, qname(t, i, end), null, Work.NONE));
            i = end;
            if (t.isSymbol(i, "*")) i++;
            if (!t.isSymbol(i, ",")) break;
            i++;
        }
        return new Classified(StatementKind.DDL, ops, false, "LOCK TABLE holds the lock until the transaction "
                + "ends (outside BEGIN … COMMIT the server refuses it)", null, null);
    }

    // ---- settings ----

    private static Classified setting(SqlTokens t) {
        boolean reset = t.isWord(0, "RESET");
        int i = 1;
        boolean local = false;
        if (t.isWord(i, "LOCAL")) {
            local = true;
            i++;
        } else if (t.isWord(i, "SESSION")) i++;
        if (!t.isName(i)) return Classified.of(StatementKind.SETTING, null);
        String name = t.ident(i).toLowerCase(Locale.ROOT);
        if (!name.equals("lock_timeout") && !name.equals("statement_timeout")) {
            return Classified.of(StatementKind.SETTING, null);
        }
        long millis = 0;
        if (!reset) {
            int v = i + 1;
            if (t.isSymbol(v, "=") || t.isWord(v, "TO")) v++;
            if (t.isWord(v, "DEFAULT")) millis = 0;
            else millis = durationMillis(t.kind(v) == SqlTokens.Kind.STRING ? SqlTokens.stringValue(t.text(v)) : t.text(v));
        }
        String note = millis == 0 ? name + " off: later lock waits are unbounded"
                : name + " " + millis + " ms" + (local ? " until the end of the transaction" : "");
        return new Classified(StatementKind.SETTING, List.of(), false, note, new Classified.Setting(name, millis, local),
                null);
    }

    /** A PostgreSQL duration setting ({@code '2s'}, {@code 5000}, {@code '1min'}) in milliseconds. */
    static long durationMillis(String v) {
        Matcher m = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|min|h|d)?\\s*").matcher(v);
        if (!m.matches()) throw new IllegalArgumentException("not a duration: " + v);
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        double factor = switch (unit) {
            case "s" -> 1000;
            case "min" -> 60_000;
            case "h" -> 3_600_000;
            case "d" -> 86_400_000;
            default -> 1;
        };
        return Math.round(n * factor);
    }

    // ---- data statements ----

    private Classified update(SqlTokens t) {
        int i = 1;
        if (t.isWord(i, "ONLY")) i++;
        int end = t.nameEnd(i);
        QName table = qname(t, i, end);
        if (bookkeeping(table)) return bookkeeping(t);
        int set = t.find(end, "SET");
        int from = t.find(set, "FROM");
        int where = t.find(set, "WHERE");
        int returning = t.find(set, "RETURNING");
        int setEnd = firstOf(t, from, where, returning);
        String setSql = t.slice(set + 1, setEnd);
        String whereSql = where < 0 ? null : t.slice(where + 1, returning < 0 ? t.size() : returning);
        String alias = end < set && t.isName(end) && !t.isWord(end, "SET") ? t.ident(t.isWord(end, "AS") ? end + 1 : end) : null;
        return data("UPDATE_ROWS", "UPDATE", table, setSql, t, where, returning, alias, null);
    }

    private Classified delete(SqlTokens t) {
        int i = 2;
        if (t.isWord(i, "ONLY")) i++;
        int end = t.nameEnd(i);
        QName table = qname(t, i, end);
        if (bookkeeping(table)) return bookkeeping(t);
        int where = t.find(end, "WHERE");
        int returning = t.find(end, "RETURNING");
        return data("DELETE_ROWS", "DELETE", table, null, t, where, returning, null, null);
    }

    private Classified insert(SqlTokens t) {
        int end = t.nameEnd(2);
        QName table = qname(t, 2, end);
        if (bookkeeping(table)) return bookkeeping(t);
        int select = t.find(end, "SELECT");
        if (select < 0 || t.find(end, "VALUES") >= 0 && t.find(end, "VALUES") < select) {
            return new Classified(StatementKind.DATA, List.of(new Operation("INSERT_ROWS", table, null, Work.NONE,
                    new DataEffect(table, "INSERT", Rows.FEW, false, false, "literal rows", null, null, List.of(), null))),
                    false, null, null, null);
        }
        int from = t.find(select, "FROM");
        QName source = from < 0 || !t.isName(from + 1) ? null : qname(t, from + 1, t.nameEnd(from + 1));
        int where = t.find(select, "WHERE");
        return data("INSERT_SELECT", "INSERT … SELECT", table, null, t, where, -1, null, source);
    }

    private Classified truncate(SqlTokens t) {
        List<Operation> ops = new ArrayList<>();
        int i = 1;
        if (t.isWord(i, "TABLE")) i++;
        while (i < t.size()) {
            if (t.isWord(i, "ONLY")) i++;
            int end = t.nameEnd(i);
            QName table = qname(t, i, end);
            ops.add(new Operation("TRUNCATE", table, null, work(table), new DataEffect(table, "TRUNCATE", Rows.ALL,
                    false, false, "every row is removed", null, null, List.of(), null)));
            i = end;
            if (t.isSymbol(i, "*")) i++;
            if (!t.isSymbol(i, ",")) break;
            i++;
        }
        return new Classified(StatementKind.DATA, ops, false, null, null, null);
    }

    /**
     * A data statement: how many rows its WHERE matches, whether an index serves it, whether it works in
     * key ranges. {@code where} is the token of WHERE (-1 when none).
     */
    private Classified data(String op, String verb, QName table, String setSql, SqlTokens t, int where,
                            int returning, String alias, QName source) {
        int whereEnd = returning < 0 ? t.size() : returning;
        List<List<Integer>> conjuncts = new ArrayList<>();
        if (where >= 0) {
            List<Integer> cur = new ArrayList<>();
            for (int k = where + 1; k < whereEnd; k++) {
                if (t.isWord(k, "AND") && !betweenAnd(t, cur)) {
                    conjuncts.add(cur);
                    cur = new ArrayList<>();
                } else cur.add(k);
            }
            conjuncts.add(cur);
        }
        List<String> columns = new ArrayList<>();
        boolean allNewNull = !conjuncts.isEmpty();
        List<String> newNull = new ArrayList<>();
        boolean keyRange = false;
        String pk = primaryKeyColumn(table).orElse(null);
        for (List<Integer> c : conjuncts) {
            String col = c.isEmpty() ? null : column(t, c, alias);
            if (col != null) columns.add(col);
            boolean isNull = c.size() >= 3 && t.isWord(c.get(c.size() - 2), "IS") && t.isWord(c.get(c.size() - 1), "NULL")
                    && col != null;
            Added a = col == null ? null : added.getOrDefault(table, Map.of()).get(col);
            if (isNull && a != null && a.nullInEveryRow()) newNull.add(col);
            else allNewNull = false;
            if (col != null && (col.equals(pk) || col.equals("ctid")) && c.size() > 1
                    && (t.isWord(c.get(1), "BETWEEN") || t.isSymbol(c.get(1), "<") || t.isSymbol(c.get(1), "<=")
                    || t.isSymbol(c.get(1), "=") && t.isWord(c.get(2), "ANY"))) keyRange = true;
        }
        boolean limited = false;
        for (int k = where < 0 ? 0 : where; k < whereEnd; k++) {
            if (t.isGroup(k) && t.inner(k).matches("(?is).*\\blimit\\s+\\d+.*")) limited = true;
        }
        Rows rows;
        String why;
        if (where < 0) {
            rows = Rows.ALL;
            why = source != null ? "every row of " + source : "no WHERE: every row";
        } else if (allNewNull) {
            rows = Rows.ALL;
            why = "every row: " + String.join(", ", newNull) + " was just added by the script, so it is NULL in every row";
        } else {
            rows = Rows.PART;
            why = "the rows the WHERE matches (unknown: at most every row)";
        }
        boolean indexed = columns.stream().anyMatch(c -> leadsAnIndex(table, c));
        boolean scans = where < 0 || !indexed;
        boolean batched = keyRange || limited;
        DataEffect effect = new DataEffect(table, verb, rows, scans, batched, why, setSql,
                where < 0 ? null : t.slice(where + 1, whereEnd), columns, source);
        Work w;
        if (source != null) {
            Work from = work(source);
            w = Work.copying(from, from.rows(), work(table));
        } else {
            w = work(table);
        }
        return new Classified(StatementKind.DATA, List.of(new Operation(op, table, source, w, effect)), false, null,
                null, null);
    }

    /** Inside {@code a BETWEEN x AND y} the AND belongs to the BETWEEN. */
    private static boolean betweenAnd(SqlTokens t, List<Integer> cur) {
        long betweens = cur.stream().filter(k -> t.isWord(k, "BETWEEN")).count();
        long ands = cur.stream().filter(k -> t.isWord(k, "AND")).count();
        return betweens > ands;
    }

    /** The column a conjunct compares ({@code c}, {@code t.c}, {@code alias.c}), or null. */
    private static String column(SqlTokens t, List<Integer> c, String alias) {
        int k = c.get(0);
        if (!t.isName(k) || t.isWord(k, "NOT") || t.isWord(k, "EXISTS")) return null;
        int end = t.nameEnd(k);
        List<String> parts = t.nameParts(k, end);
        return parts.get(parts.size() - 1);
    }

    private Classified bookkeeping(SqlTokens t) {
        Matcher m = VERSION.matcher(t.rest(0));
        String version = null;
        if (m.find()) version = m.group(1) != null ? m.group(1) : m.group(2);
        return new Classified(StatementKind.BOOKKEEPING, List.of(), false, null, null, version);
    }

    private static boolean bookkeeping(QName table) {
        return BOOKKEEPING_TABLES.contains(table.name().toLowerCase(Locale.ROOT));
    }

    /** A DO block that loops over UPDATE or DELETE and commits per batch is a batched data statement. */
    private Classified doBlock(SqlTokens t) {
        String body = "";
        for (int k = 1; k < t.size(); k++) {
            if (t.kind(k) == SqlTokens.Kind.DOLLAR || t.kind(k) == SqlTokens.Kind.STRING) body = t.text(k);
        }
        Matcher m = Pattern.compile("(?is)\\b(UPDATE|DELETE\\s+FROM)\\s+((?:\"[^\"]+\"|\\w+)(?:\\.(?:\"[^\"]+\"|\\w+))?)")
                .matcher(body);
        boolean loop = Pattern.compile("(?i)\\bLOOP\\b").matcher(body).find();
        if (m.find() && loop) {
            SqlTokens name = SqlTokens.of(m.group(2), dialect);
            QName table = qname(name, 0, name.size());
            boolean update = m.group(1).toUpperCase(Locale.ROOT).startsWith("UPDATE");
            boolean commits = Pattern.compile("(?i)\\bCOMMIT\\b").matcher(body).find();
            DataEffect e = new DataEffect(table, update ? "UPDATE" : "DELETE", Rows.PART, false, true,
                    "a loop of batches" + (commits ? ", each committed" : " in one transaction"), null, null, List.of(), null);
            return new Classified(StatementKind.DATA, List.of(new Operation(update ? "UPDATE_ROWS" : "DELETE_ROWS", table,
                    null, work(table), e)), commits, commits ? "COMMIT inside DO: runs outside a transaction block" : null,
                    null, null);
        }
        return Classified.of(StatementKind.UNKNOWN, "a procedural block (DO): check by hand what it locks and writes");
    }

    // ---- DDL ----

    private Classified alterTable(SqlTokens t) {
        int i = 2;
        if (t.isWord(i, "IF", "EXISTS")) i += 2;
        if (t.isWord(i, "ONLY")) i++;
        int end = t.nameEnd(i);
        QName table = qname(t, i, end);
        i = end;
        if (t.isSymbol(i, "*")) i++;
        List<Operation> ops = new ArrayList<>();
        int start = i;
        for (int k = i; k <= t.size(); k++) {
            if (k == t.size() || t.isSymbol(k, ",")) {
                if (k > start) subCommand(t, start, k, table, ops);
                start = k + 1;
            }
        }
        return Classified.ddl(ops);
    }

    private void subCommand(SqlTokens t, int a, int b, QName table, List<Operation> ops) {
        Work w = work(table);
        if (t.isWord(a, "ADD")) {
            int j = a + 1;
            if (t.isWord(j, "CONSTRAINT")) {
                constraint(t, j + 2, b, table, t.ident(j + 1), ops);
            } else if (t.isWord(j, "PRIMARY") || t.isWord(j, "UNIQUE") || t.isWord(j, "CHECK")
                    || t.isWord(j, "FOREIGN") || t.isWord(j, "EXCLUDE")) {
                constraint(t, j, b, table, null, ops);
            } else {
                if (t.isWord(j, "COLUMN")) j++;
                if (t.isWord(j, "IF", "NOT", "EXISTS")) j += 3;
                addColumn(t, j, b, table, ops);
            }
        } else if (t.isWord(a, "DROP", "CONSTRAINT")) {
            int j = a + 2;
            if (t.isWord(j, "IF", "EXISTS")) j += 2;
            String name = t.ident(j);
            ops.add(new Operation(foreignKeys.contains(name) ? "DROP_FOREIGN_KEY" : "DROP_CONSTRAINT", table, null, w));
        } else if (t.isWord(a, "DROP")) {
            int j = a + 1;
            if (t.isWord(j, "COLUMN")) j++;
            if (t.isWord(j, "IF", "EXISTS")) j += 2;
            String col = t.ident(j);
            ops.add(new Operation("DROP_COLUMN", table, null, w));
            Map<String, Added> m = added.get(table);
            if (m != null) m.remove(col);
        } else if (t.isWord(a, "ALTER")) {
            int j = a + 1;
            if (t.isWord(j, "COLUMN")) j++;
            String col = t.ident(j);
            alterColumn(t, j + 1, b, table, col, ops);
        } else if (t.isWord(a, "RENAME", "TO")) {
            ops.add(new Operation("RENAME_TABLE", table, null, Work.NONE));
        } else if (t.isWord(a, "RENAME", "CONSTRAINT")) {
            ops.add(new Operation("RENAME_CONSTRAINT", table, null, Work.NONE));
        } else if (t.isWord(a, "RENAME")) {
            ops.add(new Operation("RENAME_COLUMN", table, null, Work.NONE));
        } else if (t.isWord(a, "VALIDATE", "CONSTRAINT")) {
            String name = t.ident(a + 2);
            boolean fk = foreignKeys.contains(name);
            ops.add(new Operation(fk ? "VALIDATE_FOREIGN_KEY" : "VALIDATE_CHECK", table, null, w));
            String col = checks.get(name);
            if (col != null) validNotNull.add(table + "." + col);
        } else if (t.isWord(a, "SET", "LOGGED")) {
            ops.add(new Operation("SET_LOGGED", table, null, w));
        } else if (t.isWord(a, "SET", "UNLOGGED")) {
            ops.add(new Operation("SET_UNLOGGED", table, null, w));
        } else if (t.isWord(a, "SET") && t.isGroup(a + 1) || t.isWord(a, "RESET")) {
            boolean catalog = t.slice(a, b).toLowerCase(Locale.ROOT).contains("user_catalog_table");
            ops.add(new Operation(catalog ? "SET_USER_CATALOG_TABLE" : "SET_STORAGE_PARAMETERS", table, null, Work.NONE));
        } else if (t.isWord(a, "REPLICA", "IDENTITY")) {
            ops.add(new Operation("REPLICA_IDENTITY", table, null, Work.NONE));
        } else if (t.find(a, "ROW", "LEVEL", "SECURITY") >= 0 && t.find(a, "ROW", "LEVEL", "SECURITY") < b) {
            ops.add(new Operation("ALTER_ROW_SECURITY", table, null, Work.NONE));
        } else if (t.isWord(a, "ATTACH", "PARTITION")) {
            QName part = tableAfter(t, a + 2);
            ops.add(new Operation("ATTACH_PARTITION", table, part, work(part)));
        } else if (t.isWord(a, "DETACH", "PARTITION")) {
            boolean conc = t.find(a, "CONCURRENTLY") >= 0 && t.find(a, "CONCURRENTLY") < b;
            ops.add(new Operation(conc ? "DETACH_PARTITION_CONCURRENTLY" : "DETACH_PARTITION", table,
                    tableAfter(t, a + 2), Work.NONE));
        } else if (t.isWord(a, "INHERIT")) {
            ops.add(new Operation("ADD_INHERIT", table, tableAfter(t, a + 1), Work.NONE));
        } else if (t.isWord(a, "NO", "INHERIT")) {
            ops.add(new Operation("DROP_INHERIT", table, tableAfter(t, a + 2), Work.NONE));
        } else {
            ops.add(new Operation(null, table, null, Work.NONE));
        }
    }

    private void addColumn(SqlTokens t, int j, int b, QName table, List<Operation> ops) {
        String col = t.ident(j);
        int k = j + 1;
        while (k < b && !(t.kind(k) == SqlTokens.Kind.WORD && COLUMN_CLAUSE_WORDS.contains(t.text(k).toLowerCase(Locale.ROOT)))) k++;
        String typeText = t.slice(j + 1, k);
        String def = null;
        int d = t.find(k, "DEFAULT");
        if (d >= 0 && d < b) {
            int e = d + 1;
            while (e < b && !(t.kind(e) == SqlTokens.Kind.WORD && COLUMN_CLAUSE_WORDS.contains(t.text(e).toLowerCase(Locale.ROOT))
                    && !t.isWord(e, "NULL"))) e++;
            def = t.slice(d + 1, e);
            if (def.equalsIgnoreCase("NULL")) def = null;
        }
        boolean notNull = t.find(k, "NOT", "NULL") >= 0 && t.find(k, "NOT", "NULL") < b;
        int gen = t.find(k, "GENERATED");
        boolean identity = gen >= 0 && gen < b && t.find(gen, "IDENTITY") >= 0 && t.find(gen, "IDENTITY") < b;
        boolean stored = gen >= 0 && gen < b && !identity;
        boolean serial = SERIALS.contains(typeText.trim().toLowerCase(Locale.ROOT));
        Work w = work(table);
        String op;
        if (identity) op = "ADD_COLUMN_IDENTITY";
        else if (stored) op = "ADD_COLUMN_GENERATED_STORED";
        else if (serial || PgImpacts.sequenceDefault(def)) op = "ADD_COLUMN_SERIAL";
        else if (PgImpacts.volatileDefault(def)) op = "ADD_COLUMN_VOLATILE_DEFAULT";
        else if (def != null) op = notNull ? "ADD_COLUMN_NOT_NULL_WITH_DEFAULT" : "ADD_COLUMN_CONSTANT_DEFAULT";
        else op = "ADD_COLUMN";
        ops.add(new Operation(op, table, null, op.equals("ADD_COLUMN") || op.startsWith("ADD_COLUMN_CONSTANT")
                || op.equals("ADD_COLUMN_NOT_NULL_WITH_DEFAULT") ? Work.NONE : w));
        int ref = t.find(k, "REFERENCES");
        if (ref >= 0 && ref < b) ops.add(new Operation("ADD_FOREIGN_KEY", table, tableAfter(t, ref + 1), w));
        int pk = t.find(k, "PRIMARY", "KEY");
        int uq = t.find(k, "UNIQUE");
        if (pk >= 0 && pk < b || uq >= 0 && uq < b) {
            ops.add(new Operation(pk >= 0 && pk < b ? "ADD_PRIMARY_KEY" : "ADD_UNIQUE", table, null,
                    indexWork(table, List.of(col))));
        }
        DataType type;
        try {
            type = PgTypes.parse(typeText);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        added.computeIfAbsent(table, x -> new HashMap<>()).put(col, new Added(type, def == null && !identity
                && !serial && !stored));
    }

    private void alterColumn(SqlTokens t, int j, int b, QName table, String col, List<Operation> ops) {
        Work w = work(table);
        if (t.isWord(j, "TYPE") || t.isWord(j, "SET", "DATA", "TYPE")) {
            int k = t.isWord(j, "TYPE") ? j + 1 : j + 3;
            int using = t.find(k, "USING");
            int collate = t.find(k, "COLLATE");
            int typeEnd = firstOf(t, using < b ? using : -1, collate < b ? collate : -1, -1);
            if (typeEnd > b) typeEnd = b;
            DataType to = PgTypes.parse(t.slice(k, typeEnd));
            DataType from = columnType(table, col);
            String op = from == null ? "ALTER_TYPE_REWRITE"
                    : PgTypeChanges.classify(from, to, false, indexMethodsOn(table, col)).name();
            if (using >= 0 && using < b) op = "ALTER_TYPE_REWRITE";
            ops.add(new Operation(op, table, null, w));
        } else if (t.isWord(j, "SET", "DEFAULT")) {
            ops.add(new Operation("SET_DEFAULT", table, null, Work.NONE));
        } else if (t.isWord(j, "DROP", "DEFAULT")) {
            ops.add(new Operation("DROP_DEFAULT", table, null, Work.NONE));
        } else if (t.isWord(j, "SET", "NOT", "NULL")) {
            boolean proven = validNotNull.contains(table + "." + col) || hasValidNotNullCheck(table, col);
            ops.add(new Operation(proven ? "SET_NOT_NULL_WITH_VALID_CHECK" : "SET_NOT_NULL", table, null, w));
        } else if (t.isWord(j, "DROP", "NOT", "NULL")) {
            ops.add(new Operation("DROP_NOT_NULL", table, null, Work.NONE));
        } else if (t.isWord(j, "SET", "STATISTICS")) {
            ops.add(new Operation("SET_STATISTICS", table, null, Work.NONE));
        } else if (t.isWord(j, "SET", "STORAGE")) {
            ops.add(new Operation("SET_STORAGE", table, null, Work.NONE));
        } else if (t.isWord(j, "SET", "COMPRESSION")) {
            ops.add(new Operation("SET_COMPRESSION", table, null, Work.NONE));
        } else if (t.isWord(j, "SET") && t.isGroup(j + 1) || t.isWord(j, "RESET")) {
            ops.add(new Operation("SET_COLUMN_OPTIONS", table, null, Work.NONE));
        } else if (t.isWord(j, "ADD", "GENERATED")) {
            ops.add(new Operation("ADD_IDENTITY_TO_EXISTING_COLUMN", table, null, Work.NONE));
        } else if (t.isWord(j, "DROP", "IDENTITY")) {
            ops.add(new Operation("DROP_IDENTITY", table, null, Work.NONE));
        } else {
            ops.add(new Operation(null, table, null, Work.NONE));
        }
    }

    private void constraint(SqlTokens t, int k, int b, QName table, String name, List<Operation> ops) {
        boolean notValid = t.find(k, "NOT", "VALID") >= 0 && t.find(k, "NOT", "VALID") < b;
        boolean usingIndex = t.find(k, "USING", "INDEX") >= 0 && t.find(k, "USING", "INDEX") < b;
        Work w = work(table);
        if (t.isWord(k, "CHECK")) {
            ops.add(new Operation(notValid ? "ADD_CHECK_NOT_VALID" : "ADD_CHECK", table, null, w));
            String inner = t.isGroup(k + 1) ? t.inner(k + 1).trim() : "";
            Matcher m = Pattern.compile("(?i)\"?(\\w+)\"?\\s+IS\\s+NOT\\s+NULL").matcher(inner);
            if (name != null && m.matches()) {
                checks.put(name, m.group(1));
                if (!notValid) validNotNull.add(table + "." + m.group(1));
            }
        } else if (t.isWord(k, "FOREIGN", "KEY")) {
            int ref = t.find(k, "REFERENCES");
            QName other = tableAfter(t, ref + 1);
            ops.add(new Operation(notValid ? "ADD_FOREIGN_KEY_NOT_VALID" : "ADD_FOREIGN_KEY", table, other, w));
            if (name != null) foreignKeys.add(name);
        } else if (t.isWord(k, "PRIMARY", "KEY") || t.isWord(k, "UNIQUE")) {
            boolean pk = t.isWord(k, "PRIMARY");
            int g = pk ? k + 2 : k + 1;
            List<String> cols = t.isGroup(g) ? keyColumns(t.inner(g)) : List.of();
            String op = (pk ? "ADD_PRIMARY_KEY" : "ADD_UNIQUE") + (usingIndex ? "_USING_INDEX" : "");
            ops.add(new Operation(op, table, null, usingIndex ? Work.NONE : indexWork(table, cols)));
        } else if (t.isWord(k, "EXCLUDE")) {
            ops.add(new Operation("ADD_EXCLUSION", table, null, w));
        } else {
            ops.add(new Operation(null, table, null, Work.NONE));
        }
    }

    private Classified createTable(SqlTokens t) {
        int i = t.isWord(1, "UNLOGGED") ? 3 : 2;
        if (t.isWord(i, "IF", "NOT", "EXISTS")) i += 3;
        int end = t.nameEnd(i);
        QName table = qname(t, i, end);
        int as = t.find(end, "AS");
        boolean ctas = as >= 0 && (as == end || t.isGroup(end) && as == end + 1) && t.find(as, "SELECT") > 0;
        if (ctas) {
            int select = t.find(as, "SELECT");
            int from = t.find(select, "FROM");
            QName source = from < 0 || !t.isName(from + 1) ? null : qname(t, from + 1, t.nameEnd(from + 1));
            int where = t.find(select, "WHERE");
            Classified c = data("CREATE_TABLE_AS", "CREATE TABLE … AS", table, null, t, where, -1, null, source);
            created.add(table);
            return c;
        }
        created.add(table);
        List<Operation> ops = new ArrayList<>();
        ops.add(new Operation("CREATE_TABLE", null, null, Work.NONE));
        if (t.isGroup(end)) {
            for (String part : SqlTokens.splitTopLevel(t.inner(end))) {
                Matcher m = Pattern.compile("(?is).*\\bREFERENCES\\s+((?:\"[^\"]+\"|\\w+)(?:\\.(?:\"[^\"]+\"|\\w+))?).*").matcher(part);
                if (m.matches()) {
                    SqlTokens n = SqlTokens.of(m.group(1), dialect);
                    QName ref = qname(n, 0, n.size());
                    // REFERENCES takes SHARE ROW EXCLUSIVE on the referenced table until commit.
                    if (!created.contains(ref) || ref.equals(table)) ops.add(new Operation("ADD_FOREIGN_KEY_NOT_VALID",
                            ref.equals(table) ? null : ref, null, Work.NONE));
                }
            }
        }
        return Classified.ddl(ops.stream().filter(o -> o.table() != null || o.operation().equals("CREATE_TABLE")).toList());
    }

    private Classified createIndex(SqlTokens t) {
        boolean unique = t.isWord(1, "UNIQUE");
        int i = unique ? 3 : 2;
        boolean conc = t.isWord(i, "CONCURRENTLY");
        if (conc) i++;
        if (t.isWord(i, "IF", "NOT", "EXISTS")) i += 3;
        String name = t.isWord(i, "ON") ? null : t.ident(i);
        int on = t.find(i, "ON");
        int k = on + 1;
        if (t.isWord(k, "ONLY")) k++;
        int end = t.nameEnd(k);
        QName table = qname(t, k, end);
        int g = end;
        while (g < t.size() && !t.isGroup(g)) g++;
        List<String> cols = g < t.size() ? keyColumns(t.inner(g)) : List.of();
        if (name != null) indexes.put(name, table);
        String op = conc ? "CREATE_INDEX_CONCURRENTLY" : unique ? "CREATE_UNIQUE_INDEX" : "CREATE_INDEX";
        return new Classified(StatementKind.DDL, List.of(new Operation(op, table, null, indexWork(table, cols))), conc,
                conc ? "CONCURRENTLY cannot run inside a transaction block; if it fails it leaves an INVALID index "
                        + "that must be dropped before a retry" : null, null, null);
    }

    private Classified dropIndex(SqlTokens t) {
        int i = 2;
        boolean conc = t.isWord(i, "CONCURRENTLY");
        if (conc) i++;
        if (t.isWord(i, "IF", "EXISTS")) i += 2;
        List<Operation> ops = new ArrayList<>();
        while (i < t.size() && t.isName(i) && !t.isWord(i, "CASCADE") && !t.isWord(i, "RESTRICT")) {
            int end = t.nameEnd(i);
            List<String> parts = t.nameParts(i, end);
            QName table = indexes.get(parts.get(parts.size() - 1));
            ops.add(new Operation(conc ? "DROP_INDEX_CONCURRENTLY" : "DROP_INDEX", table, null, Work.NONE));
            i = end;
            if (!t.isSymbol(i, ",")) break;
            i++;
        }
        return new Classified(StatementKind.DDL, ops, conc, null, null, null);
    }

    private Classified dropTable(SqlTokens t) {
        int i = 2;
        if (t.isWord(i, "IF", "EXISTS")) i += 2;
        List<Operation> ops = new ArrayList<>();
        while (i < t.size() && t.isName(i) && !t.isWord(i, "CASCADE") && !t.isWord(i, "RESTRICT")) {
            int end = t.nameEnd(i);
            QName table = qname(t, i, end);
            ops.add(new Operation("DROP_TABLE", table, null, work(table)));
            i = end;
            if (!t.isSymbol(i, ",")) break;
            i++;
        }
        return Classified.ddl(ops);
    }

    private Classified onIndex(SqlTokens t, int i, String op) {
        if (t.isWord(i, "IF", "EXISTS")) i += 2;
        List<String> parts = t.nameParts(i, t.nameEnd(i));
        return ddl(op, indexes.get(parts.get(parts.size() - 1)));
    }

    private Classified reindex(SqlTokens t) {
        int i = 1;
        boolean onTable = t.isWord(i, "TABLE");
        if (t.isWord(i, "INDEX") || onTable) i++;
        boolean conc = t.isWord(i, "CONCURRENTLY");
        if (conc) i++;
        QName table;
        if (onTable) table = qname(t, i, t.nameEnd(i));
        else {
            List<String> parts = t.nameParts(i, t.nameEnd(i));
            table = indexes.get(parts.get(parts.size() - 1));
        }
        return new Classified(StatementKind.DDL, List.of(new Operation(conc ? "REINDEX_CONCURRENTLY" : "REINDEX", table,
                null, work(table))), conc, null, null, null);
    }

    private Classified alterType(SqlTokens t) {
        int end = t.nameEnd(2);
        if (t.isWord(end, "ADD", "VALUE")) {
            boolean positioned = t.find(end, "BEFORE") > 0 || t.find(end, "AFTER") > 0;
            return global(positioned ? "ENUM_ADD_VALUE_BEFORE" : "ENUM_ADD_VALUE");
        }
        if (t.isWord(end, "RENAME", "VALUE")) return global("ENUM_RENAME_VALUE");
        if (t.isWord(end, "RENAME", "TO") || t.isWord(end, "SET", "SCHEMA") || t.isWord(end + 1, "ATTRIBUTE")) return global("ALTER_TYPE");
        return Classified.of(StatementKind.UNKNOWN, "an ALTER TYPE the planner does not know: check it by hand");
    }

    private Classified comment(SqlTokens t) {
        if (t.isWord(2, "TABLE")) return ddl("COMMENT", qname(t, 3, t.nameEnd(3)));
        if (t.isWord(2, "COLUMN")) {
            List<String> parts = t.nameParts(3, t.nameEnd(3));
            QName table = parts.size() >= 3 ? new QName(parts.get(0), parts.get(1)) : new QName("public", parts.get(0));
            return ddl("COMMENT", table);
        }
        if (t.isWord(2, "INDEX")) return onIndex(t, 3, "COMMENT");
        return global("COMMENT");
    }

    // ---- helpers ----

    private static Classified global(String op) {
        return Classified.ddl(List.of(new Operation(op, null, null, Work.NONE)));
    }

    private Classified ddl(String op, QName table) {
        return Classified.ddl(List.of(new Operation(op, table, null, Work.NONE)));
    }

    private QName tableAfter(SqlTokens t, int i) {
        if (t.isWord(i, "ONLY")) i++;
        return qname(t, i, t.nameEnd(i));
    }

    QName qname(SqlTokens t, int from, int end) {
        List<String> parts = t.nameParts(from, end);
        // MySQL names carry no schema in the model (QName's empty schema); PostgreSQL's default is public.
        if (dialect == SqlTokens.Dialect.MYSQL) return new QName("", parts.get(parts.size() - 1));
        return parts.size() == 1 ? new QName("public", parts.get(0))
                : new QName(parts.get(parts.size() - 2), parts.get(parts.size() - 1));
    }

    private static int firstOf(SqlTokens t, int... positions) {
        int best = t.size();
        for (int p : positions) if (p >= 0 && p < best) best = p;
        return best;
    }

    /** The leading names of an index's or constraint's key list ({@code a, b DESC, lower(c)} gives a, b). */
    private static List<String> keyColumns(String inner) {
        List<String> out = new ArrayList<>();
        for (String part : SqlTokens.splitTopLevel(inner)) {
            SqlTokens k = SqlTokens.of(part.trim());
            if (k.size() > 0 && k.isName(0) && !k.isGroup(1)) out.add(k.ident(0));
        }
        return out;
    }

    /** The rows and bytes of a table; none for a table the script created, unknown for one it does not know. */
    Work work(QName table) {
        if (table == null || created.contains(table)) return Work.NONE;
        if (schema.table(table).isEmpty()) return Work.UNKNOWN;
        return sizes.work(table);
    }

    /** The work of a MySQL index on a key list ({@code `a`, b(10) DESC}: a prefix length still names the column). */
    Work mysqlIndexWork(QName table, String keyList) {
        List<String> cols = new ArrayList<>();
        for (String part : SqlTokens.splitTopLevel(keyList, SqlTokens.Dialect.MYSQL)) {
            SqlTokens k = SqlTokens.mysql(part.trim());
            if (k.size() > 0 && k.isName(0)) cols.add(k.ident(0));
        }
        return indexWork(table, cols);
    }

    private Work indexWork(QName table, List<String> cols) {
        Work w = work(table);
        return w.known() && w.rows() > 0 ? w.withNewIndexBytes(sizes.newIndexBytes(table, cols)) : w;
    }

    private DataType columnType(QName table, String col) {
        Added a = added.getOrDefault(table, Map.of()).get(col);
        if (a != null) return a.type();
        return model.table(table).flatMap(tb -> tb.column(col)).map(c -> c.type()).orElse(null);
    }

    private Set<String> indexMethodsOn(QName table, String col) {
        Set<String> out = new HashSet<>();
        model.table(table).ifPresent(tb -> tb.indexes().stream().filter(i -> i.columns().contains(col))
                .forEach(i -> out.add(i.method() == null ? "btree" : i.method())));
        return out;
    }

    private boolean hasValidNotNullCheck(QName table, String col) {
        Pattern p = Pattern.compile("(?i)CHECK\\s*\\(\\s*\\(?\\s*\"?" + Pattern.quote(col) + "\"?\\s+IS\\s+NOT\\s+NULL\\s*\\)?\\s*\\)");
        return model.table(table).map(tb -> tb.constraints().stream()
                .anyMatch(c -> c.validated() && c.definition() != null && p.matcher(c.definition()).find())).orElse(false);
    }

    /** Whether some index of the table (in the model or built by the script) starts with the column. */
    boolean leadsAnIndex(QName table, String col) {
        Optional<Table> tb = model.table(table);
        if (tb.isEmpty()) return false;
        boolean index = tb.get().indexes().stream().anyMatch(i -> !i.columns().isEmpty() && i.columns().get(0).equals(col)
                && i.predicate() == null);
        boolean constraint = tb.get().constraints().stream().anyMatch(c -> !c.columns().isEmpty()
                && c.columns().get(0).equals(col));
        return index || constraint;
    }

    /** The table's primary key when it is one column. */
    Optional<String> primaryKeyColumn(QName table) {
        return model.table(table).flatMap(Table::primaryKey).filter(pk -> pk.columns().size() == 1)
                .map(pk -> pk.columns().get(0));
    }

    /** The type of a column in the model before the script, or as the script added it. */
    Optional<DataType> typeOf(QName table, String col) {
        return Optional.ofNullable(columnType(table, col));
    }
}
