package io.schemaplan.report;

import io.schemaplan.text.Printable;

/**
 * Escaping for GitHub-flavoured Markdown. Text from a schema (names, comments, defaults) may hold any
 * character: HTML is neutralised as entities (GitHub renders inline HTML), Markdown punctuation is
 * backslash-escaped so it cannot start emphasis, code, links or tables, and a newline becomes a space so
 * that it cannot end a table row or a list item; other control and invisible characters are shown as
 * {@link Printable#escape} writes them. Escaped text is always placed after other text on its
 * line (a cell, a list item, a heading), so line-start markers such as {@code -} or {@code 1.} need no escape.
 */
public final class Markdown {
    /** Punctuation that can start emphasis, code, links, tables or headings anywhere in a line. */
    private static final String PUNCTUATION = "\\`*_{}[]#|~";

    private Markdown() {
    }

    /**
     * A fenced code block. Its content is shown verbatim (GitHub does not render HTML there), so only the
     * fence must not occur inside: the fence is made longer than any run of backticks in the text.
     */
    public static String codeBlock(String language, String text) {
        int longest = 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("`+").matcher(text);
        while (m.find()) longest = Math.max(longest, m.group().length());
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + language + "\n" + text + "\n" + fence + "\n";
    }

    /**
     * Prose whose {@code `…`} spans are code (the assumptions name commands that way): each span becomes a
     * code span, the rest is {@linkplain #escape escaped}. An unpaired backtick stays literal text.
     */
    public static String prose(String s) {
        StringBuilder b = new StringBuilder();
        for (PlanText.Span span : PlanText.spans(s)) {
            if (span.code()) {
                // Backticks split the spans, so a span holds none: one backtick each side fences it.
                b.append('`').append(span.text().replace('\n', ' ')).append('`');
            } else {
                b.append(escape(span.text()));
            }
        }
        return b.toString();
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
                    if (Printable.isUnsafe(c)) {
                        b.append(Printable.escape(String.valueOf(c))); // ESC, U+202E: shown, not obeyed
                        continue;
                    }
                    if (PUNCTUATION.indexOf(c) >= 0) b.append('\\');
                    b.append(c);
                }
            }
        }
        return b.toString();
    }
}
