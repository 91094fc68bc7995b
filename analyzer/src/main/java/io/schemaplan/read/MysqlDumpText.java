package io.schemaplan.read;

import io.schemaplan.model.Engine;
import io.schemaplan.normalize.SqlTokens;
import io.schemaplan.normalize.SqlTokens.Dialect;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a {@code mysqldump} / {@code mariadb-dump} file cut into statements. Version comments
 * ({@code /*!50001 CREATE … *}{@code /}, {@code /*M!100101 … *}{@code /}) are executed by every server we
 * read, so their content is kept as SQL and only the comment marks go; plain comments go entirely, and so
 * does MariaDB's sandbox line {@code /*M!999999\- enable the sandbox mode *}{@code /} (a client command).
 * {@code DELIMITER} lines change the statement terminator, as the mysql client does.
 *
 * <p>It rejects, with one line naming the file and line, what is not such a dump: a PostgreSQL dump,
 * binary data, an empty file, a truncated one (an open quote, comment or statement at the end, or a dump
 * whose prologue saves the session settings but which never reaches the epilogue that restores them).
 */
final class MysqlDumpText {
    record Statement(String text, int line) {
    }

    private static final String SANDBOX = "/*M!999999\\- enable the sandbox mode */";
    /** mysqldump's prologue saves SQL_NOTES first thing and its epilogue restores it last. */
    private static final String PROLOGUE = "SET @OLD_SQL_NOTES=@@SQL_NOTES";
    private static final String EPILOGUE = "SET SQL_NOTES=@OLD_SQL_NOTES";
    private static final Pattern SERVER_VERSION = Pattern.compile("-- Server version\\s+(\\d+\\.\\d+\\.\\d+)(\\S*)");
    /** Navicat's header: {@code Source Server Version : 50744} is 5.7.44, {@code 80036} is 8.0.36. */
    private static final Pattern NAVICAT_VERSION = Pattern.compile("Source Server Version\\s*:\\s*(\\d{1,2})(\\d{2})(\\d{2})\\b");

    /** Text that only a PostgreSQL dump has near its top, and what it is. */
    private static final Map<String, String> POSTGRES_MARKERS = Map.of(
            DumpText.HEADER, "pg_dump's header '" + DumpText.HEADER + "'",
            "\\restrict ", "pg_dump's '\\restrict' line",
            "SELECT pg_catalog.set_config", "pg_dump's 'SELECT pg_catalog.set_config' line",
            "SET standard_conforming_strings", "pg_dump's 'SET standard_conforming_strings' line");

    final String file;
    final String text;
    final List<Statement> statements = new ArrayList<>();
    /**
     * Lines the dump tool printed on stderr that ended up in the file ({@code mysqldump ... > f 2>&1}):
     * {@code mysqldump: [Warning] Using a password on the command line interface can be insecure.}, or
     * {@code mysqldump: Error: 'Access denied; you need … PROCESS privilege(s) …' when trying to dump
     * tablespaces}. They are no SQL; dropping the line keeps the statement after it whole.
     */
    final List<Statement> toolMessages = new ArrayList<>();

    private static final List<String> TOOL_MESSAGE_STARTS = List.of("mysqldump: ", "mysqldump.exe: ", "mariadb-dump: ",
            "mariadb-dump.exe: ", "Warning: Using a password");

    /** The comments, for a migration script (see {@link ScriptText.Comment}); null for a dump. */
    final List<ScriptText.Comment> comments;
    /** What the file is read as, for messages: "dump" or "migration script". */
    private final String what;

    MysqlDumpText(String file, byte[] bytes) {
        this(file, bytes, false);
    }

    /**
     * {@code script}: a migration script, not a dump. Its comments are kept; the checks only a dump can pass
     * (no PostgreSQL markers in the head, mysqldump's prologue and epilogue) are not made. Binary, non-UTF-8,
     * empty and truncated input is rejected the same way.
     */
    MysqlDumpText(String file, byte[] bytes, boolean script) {
        this.file = file;
        this.comments = script ? new ArrayList<>() : null;
        this.what = script ? "migration script" : "dump";
        if (bytes.length >= 5 && new String(bytes, 0, 5, StandardCharsets.US_ASCII).equals("PGDMP")) {
            throw ReadException.at(file, 1, "this is a pg_dump custom-format archive, not a MySQL/MariaDB dump");
        }
        String decoded = DumpText.decode(file, bytes, "mysqldump --default-character-set=utf8mb4");
        this.text = decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
        if (!script) rejectPostgres();
        split();
        if (script) {
            if (statements.isEmpty()) throw ReadException.at(file, 1, bytes.length == 0 ? "the file is empty"
                    : "no SQL statements in the file, not a migration script");
            return;
        }
        if (statements.isEmpty()) {
            throw ReadException.at(file, 1, bytes.length == 0 ? "the file is empty, not a MySQL/MariaDB dump"
                    : "no SQL statements in the file, not a MySQL/MariaDB dump");
        }
        boolean prologue = statements.stream().limit(40).anyMatch(s -> s.text().startsWith(PROLOGUE));
        if (prologue && statements.stream().noneMatch(s -> s.text().startsWith(EPILOGUE))) {
            int last = lineAt(text.stripTrailing().length());
            throw ReadException.at(file, last, "the dump stops at line " + last + " without the closing '"
                    + EPILOGUE + "' that mysqldump writes last: the file is truncated");
        }
    }

    /** MariaDB when the dump says so (sandbox line, header, lower-case {@code current_timestamp()}), else MySQL. */
    Engine engine() {
        String head = text.substring(0, Math.min(text.length(), 4096));
        if (head.contains("/*M!") || head.contains("-- MariaDB dump") || head.contains("-MariaDB")
                || head.matches("(?s).*Source Server Type\\s*:\\s*MariaDB.*")) return Engine.MARIADB;
        if (head.contains("-- MySQL dump") && head.contains("-- Server version")) return Engine.MYSQL;
        return text.contains("current_timestamp()") ? Engine.MARIADB : Engine.MYSQL;
    }

    private static final Pattern DATABASE = Pattern.compile("(?m)^-- Host: .*?\\sDatabase: (\\S+)\\s*$");

    /** The database the header names ({@code -- Host: db    Database: geo}), or null (several, or none). */
    String database() {
        Matcher m = DATABASE.matcher(text.substring(0, Math.min(text.length(), 4096)));
        return m.find() ? m.group(1) : null;
    }

    /** The server version from the header ({@code -- Server version 10.11.19-MariaDB-…}, Navicat's), or null. */
    String serverVersion() {
        String head = text.substring(0, Math.min(text.length(), 4096));
        Matcher m = SERVER_VERSION.matcher(head);
        if (m.find()) return m.group(1);
        Matcher navicat = NAVICAT_VERSION.matcher(head);
        return navicat.find() ? Integer.parseInt(navicat.group(1)) + "." + Integer.parseInt(navicat.group(2)) + "."
                + Integer.parseInt(navicat.group(3)) : null;
    }

    private void rejectPostgres() {
        POSTGRES_MARKERS.entrySet().stream()
                .filter(m -> DumpText.indexInHead(text, m.getKey(), 4096) >= 0)
                .min(java.util.Comparator.comparingInt(m -> DumpText.indexInHead(text, m.getKey(), 4096)))
                .ifPresent(m -> {
                    throw ReadException.at(file, lineAt(DumpText.indexInHead(text, m.getKey(), 4096)), "this is a PostgreSQL dump ("
                            + m.getValue() + "), not a MySQL/MariaDB dump");
                });
    }

    int lineAt(int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') line++;
        }
        return line;
    }

    /**
     * Cuts the text at the delimiter outside quotes and comments; tracks lines in one pass. A statement's text
     * is cut out of the file's text, not copied a character at a time: {@code cur} only gathers the pieces
     * around a comment (which becomes one space), and a statement without comments is one substring.
     */
    private void split() {
        StringBuilder cur = new StringBuilder();
        int seg = 0; // start of the statement text not yet in cur
        String delimiter = ";";
        boolean inVersionComment = false;
        int startLine = 0; // 0 while the statement is blank (white space and comments only)
        int line = 1;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            boolean atLineStart = i == 0 || text.charAt(i - 1) == '\n';
            if (atLineStart && startLine == 0 && (c == 'D' || c == 'd') && text.regionMatches(true, i, "DELIMITER ", 0, 10)) {
                int end = lineEnd(i);
                delimiter = text.substring(i + 10, end).trim();
                if (delimiter.isEmpty()) throw ReadException.at(file, line, "DELIMITER without a delimiter");
                cur.append(text, seg, i); // white space so far: kept, as the statement's trim decides about it
                i = seg = end;
                continue;
            }
            if (atLineStart && startLine == 0 && !inVersionComment && isToolMessage(i)) {
                int end = lineEnd(i);
                toolMessages.add(new Statement(text.substring(i, end).trim(), line));
                cur.append(text, seg, i);
                i = seg = end;
                continue;
            }
            if (c == '/' && text.startsWith(SANDBOX, i)) {
                cur.append(text, seg, i);
                i = seg = i + SANDBOX.length();
                continue;
            }
            if (c == '/' && (text.startsWith("/*!", i) || text.startsWith("/*M!", i))) {
                if (inVersionComment) throw ReadException.at(file, line, "a version comment inside a version comment");
                cur.append(text, seg, i);
                i += text.charAt(i + 2) == 'M' ? 4 : 3;
                while (i < n && Character.isDigit(text.charAt(i))) i++;
                seg = i;
                inVersionComment = true;
                continue;
            }
            if (inVersionComment && c == '*' && i + 1 < n && text.charAt(i + 1) == '/') {
                inVersionComment = false;
                cur.append(text, seg, i).append(' ');
                i = seg = i + 2;
                continue;
            }
            int skip = isCommentStart(i) ? SqlTokens.commentEnd(text, i, Dialect.MYSQL)
                    : c == '\'' || c == '"' || c == '`' ? SqlTokens.quoteEnd(text, i, Dialect.MYSQL) : i;
            if (skip < 0) {
                throw ReadException.at(file, line, "unterminated " + (c == '/' ? "comment" : c == '`'
                        ? "quoted name" : "string") + " starting here: the file is truncated");
            }
            if (skip > i) {
                if (c == '\'' || c == '"' || c == '`') {
                    if (startLine == 0) startLine = line;
                } else {
                    if (comments != null) comments.add(new ScriptText.Comment(text.substring(i, skip), line, statements.size()));
                    cur.append(text, seg, i).append(' ');
                    seg = skip;
                }
                line += countNewlines(i, skip);
                i = skip;
                continue;
            }
            if (c == delimiter.charAt(0) && text.startsWith(delimiter, i)) {
                String statement = cut(cur, seg, i);
                if (!statement.isEmpty()) statements.add(new Statement(statement, startLine));
                cur.setLength(0);
                startLine = 0;
                i = seg = i + delimiter.length();
                continue;
            }
            if (c == '\n') line++;
            else if (startLine == 0 && !Character.isWhitespace(c)) startLine = line;
            i++;
        }
        if (inVersionComment) {
            throw ReadException.at(file, line, "a version comment '/*!' is never closed: the file is truncated");
        }
        if (startLine != 0) {
            throw ReadException.at(file, startLine, "the statement starting here has no closing '" + delimiter
                    + "': the " + what + " stops at line " + line + ", the file is truncated");
        }
    }

    private boolean isToolMessage(int i) {
        for (String m : TOOL_MESSAGE_STARTS) {
            if (text.startsWith(m, i)) return true;
        }
        return false;
    }

    /** The statement from the pieces in {@code cur} and the text from {@code seg} to {@code end}, trimmed. */
    private String cut(StringBuilder cur, int seg, int end) {
        if (cur.length() > 0) return cur.append(text, seg, end).toString().trim();
        return DumpText.trimmed(text, seg, end);
    }

    /** {@code -- } (MySQL wants a space or line end after the dashes), {@code #}, or a plain {@code /*}. */
    private boolean isCommentStart(int i) {
        char c = text.charAt(i);
        if (c == '#') return true;
        if (c == '/') return i + 1 < text.length() && text.charAt(i + 1) == '*';
        if (c != '-' || i + 1 >= text.length() || text.charAt(i + 1) != '-') return false;
        return i + 2 >= text.length() || Character.isWhitespace(text.charAt(i + 2));
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
