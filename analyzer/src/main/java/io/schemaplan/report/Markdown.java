package io.schemaplan.report;

/**
 * Escaping for GitHub-flavoured Markdown. Text from a schema (names, comments, defaults) may hold any
 * character: HTML is neutralised as entities (GitHub renders inline HTML), Markdown punctuation is
 * backslash-escaped so it cannot start emphasis, code, links or tables, and a newline becomes a space so
 * that it cannot end a table row or a list item. Escaped text is always placed after other text on its
 * line (a cell, a list item, a heading), so line-start markers such as {@code -} or {@code 1.} need no escape.
 */
public final class Markdown {
    /** Punctuation that can start emphasis, code, links, tables or headings anywhere in a line. */
    private static final String PUNCTUATION = "\\`*_{}[]#|~";

    private Markdown() {
    }

    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\r', '\n' -> b.append(' ');
                default -> {
                    if (PUNCTUATION.indexOf(c) >= 0) b.append('\\');
                    b.append(c);
                }
            }
        }
        return b.toString();
    }
}
