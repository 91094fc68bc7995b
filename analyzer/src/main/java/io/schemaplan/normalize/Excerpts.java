package io.schemaplan.normalize;

/**
 * The one place that puts input text into an error message. An error is one line (scripts and CI logs
 * read it line by line), so a statement or name quoted in it is shortened and its line breaks and other
 * control characters are escaped; nothing here decides what the message says.
 */
public final class Excerpts {
    /** How much of a statement an error quotes: enough to find it, short enough to stay on one line. */
    public static final int MAX = 60;

    private Excerpts() {
    }

    /** {@code text} on one line, cut after {@link #MAX} characters: a statement's indentation after a line break goes. */
    public static String of(String text) {
        String s = text.strip();
        boolean cut = s.length() > MAX;
        if (cut) s = s.substring(0, MAX);
        return oneLine(s) + (cut ? "…" : "");
    }

    /** {@code text} with line breaks as {@code \n} (indentation after them dropped) and other controls as {@code \xNN}. */
    public static String oneLine(String text) {
        if (text == null) return "";
        StringBuilder b = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= ' ' && c != '\u007f' && c != '\u2028' && c != '\u2029' && c != '\u0085') {
                if (b != null) b.append(c);
                continue;
            }
            if (b == null) b = new StringBuilder(n + 16).append(text, 0, i);
            if (c == '\r' || c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
                b.append("\\n");
                while (i + 1 < n && (text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t')) i++;
            } else if (c == '\t') {
                b.append(' ');
            } else {
                b.append(String.format("\\x%02x", (int) c));
            }
        }
        return b == null ? text : b.toString();
    }

    /** The words of {@code text} joined by single spaces (for a statement's head: {@code ALTER TABLE ONLY t ADD …}). */
    public static String words(String text) {
        return of(text.strip().replaceAll("\\s+", " "));
    }
}
