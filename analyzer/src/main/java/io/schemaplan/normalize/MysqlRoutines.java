package io.schemaplan.normalize;

import io.schemaplan.model.QName;
import io.schemaplan.model.Routine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A MySQL/MariaDB procedure, function or event as a {@link Routine}, the same from a dump's {@code CREATE} and
 * from the {@code SHOW CREATE PROCEDURE|FUNCTION|EVENT} text of the database restored from it (the statement
 * mysqldump itself writes), so the two compare equal. Both readers call {@link #parse}.
 *
 * <p>What counts: the kind ({@code procedure}, {@code function}, {@code event}), the parameters, the return
 * type, the body, the comment, and the characteristics that differ from the server's default
 * ({@code DETERMINISTIC}, {@code NO SQL} / {@code READS SQL DATA} / {@code MODIFIES SQL DATA},
 * {@code SQL SECURITY INVOKER}, MariaDB's {@code AGGREGATE}; an event's {@code ON SCHEDULE …},
 * {@code ON COMPLETION PRESERVE}, {@code DISABLE} / {@code DISABLE ON REPLICA}). What does not:
 * {@code DEFINER}, the account that owns it, which differs between servers of one schema as PostgreSQL
 * owners do (restores and managed services rewrite it); and the {@code sql_mode}, character set and time
 * zone of the session that created it, which a dump sets around the statement but a migration script's
 * {@code CREATE} does not state.
 *
 * <p>Spelling: types as the model spells a column's ({@code int(11)} and {@code INT} are {@code integer}), their
 * character set and collation lower case ({@code CHARACTER SET} as {@code charset}), {@code IN} dropped (it is
 * the default), names unquoted. The body is the text the server keeps, with each
 * comment outside quotes replaced by one space (the dump's statement splitter does the same, so a body read
 * from a dump and one read live agree) and the content of version comments kept.
 */
public final class MysqlRoutines {
    private MysqlRoutines() {
    }

    public static final String PROCEDURE = "procedure";
    public static final String FUNCTION = "function";
    public static final String EVENT = "event";

    /** Words that follow a type in a parameter or RETURNS clause and belong to it. */
    private static final Set<String> TYPE_WORDS = Set.of("UNSIGNED", "SIGNED", "ZEROFILL", "PRECISION", "VARYING",
            "BINARY", "ASCII", "UNICODE", "BYTE");
    /** Type modifiers with one argument. */
    private static final Set<String> TYPE_OPTIONS = Set.of("CHARSET", "COLLATE");

    /** The kind a {@code CREATE … PROCEDURE|FUNCTION|EVENT} or {@code DROP …} word names; null for other words. */
    public static String kind(String word) {
        return switch (word.toUpperCase(Locale.ROOT)) {
            case "PROCEDURE" -> PROCEDURE;
            case "FUNCTION", "AGGREGATE" -> FUNCTION;
            case "EVENT" -> EVENT;
            default -> null;
        };
    }

    /**
     * The routine a {@code CREATE [OR REPLACE] [DEFINER=…] [AGGREGATE] PROCEDURE|FUNCTION|EVENT …} statement
     * makes; {@code at} is the index of the kind word. A statement without a body, or with a clause out of
     * place, is an {@link IllegalArgumentException} naming the routine.
     */
    public static Routine parse(SqlTokens t, int at) {
        boolean aggregate = t.isWord(at, "AGGREGATE");
        int i = aggregate ? t.expect(at + 1, "FUNCTION") : at + 1;
        String kind = kind(t.text(aggregate ? at + 1 : at));
        if (t.isWord(i, "IF", "NOT", "EXISTS")) i += 3;
        int end = t.nameEnd(i);
        QName name = name(t, i, end);
        if (kind.equals(EVENT)) {
            Draft d = new Draft(name, new ArrayList<>(), null, null);
            if (!t.isWord(end, "ON", "SCHEDULE")) throw new IllegalArgumentException(d.what() + " has no ON SCHEDULE");
            eventClauses(t, end, d, false);
            if (d.body == null) throw new IllegalArgumentException(d.what() + " has no DO body");
            return d.routine(EVENT, "", null);
        }
        return routine(t, end, name, kind, aggregate);
    }

    /**
     * {@code r} after {@code ALTER PROCEDURE|FUNCTION name characteristics} or {@code ALTER EVENT name clauses}
     * ({@code at}: the index after the name): ALTER PROCEDURE changes only the comment, SQL SECURITY and data
     * access; ALTER EVENT any clause, the body and the name too ({@code RENAME TO}).
     */
    public static Routine altered(Routine r, SqlTokens t, int at) {
        Draft d = new Draft(r.name(), new ArrayList<>(r.attributes()), r.comment(), r.body());
        if (r.kind().equals(EVENT)) {
            eventClauses(t, at, d, true);
            return d.routine(EVENT, "", null);
        }
        int i = characteristics(t, at, d);
        if (i < t.size()) {
            throw new IllegalArgumentException("unexpected '" + Excerpts.of(t.rest(i)) + "' in ALTER "
                    + r.kind().toUpperCase(Locale.ROOT) + " " + r.name());
        }
        return new Routine(r.name(), r.kind(), r.arguments(), r.returns(), null, d.attributes, r.body(), d.comment);
    }

    /** {@code `t`} is {@code QName("", "t")}; a name qualified with another database keeps it. */
    public static QName name(SqlTokens t, int from, int to) {
        List<String> parts = t.nameParts(from, to);
        return parts.size() == 1 ? QName.of("", parts.get(0)) : QName.of(parts.get(0), parts.get(1));
    }

    /** What a CREATE or ALTER builds up. */
    private static final class Draft {
        QName name;
        final List<String> attributes;
        String comment;
        String body;

        Draft(QName name, List<String> attributes, String comment, String body) {
            this.name = name;
            this.attributes = attributes;
            this.comment = comment;
            this.body = body;
        }

        String what() {
            return EVENT + " " + name;
        }

        /** Replaces the attributes that start with {@code prefix} by {@code value} (none when null). */
        void set(String prefix, String value) {
            attributes.removeIf(a -> a.startsWith(prefix));
            if (value != null) attributes.add(value);
        }

        Routine routine(String kind, String arguments, String returns) {
            return new Routine(name, kind, arguments, returns, null, attributes, body, comment);
        }
    }

    private static Routine routine(SqlTokens t, int i, QName name, String kind, boolean aggregate) {
        String what = kind + " " + name;
        if (!t.isGroup(i)) throw new IllegalArgumentException(what + " has no parameter list");
        List<String> params = new ArrayList<>();
        for (String p : SqlTokens.splitTopLevel(t.inner(i), SqlTokens.Dialect.MYSQL)) {
            params.add(parameter(SqlTokens.mysql(p)));
        }
        i++;
        String returns = null;
        if (kind.equals(FUNCTION)) {
            i = t.expect(i, "RETURNS");
            int typeEnd = typeEnd(t, i);
            returns = type(t, i, typeEnd);
            i = typeEnd;
        }
        Draft d = new Draft(name, new ArrayList<>(), null, null);
        if (aggregate) d.attributes.add("AGGREGATE");
        i = characteristics(t, i, d);
        d.body = body(t, i, what);
        return d.routine(kind, String.join(", ", params), returns);
    }

    /** Data access: CONTAINS SQL is the default and no attribute. */
    private static final List<String> DATA_ACCESS = List.of("NO SQL", "READS SQL DATA", "MODIFIES SQL DATA");

    /**
     * A procedure's or function's characteristics from {@code i} into {@code d}, each replacing what it says
     * before (so ALTER can use them); the index of the first token that is none (the body of a CREATE).
     */
    private static int characteristics(SqlTokens t, int i, Draft d) {
        while (i < t.size()) {
            if (t.isWord(i, "COMMENT")) {
                d.comment = SqlTokens.mysqlStringValue(t.text(i + 1));
                i += 2;
            } else if (t.isWord(i, "LANGUAGE", "SQL")) {
                i += 2;
            } else if (t.isWord(i, "NOT", "DETERMINISTIC") || t.isWord(i, "DETERMINISTIC")) {
                d.set("DETERMINISTIC", t.isWord(i, "NOT") ? null : "DETERMINISTIC");
                i += t.isWord(i, "NOT") ? 2 : 1;
            } else if (t.isWord(i, "CONTAINS", "SQL") || t.isWord(i, "NO", "SQL")) {
                d.attributes.removeAll(DATA_ACCESS);
                if (t.isWord(i, "NO")) d.attributes.add("NO SQL");
                i += 2;
            } else if (t.isWord(i, "READS", "SQL", "DATA") || t.isWord(i, "MODIFIES", "SQL", "DATA")) {
                d.attributes.removeAll(DATA_ACCESS);
                d.attributes.add(upper(t, i) + " SQL DATA");
                i += 3;
            } else if (t.isWord(i, "SQL", "SECURITY")) {
                d.set("SQL SECURITY", t.isWord(i + 2, "DEFINER") ? null : "SQL SECURITY " + upper(t, i + 2));
                i += 3;
            } else {
                break;
            }
        }
        return i;
    }

    /**
     * An event's clauses from {@code i} into {@code d}, in any order: {@code ON SCHEDULE …} (one attribute, its
     * words upper case), {@code ON COMPLETION [NOT] PRESERVE}, {@code ENABLE | DISABLE [ON SLAVE|REPLICA]},
     * {@code COMMENT '…'}, ALTER's {@code RENAME TO name}, and last {@code DO body}.
     */
    private static void eventClauses(SqlTokens t, int i, Draft d, boolean alter) {
        while (i < t.size()) {
            if (t.isWord(i, "ON", "SCHEDULE")) {
                int start = i += 2;
                while (i < t.size() && !t.isWord(i, "ON", "COMPLETION") && !t.isWord(i, "ENABLE") && !t.isWord(i, "DISABLE")
                        && !t.isWord(i, "COMMENT") && !t.isWord(i, "DO") && !t.isWord(i, "RENAME")) i++;
                if (i == start) throw new IllegalArgumentException(d.what() + " has no schedule");
                d.set("ON SCHEDULE ", "ON SCHEDULE " + words(t, start, i, true));
            } else if (t.isWord(i, "ON", "COMPLETION", "PRESERVE") || t.isWord(i, "ON", "COMPLETION", "NOT", "PRESERVE")) {
                d.set("ON COMPLETION", t.isWord(i + 2, "NOT") ? null : "ON COMPLETION PRESERVE");
                i += t.isWord(i + 2, "NOT") ? 4 : 3;
            } else if (t.isWord(i, "ENABLE") || t.isWord(i, "DISABLE")) {
                // MySQL 8.4 prints DISABLE ON REPLICA, older servers DISABLE ON SLAVE: one status
                d.set("DISABLE", t.isWord(i, "ENABLE") ? null : t.isWord(i + 1, "ON") ? "DISABLE ON REPLICA" : "DISABLE");
                i += t.isWord(i, "DISABLE", "ON") ? 3 : 1;
            } else if (t.isWord(i, "COMMENT")) {
                d.comment = SqlTokens.mysqlStringValue(t.text(i + 1));
                i += 2;
            } else if (alter && t.isWord(i, "RENAME", "TO")) {
                int end = t.nameEnd(i + 2);
                d.name = name(t, i + 2, end);
                i = end;
            } else if (t.isWord(i, "DO")) {
                d.body = body(t, i + 1, d.what());
                return;
            } else {
                throw new IllegalArgumentException("unexpected '" + Excerpts.of(t.rest(i)) + "' in " + d.what());
            }
        }
    }

    private static String body(SqlTokens t, int i, String what) {
        String body = i < t.size() ? body(t.rest(i)) : "";
        if (body.isEmpty()) throw new IllegalArgumentException(what + " has no body");
        return body;
    }

    /**
     * {@code [IN|OUT|INOUT] name type}: {@code a int}, {@code OUT n bigint unsigned} (MariaDB 10.8+ allows the
     * modes in functions too).
     */
    private static String parameter(SqlTokens p) {
        int i = 0;
        String mode = "";
        if (p.isWord(0, "IN") || p.isWord(0, "OUT") || p.isWord(0, "INOUT")) {
            mode = p.isWord(0, "IN") ? "" : upper(p, 0) + " ";
            i = 1;
        }
        return mode + p.ident(i) + " " + type(p, i + 1, p.size());
    }

    /** The index after the type starting at {@code i}: its name, its length group and the words that belong to it. */
    private static int typeEnd(SqlTokens t, int i) {
        if (!t.isName(i)) throw new IllegalArgumentException("expected a type at '" + Excerpts.of(t.rest(i)) + "'");
        int j = i + 1;
        while (j < t.size()) {
            if (t.isGroup(j) || TYPE_WORDS.contains(upper(t, j))) {
                j++;
            } else if (TYPE_OPTIONS.contains(upper(t, j))) {
                j += 2;
            } else if (t.isWord(j, "CHARACTER", "SET")) {
                j += 3;
            } else {
                break;
            }
        }
        return j;
    }

    /** Words after a type's name that start its character set or collation, not part of the type itself. */
    private static final Set<String> CHARSET_WORDS = Set.of("CHARSET", "CHARACTER", "COLLATE", "ASCII", "UNICODE", "BYTE",
            "BINARY");

    /**
     * A type as the model spells a column's ({@link MysqlTypes}: {@code INT} and {@code int(11)} are
     * {@code integer}, as a script writes it and as MariaDB prints it), then its character set and collation in
     * lower case; a type MysqlTypes does not know (MariaDB's {@code TYPE OF t.c}) as its words in lower case.
     */
    private static String type(SqlTokens t, int from, int to) {
        if (from >= to) throw new IllegalArgumentException("a parameter without a type");
        int base = from + 1;
        while (base < to && !CHARSET_WORDS.contains(upper(t, base))) base++;
        String rest = words(t, base, to, false).replace("character set ", "charset ");
        String name;
        try {
            name = MysqlTypes.parse(t.slice(from, base)).sql();
        } catch (IllegalArgumentException e) {
            name = words(t, from, base, false);
        }
        return rest.isEmpty() ? name : name + " " + rest;
    }

    /** The tokens from {@code from} to {@code to} with single spaces; words in the case asked, the rest as written. */
    private static String words(SqlTokens t, int from, int to, boolean upperCase) {
        StringBuilder b = new StringBuilder();
        for (int k = from; k < to; k++) {
            String text = t.text(k);
            if (t.kind(k) == SqlTokens.Kind.WORD) {
                text = upperCase ? text.toUpperCase(Locale.ROOT) : text.toLowerCase(Locale.ROOT);
            } else if (t.isGroup(k)) {
                text = withoutSpaces(text);
            }
            if (b.length() > 0 && !t.isGroup(k)) b.append(' ');
            b.append(text);
        }
        return b.toString();
    }

    /** {@code (12, 2)} as {@code (12,2)}: white space outside quotes goes ({@code enum('a b')} keeps its label). */
    private static String withoutSpaces(String group) {
        StringBuilder b = new StringBuilder(group.length());
        for (int i = 0; i < group.length(); ) {
            int end = SqlTokens.quoteEnd(group, i, SqlTokens.Dialect.MYSQL);
            if (end > i) {
                b.append(group, i, end);
                i = end;
            } else {
                if (end < 0) return b.append(group, i, group.length()).toString();
                if (!Character.isWhitespace(group.charAt(i))) b.append(group.charAt(i));
                i++;
            }
        }
        return b.toString();
    }

    private static String upper(SqlTokens t, int i) {
        return t.kind(i) == SqlTokens.Kind.WORD ? t.text(i).toUpperCase(Locale.ROOT) : "";
    }

    /**
     * The body as compared: comments outside quotes count as white space, version comments keep their content,
     * and each run of white space outside quotes is one space, or one line break where it spans lines (so
     * indentation and blank lines go); the ends are trimmed. The {@code mysql} client drops comments from what it
     * sends unless run with {@code --comments}, so a body restored from a dump can lack the comments the dump
     * holds: comments and layout do not count, the words and the quoted text do.
     */
    public static String body(String text) {
        StringBuilder b = new StringBuilder(text.length());
        boolean inVersionComment = false;
        int space = 0; // 0: none pending, 1: a space, 2: a line break
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int next;
            if (c == '/' && !inVersionComment && (text.startsWith("/*!", i) || text.startsWith("/*M!", i))) {
                next = i + (text.charAt(i + 2) == 'M' ? 4 : 3);
                while (next < n && Character.isDigit(text.charAt(next))) next++;
                inVersionComment = true;
                space = Math.max(space, 1);
            } else if (inVersionComment && c == '*' && i + 1 < n && text.charAt(i + 1) == '/') {
                next = i + 2;
                inVersionComment = false;
                space = Math.max(space, 1);
            } else if (Character.isWhitespace(c)) {
                next = i + 1;
                space = Math.max(space, c == '\n' || c == '\r' ? 2 : 1);
            } else if ((next = c == '#' || c == '-' || c == '/' ? SqlTokens.commentEnd(text, i, SqlTokens.Dialect.MYSQL) : i) != i) {
                if (next < 0) next = n;
                space = Math.max(space, 1);
            } else {
                next = c == '\'' || c == '"' || c == '`' ? SqlTokens.quoteEnd(text, i, SqlTokens.Dialect.MYSQL) : i + 1;
                if (next < 0) next = n;
                if (space > 0 && b.length() > 0) b.append(space == 2 ? '\n' : ' ');
                space = 0;
                b.append(text, i, next);
            }
            i = next;
        }
        return b.toString();
    }
}
