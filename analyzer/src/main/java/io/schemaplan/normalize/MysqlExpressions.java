package io.schemaplan.normalize;

import io.schemaplan.model.DataType;
import io.schemaplan.model.Engine;
import io.schemaplan.sql.Identifiers;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canonical MySQL/MariaDB column defaults, from what a dump prints and what {@code COLUMNS.COLUMN_DEFAULT}
 * holds. MariaDB and MySQL print the same default differently ({@code current_timestamp()} and
 * {@code CURRENT_TIMESTAMP}, {@code 0} and {@code '0'}, {@code uuid()} and {@code (uuid())}); these rules
 * make them one text:
 * <ul>
 *   <li>{@code NULL} is no default (only a nullable column can have it, and it is what no default means);</li>
 *   <li>{@code current_timestamp()}, {@code now()}, {@code localtimestamp} … are {@code CURRENT_TIMESTAMP},
 *       with the precision kept: {@code CURRENT_TIMESTAMP(6)};</li>
 *   <li>a quoted number on a numeric column is the number ({@code '0'} = {@code 0});</li>
 *   <li>any other string literal is re-quoted with {@code ''} for a quote and no backslash escapes
 *       ({@code 'it\'s'} = {@code 'it''s'}); a character-set introducer ({@code _utf8mb4'x'}) is dropped;</li>
 *   <li>an expression loses one pair of outer parentheses (MySQL 8 prints {@code DEFAULT (uuid())}).</li>
 * </ul>
 * {@code ON UPDATE CURRENT_TIMESTAMP} is part of the default: {@link #withOnUpdate}.
 */
public final class MysqlExpressions {
    private MysqlExpressions() {
    }

    private static final Set<String> NUMERIC_TYPES = Set.of("tinyint", "smallint", "mediumint", "integer", "bigint",
            "numeric", "float", "double precision");

    private static final Pattern NOW = Pattern.compile(
            "(?i)(current_timestamp|now|localtime|localtimestamp)\\s*(?:\\(\\s*(\\d*)\\s*\\))?");

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    /**
     * A MariaDB sequence default as the server prints it, {@code nextval(`s`)}, without the qualifier of
     * {@code database}, the one the schema is read from: {@code SHOW CREATE TABLE} (so a dump) and
     * {@code information_schema.COLUMNS} both print {@code nextval(`db`.`s`)}, and a dump of one database and
     * another database restored from it would differ in every such default. A script's {@code NEXT VALUE FOR s}
     * and {@code NEXTVAL(s)} are the same call. Any other text is returned as it is.
     */
    public static String sequenceDefault(String text, String database) {
        if (text == null || !text.regionMatches(true, 0, "n", 0, 1)) return text;
        SqlTokens t;
        try {
            t = SqlTokens.mysql(text);
        } catch (IllegalArgumentException e) {
            return text;
        }
        java.util.List<String> parts;
        if (t.size() == 2 && t.isWord(0, "NEXTVAL") && t.isGroup(1)) {
            SqlTokens a = SqlTokens.mysql(t.inner(1));
            if (a.size() == 0 || !a.isName(0) || a.nameEnd(0) != a.size()) return text;
            parts = a.nameParts(0, a.size());
        } else if (t.size() > 3 && t.isWord(0, "NEXT", "VALUE", "FOR") && t.isName(3) && t.nameEnd(3) == t.size()) {
            parts = t.nameParts(3, t.size());
        } else {
            return text;
        }
        if (parts.size() == 2 && parts.get(0).equals(database)) parts = parts.subList(1, 2);
        return "nextval(" + String.join(".", parts.stream().map(p -> Identifiers.quote(Engine.MYSQL, p)).toList()) + ")";
    }

    /** The canonical default for a column of {@code type}, or null for none. */
    public static String normalizeDefault(String expr, DataType type) {
        if (expr == null) return null;
        String e = expr.trim();
        if (e.equalsIgnoreCase("NULL")) return null;
        String now = currentTimestamp(e);
        if (now != null) return now;
        SqlTokens t = SqlTokens.mysql(e);
        int literal = t.size() == 2 && t.kind(0) == SqlTokens.Kind.WORD && t.text(0).startsWith("_")
                && t.kind(1) == SqlTokens.Kind.STRING ? 1 : t.size() == 1 && t.kind(0) == SqlTokens.Kind.STRING ? 0 : -1;
        if (literal >= 0) {
            String value = SqlTokens.mysqlStringValue(t.text(literal));
            boolean numeric = NUMERIC_TYPES.contains(type.name()) && NUMBER.matcher(value.trim()).matches();
            return numeric ? value.trim() : quote(value);
        }
        if (t.size() == 1 && t.isGroup(0)) return normalizeDefault(t.inner(0), type);
        return e;
    }

    /** {@code CURRENT_TIMESTAMP[(n)]} when {@code e} is one of its spellings, else null. */
    static String currentTimestamp(String e) {
        Matcher m = NOW.matcher(e.trim());
        if (!m.matches()) return null;
        String precision = m.group(2);
        boolean bareWordNeedsParens = m.group(1).toLowerCase(Locale.ROOT).equals("now") && !e.contains("(");
        if (bareWordNeedsParens) return null; // a column called now
        return precision == null || precision.isEmpty() || precision.equals("0")
                ? "CURRENT_TIMESTAMP" : "CURRENT_TIMESTAMP(" + precision + ")";
    }

    /**
     * Adds {@code ON UPDATE <expr>} to a canonical default: {@code CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP},
     * or {@code ON UPDATE CURRENT_TIMESTAMP} alone when the column has no default. It lives in the default
     * text because it is part of MySQL's default clause, changes as cheaply as a default, and so a diff of
     * defaults sees it appear, change or go.
     */
    public static String withOnUpdate(String canonicalDefault, String onUpdate) {
        if (onUpdate == null || onUpdate.isBlank()) return canonicalDefault;
        String now = currentTimestamp(onUpdate);
        String update = "ON UPDATE " + (now != null ? now : onUpdate.trim());
        return canonicalDefault == null ? update : canonicalDefault + " " + update;
    }

    private static final Pattern ON_UPDATE = Pattern.compile("(?i)\\bon update (.+)$");

    /**
     * The canonical default of a column as {@code information_schema.COLUMNS} gives it: {@code COLUMN_DEFAULT}
     * and the {@code ON UPDATE} clause inside {@code EXTRA}. MariaDB (10.2.7+) stores the default as SQL text,
     * literals quoted and {@code NULL} for none, just as a dump prints it; MySQL 8 stores a literal bare and
     * an expression (marked {@code DEFAULT_GENERATED} in EXTRA) without its parentheses.
     */
    public static String catalogDefault(String columnDefault, String extra, DataType type, boolean mariadb) {
        String text = columnDefault;
        if (text != null && !mariadb && !extra.contains("DEFAULT_GENERATED")) text = quote(text);
        Matcher m = ON_UPDATE.matcher(extra == null ? "" : extra.trim());
        return withOnUpdate(normalizeDefault(text, type), m.find() ? m.group(1) : null);
    }

    /**
     * A view's definition with the character-set introducers of its string literals dropped
     * ({@code _utf8mb3' '} is {@code ' '}). {@code SHOW CREATE VIEW}, and so a dump, prints the introducer
     * that the view's connection character set gave each literal (every view created over a MySQL 5 utf8
     * connection has {@code _utf8mb3}); MariaDB's {@code information_schema.VIEWS} prints none. The literal's
     * value is the same either way and its character set follows from the view's connection, which neither
     * reader models; {@code _binary} is kept, because it makes a byte string of the literal.
     */
    public static String viewDefinition(String definition) {
        if (definition == null) return null;
        StringBuilder out = new StringBuilder(definition.length());
        int n = definition.length();
        int i = 0;
        while (i < n) {
            char c = definition.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = SqlTokens.quoteEnd(definition, i, SqlTokens.Dialect.MYSQL);
                if (end <= i) end = n;
                out.append(definition, i, end);
                i = end;
                continue;
            }
            if (c == '_' && (i == 0 || !isNameChar(definition.charAt(i - 1)))) {
                int j = i + 1;
                while (j < n && Character.isLetterOrDigit(definition.charAt(j))) j++;
                int k = j;
                while (k < n && Character.isWhitespace(definition.charAt(k))) k++;
                String charset = definition.substring(i + 1, j).toLowerCase(Locale.ROOT);
                if (j > i + 1 && k < n && definition.charAt(k) == '\'' && !charset.equals("binary")) {
                    i = k;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return withoutRedundantParentheses(out.toString().trim());
    }

    /** How tightly each logical operator binds (MySQL: NOT > AND > XOR > OR); anything else binds tighter. */
    private static final Map<String, Integer> LOGICAL = Map.of("or", 1, "||", 1, "xor", 2, "and", 3, "&&", 3, "not", 4);
    private static final int TIGHTER = 5;
    /** Words before a whole condition, and words that end one. */
    private static final Set<String> CONDITION_STARTS = Set.of("where", "on", "having", "when");
    private static final Set<String> CONDITION_ENDS = Set.of("group", "order", "having", "limit", "window", "union",
            "then", "else", "end");

    /**
     * A view's text without the parentheses that change nothing, so MySQL's print and MariaDB's of one view
     * compare equal: MySQL wraps every condition and comparison ({@code where ((`a` = 1) and (`b` = 2))},
     * {@code on((`c`.`id` = `d`.`c_id`))}), MariaDB prints only what precedence needs ({@code where `a` = 1
     * and `b` = 2}, {@code on(`c`.`id` = `d`.`c_id`)}). A group goes only where both its neighbours are
     * logical operators or the ends of a condition and nothing inside it binds more loosely than they do; a
     * subquery, a list and a function's arguments keep theirs.
     */
    static String withoutRedundantParentheses(String text) {
        SqlTokens t;
        try {
            t = SqlTokens.mysql(text);
        } catch (IllegalArgumentException e) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int previousEnd = 0;
        for (int i = 0; i < t.size(); i++) {
            out.append(text, previousEnd, t.start(i));
            previousEnd = t.start(i) + t.text(i).length();
            if (!t.isGroup(i)) {
                out.append(t.text(i));
                continue;
            }
            String inner = withoutRedundantParentheses(t.inner(i).trim());
            int before = i == 0 ? 0 : levelAround(t, i - 1, CONDITION_STARTS);
            int after = i == t.size() - 1 ? 0 : levelAround(t, i + 1, CONDITION_ENDS);
            int loosest = loosestOperator(inner);
            if (before >= 0 && after >= 0 && after != LOGICAL.get("not") && loosest >= Math.max(before, after)) {
                if (!out.isEmpty() && !Character.isWhitespace(out.charAt(out.length() - 1))
                        && out.charAt(out.length() - 1) != '(') out.append(' ');
                out.append(inner);
                if (i + 1 < t.size() && previousEnd == t.start(i + 1) && !t.isSymbol(i + 1, ")")) out.append(' ');
            } else {
                out.append('(').append(inner).append(')');
            }
        }
        return out.toString();
    }

    /** The binding of the logical operator at {@code i}, 0 for a condition boundary word, -1 for anything else. */
    private static int levelAround(SqlTokens t, int i, Set<String> boundaries) {
        String w = t.text(i).toLowerCase(Locale.ROOT);
        if (t.kind(i) == SqlTokens.Kind.WORD && boundaries.contains(w)) return 0;
        boolean operator = t.kind(i) == SqlTokens.Kind.WORD || t.kind(i) == SqlTokens.Kind.SYMBOL;
        return operator && LOGICAL.containsKey(w) ? LOGICAL.get(w) : -1;
    }

    /**
     * The binding of the loosest logical operator at the top of {@code text} ({@link #TIGHTER} when there is
     * none), or -1 when its parentheses must stay: a subquery, a list, nothing, or text the tokenizer refuses.
     * The AND of {@code BETWEEN … AND …} and anything inside {@code CASE … END} are not logical operators.
     */
    private static int loosestOperator(String text) {
        SqlTokens t;
        try {
            t = SqlTokens.mysql(text);
        } catch (IllegalArgumentException e) {
            return -1;
        }
        if (t.size() == 0 || t.isWord(0, "SELECT") || t.isWord(0, "WITH") || t.isWord(0, "VALUES")) return -1;
        int loosest = TIGHTER;
        int caseDepth = 0;
        boolean between = false;
        for (int i = 0; i < t.size(); i++) {
            String w = t.text(i).toLowerCase(Locale.ROOT);
            if (t.isSymbol(i, ",")) return -1;
            if (t.kind(i) == SqlTokens.Kind.WORD && w.equals("case")) caseDepth++;
            else if (t.kind(i) == SqlTokens.Kind.WORD && w.equals("end") && caseDepth > 0) caseDepth--;
            else if (caseDepth > 0) continue;
            else if (t.kind(i) == SqlTokens.Kind.WORD && w.equals("between")) between = true;
            else if (between && t.kind(i) == SqlTokens.Kind.WORD && w.equals("and")) between = false;
            else if ((t.kind(i) == SqlTokens.Kind.WORD || t.kind(i) == SqlTokens.Kind.SYMBOL) && LOGICAL.containsKey(w)) {
                loosest = Math.min(loosest, LOGICAL.get(w));
            }
        }
        return loosest;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** A string literal in canonical spelling. */
    public static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
