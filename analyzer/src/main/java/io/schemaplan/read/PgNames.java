package io.schemaplan.read;

import io.schemaplan.normalize.SqlTokens;
import io.schemaplan.sql.Identifiers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names PostgreSQL makes up for a constraint or index a statement does not name ({@code UNIQUE (a, b)} on
 * table {@code t} is {@code t_a_b_key}), and column renames inside definition texts. Migration scripts lean on
 * both (pg_dump never does: it names everything and prints definitions after renames).
 */
final class PgNames {
    private PgNames() {
    }

    /** The byte length PostgreSQL keeps of a name (NAMEDATALEN - 1). */
    private static final int MAX = Identifiers.PG_MAX_BYTES;

    /**
     * {@code makeObjectName} of PostgreSQL's indexcmds.c: {@code name1_name2_label}, with name1 and name2 cut
     * (the longer one first, a byte at a time) until the whole fits in 63 bytes; name2 may be null.
     */
    static String objectName(String name1, String name2, String label) {
        int overhead = bytes(label) + 1 + (name2 == null ? 0 : 1);
        int avail = MAX - overhead;
        int n1 = bytes(name1);
        int n2 = name2 == null ? 0 : bytes(name2);
        while (n1 + n2 > avail) {
            if (n1 > n2) n1--;
            else n2--;
        }
        String a = Identifiers.truncateToBytes(name1, n1);
        return name2 == null ? a + "_" + label : a + "_" + Identifiers.truncateToBytes(name2, n2) + "_" + label;
    }

    /**
     * {@code ChooseRelationName}/{@code ChooseConstraintName}: {@link #objectName}, and when that is taken the
     * label with 1, 2, … appended ({@code t_a_key1}).
     */
    static String choose(String name1, String name2, String label, Set<String> taken) {
        String name = objectName(name1, name2, label);
        for (int pass = 1; taken.contains(name); pass++) name = objectName(name1, name2, label + pass);
        return name;
    }

    /** {@code ChooseIndexColumnNames}: the key columns joined by {@code _} (an expression key is {@code expr}). */
    static String columnsPart(List<String> columns) {
        return Identifiers.truncateToBytes(String.join("_", columns), MAX);
    }

    /**
     * {@code text} with every reference to column {@code from} made {@code to}: as a bare word (outside quotes,
     * not after a dot of another name) or as a quoted name. Definition texts of one table name its columns so.
     */
    static String renameColumn(String text, String from, String to) {
        if (text == null) return null;
        String quotedTo = Identifiers.quoteIdent(to);
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'') {
                int end = SqlTokens.quoteEnd(text, i);
                end = end < 0 ? n : end;
                out.append(text, i, end);
                i = end;
            } else if (c == '"') {
                int end = SqlTokens.quoteEnd(text, i);
                end = end < 0 ? n : end;
                String name = SqlTokens.unquote(text.substring(i, end));
                out.append(name.equals(from) ? quotedTo : text.substring(i, end));
                i = end;
            } else if (SqlTokens.identChar(c) && !Character.isDigit(c)) {
                int end = i;
                while (end < n && SqlTokens.identChar(text.charAt(end))) end++;
                String word = text.substring(i, end);
                boolean cast = out.length() >= 2 && out.substring(out.length() - 2).equals("::"); // a type name
                boolean bare = !cast && word.toLowerCase(java.util.Locale.ROOT).equals(from);
                out.append(bare ? quotedTo : word);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    /** The first word of {@code expression} that is one of {@code columns}, or null: PostgreSQL names a CHECK after it. */
    static String firstColumn(String expression, List<String> columns) {
        Matcher m = WORD.matcher(expression);
        while (m.find()) {
            String w = m.group().toLowerCase(java.util.Locale.ROOT);
            if (columns.contains(w)) return w;
        }
        return null;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
