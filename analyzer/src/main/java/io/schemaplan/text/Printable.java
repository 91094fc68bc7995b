package io.schemaplan.text;

/**
 * Names read from a database or a dump are data, and a terminal executes some data: ESC starts a control
 * sequence (clear the screen, set the window title), a line feed lets a name begin a line of its own (a
 * line {@code ::error …} is a GitHub Actions workflow command), and the bidi overrides reorder what is
 * shown (U+202E). Every human-readable renderer passes names through {@link #escape} so that such
 * characters are shown, not obeyed.
 */
public final class Printable {
    private Printable() {
    }

    /**
     * {@code s} with every {@linkplain #isUnsafe unsafe} character as a visible escape: {@code \n},
     * {@code \r}, {@code \t}, {@code \e} for ESC, {@code \x7f} for the other C0/DEL/C1 codes,
     * <code>&#92;u202e</code> (or <code>&#92;U000e0001</code>) for the rest. Backslashes already in {@code s} stay as
     * they are: the escapes are for reading, not for parsing back. Null stays null.
     */
    public static String escape(String s) {
        return escape(s, Printable::isUnsafe);
    }

    /**
     * {@code s} with every unsafe character escaped as {@link #escape} does, except line feeds, carriage
     * returns and tabs: for a whole document whose own markup uses them (an HTML page), where only the
     * characters that reorder or hide what is shown must go.
     */
    public static String escapeKeepingLayout(String s) {
        return escape(s, c -> isUnsafe(c) && c != '\n' && c != '\r' && c != '\t');
    }

    private static String escape(String s, java.util.function.IntPredicate unsafe) {
        if (s == null || isPrintableAscii(s) || s.codePoints().noneMatch(unsafe)) return s;
        StringBuilder b = new StringBuilder(s.length() + 8);
        s.codePoints().forEach(c -> {
            if (!unsafe.test(c)) b.appendCodePoint(c);
            else if (c == '\n') b.append("\\n");
            else if (c == '\r') b.append("\\r");
            else if (c == '\t') b.append("\\t");
            else if (c == 0x1b) b.append("\\e");
            else if (c <= 0xff) b.append(String.format("\\x%02x", c));
            else b.append(String.format(c <= 0xffff ? "\\u%04x" : "\\U%08x", c));
        });
        return b.toString();
    }

    /** Whether every character is printable ASCII (space to '~'), which no predicate here escapes: the usual case. */
    private static boolean isPrintableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7f) return false;
        }
        return true;
    }

    /**
     * A character a terminal or a viewer would act on rather than show: C0 controls (tab and line feed
     * included: a name is one line), DEL, C1 controls (U+0080–U+009F, CSI among them), line and paragraph
     * separators, and the invisible format characters (Unicode category Cf: the bidi embeddings,
     * overrides and isolates U+202A–U+202E and U+2066–U+2069, zero-width spaces and joiners, BOM, …).
     */
    public static boolean isUnsafe(int c) {
        if (c < 0x20 || c >= 0x7f && c <= 0x9f) return true;
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
