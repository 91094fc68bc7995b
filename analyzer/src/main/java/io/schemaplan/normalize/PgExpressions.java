package io.schemaplan.normalize;

import io.schemaplan.model.DataType;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Canonical default expressions: {@code 'x'::character varying} = {@code 'x'} on a character column. */
public final class PgExpressions {
    private PgExpressions() {
    }

    private static final Set<String> STRING_TYPES = Set.of("text", "varchar", "char");

    /** A literal with its casts as the server prints it: {@code 'a'::character varying}. */
    private static final String CAST_LITERAL = "'(?:[^']|'')*'(?:::[a-z][a-z0-9_ .\"]*(?:\\(\\d+(?:,\\d+)?\\))?)+";

    /** {@code (ARRAY['a'::character varying, 'b'::character varying])::text[]}: an array of cast literals, cast whole. */
    private static final Pattern CAST_ARRAY = Pattern.compile("\\(ARRAY\\[(" + CAST_LITERAL + "(?:, " + CAST_LITERAL
            + ")*)\\]\\)::([a-z][a-z0-9_ .\"]*)\\[\\]");
    private static final Pattern ONE_LITERAL = Pattern.compile(CAST_LITERAL);

    /**
     * One rendering for an expression that PostgreSQL versions print differently. A column compared with a
     * list ({@code phase IN ('a', 'b')} on a varchar column) is stored by some versions as
     * {@code ((ARRAY['a'::character varying, …])::text[])} and, once the expression is parsed again (a dump
     * restored into PostgreSQL 12–16), as {@code (ARRAY[('a'::character varying)::text, …])}: the cast of the
     * array is the cast of each element. The second form is kept. Nothing else is rewritten.
     */
    public static String sameRendering(String expr) {
        if (expr == null || !expr.contains("(ARRAY[")) return expr;
        Matcher m = CAST_ARRAY.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String type = m.group(2);
            StringBuilder elements = new StringBuilder();
            Matcher e = ONE_LITERAL.matcher(m.group(1));
            while (e.find()) {
                elements.append(elements.isEmpty() ? "" : ", ").append('(').append(e.group()).append(")::").append(type);
            }
            m.appendReplacement(out, Matcher.quoteReplacement("ARRAY[" + elements + "]"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Symbols that may occur in a type name after {@code ::} (anything else means an operator follows). */
    private static final Set<String> TYPE_SYMBOLS = Set.of(".", "[", "]");

    /**
     * Normalizes a column default as {@code pg_get_expr} prints it, for a column of the given type: a
     * string literal cast to the column's own type, or to a string type on a string column, loses the
     * cast (the server adds it, users do not write it); a bare {@code NULL} is no default (the server
     * never stores one; pg_dump prints {@code DEFAULT NULL} on a partition only to override the parent's
     * default); every other expression is returned unchanged.
     */
    public static String normalizeDefault(String expr, DataType columnType) {
        if (expr == null) return null;
        String e = sameRendering(expr.trim());
        SqlTokens t = SqlTokens.of(e);
        if (t.size() == 1 && t.isWord(0, "NULL")) return null;
        if (t.size() < 3 || t.kind(0) != SqlTokens.Kind.STRING || !t.isSymbol(1, "::")) return e;
        for (int i = 2; i < t.size(); i++) {
            boolean typePart = t.isName(i) || t.isGroup(i)
                    || t.kind(i) == SqlTokens.Kind.SYMBOL && TYPE_SYMBOLS.contains(t.text(i));
            if (!typePart) return e;
        }
        DataType cast = PgTypes.parse(t.rest(2));
        boolean sameType = cast.name().equals(columnType.name()) && cast.arrayDims() == columnType.arrayDims();
        boolean bothStrings = cast.arrayDims() == 0 && columnType.arrayDims() == 0
                && STRING_TYPES.contains(cast.name()) && STRING_TYPES.contains(columnType.name());
        return sameType || bothStrings ? t.text(0) : e;
    }
}
