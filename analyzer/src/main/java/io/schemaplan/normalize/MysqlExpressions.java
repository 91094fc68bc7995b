package io.schemaplan.normalize;

import io.schemaplan.model.DataType;
import java.util.Locale;
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

    /** A string literal in canonical spelling. */
    public static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
