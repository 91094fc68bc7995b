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
import io.schemaplan.model.View;
import io.schemaplan.normalize.MysqlDefinitions;
import io.schemaplan.normalize.MysqlExpressions;
import io.schemaplan.normalize.MysqlRoutines;
import io.schemaplan.normalize.MysqlTypes;
import io.schemaplan.sql.Identifiers;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a live MySQL or MariaDB database from {@code information_schema} over Connector/J, into exactly the
 * model {@link MysqlDumpReader} gives for a dump of the same database: the same normalizers and the same
 * {@link MysqlTableParts} rules (collation kept only where it differs from the table's, MariaDB's
 * {@code longtext} + {@code json_valid()} as {@code json}).
 *
 * <p>Every fact comes from the catalog, one set-based query per kind filtered on the schema (never a join of
 * {@code information_schema} views, which is slow on large servers). {@code SHOW CREATE TABLE} is not needed
 * on MariaDB 10.2+ or MySQL 8.0.16+: column defaults and ON UPDATE are in {@code COLUMNS}, generated and
 * invisible columns in {@code EXTRA}, key prefixes, order and expressions in {@code STATISTICS}, checks in
 * {@code CHECK_CONSTRAINTS}. What the catalog does not say, the model does not hold either (partitioning,
 * ROW_FORMAT, AUTO_INCREMENT counters). Procedures, functions and events are listed from {@code ROUTINES} and
 * {@code EVENTS} and each read with {@code SHOW CREATE …}, the statement mysqldump writes into a dump, through
 * the one parser both readers share ({@link MysqlRoutines}): one query per routine, so a dump and the database
 * restored from it agree by construction.
 *
 * <p>The session is read-only with short lock and statement limits ({@link MysqlConnections}).
 */
public final class MysqlCatalogReader {
    private MysqlCatalogReader() {
    }

    /** {@code TABLE_TYPE}s that are tables (MariaDB's system-versioned tables are tables with history). */
    private static final List<String> TABLE_TYPES = List.of("BASE TABLE", "SYSTEM VERSIONED");

    static final String TABLES = "SELECT TABLE_NAME, TABLE_TYPE, TABLE_COLLATION, TABLE_COMMENT, CREATE_OPTIONS, ENGINE"
            + " FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME";
    static final String COLUMNS = "SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE, IS_NULLABLE,"
            + " COLUMN_DEFAULT, EXTRA, COLLATION_NAME, COLUMN_COMMENT, GENERATION_EXPRESSION"
            + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION";
    /** MySQL 8.0.13+ has EXPRESSION (functional key parts); MariaDB has none. */
    static final String KEYS = "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, COLLATION,"
            + " INDEX_TYPE, INDEX_COMMENT, %s FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?"
            + " ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX";
    /** MariaDB's CHECK_CONSTRAINTS names the table (column checks are named after the column, so names repeat). */
    static final String CHECKS_MARIADB = "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE"
            + " FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?";
    /** MySQL's does not, but its check names are unique in a schema: TABLE_CONSTRAINTS gives the table. */
    static final String CHECK_TABLES_MYSQL = "SELECT TABLE_NAME, CONSTRAINT_NAME, ENFORCED FROM information_schema.TABLE_CONSTRAINTS"
            + " WHERE CONSTRAINT_SCHEMA = ? AND CONSTRAINT_TYPE = 'CHECK'";
    static final String CHECK_CLAUSES_MYSQL = "SELECT CONSTRAINT_NAME, CHECK_CLAUSE"
            + " FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?";
    static final String FOREIGN_KEYS = "SELECT TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE"
            + " FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?";
    static final String FOREIGN_KEY_COLUMNS = "SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME,"
            + " REFERENCED_TABLE_SCHEMA, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME"
            + " FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ? AND REFERENCED_TABLE_NAME IS NOT NULL"
            + " ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION";
    static final String TRIGGERS = "SELECT EVENT_OBJECT_TABLE, TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION,"
            + " ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?";
    static final String VIEWS = "SELECT TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?";
    static final String ROUTINES = "SELECT ROUTINE_TYPE, ROUTINE_NAME FROM information_schema.ROUTINES"
            + " WHERE ROUTINE_SCHEMA = ? ORDER BY ROUTINE_NAME";
    static final String EVENTS = "SELECT 'EVENT', EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?"
            + " ORDER BY EVENT_NAME";

    /**
     * Reads the schema of the database at {@code url} ({@code mysql://user[:password]@host[:port]/db},
     * {@code mariadb://…}, {@code jdbc:mysql://…}, {@code jdbc:mariadb://…}).
     *
     * @throws ReadException one line naming the URL without its password
     */
    public static Loaded read(String url) {
        return read(url, false);
    }

    /**
     * As {@link #read(String)}; with {@code partial}, a user that cannot see the whole database reads what it
     * can, and the result says so ({@link PartialRead}), instead of stopping.
     */
    public static Loaded read(String url, boolean partial) {
        MysqlUrl target = MysqlUrl.parse(url);
        try (MysqlConnections.Session session = MysqlConnections.openReadOnly(target)) {
            return new Reading(session, partial).read();
        }
    }

    /**
     * A table no database holds: selecting from it fails with "no such table" (1146) when the user has a
     * database-wide privilege (directly, through a role, or a wildcard grant), and with "denied" (1142) when
     * it has privileges on some tables only. The server decides, so roles and patterns need no parsing.
     */
    static final String PRIVILEGE_PROBE = "SELECT 1 FROM `%s`.`schemaplan: privilege probe` WHERE 1 = 0";
    private static final int NO_SUCH_TABLE = 1146;
    private static final int TABLE_ACCESS_DENIED = 1142;
    private static final int DATABASE_ACCESS_DENIED = 1044;

    /** Runs {@code work} inside a reader session (the hook tests use to see what such a session allows). */
    static <T> T inSession(String url, CatalogSession.Work<T> work) {
        MysqlUrl target = MysqlUrl.parse(url);
        try (MysqlConnections.Session session = MysqlConnections.openReadOnly(target)) {
            return work.run(session.conn());
        } catch (SQLException e) {
            throw MysqlErrors.describe(target, e);
        }
    }

    /** EXTRA of a generated column: {@code VIRTUAL GENERATED}, {@code STORED GENERATED} (MariaDB: {@code PERSISTENT}). */
    private static final Pattern GENERATED = Pattern.compile("\\b(VIRTUAL|STORED|PERSISTENT) GENERATED\\b");

    /** One read: the session, the tables found so far (by name), the warnings. */
    private static final class Reading {
        private final MysqlConnections.Session session;
        private final String db;
        private final boolean mariadb;
        private final Map<String, MysqlTableParts> tables = new LinkedHashMap<>();
        private final List<View> views = new ArrayList<>();
        /** MariaDB's sequences (TABLE_TYPE 'SEQUENCE'), by name; read by {@link #readSequences}. */
        private final List<String> sequenceNames = new ArrayList<>();
        private final List<Sequence> sequences = new ArrayList<>();
        private final List<Routine> routines = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        /** Names of what the model does not hold, by kind (package): one warning each. */
        private final Map<String, List<String>> skipped = new LinkedHashMap<>();

        private final boolean partial;
        /** What could not be read, when {@code partial} let the read go on; empty when nothing is missing. */
        private final List<String> missing = new ArrayList<>();

        Reading(MysqlConnections.Session session, boolean partial) {
            this.session = session;
            this.partial = partial;
            this.db = session.url().database();
            this.mariadb = session.engine() == Engine.MARIADB;
        }

        private String where(String objectName) {
            return session.url().redacted() + ": " + objectName;
        }

        Loaded read() {
            session.query(TABLES, this::table, db);
            requireEveryTable();
            session.query(COLUMNS, this::column, db);
            readKeys();
            readChecks();
            readForeignKeys();
            session.query(TRIGGERS, rs -> {
                MysqlTableParts t = tables.get(rs.getString(1));
                if (t != null) {
                    t.triggers.add(MysqlDefinitions.trigger(rs.getString(2), rs.getString(3), rs.getString(4),
                            t.name.name(), rs.getString(5)));
                }
                return null;
            }, db);
            readViews();
            readSequences();
            readRoutines();
            skipped.forEach((kind, names) -> warnings.add(where(MysqlDumpReader.skippedMessage(kind, names,
                    "not part of the MySQL schema model"))));
            Schema schema = new Schema(session.engine(), MysqlConnections.versionNumber(session.version()),
                    List.of(), List.of(), List.of(), sequences,
                    tables.values().stream().map(MysqlTableParts::toTable).toList(), views, routines);
            Loaded loaded = new Loaded(session.url().redacted(), schema, warnings);
            return missing.isEmpty() ? loaded : PartialRead.mark(loaded, String.join("; ", missing));
        }

        /**
         * information_schema lists only the tables the user has a privilege on, and MariaDB shows CHECK
         * constraints (the json_valid() that makes a longtext a json column) only with a database-wide one:
         * a user granted some tables would read a smaller, wrong schema without any error.
         */
        private void requireEveryTable() {
            try (java.sql.Statement s = session.conn().createStatement()) {
                s.executeQuery(String.format(PRIVILEGE_PROBE, db.replace("`", "``"))).close();
            } catch (SQLException e) {
                if (e.getErrorCode() == NO_SUCH_TABLE) return;
                if (e.getErrorCode() != TABLE_ACCESS_DENIED) throw MysqlErrors.describe(session.url(), e);
                String user = currentUser();
                if (!partial) {
                    throw new ReadException(session.url().redacted() + ": user " + user + " has privileges on some"
                            + " tables only (it sees " + tables.size() + "), and the server hides the other tables"
                            + (mariadb ? " and every CHECK constraint" : "") + " from it: GRANT SELECT, SHOW VIEW,"
                            + " TRIGGER ON " + Identifiers.quote(Engine.MYSQL, db) + ".* TO " + user + ", or pass --partial to read what it sees");
                }
                missing.add("user " + user + " sees only the " + tables.size() + " tables it has privileges on"
                        + (mariadb ? ", and no CHECK constraints (json columns read as longtext)" : ""));
            }
        }

        /** Without SHOW VIEW a view's definition reads as empty: refused, or left out with --partial. */
        private void readViews() {
            List<String> unreadable = new ArrayList<>();
            session.query(VIEWS, rs -> {
                String definition = rs.getString(2);
                if (definition == null || definition.isBlank()) {
                    unreadable.add(rs.getString(1));
                } else {
                    views.add(new View(QName.of("", rs.getString(1)), false,
                            MysqlExpressions.viewDefinition(withoutDatabase(definition)), null));
                }
                return null;
            }, db);
            views.replaceAll(v -> v.definition().contains("?") ? new View(v.name(), false,
                    MysqlExpressions.viewDefinition(showCreateView(v.name().name())), null) : v);
            if (unreadable.isEmpty()) return;
            String what = unreadable.size() + (unreadable.size() == 1 ? " view" : " views") + " without a readable"
                    + " definition: " + PartialRead.names(unreadable);
            if (!partial) {
                throw new ReadException(session.url().redacted() + ": " + what + " (reading a view's definition needs"
                        + " SHOW VIEW: GRANT SHOW VIEW ON " + Identifiers.quote(Engine.MYSQL, db) + ".* TO " + currentUser()
                        + "), or pass --partial to leave them out");
            }
            missing.add(what);
        }

        /**
         * Each sequence's options from {@code SHOW CREATE SEQUENCE}, the statement mariadb-dump prints them with, read
         * by the dump reader's rules: one statement per sequence (information_schema has no sequence options before
         * MariaDB 11.5, and then not its comment).
         */
        private void readSequences() {
            for (String name : sequenceNames) {
                String sql = session.query("SHOW CREATE SEQUENCE " + Identifiers.quote(Engine.MYSQL, name),
                        rs -> rs.getString(2)).get(0);
                try {
                    io.schemaplan.normalize.SqlTokens t = io.schemaplan.normalize.SqlTokens.mysql(sql);
                    int at = t.expect(t.find(0, "SEQUENCE"), "SEQUENCE");
                    sequences.add(MysqlSequences.create(QName.of("", name), t, t.nameEnd(at)));
                } catch (IllegalArgumentException e) {
                    throw new ReadException(where("sequence " + name + ": " + e.getMessage()));
                }
            }
        }

        /**
         * Procedures and functions ({@code ROUTINES}; MariaDB's Oracle-mode packages are skipped with a warning)
         * and events, each from its {@code SHOW CREATE} text. The server leaves that text out (NULL) for a user
         * who may not see the body: refused like a view without SHOW VIEW, or left out with --partial.
         */
        private void readRoutines() {
            warnOfHiddenRoutines();
            record Named(String kind, String name) {
            }
            List<Named> named = new ArrayList<>();
            for (String kinds : List.of(ROUTINES, EVENTS)) {
                session.query(kinds, rs -> named.add(new Named(rs.getString(1).toUpperCase(Locale.ROOT), rs.getString(2))), db);
            }
            List<String> unreadable = new ArrayList<>();
            for (Named n : named) {
                if (MysqlRoutines.kind(n.kind()) == null) {
                    skipped.computeIfAbsent(n.kind().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(n.name());
                    continue;
                }
                String sql = "SHOW CREATE " + n.kind() + " " + Identifiers.quote(Engine.MYSQL, n.name());
                String text = session.query(sql, rs -> rs.getString("Create " + (n.kind().equals("EVENT") ? "Event"
                        : n.kind().equals("FUNCTION") ? "Function" : "Procedure"))).get(0);
                if (text == null) {
                    unreadable.add(n.kind().toLowerCase(Locale.ROOT) + " " + n.name());
                    continue;
                }
                io.schemaplan.normalize.SqlTokens t = io.schemaplan.normalize.SqlTokens.mysql(text);
                int at = 1;
                while (at < t.size() && !(t.isWord(at, n.kind()) || t.isWord(at, "AGGREGATE"))) at++;
                try {
                    routines.add(MysqlRoutines.parse(t, at));
                } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                    throw new ReadException(where(n.kind().toLowerCase(Locale.ROOT) + " " + n.name()) + ": cannot parse"
                            + " its SHOW CREATE text: " + e.getMessage());
                }
            }
            if (unreadable.isEmpty()) return;
            String what = unreadable.size() + (unreadable.size() == 1 ? " routine" : " routines") + " without a readable"
                    + " definition: " + PartialRead.names(unreadable);
            if (!partial) {
                throw new ReadException(session.url().redacted() + ": " + what + " (the server shows a routine's body"
                        + " to its definer and to users with global SELECT, or SHOW_ROUTINE on MySQL 8.0.20+), or pass"
                        + " --partial to leave them out");
            }
            missing.add(what);
        }

        /**
         * The server hides from {@code information_schema} the procedures and functions a user may not see (on
         * MariaDB: all of them without EXECUTE, their text without SELECT on {@code mysql.proc}) and every event
         * without the EVENT privilege, with no sign. Probes the server answers: reading {@code mysql.proc}
         * (MariaDB; MySQL 8 has no such table and is not probed) and {@code SHOW EVENTS}. What they deny is a
         * warning, not a refusal: the privileges mysqldump needs for tables and views are still enough to read
         * those, and the warning says what may be missing and the GRANT that shows it.
         */
        private void warnOfHiddenRoutines() {
            if (mariadb && !allowed("SELECT 1 FROM mysql.proc WHERE 1 = 0")) {
                warnings.add(where("user " + currentUser() + " may not see every procedure and function, and those it"
                        + " cannot see are not read: GRANT SELECT ON mysql.proc TO " + currentUser()));
            }
            if (!allowed("SHOW EVENTS")) {
                warnings.add(where("user " + currentUser() + " cannot see the events, which are not read: GRANT EVENT ON "
                        + Identifiers.quote(Engine.MYSQL, db) + ".* TO " + currentUser()));
            }
        }

        /** Whether the server lets the user run {@code sql}: denied (1142, 1044) is false, any other error fails. */
        private boolean allowed(String sql) {
            try (java.sql.Statement s = session.conn().createStatement()) {
                s.executeQuery(sql).close();
                return true;
            } catch (SQLException e) {
                if (e.getErrorCode() == TABLE_ACCESS_DENIED || e.getErrorCode() == DATABASE_ACCESS_DENIED) return false;
                throw MysqlErrors.describe(session.url(), e);
            }
        }

        /** {@code 'reader'@'%'}, as a GRANT names the account. */
        private String currentUser() {
            String account = session.query("SELECT CURRENT_USER()", rs -> rs.getString(1)).get(0);
            int at = account.lastIndexOf('@');
            return at < 0 ? "'" + account + "'" : "'" + account.substring(0, at) + "'@'" + account.substring(at + 1) + "'";
        }

        private Void table(ResultSet rs) throws SQLException {
            String name = rs.getString(1);
            String type = rs.getString(2);
            if (type.equals("SEQUENCE")) {
                sequenceNames.add(name);
            } else if (TABLE_TYPES.contains(type)) {
                MysqlTableParts t = new MysqlTableParts(QName.of("", name));
                t.collation = MysqlDefinitions.collation(rs.getString(3));
                t.comment = blankToNull(rs.getString(4));
                t.storageEngine = rs.getString(6);
                String options = rs.getString(5);
                t.createOptions(options);
                if (options != null && options.toLowerCase(Locale.ROOT).contains("partitioned")) {
                    warnings.add(where("table " + name + " is partitioned: partitioning is not part of the MySQL"
                            + " schema model yet"));
                }
                tables.put(name, t);
            }
            return null;
        }

        /** The same type and default texts come back in every table: each is parsed once per read. */
        private final Repeats repeats = new Repeats();
        private final Function<String, DataType> types = Repeats.once(MysqlTypes::parse);

        private record DefaultText(String columnDefault, String extra, DataType type) {
        }

        private final Function<DefaultText, String> defaults = Repeats.once(
                d -> MysqlExpressions.catalogDefault(d.columnDefault(), d.extra(), d.type(), isMariadb()));

        private boolean isMariadb() {
            return mariadb;
        }

        private Void column(ResultSet rs) throws SQLException {
            MysqlTableParts t = tables.get(rs.getString(1));
            if (t == null) return null; // a view's column
            String name = repeats.text(rs.getString(2));
            DataType type = types.apply(rs.getString(4));
            String extra = rs.getString(7) == null ? "" : rs.getString(7);
            String upper = extra.toUpperCase(Locale.ROOT);
            boolean generated = GENERATED.matcher(upper).find();
            String defaultExpr = generated ? null : defaults.apply(new DefaultText(
                    MysqlExpressions.sequenceDefault(rs.getString(6), db), extra, type));
            t.columns.add(new Column(name, rs.getInt(3), type, "YES".equals(rs.getString(5)), defaultExpr,
                    upper.contains("AUTO_INCREMENT") ? Column.Identity.BY_DEFAULT : null,
                    generated ? rs.getString(10).trim() : null,
                    MysqlDefinitions.collation(rs.getString(8)), blankToNull(rs.getString(9)),
                    upper.contains("VIRTUAL GENERATED"), upper.contains("INVISIBLE")));
            return null;
        }

        /** One row per key part: PRIMARY and unique keys become constraints, the rest indexes, as in a dump. */
        private void readKeys() {
            record Part(String table, String index, boolean unique, IndexKey key, String type, String comment) {
            }
            List<Part> parts = session.query(String.format(KEYS, mariadb ? "NULL" : "EXPRESSION"), rs -> {
                String expression = rs.getString(9);
                // MariaDB reports SUB_PART 32 for every SPATIAL key part (its R-tree key length); it is no
                // prefix anyone wrote, and SHOW CREATE TABLE (so a dump) prints none
                Object subPart = "SPATIAL".equalsIgnoreCase(rs.getString(7)) ? null : rs.getObject(5);
                boolean desc = "D".equals(rs.getString(6));
                IndexKey key = expression != null ? new IndexKey(expression, true, null, null, desc, null, null)
                        : new IndexKey(rs.getString(4), false, null, null, desc, null,
                        subPart == null ? null : ((Number) subPart).intValue());
                return new Part(rs.getString(1), rs.getString(2), rs.getInt(3) == 0, key,
                        rs.getString(7).toLowerCase(Locale.ROOT), blankToNull(rs.getString(8)));
            }, db);
            Map<List<String>, List<Part>> byIndex = new LinkedHashMap<>();
            parts.forEach(p -> byIndex.computeIfAbsent(List.of(p.table(), p.index()), k -> new ArrayList<>()).add(p));
            byIndex.forEach((k, ps) -> {
                MysqlTableParts t = tables.get(k.get(0));
                if (t == null) return;
                Part first = ps.get(0);
                List<IndexKey> keys = ps.stream().map(Part::key).toList();
                if (first.index().equals(MysqlDefinitions.PRIMARY)) {
                    t.constraints.add(MysqlDefinitions.keyConstraint(MysqlDefinitions.PRIMARY, Constraint.Kind.PRIMARY_KEY, keys));
                } else if (first.unique()) {
                    t.constraints.add(MysqlDefinitions.keyConstraint(first.index(), Constraint.Kind.UNIQUE, keys));
                } else {
                    t.indexes.add(new Index(first.index(), false, first.type(), keys, List.of(), null, false, first.comment()));
                }
            });
        }

        private void readChecks() {
            if (mariadb) {
                session.query(CHECKS_MARIADB, rs -> addCheck(rs.getString(1), rs.getString(2), rs.getString(3), true), db);
                return;
            }
            Map<String, String> clauses = new HashMap<>();
            session.query(CHECK_CLAUSES_MYSQL, rs -> clauses.put(rs.getString(1), rs.getString(2)), db);
            session.query(CHECK_TABLES_MYSQL, rs -> addCheck(rs.getString(1), rs.getString(2),
                    clauses.get(rs.getString(2)), !"NO".equalsIgnoreCase(rs.getString(3))), db);
        }

        private Void addCheck(String table, String name, String clause, boolean enforced) {
            MysqlTableParts t = tables.get(table);
            if (t != null && clause != null) t.constraints.add(MysqlDefinitions.check(name, clause, enforced));
            return null;
        }

        private void readForeignKeys() {
            Map<List<String>, String[]> rules = new HashMap<>();
            session.query(FOREIGN_KEYS, rs -> rules.put(List.of(rs.getString(1), rs.getString(2)),
                    new String[] {rs.getString(3), rs.getString(4)}), db);
            record FkColumn(String table, String name, String column, QName referenced, String refColumn) {
            }
            List<FkColumn> columns = session.query(FOREIGN_KEY_COLUMNS, rs -> new FkColumn(rs.getString(1),
                    rs.getString(2), rs.getString(3),
                    QName.of(db.equals(rs.getString(4)) ? "" : rs.getString(4), rs.getString(5)), rs.getString(6)), db);
            Map<List<String>, List<FkColumn>> byKey = new LinkedHashMap<>();
            columns.forEach(c -> byKey.computeIfAbsent(List.of(c.table(), c.name()), k -> new ArrayList<>()).add(c));
            byKey.forEach((k, cs) -> {
                MysqlTableParts t = tables.get(k.get(0));
                if (t == null) return;
                String[] r = rules.getOrDefault(k, new String[] {null, null});
                t.foreignKeys.add(new ForeignKey(k.get(1), cs.stream().map(FkColumn::column).toList(),
                        cs.get(0).referenced(), cs.stream().map(FkColumn::refColumn).toList(),
                        MysqlDefinitions.foreignKeyAction(r[0]), MysqlDefinitions.foreignKeyAction(r[1]),
                        "SIMPLE", false, false, true));
            });
        }

        /**
         * The definition of a view as {@code SHOW CREATE VIEW} prints it (what a dump holds): the text after
         * {@code VIEW name AS}, without {@code WITH … CHECK OPTION}. Asked only where {@code VIEW_DEFINITION}
         * has a '?': {@code information_schema} is utf8mb3, so a 4-byte character in a view (an emoji in a
         * literal) comes out of it as '?', while {@code SHOW CREATE VIEW} returns it whole.
         */
        private String showCreateView(String name) {
            String sql = session.query("SHOW CREATE VIEW `" + name.replace("`", "``") + "`", rs -> rs.getString(2)).get(0);
            io.schemaplan.normalize.SqlTokens t = io.schemaplan.normalize.SqlTokens.mysql(sql);
            int at = 0;
            while (at < t.size() && !t.isWord(at, "VIEW")) at++;
            int end = t.nameEnd(at + 1);
            if (t.isGroup(end)) end++;
            int as = t.expect(end, "AS");
            int stop = t.size();
            for (int j = as; j < t.size(); j++) {
                if (t.isWord(j, "WITH") && (t.isWord(j + 1, "CHECK") || t.isWord(j + 2, "CHECK"))) stop = j;
            }
            return t.slice(as, stop);
        }

        /**
         * {@code VIEWS.VIEW_DEFINITION} qualifies every name with the database ({@code `db`.`t`.`a`}); a dump,
         * made with the database as the current one, does not. The qualifier goes so both read the same.
         */
        private String withoutDatabase(String definition) {
            return definition.replace(Identifiers.quote(Engine.MYSQL, db) + ".", "").trim();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
