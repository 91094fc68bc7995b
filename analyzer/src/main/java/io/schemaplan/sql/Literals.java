package io.schemaplan.sql;

import io.schemaplan.model.Engine;
import io.schemaplan.text.Printable;

/** Values as SQL string literals, and bodies as dollar-quoted strings, for SQL this tool writes. */
public final class Literals {
    private Literals() {
    }

    /**
     * {@code s} as a string literal with {@code '} doubled. A line break, a backslash or (on PostgreSQL) a
     * {@linkplain Printable#isUnsafe control or invisible character} makes it an escape string, so that a
     * literal keeps to one line and shows what it holds: PostgreSQL needs {@code E'…'} for that, MySQL reads
     * backslash escapes in every string.
     */
    public static String string(Engine engine, String s) {
        boolean mysql = engine.isMysqlFamily();
        String body = s.replace("'", "''");
        boolean plain = s.codePoints().noneMatch(c -> c == '\\' || c == '\n' || c == '\r' || !mysql && Printable.isUnsafe(c));
        if (plain) return "'" + body + "'";
        StringBuilder b = new StringBuilder(mysql ? "'" : "E'");
        body.codePoints().forEach(c -> {
            if (c == '\\') b.append("\\\\");
            else if (c == '\n') b.append("\\n");
            else if (c == '\r') b.append("\\r");
            else if (mysql || !Printable.isUnsafe(c)) b.appendCodePoint(c);
            else b.append(c <= 0xffff ? String.format("\\u%04X", c) : String.format("\\U%08X", c));
        });
        return b.append('\'').toString();
    }

    /**
     * {@code body} between dollar quotes whose tag does not occur in it ({@code $sp$}, else {@code $sp1$},
     * …): a name inside the body that holds {@code $$} cannot end the body early and run the rest as SQL.
     */
    public static String dollarQuoted(String body) {
        String tag = "$sp$";
        for (int n = 1; body.contains(tag); n++) tag = "$sp" + n + "$";
        return tag + body + tag;
    }
}
