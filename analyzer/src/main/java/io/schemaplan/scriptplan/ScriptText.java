package io.schemaplan.scriptplan;

import io.schemaplan.normalize.SqlTokens;
import io.schemaplan.normalize.SqlTokens.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration script's text cut into statements at top-level semicolons (quotes, dollar quotes and
 * comments respected), each with its line and the revision the last {@code -- Running upgrade A -> B}
 * comment of Alembic's offline output names. psql meta-lines ({@code \set}, {@code \restrict}) are skipped.
 * Pure; the CLI reads the file.
 */
public final class ScriptText {
    private static final Pattern ALEMBIC = Pattern.compile("--\\s*Running upgrade\\s+\\S*\\s*->\\s*(\\w+)");

    private ScriptText() {
    }

    /**
     * The statements of {@code text}, numbered from {@code firstNumber}; {@code fileRevision} is the revision
     * of statements no Alembic comment names (a Flyway file's version), or null.
     */
    public static List<SqlStatement> split(String file, String text, Dialect dialect, int firstNumber,
                                           String fileRevision) {
        List<SqlStatement> out = new ArrayList<>();
        String revision = fileRevision;
        StringBuilder cur = new StringBuilder();
        int startLine = 0;
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            boolean lineStart = i == 0 || text.charAt(i - 1) == '\n';
            if (lineStart && c == '\\' && cur.toString().isBlank()) {
                int eol = text.indexOf('\n', i);
                i = eol < 0 ? n : eol;
                continue;
            }
            int end = SqlTokens.commentEnd(text, i, dialect);
            if (end < 0) throw new IllegalArgumentException(file + ":" + line + ": a comment is never closed");
            if (end > i) {
                String comment = text.substring(i, end);
                Matcher m = ALEMBIC.matcher(comment);
                if (m.find()) revision = m.group(1);
                line += count(comment);
                if (!cur.isEmpty()) cur.append(' ');
                i = end;
                continue;
            }
            end = SqlTokens.quoteEnd(text, i, dialect);
            if (end < 0) throw new IllegalArgumentException(file + ":" + line + ": a quoted string is never closed");
            if (end > i) {
                if (cur.toString().isBlank()) startLine = line;
                String q = text.substring(i, end);
                cur.append(q);
                line += count(q);
                i = end;
                continue;
            }
            if (c == ';') {
                String sql = cur.toString().strip();
                if (!sql.isEmpty()) out.add(new SqlStatement(firstNumber + out.size(), startLine, revision, sql, file));
                cur.setLength(0);
            } else {
                if (!Character.isWhitespace(c) && cur.toString().isBlank()) startLine = line;
                cur.append(c);
                if (c == '\n') line++;
            }
            i++;
        }
        String sql = cur.toString().strip();
        if (!sql.isEmpty()) out.add(new SqlStatement(firstNumber + out.size(), startLine, revision, sql, file));
        return out;
    }

    private static int count(String s) {
        int k = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '\n') k++;
        return k;
    }
}
