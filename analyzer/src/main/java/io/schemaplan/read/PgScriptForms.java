package io.schemaplan.read;

import io.schemaplan.model.DataType;
import io.schemaplan.normalize.SqlTokens;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a migration script writes, as the server prints it back (pg_dump and the catalog reader see only that):
 * routine argument types by their full names, and column defaults as {@code pg_get_expr} prints them.
 *
 * <p>Defaults: The server stores a constant of the column's
 * type for a quoted literal and an {@code integer} or {@code numeric} constant for a bare number, and prints a
 * constant as ruleutils.c's {@code get_const_expr} does: a non-negative {@code integer} bare, a negative one
 * quoted with {@code ::integer}, a {@code numeric} with a decimal point bare, a boolean as {@code true} or
 * {@code false}, everything else quoted with its type. Any other expression is left as written.
 */
final class PgScriptForms {
    private PgScriptForms() {
    }

    /** The words a boolean literal may be written as, and what they mean (boolin accepts prefixes too; these are the usual ones). */
    private static final Map<String, Boolean> BOOLEANS = Map.ofEntries(Map.entry("t", true), Map.entry("true", true),
            Map.entry("y", true), Map.entry("yes", true), Map.entry("on", true), Map.entry("1", true),
            Map.entry("f", false), Map.entry("false", false), Map.entry("n", false), Map.entry("no", false),
            Map.entry("off", false), Map.entry("0", false));

    private static final Set<String> INT4 = Set.of("integer");

    /** Type names a script may abbreviate, as {@code pg_get_function_arguments} spells them. */
    private static final Map<String, String> TYPE_NAMES = Map.ofEntries(
            Map.entry("timestamptz", "timestamp with time zone"), Map.entry("timestamp", "timestamp without time zone"),
            Map.entry("timetz", "time with time zone"), Map.entry("time", "time without time zone"),
            Map.entry("varchar", "character varying"), Map.entry("int", "integer"), Map.entry("int4", "integer"),
            Map.entry("int8", "bigint"), Map.entry("int2", "smallint"), Map.entry("bool", "boolean"),
            Map.entry("float8", "double precision"), Map.entry("float", "double precision"), Map.entry("float4", "real"),
            Map.entry("decimal", "numeric"), Map.entry("char", "character"), Map.entry("bpchar", "character"));

    /**
     * A routine argument's type ({@code timestamptz}, {@code varchar(10)[]}) as the server prints it: by its full name
     * and without a type modifier, which an argument does not keep ({@code character varying[]}).
     */
    static String argumentType(String type) {
        SqlTokens t = SqlTokens.of(type.trim());
        if (t.size() == 0 || t.kind(0) != SqlTokens.Kind.WORD) return type.trim();
        StringBuilder b = new StringBuilder();
        boolean wordBefore = false;
        for (int i = 0; i < t.size(); i++) {
            if (t.isGroup(i)) continue;
            boolean word = t.isName(i);
            if (wordBefore && word) b.append(' ');
            b.append(t.text(i));
            wordBefore = word;
        }
        String written = b.toString();
        String full = TYPE_NAMES.get(t.text(0).toLowerCase(Locale.ROOT));
        int next = t.isGroup(1) ? 2 : 1;
        // timestamp with time zone, time(3) without time zone: written out already
        if (full == null || t.isWord(next, "WITH") || t.isWord(next, "WITHOUT")) return written;
        return full + written.substring(t.text(0).length());
    }

    private static final java.util.regex.Pattern SEQUENCE_CALL =
            java.util.regex.Pattern.compile("(?i)\\b(nextval|currval)\\(\\s*('(?:[^']|'')*')\\s*\\)");

    /** {@code nextval('s')} as the server stores it: the argument is a {@code regclass}, {@code nextval('s'::regclass)}. */
    static String regclassArguments(String expr) {
        return SEQUENCE_CALL.matcher(expr).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                m.group(1).toLowerCase(Locale.ROOT) + "(" + m.group(2) + "::regclass)"));
    }

    /** The default as the server prints it, for a column of {@code type}. */
    static String asServerPrints(String expr, DataType type) {
        if (expr == null) return null;
        String bare = expr.trim().replaceAll("^-\\s+", "-");
        if (bare.matches("-?(\\d+\\.\\d*|\\.\\d+)")) return numeric(bare); // a decimal number (the tokenizer cuts it at the dot)
        SqlTokens t = SqlTokens.of(expr.trim());
        boolean negative = t.size() == 2 && t.isSymbol(0, "-");
        int at = negative ? 1 : 0;
        if (t.size() != at + 1) return expr.trim();
        String token = t.text(at);
        boolean scalar = type.arrayDims() == 0;
        if (t.kind(at) == SqlTokens.Kind.STRING && !negative && scalar) {
            String value = SqlTokens.stringValue(token);
            if (type.name().equals("boolean")) {
                Boolean b = BOOLEANS.get(value.trim().toLowerCase(Locale.ROOT));
                return b == null ? expr.trim() : b.toString();
            }
            if (INT4.contains(type.name()) && value.trim().matches("[+-]?\\d+")) return int4(Long.parseLong(value.trim()));
            return expr.trim();
        }
        if (t.kind(at) == SqlTokens.Kind.WORD && !negative && (token.equalsIgnoreCase("true") || token.equalsIgnoreCase("false"))) {
            return token.toLowerCase(Locale.ROOT);
        }
        if (token.matches("\\d+")) { // a bare integer: an integer constant (a bigint one past its range)
            String digits = (negative ? "-" : "") + token;
            long v;
            try {
                v = Long.parseLong(digits);
            } catch (NumberFormatException e) {
                return numeric(digits);
            }
            return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? int4(v) : "'" + v + "'::bigint";
        }
        if (token.matches("\\d+\\.\\d*|\\.\\d+|\\d+(\\.\\d*)?[eE][+-]?\\d+")) return numeric((negative ? "-" : "") + token);
        return expr.trim();
    }

    private static String int4(long v) {
        return v >= 0 ? Long.toString(v) : "'" + v + "'::integer";
    }

    /** A numeric constant: bare when it is non-negative and has a decimal point, else quoted with {@code ::numeric}. */
    private static String numeric(String digits) {
        boolean bare = !digits.startsWith("-") && digits.contains(".") && !digits.matches(".*[eE].*");
        return bare ? digits : "'" + digits + "'::numeric";
    }
}
