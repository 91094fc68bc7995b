package io.schemaplan.normalize;

import java.util.ArrayList;
import java.util.List;

/**
 * A lexical view of one piece of PostgreSQL text: words, quoted identifiers, string literals, dollar-quoted
 * strings, balanced parenthesised groups (one token each, so nothing inside them is ever mistaken for a
 * clause keyword) and symbols. Comments are skipped. Every token keeps its offsets, so a parser can cut
 * the original text exactly as the server printed it.
 *
 * <p>{@link #mysql(String)} reads MySQL/MariaDB text instead: names are quoted with backticks ({@code `a``b`},
 * never folded to lower case), {@code '…'} and {@code "…"} are strings with backslash escapes, {@code #}
 * starts a comment, and there are no dollar quotes or {@code E'…'} strings.
 */
public final class SqlTokens {
    public enum Kind { WORD, QUOTED, STRING, DOLLAR, GROUP, SYMBOL }

    /** Whose quoting rules apply. */
    public enum Dialect { POSTGRES, MYSQL }

    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?:";

    /**
     * How deeply parentheses may nest. Parsers recurse into groups, so this bounds their stack; server-printed
     * expressions stay far below it (a Dify dump nests at most 6 levels).
     */
    public static final int MAX_DEPTH = 256;

    private static final Kind[] KINDS = Kind.values();

    private final String src;
    private final Dialect dialect;
    // Tokens packed as (kind ordinal, start, end) triples: a dump has millions of tokens, and an object each
    // was most of the reader's allocation.
    private int[] packed = new int[48];
    private int size;

    private SqlTokens(String src, Dialect dialect) {
        this.src = src;
        this.dialect = dialect;
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            // Only '-', '/' and (MySQL) '#' can start a comment: the scan is skipped for every other character.
            int comment = c == '-' || c == '/' || c == '#' ? commentEnd(src, i, dialect) : i;
            if (c == ' ' || c == '\n' || Character.isWhitespace(c)) {
                i++;
            } else if (comment > i) {
                i = comment;
            } else if (c == '(') {
                i = add(Kind.GROUP, i, groupEnd(src, i, dialect));
            } else if (dialect == Dialect.MYSQL && (c == '\'' || c == '"' || c == '`')) {
                int end = quoteEnd(src, i, dialect);
                if (end < 0) throw new IllegalArgumentException("unterminated quote: " + clip(src.substring(i)));
                i = add(c == '`' ? Kind.QUOTED : Kind.STRING, i, end);
            } else if (dialect == Dialect.MYSQL && identChar(c)) {
                int j = i + 1;
                while (j < n && (identChar(src.charAt(j)) || src.charAt(j) == '$')) j++;
                i = add(Kind.WORD, i, j);
            } else if (c == '\'' || c == '"' || (c == '$' && quoteEnd(src, i) != i)) {
                int end = quoteEnd(src, i);
                if (end < 0) throw new IllegalArgumentException("unterminated quote: " + clip(src.substring(i)));
                i = add(c == '\'' ? Kind.STRING : c == '"' ? Kind.QUOTED : Kind.DOLLAR, i, end);
            } else if ((c == 'E' || c == 'e') && i + 1 < n && src.charAt(i + 1) == '\'') {
                int end = quoteEnd(src, i + 1);
                if (end < 0) throw new IllegalArgumentException("unterminated quote: " + clip(src.substring(i)));
                i = add(Kind.STRING, i, end);
            } else if (identChar(c)) {
                int j = i + 1;
                while (j < n && (identChar(src.charAt(j)) || src.charAt(j) == '$')) j++;
                i = add(Kind.WORD, i, j);
            } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
                int j = i + 1;
                // In MySQL a backquote starts a name even right after an operator (DEFINER=`root`@`host`).
                while (j < n && OPERATOR_CHARS.indexOf(src.charAt(j)) >= 0 && commentEnd(src, j) == j
                        && !(dialect == Dialect.MYSQL && src.charAt(j) == '`')) j++;
                i = add(Kind.SYMBOL, i, j);
            } else {
                i = add(Kind.SYMBOL, i, i + 1);
            }
        }
    }

    public static SqlTokens of(String text) {
        return new SqlTokens(text, Dialect.POSTGRES);
    }

    /** MySQL/MariaDB text (backquoted names, backslash escapes in strings). */
    public static SqlTokens mysql(String text) {
        return new SqlTokens(text, Dialect.MYSQL);
    }

    public static SqlTokens of(String text, Dialect dialect) {
        return new SqlTokens(text, dialect);
    }

    private int add(Kind kind, int start, int end) {
        if (size * 3 == packed.length) packed = java.util.Arrays.copyOf(packed, packed.length * 2);
        packed[size * 3] = kind.ordinal();
        packed[size * 3 + 1] = start;
        packed[size * 3 + 2] = end;
        size++;
        return end;
    }

    // ---- lexical helpers shared with the dump statement splitter ----

    public static boolean identChar(char c) {
        if (c < 0x80) return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
        return true;
    }

    /**
     * The index just after the quoted text starting at {@code i} ({@code '…'}, {@code E'…'} when the quote
     * follows a lone {@code E}, {@code "…"}, {@code $tag$…$tag$}); {@code i} itself when no quote starts
     * there; -1 when the quote is never closed.
     */
    public static int quoteEnd(CharSequence s, int i) {
        return quoteEnd(s, i, Dialect.POSTGRES);
    }

    /**
     * As {@link #quoteEnd(CharSequence, int)} in the given dialect; in MySQL {@code `…`} is a name and
     * {@code '…'} / {@code "…"} strings honour backslash escapes.
     */
    public static int quoteEnd(CharSequence s, int i, Dialect dialect) {
        char c = s.charAt(i);
        if (dialect == Dialect.MYSQL) {
            if (c != '\'' && c != '"' && c != '`') return i;
            for (int j = i + 1; j < s.length(); j++) {
                char d = s.charAt(j);
                if (d == '\\' && c != '`') {
                    j++;
                } else if (d == c) {
                    if (j + 1 < s.length() && s.charAt(j + 1) == c) j++;
                    else return j + 1;
                }
            }
            return -1;
        }
        int n = s.length();
        if (c == '\'' || c == '"') {
            boolean escapes = c == '\'' && i > 0 && (s.charAt(i - 1) == 'E' || s.charAt(i - 1) == 'e')
                    && (i < 2 || !identChar(s.charAt(i - 2)));
            for (int j = i + 1; j < n; j++) {
                char d = s.charAt(j);
                if (escapes && d == '\\') {
                    j++;
                } else if (d == c) {
                    if (j + 1 < n && s.charAt(j + 1) == c) j++;
                    else return j + 1;
                }
            }
            return -1;
        }
        if (c == '$' && (i == 0 || !identChar(s.charAt(i - 1)) && s.charAt(i - 1) != '$')) {
            int j = i + 1;
            if (j < n && Character.isDigit(s.charAt(j))) return i; // $1 is a parameter
            while (j < n && identChar(s.charAt(j))) j++;
            if (j >= n || s.charAt(j) != '$') return i;
            String tag = s.subSequence(i, j + 1).toString();
            int close = s.toString().indexOf(tag, j + 1);
            return close < 0 ? -1 : close + tag.length();
        }
        return i;
    }

    /** The index after a comment starting at {@code i}, {@code i} when none starts there, -1 when unclosed. */
    public static int commentEnd(CharSequence s, int i) {
        return commentEnd(s, i, Dialect.POSTGRES);
    }

    /** As {@link #commentEnd(CharSequence, int)}; MySQL also has {@code #} comments to the end of the line. */
    public static int commentEnd(CharSequence s, int i, Dialect dialect) {
        int n = s.length();
        if (dialect == Dialect.MYSQL && i < n && s.charAt(i) == '#') {
            int j = i;
            while (j < n && s.charAt(j) != '\n') j++;
            return j;
        }
        if (i + 1 >= n) return i;
        // MySQL wants white space (or the end) after the dashes: --1 is two minus signs there.
        boolean mysqlDashes = dialect != Dialect.MYSQL || i + 2 >= n || Character.isWhitespace(s.charAt(i + 2));
        if (s.charAt(i) == '-' && s.charAt(i + 1) == '-' && mysqlDashes) {
            int j = i;
            while (j < n && s.charAt(j) != '\n') j++;
            return j;
        }
        if (s.charAt(i) == '/' && s.charAt(i + 1) == '*') {
            int depth = 0;
            for (int j = i; j + 1 < n; j++) {
                if (s.charAt(j) == '/' && s.charAt(j + 1) == '*') {
                    depth++;
                    j++;
                } else if (s.charAt(j) == '*' && s.charAt(j + 1) == '/') {
                    j++;
                    if (--depth == 0) return j + 1;
                }
            }
            return -1;
        }
        return i;
    }

    private static int groupEnd(String s, int open, Dialect dialect) {
        int depth = 0;
        for (int j = open; j < s.length(); j++) {
            char c = s.charAt(j);
            int skip = c == '\'' || c == '"' || c == '$' || c == '`' ? quoteEnd(s, j, dialect)
                    : c == '-' || c == '/' || c == '#' ? commentEnd(s, j, dialect) : j;
            if (skip < 0) break;
            if (skip > j) {
                j = skip - 1;
            } else if (c == '(') {
                if (++depth > MAX_DEPTH) {
                    throw new IllegalArgumentException("parentheses nested deeper than " + MAX_DEPTH + " levels");
                }
            } else if (c == ')' && --depth == 0) {
                return j + 1;
            }
        }
        throw new IllegalArgumentException("unbalanced parentheses: " + clip(s.substring(open)));
    }

    private static String clip(String s) {
        return Excerpts.of(s);
    }

    /** Checks token {@code i} exists; past the end is the input's fault (a statement cut short), not a bug. */
    private int token(int i) {
        if (i < 0 || i >= size) {
            throw new IllegalArgumentException(size == 0 ? "empty text where a definition was expected"
                    : "unexpected end of '" + clip(src) + "'");
        }
        return i;
    }

    private int startOf(int i) {
        return packed[token(i) * 3 + 1];
    }

    private int endOf(int i) {
        return packed[token(i) * 3 + 2];
    }

    // ---- access ----

    public int size() {
        return size;
    }

    public Kind kind(int i) {
        return i >= 0 && i < size ? KINDS[packed[i * 3]] : null;
    }

    public String text(int i) {
        return src.substring(startOf(i), endOf(i));
    }

    /** Whether token {@code i} is exactly {@code s} (ignoring case if asked), without cutting it out. */
    private boolean textIs(int i, String s, boolean ignoreCase) {
        int start = packed[i * 3 + 1];
        return packed[i * 3 + 2] - start == s.length() && src.regionMatches(ignoreCase, start, s, 0, s.length());
    }

    /** The original text from token {@code from} up to (excluding) token {@code to}. */
    public String slice(int from, int to) {
        return from >= to ? "" : src.substring(startOf(from), endOf(to - 1));
    }

    /** The original text from token {@code from} to the end of the source. */
    public String rest(int from) {
        return from >= size ? "" : src.substring(startOf(from)).trim();
    }

    /** The offset in the source where token {@code i} starts (the source length past the last token). */
    public int start(int i) {
        return i < size ? startOf(i) : src.length();
    }

    /** The text inside a GROUP token, without its parentheses. */
    public String inner(int i) {
        if (!isGroup(i)) throw new IllegalArgumentException("expected '(' at '" + clip(rest(i)) + "'");
        return src.substring(startOf(i) + 1, endOf(i) - 1);
    }

    public boolean isGroup(int i) {
        return kind(i) == Kind.GROUP;
    }

    /** Whether the tokens from {@code i} on are these words (case-insensitive). */
    public boolean isWord(int i, String... words) {
        for (int k = 0; k < words.length; k++) {
            if (kind(i + k) != Kind.WORD || !textIs(i + k, words[k], true)) return false;
        }
        return true;
    }

    public boolean isSymbol(int i, String symbol) {
        return kind(i) == Kind.SYMBOL && textIs(i, symbol, false);
    }

    /** The first index at or after {@code from} where the words start, or -1. */
    public int find(int from, String... words) {
        for (int i = from; i < size; i++) {
            if (isWord(i, words)) return i;
        }
        return -1;
    }

    /** Fails unless the words are at {@code i}; returns the index after them. */
    public int expect(int i, String... words) {
        if (!isWord(i, words)) {
            throw new IllegalArgumentException("expected " + String.join(" ", words) + " at '"
                    + clip(rest(i)) + "'");
        }
        return i + words.length;
    }

    public boolean isName(int i) {
        return kind(i) == Kind.WORD || kind(i) == Kind.QUOTED;
    }

    /** The identifier at {@code i}, unquoted ({@code "A""b"} → {@code A"b}) or folded to lower case. */
    public String ident(int i) {
        if (!isName(i)) throw new IllegalArgumentException("expected a name at '" + clip(rest(i)) + "'");
        return unquote(text(i), dialect);
    }

    /** The index after the dotted name starting at {@code i} ({@code public."T".x}). */
    public int nameEnd(int i) {
        int j = i;
        if (!isName(j)) throw new IllegalArgumentException("expected a name at '" + clip(rest(i)) + "'");
        while (isSymbol(j + 1, ".") && isName(j + 2)) j += 2;
        return j + 1;
    }

    /** The unquoted parts of the dotted name from {@code i} to {@code end}. */
    public List<String> nameParts(int i, int end) {
        List<String> parts = new ArrayList<>();
        for (int j = i; j < end; j += 2) parts.add(ident(j));
        return parts;
    }

    /** The dotted name from {@code i} to {@code end}, unquoted: {@code pg_catalog."C"} → {@code pg_catalog.C}. */
    public String dottedName(int i, int end) {
        return String.join(".", nameParts(i, end));
    }

    /**
     * A PostgreSQL name: a quoted one as written, a bare one folded to lower case in ASCII only, as the
     * server folds it in a UTF-8 database ({@code ИмЯ} stays {@code ИмЯ}; {@code AbC} is {@code abc}).
     */
    public static String unquote(String ident) {
        if (ident.startsWith("\"")) return ident.substring(1, ident.length() - 1).replace("\"\"", "\"");
        if (!hasAsciiUpper(ident)) return ident; // the usual case: pg_dump prints names in lower case
        StringBuilder b = new StringBuilder(ident);
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (c >= 'A' && c <= 'Z') b.setCharAt(i, (char) (c + ('a' - 'A')));
        }
        return b.toString();
    }

    private static boolean hasAsciiUpper(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') return true;
        }
        return false;
    }

    /** In MySQL a name is {@code `a``b`} or a bare word kept as written (MySQL does not fold case). */
    public static String unquote(String ident, Dialect dialect) {
        if (dialect == Dialect.POSTGRES) return unquote(ident);
        return ident.startsWith("`") ? ident.substring(1, ident.length() - 1).replace("``", "`") : ident;
    }

    /**
     * Splits at commas outside parentheses, brackets ({@code ARRAY[1, 2]}) and quotes; each part trimmed.
     * Empty text gives no parts.
     */
    public static List<String> splitTopLevel(String text) {
        return splitTopLevel(text, Dialect.POSTGRES);
    }

    public static List<String> splitTopLevel(String text, Dialect dialect) {
        SqlTokens t = of(text, dialect);
        List<String> parts = new ArrayList<>();
        int from = 0;
        int brackets = 0;
        for (int i = 0; i <= t.size(); i++) {
            if (i < t.size() && t.isSymbol(i, "[")) brackets++;
            if (i < t.size() && t.isSymbol(i, "]")) brackets--;
            if (i == t.size() || brackets == 0 && t.isSymbol(i, ",")) {
                if (i > from) parts.add(t.slice(from, i).trim());
                from = i + 1;
            }
        }
        return parts;
    }

    /** The names of a column list such as {@code id, "order by"}, unquoted. */
    public static List<String> identList(String text) {
        return splitTopLevel(text).stream().map(SqlTokens::unquote).toList();
    }

    /**
     * The value of a MySQL string literal token text: {@code ''} and the backslash escapes the server
     * knows ({@code \n}, {@code \0}, {@code \Z}, …); {@code \%} and {@code \_} keep their backslash.
     */
    public static String mysqlStringValue(String literal) {
        requireString(literal, literal.length() >= 2 && (literal.charAt(0) == '\'' || literal.charAt(0) == '"')
                && literal.charAt(literal.length() - 1) == literal.charAt(0));
        char q = literal.charAt(0);
        String body = literal.substring(1, literal.length() - 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == q && i + 1 < body.length() && body.charAt(i + 1) == q) {
                b.append(q);
                i++;
            } else if (c == '\\' && i + 1 < body.length()) {
                char e = body.charAt(++i);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case '0' -> b.append('\0');
                    case 'Z' -> b.append('\u001a');
                    case '%', '_' -> b.append('\\').append(e);
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** A literal is quoted at both ends; anything else where a string belongs is the input's fault. */
    private static void requireString(String literal, boolean quoted) {
        if (!quoted) throw new IllegalArgumentException("expected a quoted string, found '" + clip(literal) + "'");
    }

    /** The value of a string literal token text ({@code 'it''s'}, {@code E'a\nb'}). */
    public static String stringValue(String literal) {
        requireString(literal, literal.endsWith("'") && (literal.length() >= 2 && literal.startsWith("'")
                || literal.length() >= 3 && (literal.startsWith("E'") || literal.startsWith("e'"))));
        if (literal.startsWith("'")) return literal.substring(1, literal.length() - 1).replace("''", "'");
        String body = literal.substring(2, literal.length() - 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                b.append('\'');
                i++;
            } else if (c == '\\' && i + 1 < body.length()) {
                char e = body.charAt(++i);
                b.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    default -> e;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
