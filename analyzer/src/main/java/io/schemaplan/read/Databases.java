package io.schemaplan.read;

import io.schemaplan.normalize.SqlTokens;
import io.schemaplan.read.DumpText.Connect;
import io.schemaplan.read.DumpText.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which database of a dump to read. A pg_dumpall file holds several, each after its {@code \connect}
 * line; they are never merged into one model. A file names one as {@code FILE#db}; without a name, the
 * file is read when at most one of its databases holds a schema (pg_dumpall always writes template1 and
 * postgres, usually empty), and is otherwise an error listing them.
 */
final class Databases {
    private Databases() {
    }

    /**
     * The database to read: null for a plain pg_dump without {@code \connect} lines, else a database the file
     * connects to.
     *
     * @throws ReadException one line naming the file and the databases in it
     */
    static String choose(DumpText dump, String wanted) {
        Map<String, Integer> connected = new LinkedHashMap<>(); // database -> line of its first \connect
        for (Connect c : dump.connects) connected.putIfAbsent(c.database(), c.line());
        if (connected.isEmpty()) {
            if (wanted == null) return null;
            throw ReadException.at(dump.file, 1, "'#" + wanted + "' names a database, but this is a dump of one database"
                    + " (it has no \\connect lines); read it without '#" + wanted + "'");
        }
        if (wanted != null) {
            if (connected.containsKey(wanted)) return wanted;
            throw ReadException.at(dump.file, 1, "no database '" + wanted + "' in this dump; it has "
                    + String.join(", ", connected.keySet()));
        }
        List<String> withSchema = new ArrayList<>();
        for (String db : connected.keySet()) {
            if (dump.statements.stream().anyMatch(s -> db.equals(s.database()) && isContent(s))) withSchema.add(db);
        }
        if (withSchema.size() <= 1) {
            List<String> all = List.copyOf(connected.keySet());
            return withSchema.isEmpty() ? all.get(all.size() - 1) : withSchema.get(0);
        }
        String file = dump.file;
        throw ReadException.at(file, connected.get(withSchema.get(1)), "this pg_dumpall file holds " + withSchema.size()
                + " databases with a schema (" + String.join(", ", withSchema) + "); read one of them as "
                + file + "#" + withSchema.get(0));
    }

    /** A statement that creates something in the database (not the database itself, not plpgsql). */
    private static boolean isContent(Statement s) {
        String text = s.text();
        if (!text.regionMatches(true, 0, "CREATE", 0, 6)) return false;
        SqlTokens t;
        try {
            t = SqlTokens.of(text);
        } catch (IllegalArgumentException e) {
            return true; // the reader reports it
        }
        if (t.isWord(1, "DATABASE") || t.isWord(1, "ROLE") || t.isWord(1, "USER") || t.isWord(1, "TABLESPACE")) return false;
        if (t.isWord(1, "EXTENSION")) {
            int i = t.isWord(2, "IF", "NOT", "EXISTS") ? 5 : 2;
            return !(t.isName(i) && t.ident(i).toLowerCase(Locale.ROOT).equals("plpgsql"));
        }
        return true;
    }
}
