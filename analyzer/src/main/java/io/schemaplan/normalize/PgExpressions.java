package io.schemaplan.normalize;

import io.schemaplan.model.DataType;
import java.util.Set;

/** Canonical default expressions: {@code 'x'::character varying} = {@code 'x'} on a character column. */
public final class PgExpressions {
    private PgExpressions() {
    }

    private static final Set<String> STRING_TYPES = Set.of("text", "varchar", "char");

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
        String e = expr.trim();
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
