package io.schemaplan.read;

import io.schemaplan.model.QName;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Where an object is defined in a pg_dump or mysqldump file, as a 1-based line number, so that CI reports
 * can point at it: the {@code CREATE TABLE} line of a table, the line of a column inside it, the
 * {@code CREATE INDEX} line (or the {@code KEY} line of a MySQL table), the {@code ADD CONSTRAINT} line (or
 * the {@code CONSTRAINT} line). Both dumps are machine-written with one definition per line; names may be
 * quoted ({@code "x"} or {@code `x`}). Pure: works on the text.
 */
public final class DumpLines {
    private static final String Q = "[\"`]?";
    private final List<String> lines;

    public DumpLines(String text) {
        this.lines = text.lines().toList();
    }

    public OptionalInt table(QName table) {
        String schema = table.schema().isEmpty() ? "" : "(?:" + Q + Pattern.quote(table.schema()) + Q + "\\.)?";
        Pattern p = Pattern.compile("^CREATE (?:UNLOGGED |TEMPORARY )?TABLE (?:IF NOT EXISTS )?" + schema + Q
                + Pattern.quote(table.name()) + Q + " \\(.*");
        return find(p, 0, lines.size());
    }

    /** The column's line inside its table's CREATE TABLE, or the table's line when the column is not there. */
    public OptionalInt column(QName table, String column) {
        OptionalInt t = table(table);
        if (t.isEmpty()) return t;
        int end = t.getAsInt();
        while (end < lines.size() && !lines.get(end).startsWith(")")) end++;
        OptionalInt c = find(Pattern.compile("^\\s+" + Q + Pattern.quote(column) + Q + "\\s.*"), t.getAsInt(), end);
        return c.isPresent() ? c : t;
    }

    public OptionalInt index(String name) {
        return find(Pattern.compile("^(?:CREATE (?:UNIQUE )?INDEX " + Q + Pattern.quote(name) + Q + " ON .*|\\s+"
                + "(?:UNIQUE |FULLTEXT |SPATIAL )?KEY " + Q + Pattern.quote(name) + Q + "\\s.*)"), 0, lines.size());
    }

    public OptionalInt constraint(String name) {
        return find(Pattern.compile("^\\s*(?:ADD )?CONSTRAINT " + Q + Pattern.quote(name) + Q + "\\s.*"), 0,
                lines.size());
    }

    /** Searches lines {@code [from, to)} (0-based); returns the 1-based line. */
    private OptionalInt find(Pattern p, int from, int to) {
        for (int i = from; i < to; i++) {
            if (p.matcher(lines.get(i)).matches()) return OptionalInt.of(i + 1);
        }
        return OptionalInt.empty();
    }
}
