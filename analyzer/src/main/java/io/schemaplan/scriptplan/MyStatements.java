package io.schemaplan.scriptplan;

import io.schemaplan.impact.MyTypeChanges;
import io.schemaplan.impact.Work;
import io.schemaplan.model.Column;
import io.schemaplan.model.DataType;
import io.schemaplan.model.QName;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Stats;
import io.schemaplan.model.Table;
import io.schemaplan.normalize.MysqlTypes;
import io.schemaplan.normalize.SqlTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Maps one MySQL/MariaDB statement to {@code impact/MyOperation}s: the clauses of ALTER TABLE, CREATE/DROP
 * INDEX, CREATE/DROP/RENAME TABLE, views and triggers. Transactions, settings and data statements are the
 * shared ones of {@link PgStatements} read with MySQL's quoting. No I/O.
 */
final class MyStatements {
    private static final Set<String> COLUMN_WORDS = Set.of("default", "not", "null", "auto_increment", "primary",
            "unique", "key", "comment", "collate", "character", "charset", "first", "after", "generated", "as",
            "references", "check", "constraint", "invisible", "visible", "on");
    private static final String DEFAULT_COLLATION = "utf8mb4_general_ci";

    private final PgStatements shared;

    MyStatements(Schema schema, Stats stats) {
        this.shared = new PgStatements(schema, stats, SqlTokens.Dialect.MYSQL);
    }

    void at(Schema before) {
        shared.at(before);
    }

    boolean createdByScript(QName t) {
        return shared.createdByScript(t);
    }

    /** The one-column primary key of the table in the model before the statement. */
    Optional<String> primaryKeyColumn(QName t) {
        return shared.primaryKeyColumn(t);
    }

    /**
     * The work of an UPDATE on InnoDB, whose secondary indexes are written only where an entry changes: the
     * indexes holding a column the SET assigns (all of them when it assigns a primary key column, which every
     * secondary entry carries), their bytes the same share of the table's index bytes.
     */
    Work changedIndexes(QName t, String set, Work w) {
        Optional<Table> tb = table(t);
        if (set == null || tb.isEmpty() || w.indexCount() == 0) return w;
        Set<String> assigned = new java.util.HashSet<>();
        for (String part : SqlTokens.splitTopLevel(set, SqlTokens.Dialect.MYSQL)) {
            SqlTokens p = SqlTokens.mysql(part);
            if (p.size() == 0 || !p.isName(0)) return w;
            List<String> name = p.nameParts(0, p.nameEnd(0));
            assigned.add(name.get(name.size() - 1).toLowerCase(Locale.ROOT));
        }
        boolean key = tb.get().primaryKey().map(pk -> pk.columns().stream()
                .anyMatch(c -> assigned.contains(c.toLowerCase(Locale.ROOT)))).orElse(false);
        if (key) return w;
        // Secondary indexes are the model's indexes and its UNIQUE keys (the primary key is the table itself).
        java.util.stream.Stream<List<String>> keys = java.util.stream.Stream.concat(
                tb.get().indexes().stream().map(io.schemaplan.model.Index::columns),
                tb.get().constraints().stream().filter(c -> c.kind() == io.schemaplan.model.Constraint.Kind.UNIQUE)
                        .map(io.schemaplan.model.Constraint::columns));
        long changed = keys.filter(cols -> cols.stream().anyMatch(c -> assigned.contains(c.toLowerCase(Locale.ROOT))))
                .count();
        int k = (int) Math.min(changed, w.indexCount());
        return new Work(w.rows(), w.tableBytes(), w.heapBytes(), w.indexBytes() * k / w.indexCount(), k,
                w.newIndexBytes(), w.known(), w.buildProcesses(), w.tableRows());
    }

    /** The table in the model before the statement. */
    Optional<Table> table(QName t) {
        return shared.model().table(t);
    }

    Classified classify(String sql) {
        SqlTokens t;
        try {
            t = SqlTokens.mysql(sql);
        } catch (IllegalArgumentException e) {
            return Classified.of(StatementKind.UNKNOWN, "not understood: " + e.getMessage());
        }
        try {
            if (t.isWord(0, "ALTER", "TABLE")) return alterTable(t);
            if (t.isWord(0, "CREATE", "TABLE") || t.isWord(0, "CREATE", "TEMPORARY", "TABLE")) {
                Classified c = shared.classify(sql);
                return c.kind() == StatementKind.DATA ? c : op("CREATE_TABLE", null);
            }
            if (t.isWord(0, "CREATE") && t.find(1, "INDEX") > 0 && t.find(1, "INDEX") <= 2) return createIndex(t);
            if (t.isWord(0, "DROP", "INDEX")) return op("DROP_INDEX", name(t, t.find(0, "ON") + 1));
            if (t.isWord(0, "DROP", "TABLE")) {
                int i = t.isWord(2, "IF", "EXISTS") ? 4 : 2;
                QName table = name(t, i);
                return new Classified(StatementKind.DDL, List.of(new Operation("DROP_TABLE", table, null,
                        shared.work(table))), false, null, null, null);
            }
            if (t.isWord(0, "RENAME", "TABLE")) return op("RENAME_TABLE", name(t, 2));
            if (t.isWord(0, "GRANT") || t.isWord(0, "REVOKE") || t.isWord(0, "FLUSH", "PRIVILEGES")
                    || t.isWord(0, "SET", "PASSWORD") || t.isWord(0, "SET", "DEFAULT", "ROLE")
                    || Set.of("USER", "ROLE").stream().anyMatch(w -> t.isWord(0, "CREATE", w) || t.isWord(0, "ALTER", w)
                    || t.isWord(0, "DROP", w) || t.isWord(0, "RENAME", w))) return op("PRIVILEGES", null);
            if (t.isWord(0, "LOCK", "TABLES") || t.isWord(0, "LOCK", "TABLE")) return lockTables(t);
            if (t.isWord(0, "UNLOCK", "TABLES") || t.isWord(0, "UNLOCK", "TABLE")) {
                return Classified.of(StatementKind.SETTING, "releases the locks LOCK TABLES took (and commits)");
            }
            if (t.isWord(0, "OPTIMIZE") || t.isWord(0, "ANALYZE") || t.isWord(0, "CHECK") || t.isWord(0, "REPAIR")) {
                return tableMaintenance(t);
            }
            if (t.isWord(0, "CREATE", "DATABASE") || t.isWord(0, "CREATE", "SCHEMA")) return op("CREATE_DATABASE", null);
            if (t.isWord(0, "DROP", "DATABASE") || t.isWord(0, "DROP", "SCHEMA")) return op("DROP_DATABASE", null);
            if (t.isWord(0, "USE")) return Classified.of(StatementKind.SETTING, null);
            if (t.isWord(0, "ALTER", "SEQUENCE")) return sequenceOp("ALTER_SEQUENCE", name(t, t.isWord(2, "IF", "EXISTS") ? 4 : 2));
            if ((t.isWord(0, "SELECT") || t.isWord(0, "DO")) && !sequenceValues(t).isEmpty()) {
                // As on PostgreSQL, a ROLLBACK does not undo it (MySeqServerTest).
                return new Classified(StatementKind.SEQUENCE, sequenceValues(t), false, PgStatements.SEQUENCE_NOTE, null, null);
            }
            // CREATE [OR REPLACE] [ALGORITHM=…] [DEFINER=…] [SQL SECURITY …] VIEW | TRIGGER | PROCEDURE | FUNCTION | EVENT
            String object = createdObject(t);
            if (object != null && t.isWord(0, "ALTER") && Set.of("PROCEDURE", "FUNCTION", "EVENT").contains(object)) {
                return op("ALTER_ROUTINE", null);
            }
            if (object != null && (t.isWord(0, "CREATE") || t.isWord(0, "DROP"))) {
                switch (object) {
                    case "PROCEDURE", "FUNCTION", "EVENT" -> {
                        // MariaDB's CREATE OR REPLACE swaps the routine in one statement; MySQL has no such form.
                        return op(t.isWord(0, "DROP") ? "DROP_ROUTINE"
                                : t.isWord(1, "OR", "REPLACE") ? "REPLACE_ROUTINE" : "CREATE_ROUTINE", null);
                    }
                    case "SEQUENCE" -> {
                        return t.isWord(0, "CREATE") ? sequenceOp("CREATE_SEQUENCE", null)
                                : sequenceOp("DROP_SEQUENCE", name(t, t.isWord(2, "IF", "EXISTS") ? 4 : 2));
                    }
                    case "TRIGGER" -> {
                        if (t.isWord(0, "CREATE")) return op("CREATE_TRIGGER", name(t, t.find(0, "ON") + 1));
                    }
                    case "VIEW" -> {
                        if (t.isWord(0, "CREATE")) return op("CREATE_VIEW", null);
                    }
                    default -> { }
                }
            }
            if (t.isWord(0, "CREATE", "VIEW") || t.isWord(0, "CREATE", "OR", "REPLACE", "VIEW")) return op("CREATE_VIEW", null);
            if (t.isWord(0, "DROP", "VIEW")) return op("DROP_VIEW", null);
            if (t.isWord(0, "CREATE", "TRIGGER")) return op("CREATE_TRIGGER", name(t, t.find(0, "ON") + 1));
            if (t.isWord(0, "DROP", "TRIGGER")) return op("DROP_TRIGGER", null);
        } catch (IllegalArgumentException e) {
            return Classified.of(StatementKind.UNKNOWN, "not understood: " + e.getMessage());
        }
        return shared.classify(sql);
    }

    private static final Set<String> OBJECTS = Set.of("VIEW", "TRIGGER", "PROCEDURE", "FUNCTION", "EVENT", "TABLE", "INDEX",
            "SEQUENCE");

    /** A sequence is a table to MariaDB; the operation names it, and it has no rows to price. */
    private Classified sequenceOp(String operation, QName sequence) {
        return Classified.ddl(List.of(new Operation(operation, sequence, null, Work.NONE)));
    }

    /**
     * The sequences a SELECT or DO writes: {@code SETVAL(s, n[, used[, round]])}, {@code NEXTVAL(s)} and
     * {@code NEXT VALUE FOR s}, one operation each ({@code LASTVAL(s)}, {@code PREVIOUS VALUE FOR s} only read).
     */
    private List<Operation> sequenceValues(SqlTokens t) {
        List<Operation> ops = new ArrayList<>();
        for (int k = 1; k < t.size(); k++) {
            QName seq = null;
            if ((t.isWord(k, "SETVAL") || t.isWord(k, "NEXTVAL")) && t.isGroup(k + 1)) {
                SqlTokens args = SqlTokens.mysql(t.inner(k + 1));
                if (args.size() > 0 && args.isName(0)) seq = shared.qname(args, 0, args.nameEnd(0));
            } else if (t.isWord(k, "NEXT", "VALUE", "FOR") && t.isName(k + 3)) {
                seq = name(t, k + 3);
            }
            if (seq != null) ops.add(new Operation("SEQUENCE_VALUE", seq, null, Work.NONE));
        }
        return ops;
    }

    /** The kind of object a CREATE or DROP names, past OR REPLACE, ALGORITHM=, DEFINER= and SQL SECURITY; null when none. */
    private static String createdObject(SqlTokens t) {
        for (int i = 1; i < Math.min(t.size(), 12); i++) {
            if (t.kind(i) == SqlTokens.Kind.WORD && OBJECTS.contains(t.text(i).toUpperCase(Locale.ROOT))) {
                return t.text(i).toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** LOCK TABLES t [AS a] READ [LOCAL] | [LOW_PRIORITY] WRITE, …: one operation per table. */
    private Classified lockTables(SqlTokens t) {
        List<Operation> ops = new ArrayList<>();
        int i = 2;
        while (i < t.size()) {
            int end = t.nameEnd(i);
            QName table = shared.qname(t, i, end);
            int k = end;
            while (k < t.size() && !t.isSymbol(k, ",") && !t.isWord(k, "READ") && !t.isWord(k, "WRITE")) k++;
            ops.add(new Operation(t.isWord(k, "READ") ? "LOCK_TABLES_READ" : "LOCK_TABLES_WRITE", table, null, Work.NONE));
            while (k < t.size() && !t.isSymbol(k, ",")) k++;
            i = k + 1;
        }
        return new Classified(StatementKind.DDL, ops, false, "LOCK TABLES holds the locks until UNLOCK TABLES",
                null, null);
    }

    /**
     * OPTIMIZE TABLE: InnoDB recreates the table in place and analyzes it (the FORCE rebuild); ANALYZE TABLE reads
     * index samples and waits for no writer, a maintenance statement without an operation; CHECK TABLE reads the
     * table, REPAIR TABLE does nothing on InnoDB but lock it (MyAdminStatementsServerTest). All commit what is open.
     */
    private Classified tableMaintenance(SqlTokens t) {
        int i = 1;
        while (t.isWord(i, "NO_WRITE_TO_BINLOG") || t.isWord(i, "LOCAL")) i++;
        if (t.isWord(i, "TABLE") || t.isWord(i, "TABLES")) i++;
        if (t.isWord(0, "ANALYZE")) return Classified.of(StatementKind.MAINTENANCE, null);
        if (t.isWord(0, "CHECK") || t.isWord(0, "REPAIR")) {
            String op = t.isWord(0, "CHECK") ? "CHECK_TABLE" : "REPAIR_TABLE";
            List<Operation> ops = new ArrayList<>();
            for (QName table : tableList(t, i)) ops.add(new Operation(op, table, null, shared.work(table)));
            return new Classified(StatementKind.MAINTENANCE, ops, false, null, null, null);
        }
        List<Operation> ops = new ArrayList<>();
        for (QName table : tableList(t, i)) {
            boolean fulltext = shared.model().table(table).map(x -> x.indexes().stream()
                    .anyMatch(ix -> "fulltext".equalsIgnoreCase(ix.method()))).orElse(false);
            ops.add(new Operation(fulltext ? "FORCE_REBUILD_FULLTEXT_TABLE" : "FORCE_REBUILD", table, null,
                    shared.work(table)));
        }
        return Classified.ddl(ops);
    }

    /** The tables {@code t1, t2, …} from token {@code i}, up to the first word that is not one (QUICK, EXTENDED). */
    private List<QName> tableList(SqlTokens t, int i) {
        List<QName> out = new ArrayList<>();
        while (i < t.size() && t.isName(i)) {
            int end = t.nameEnd(i);
            out.add(shared.qname(t, i, end));
            i = end;
            if (!t.isSymbol(i, ",")) break;
            i++;
        }
        return out;
    }

    private Classified alterTable(SqlTokens t) {
        int end = t.nameEnd(2);
        QName table = shared.qname(t, 2, end);
        List<Operation> ops = new ArrayList<>();
        int start = end;
        for (int k = end; k <= t.size(); k++) {
            if (k == t.size() || t.isSymbol(k, ",")) {
                if (k > start) ops.add(clause(t, start, k, table));
                start = k + 1;
            }
        }
        return Classified.ddl(ops);
    }

    private Operation clause(SqlTokens t, int a, int b, QName table) {
        Work w = shared.work(table);
        Optional<Table> tb = shared.model().table(table);
        if (t.isWord(a, "ADD")) {
            int j = a + 1;
            if (t.isWord(j, "CONSTRAINT")) j += t.isWord(j + 1, "FOREIGN") || t.isWord(j + 1, "CHECK")
                    || t.isWord(j + 1, "UNIQUE") || t.isWord(j + 1, "PRIMARY") ? 1 : 2;
            if (t.isWord(j, "FOREIGN")) return new Operation("ADD_FOREIGN_KEY", table, null, w);
            if (t.isWord(j, "CHECK")) return new Operation("ADD_CHECK", table, null, w);
            if (t.isWord(j, "PRIMARY")) return new Operation("ADD_PRIMARY_KEY", table, null, w);
            if (t.isWord(j, "UNIQUE")) return new Operation("ADD_UNIQUE", table, null, keyWork(t, j, b, table, w));
            if (t.isWord(j, "FULLTEXT")) {
                boolean first = tb.map(x -> x.indexes().stream().noneMatch(i -> "fulltext".equalsIgnoreCase(i.method())))
                        .orElse(true);
                return new Operation(first ? "ADD_FULLTEXT_FIRST" : "ADD_FULLTEXT", table, null, w);
            }
            if (t.isWord(j, "SPATIAL")) return new Operation("ADD_SPATIAL", table, null, w);
            if (t.isWord(j, "INDEX") || t.isWord(j, "KEY")) return new Operation("ADD_INDEX", table, null, keyWork(t, j, b, table, w));
            if (t.isWord(j, "COLUMN")) j++;
            if (t.isWord(j, "IF", "NOT", "EXISTS")) j += 3;
            String clause = t.slice(j, b).toLowerCase(Locale.ROOT);
            String op;
            if (clause.contains("auto_increment")) op = "ADD_COLUMN_AUTO_INCREMENT";
            else if (clause.matches("(?s).*\\bas\\s*\\(.*\\bstored\\b.*")) op = "ADD_COLUMN_STORED";
            else if (clause.matches("(?s).*\\bas\\s*\\(.*")) op = "ADD_COLUMN_VIRTUAL";
            else if (clause.matches("(?s).*\\bdefault\\s*\\(.*") || clause.matches("(?s).*\\bdefault\\s+(uuid|rand)\\b.*")) op = "ADD_COLUMN_VOLATILE_DEFAULT";
            else if (clause.matches("(?s).*\\b(first|after)\\b.*")) op = "ADD_COLUMN_MIDDLE";
            else if (clause.contains(" not null")) op = "ADD_COLUMN_NOT_NULL";
            else if (clause.contains(" default ")) op = "ADD_COLUMN_WITH_DEFAULT";
            else op = "ADD_COLUMN_LAST";
            return new Operation(op, table, null, w);
        }
        if (t.isWord(a, "DROP", "PRIMARY", "KEY")) return new Operation("DROP_PRIMARY_KEY", table, null, w);
        if (t.isWord(a, "DROP", "FOREIGN", "KEY")) return new Operation("DROP_FOREIGN_KEY", table, null, Work.NONE);
        if (t.isWord(a, "DROP", "INDEX") || t.isWord(a, "DROP", "KEY")) return new Operation("DROP_INDEX", table, null, Work.NONE);
        if (t.isWord(a, "DROP", "CHECK") || t.isWord(a, "DROP", "CONSTRAINT")) return new Operation("DROP_CHECK", table, null, Work.NONE);
        if (t.isWord(a, "DROP")) {
            int j = t.isWord(a + 1, "COLUMN") ? a + 2 : a + 1;
            String col = t.ident(j);
            boolean indexed = tb.map(x -> x.indexes().stream().anyMatch(i -> i.columns().contains(col))).orElse(false);
            return new Operation(indexed ? "DROP_INDEXED_COLUMN" : "DROP_COLUMN", table, null, w);
        }
        if (t.isWord(a, "MODIFY") || t.isWord(a, "CHANGE")) {
            int j = a + 1;
            if (t.isWord(j, "COLUMN")) j++;
            String col = t.ident(j);
            boolean change = t.isWord(a, "CHANGE");
            int typeAt = change ? j + 2 : j + 1;
            String newName = change ? t.ident(j + 1) : col;
            return new Operation(modify(t, typeAt, b, tb, col, newName), table, null, w);
        }
        if (t.isWord(a, "ALTER")) {
            int j = t.isWord(a + 1, "COLUMN") ? a + 2 : a + 1;
            if (t.isWord(j + 1, "SET", "DEFAULT")) return new Operation("SET_DEFAULT", table, null, Work.NONE);
            if (t.isWord(j + 1, "DROP", "DEFAULT")) return new Operation("DROP_DEFAULT", table, null, Work.NONE);
        }
        if (t.isWord(a, "RENAME", "COLUMN")) return new Operation("RENAME_COLUMN", table, null, Work.NONE);
        if (t.isWord(a, "RENAME", "INDEX") || t.isWord(a, "RENAME", "KEY")) return new Operation("RENAME_INDEX", table, null, Work.NONE);
        if (t.isWord(a, "RENAME")) return new Operation("RENAME_TABLE", table, null, Work.NONE);
        if (t.isWord(a, "CONVERT", "TO")) return new Operation("CONVERT_CHARSET", table, null, w);
        if (t.isWord(a, "FORCE") || t.isWord(a, "ENGINE")) return new Operation("FORCE_REBUILD", table, null, w);
        if (t.isWord(a, "COMMENT")) return new Operation("TABLE_COMMENT", table, null, Work.NONE);
        return new Operation(null, table, null, Work.NONE);
    }

    /** MODIFY / CHANGE: a type change by {@link MyTypeChanges}, else a rename, nullability or comment change. */
    private String modify(SqlTokens t, int typeAt, int b, Optional<Table> tb, String col, String newName) {
        int k = typeAt;
        while (k < b && !(t.kind(k) == SqlTokens.Kind.WORD && COLUMN_WORDS.contains(t.text(k).toLowerCase(Locale.ROOT)))) k++;
        DataType to = MysqlTypes.parse(t.slice(typeAt, k));
        Optional<Column> before = tb.flatMap(x -> x.column(col));
        if (before.isEmpty()) return "CHANGE_TYPE";
        DataType from = before.get().type();
        String rest = t.slice(k, b).toLowerCase(Locale.ROOT);
        if (!from.equals(to)) {
            String collation = before.get().collation() != null ? before.get().collation()
                    : tb.map(Table::collation).orElse(null);
            int bytes = MyTypeChanges.bytesPerChar(collation == null ? DEFAULT_COLLATION : collation);
            return MyTypeChanges.classify(from, to, bytes).name();
        }
        boolean notNull = rest.contains("not null");
        if (notNull && before.get().nullable()) return "SET_NOT_NULL";
        if (!notNull && !before.get().nullable()) return "DROP_NOT_NULL";
        if (!newName.equals(col)) return "RENAME_COLUMN";
        return "COLUMN_COMMENT";
    }

    private Classified createIndex(SqlTokens t) {
        boolean unique = t.isWord(1, "UNIQUE");
        boolean fulltext = t.isWord(1, "FULLTEXT");
        QName table = name(t, t.find(0, "ON") + 1);
        String op = unique ? "ADD_UNIQUE" : fulltext ? "ADD_FULLTEXT" : "ADD_INDEX";
        Work w = fulltext ? shared.work(table) : keyWork(t, t.find(0, "ON") + 1, t.size(), table, shared.work(table));
        return new Classified(StatementKind.DDL, List.of(new Operation(op, table, null, w)), false, null, null, null);
    }

    /** The work of a new index whose key list is the first parenthesized group in {@code from..to}. */
    private Work keyWork(SqlTokens t, int from, int to, QName table, Work w) {
        for (int g = from; g < to; g++) {
            if (t.isGroup(g)) return shared.mysqlIndexWork(table, t.inner(g));
        }
        return w;
    }

    private Classified op(String operation, QName table) {
        if (operation.equals("CREATE_TABLE")) return Classified.ddl(List.of(new Operation(operation, null, null, Work.NONE)));
        return Classified.ddl(List.of(new Operation(operation, table, null, table == null ? Work.NONE : shared.work(table))));
    }

    private QName name(SqlTokens t, int i) {
        return shared.qname(t, i, t.nameEnd(i));
    }
}
