package io.schemaplan.read;

import io.schemaplan.normalize.SqlTokens;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The text of a plain-format pg_dump file cut into statements. It rejects, with one line naming the file
 * and line, what is not such a file: custom-format archives, binary data, MySQL/MariaDB dumps, empty and
 * truncated files. Comments and psql meta-lines ({@code \restrict}) are dropped ({@code \connect} lines are kept
 * as the database each later statement belongs to, for pg_dumpall files), and so
 * is the data of {@code COPY … FROM stdin} (a full dump), up to its {@code \.} line.
 */
final class DumpText {
    /**
     * A statement without its terminating {@code ;}, the line it starts on, and the database a pg_dumpall
     * file's {@code \connect} put it in (null before the first {@code \connect}, and in a plain pg_dump).
     */
    record Statement(String text, int line, String database) {
        Statement(String text, int line) {
            this(text, line, null);
        }
    }

    /** A {@code \connect} line: the database it names and the line it is on. */
    record Connect(String database, int line) {
    }

    static final String HEADER = "-- PostgreSQL database dump";
    static final String FOOTER = "-- PostgreSQL database dump complete";
    static final String CLUSTER_HEADER = "-- PostgreSQL database cluster dump";
    static final String CLUSTER_FOOTER = "-- PostgreSQL database cluster dump complete";
    private static final String VERSION_LINE = "-- Dumped from database version ";

    /** Text that only a MySQL or MariaDB dump starts with, and what it says. */
    private static final Map<String, String> MYSQL_MARKERS = Map.of(
            "-- MySQL dump", "a mysqldump header",
            "-- MariaDB dump", "a mariadb-dump header",
            "/*!40101", "a MySQL version comment '/*!40101'",
            "/*M!999999", "MariaDB's sandbox-mode line '/*M!999999\\- enable the sandbox mode */'");

    final String file;
    final String text;
    final List<Statement> statements = new ArrayList<>();
    /** The {@code \connect} lines in file order (pg_dumpall writes one per database, pg_dump --create one). */
    final List<Connect> connects = new ArrayList<>();
    /** Lines of COPY data skipped (rows of a full dump). */
    int copyRows;
    /** The comments, for a migration script; null for a dump (whose comments carry nothing the reader needs). */
    final List<ScriptText.Comment> comments;
    /** What the file is read as, for messages: "dump" or "migration script". */
    private final String what;

    DumpText(String file, byte[] bytes) {
        this(file, bytes, false);
    }

    /**
     * {@code script}: a migration script, not a dump. Its comments are kept; the checks that only a dump can
     * pass (pg_dump's header and footer, no MySQL markers in the head) are not made. Binary, non-UTF-8,
     * empty and truncated input is rejected the same way.
     */
    DumpText(String file, byte[] bytes, boolean script) {
        this.file = file;
        this.comments = script ? new ArrayList<>() : null;
        this.what = script ? "migration script" : "dump";
        if (bytes.length >= 5 && new String(bytes, 0, 5, StandardCharsets.US_ASCII).equals("PGDMP")) {
            throw ReadException.at(file, 1, "this is a pg_dump custom-format archive, not a plain SQL dump;"
                    + " convert it with: pg_restore -f out.sql " + file);
        }
        java.nio.charset.Charset declared = declaredEncoding(bytes);
        String decoded = declared == null ? decode(file, bytes, "pg_dump -E UTF8") : new String(bytes, declared);
        String unmarked = decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded; // a byte-order mark from an editor
        // pg_dump on Windows writes CRLF; psql reads CR as whitespace outside quotes, and the server re-prints
        // every definition it parses, so only LF line ends are kept (line numbers do not change).
        this.text = unmarked.indexOf('\r') < 0 ? unmarked : unmarked.replace("\r\n", "\n");
        if (!script) rejectMysql();
        split();
        if (script) {
            if (statements.isEmpty()) throw ReadException.at(file, 1, bytes.length == 0 ? "the file is empty"
                    : "no SQL statements in the file, not a migration script");
            return;
        }
        if (statements.isEmpty()) {
            throw ReadException.at(file, 1, bytes.length == 0 ? "the file is empty, not a pg_dump file"
                    : "no SQL statements in the file, not a pg_dump file");
        }
        // The headers are looked for in the head only, the footers from the end: no scan of the whole text.
        if (indexInHead(text, CLUSTER_HEADER, 200) >= 0 && text.lastIndexOf(CLUSTER_FOOTER) < 0) {
            int last = lineAt(text.stripTrailing().length());
            throw ReadException.at(file, last, "the pg_dumpall file stops at line " + last + " without its '"
                    + CLUSTER_FOOTER + "' footer: the file is truncated");
        }
        if (indexInHead(text, HEADER, 200) >= 0 && text.lastIndexOf(FOOTER) < 0) {
            int last = lineAt(text.stripTrailing().length());
            throw ReadException.at(file, last, "the dump stops at line " + last + " without pg_dump's '" + FOOTER
                    + "' footer: the file is truncated");
        }
    }

    /** The server version from the header ({@code 15.18}), or null. */
    String serverVersion() {
        int at = text.indexOf(VERSION_LINE);
        if (at < 0) return null;
        int end = at + VERSION_LINE.length();
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) end++;
        return text.substring(at + VERSION_LINE.length(), end);
    }

    /** PostgreSQL's names of the single- and multi-byte client encodings that Java decodes. */
    private static final Map<String, String> CLIENT_ENCODINGS = Map.ofEntries(
            Map.entry("WIN1250", "windows-1250"), Map.entry("WIN1251", "windows-1251"),
            Map.entry("WIN1252", "windows-1252"), Map.entry("WIN1253", "windows-1253"),
            Map.entry("WIN1254", "windows-1254"), Map.entry("WIN1257", "windows-1257"),
            Map.entry("LATIN1", "ISO-8859-1"), Map.entry("LATIN2", "ISO-8859-2"), Map.entry("LATIN9", "ISO-8859-15"),
            Map.entry("KOI8R", "KOI8-R"), Map.entry("KOI8U", "KOI8-U"), Map.entry("SJIS", "Shift_JIS"),
            Map.entry("EUC_JP", "EUC-JP"), Map.entry("EUC_KR", "EUC-KR"), Map.entry("GBK", "GBK"),
            Map.entry("BIG5", "Big5"), Map.entry("GB18030", "GB18030"));
    private static final java.util.regex.Pattern CLIENT_ENCODING =
            java.util.regex.Pattern.compile("(?m)^SET client_encoding = '([A-Za-z0-9_]+)';");

    /**
     * The encoding a dump declares with {@code SET client_encoding = 'WIN1252'} (pg_dump on Windows writes the
     * client's code page), when it is one Java decodes other than UTF-8; null for UTF-8 and the rest.
     */
    private static java.nio.charset.Charset declaredEncoding(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = CLIENT_ENCODING.matcher(head);
        if (!m.find()) return null;
        String charset = CLIENT_ENCODINGS.get(m.group(1).toUpperCase(java.util.Locale.ROOT));
        return charset == null || !java.nio.charset.Charset.isSupported(charset) ? null : java.nio.charset.Charset.forName(charset);
    }

    /** The bytes as UTF-8 text; a NUL byte or invalid UTF-8 is a one-line error suggesting {@code reDump}. */
    static String decode(String file, byte[] bytes, String reDump) {
        // The lenient decoder is the JDK's fast path (and gives a one-byte-per-char string for ASCII); it marks
        // every malformed sequence with U+FFFD, so text without U+FFFD and NUL is valid and needs no second look.
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        if (lenient.indexOf('\0') < 0 && lenient.indexOf('\uFFFD') < 0) return lenient;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) throw ReadException.at(file, lineOfByte(bytes, i), "binary data (a NUL byte), not a SQL dump");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes);
            throw ReadException.at(file, lineOfByte(bytes, bad), "not UTF-8 text (invalid byte at offset " + bad
                    + "); a binary file, or a dump in another encoding (re-dump with " + reDump + ")");
        }
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        int lo = 0;
        int hi = bytes.length;
        while (lo < hi) { // the longest prefix that decodes, minus a little for a split character
            int mid = (lo + hi + 1) / 2;
            try {
                decoder.reset().decode(ByteBuffer.wrap(bytes, 0, mid));
                lo = mid;
            } catch (CharacterCodingException e) {
                hi = mid - 1;
            }
        }
        return lo;
    }

    static int lineOfByte(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') line++;
        }
        return line;
    }

    /**
     * Whether the first bytes of a file are a MySQL/MariaDB dump's: one of the markers above, or a
     * backquoted {@code CREATE TABLE} (a dump made with {@code --compact} has neither header nor comments).
     */
    static boolean looksLikeMysql(String head) {
        return MYSQL_MARKERS.keySet().stream().anyMatch(head::contains) || head.contains("CREATE TABLE `")
                || MYSQL_SYNTAX.matcher(head).find();
    }

    /** Words a line of a pg_dump or mysqldump file starts with, outside comments and psql meta-lines. */
    private static final java.util.regex.Pattern SQL_START = java.util.regex.Pattern.compile("(?i)(CREATE|ALTER|SET|"
            + "SELECT|INSERT|COMMENT|DROP|BEGIN|START|COMMIT|COPY|GRANT|REVOKE|USE|LOCK|UNLOCK|DELIMITER|TRUNCATE|"
            + "UPDATE|DELETE|WITH|DO|REFRESH|SECURITY|CALL|ANALYZE|VACUUM|REINDEX|RESET|ROLLBACK|END|SAVEPOINT)\\b.*");

    /**
     * An error for a file that is no SQL at all (its first line outside comments is not a statement), or
     * empty when it looks like SQL: a parse error in a real dump is said as the parser found it.
     */
    static java.util.Optional<ReadException> notSql(String file, String head) {
        return notSql(file, head, "not a schema dump",
                "give a pg_dump -s or mysqldump --no-data file, a database URL, a snapshot or dify:VERSION");
    }

    /** As {@link #notSql(String, String)}, saying what the file is not ({@code notA}) and what to give instead. */
    static java.util.Optional<ReadException> notSql(String file, String head, String notA, String advice) {
        // Binary input (a custom-format pg_dump, a compressed file) has its own messages from the readers.
        if (head.startsWith("PGDMP") || head.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            return java.util.Optional.empty();
        }
        int line = 0;
        boolean inComment = false;
        for (String l : head.lines().toList()) {
            line++;
            String t = l.strip();
            if (inComment) {
                inComment = !t.contains("*/");
                continue;
            }
            if (t.isEmpty() || t.startsWith("--") || t.startsWith("\\")) {
                continue;
            }
            if (t.startsWith("/*")) {
                inComment = !t.contains("*/");
                continue;
            }
            if (SQL_START.matcher(t).matches()) return java.util.Optional.empty();
            String shown = io.schemaplan.text.Printable.escape(t.length() > 40 ? t.substring(0, 40) + "…" : t);
            return java.util.Optional.of(ReadException.at(file, line, notA + ": this line is not SQL (" + shown
                    + "); " + advice));
        }
        return java.util.Optional.empty();
    }

    /** A table option or key line that only MySQL has, for a dump without header or backquotes (--skip-quote-names). */
    private static final java.util.regex.Pattern MYSQL_SYNTAX = java.util.regex.Pattern.compile(
            "(?m)^\\) ENGINE=|^\\s+(UNIQUE |FULLTEXT |SPATIAL )?KEY \\S+ \\(");

    /** Fails on the first MySQL/MariaDB marker in the head of the file (a pg_dump never has one there). */
    private void rejectMysql() {
        MYSQL_MARKERS.entrySet().stream()
                .filter(m -> indexInHead(text, m.getKey(), 4096) >= 0)
                .min(java.util.Comparator.comparingInt(m -> indexInHead(text, m.getKey(), 4096)))
                .ifPresent(m -> { throw mysql(lineAt(indexInHead(text, m.getKey(), 4096)), m.getValue()); });
    }

    /**
     * Where {@code key} first occurs in {@code text} if that is before offset {@code head}, else -1: what
     * {@code text.indexOf(key) < head} says, without searching a whole dump for a marker it does not have.
     */
    static int indexInHead(String text, String key, int head) {
        int limit = Math.min(text.length(), head + key.length() - 1);
        int at = text.substring(0, limit).indexOf(key);
        return at < head ? at : -1;
    }

    private ReadException mysql(int line, String marker) {
        return ReadException.at(file, line, "this is a MySQL/MariaDB " + what + " (" + marker + "), not a PostgreSQL "
                + what);
    }

    int lineAt(int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') line++;
        }
        return line;
    }

    private static final java.util.regex.Pattern ROUTINE_HEAD =
            java.util.regex.Pattern.compile("(?i)\\s*CREATE\\s+(OR\\s+REPLACE\\s+)?(FUNCTION|PROCEDURE)\\b");

    /**
     * Cuts the text at {@code ;} outside quotes and comments; tracks lines in one pass. Inside a
     * {@code BEGIN ATOMIC … END} body of a function or procedure the {@code ;} between its statements do not
     * end the statement: like psql, the splitter counts BEGIN (and CASE inside it) against END. A statement's
     * text is cut out of the file's text, not copied a character at a time: {@code cur} only gathers the
     * pieces around a comment (which becomes one space), and a statement without comments is one substring.
     */
    private void split() {
        StringBuilder cur = new StringBuilder();
        int seg = 0; // start of the statement text not yet in cur
        int depth = 0;
        int startLine = 0; // 0 while the statement is blank (white space and comments only)
        int line = 1;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\' && startLine == 0 && (i == 0 || text.charAt(i - 1) == '\n')) { // psql meta-line
                String database = connectTarget(text.substring(i, lineEnd(i)));
                if (database != null) connects.add(new Connect(database, line));
                cur.append(text, seg, i); // white space so far: kept, as the statement's trim decides about it
                i = seg = lineEnd(i);
                continue;
            }
            int skip = c == '-' || c == '/' ? SqlTokens.commentEnd(text, i)
                    : c == '\'' || c == '"' || c == '$' ? SqlTokens.quoteEnd(text, i) : i;
            if (skip < 0) {
                throw ReadException.at(file, line, "unterminated " + (c == '/' ? "comment" : c == '"'
                        ? "quoted identifier" : "string") + " starting here: the file is truncated");
            }
            if (skip > i) {
                if (startLine == 0 && c != '-' && c != '/') startLine = line;
                if (c == '-' || c == '/') {
                    if (comments != null) comments.add(new ScriptText.Comment(text.substring(i, skip), line, statements.size()));
                    cur.append(text, seg, i).append(' ');
                    seg = skip;
                }
                line += countNewlines(i, skip);
                i = skip;
                continue;
            }
            if (c == '`') throw mysql(line, "a backquoted name");
            // Only BEGIN, CASE and END matter: other words go by a character at a time, as plain text (a
            // character inside a word never starts one, so nothing in a word is taken for something else).
            int lower = c | 0x20;
            if ((lower == 'b' || lower == 'c' || lower == 'e') && (i == 0 || !isWordChar(text.charAt(i - 1)))) {
                int end = i;
                while (end < n && isWordChar(text.charAt(end))) end++;
                if (isWord(i, end, "BEGIN")) {
                    cur.append(text, seg, i);
                    seg = i;
                    if (ROUTINE_HEAD.matcher(cur).lookingAt()) depth++;
                } else if (isWord(i, end, "CASE") && depth > 0) {
                    depth++;
                } else if (isWord(i, end, "END") && depth > 0) {
                    depth--;
                }
                if (startLine == 0) startLine = line;
                i = end;
                continue;
            }
            if (c == ';' && depth == 0) {
                String statement = cur.length() > 0 ? cur.append(text, seg, i).toString().trim()
                        : trimmed(text, seg, i);
                Statement s = new Statement(statement, startLine,
                        connects.isEmpty() ? null : connects.get(connects.size() - 1).database());
                if (!s.text().isEmpty()) statements.add(s);
                cur.setLength(0);
                startLine = 0;
                i++;
                if (isCopyFromStdin(s.text())) {
                    int[] after = skipCopyData(i, line, s.line());
                    i = after[0];
                    line = after[1];
                }
                seg = i;
                continue;
            }
            if (c == '\n') line++;
            else if (startLine == 0 && !Character.isWhitespace(c)) startLine = line;
            i++;
        }
        if (startLine != 0) {
            throw ReadException.at(file, startLine, "the statement starting here has no closing ';': the " + what + " stops at line "
                    + line + ", the file is truncated");
        }
    }

    /** Whether the word from {@code start} to {@code end} is {@code word}, case-insensitively, without cutting it out. */
    private boolean isWord(int start, int end, String word) {
        return end - start == word.length() && text.regionMatches(true, start, word, 0, word.length());
    }

    private static final java.util.regex.Pattern CONNECT =
            java.util.regex.Pattern.compile("^\\\\(?:connect|c)\\s+(.*?)\\s*$");
    private static final java.util.regex.Pattern REUSE_PREVIOUS =
            java.util.regex.Pattern.compile("^-reuse-previous=on\\s+\"dbname='((?:[^']|'')*)'\"");

    /**
     * The database a {@code \connect} meta-line names: {@code \connect app}, {@code \connect "My db"}, or
     * what pg_dump writes for a name that needs quoting, {@code \connect -reuse-previous=on "dbname='my db'"};
     * null for any other meta-line.
     */
    static String connectTarget(String metaLine) {
        java.util.regex.Matcher m = CONNECT.matcher(metaLine);
        if (!m.matches()) return null;
        String arg = m.group(1);
        if (arg.startsWith("-") && !arg.startsWith("-reuse-previous")) return null; // \connect - user: same database
        java.util.regex.Matcher reuse = REUSE_PREVIOUS.matcher(arg);
        if (reuse.find()) return reuse.group(1).replace("''", "'");
        if (arg.startsWith("\"")) {
            int end = arg.indexOf('"', 1);
            while (end > 0 && end + 1 < arg.length() && arg.charAt(end + 1) == '"') end = arg.indexOf('"', end + 2);
            return end < 0 ? arg.substring(1) : arg.substring(1, end).replace("\"\"", "\"");
        }
        int space = arg.indexOf(' ');
        return space < 0 ? arg : arg.substring(0, space);
    }

    /** {@code text.substring(from, to).trim()} without the intermediate copy. */
    static String trimmed(String text, int from, int to) {
        while (from < to && text.charAt(from) <= ' ') from++;
        while (to > from && text.charAt(to - 1) <= ' ') to--;
        return text.substring(from, to);
    }

    /**
     * The longest statement a reader parses: 4 MiB. Parsing keeps a token per symbol, so a statement of
     * tens of megabytes would need gigabytes; a schema statement (a table of 1,600 columns, a long function)
     * stays far below it. Data (COPY rows, MySQL INSERTs) is skipped before this check, whatever its size.
     */
    static final int MAX_STATEMENT = 4 << 20;

    /** A statement's tokens; one that is too long, does not tokenize or does not start with a word fails with its line. */
    static SqlTokens tokens(String file, int line, String statement, SqlTokens.Dialect dialect) {
        requireParsable(file, line, statement);
        SqlTokens t;
        try {
            t = SqlTokens.of(statement, dialect);
        } catch (IllegalArgumentException e) {
            throw ReadException.at(file, line, "cannot read statement: " + e.getMessage());
        }
        if (t.kind(0) != SqlTokens.Kind.WORD) {
            throw ReadException.at(file, line, "not a SQL statement: '" + io.schemaplan.normalize.Excerpts.of(statement) + "'");
        }
        return t;
    }

    /** Fails with one line when a statement is over {@link #MAX_STATEMENT}. */
    static void requireParsable(String file, int line, String statement) {
        if (statement.length() > MAX_STATEMENT) {
            throw ReadException.at(file, line, String.format(java.util.Locale.ROOT,
                    "a statement of %.1f MiB, over the %d MiB limit on one schema statement: '%s'",
                    statement.length() / 1048576.0, MAX_STATEMENT >> 20, io.schemaplan.normalize.Excerpts.of(statement)));
        }
    }

    private static boolean isWordChar(char c) {
        if (c < 0x80) return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$';
        return Character.isLetterOrDigit(c);
    }

    private static boolean isCopyFromStdin(String statement) {
        return statement.regionMatches(true, 0, "COPY ", 0, 5) && statement.endsWith("stdin");
    }

    /** Skips the rest of the COPY line and the data lines up to {@code \.}; returns {offset, line}. */
    private int[] skipCopyData(int i, int line, int copyLine) {
        int pos = lineEnd(i) + 1;
        line++;
        while (pos < text.length()) {
            int end = lineEnd(pos);
            boolean terminator = text.startsWith("\\.", pos) && text.substring(pos, end).trim().equals("\\.");
            pos = end + 1;
            line++;
            if (terminator) return new int[] {pos, line};
            copyRows++;
        }
        throw ReadException.at(file, copyLine, "the data of this COPY never ends with a '\\.' line: the file is truncated");
    }

    private int lineEnd(int i) {
        int end = text.indexOf('\n', i);
        return end < 0 ? text.length() : end;
    }

    private int countNewlines(int from, int to) {
        int k = 0;
        for (int j = from; j < to; j++) {
            if (text.charAt(j) == '\n') k++;
        }
        return k;
    }
}
