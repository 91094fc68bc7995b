package io.schemaplan.report;

import io.schemaplan.diff.Change;
import io.schemaplan.diff.CrossDialectDiff;
import io.schemaplan.model.QName;
import io.schemaplan.read.Loaded;
import io.schemaplan.text.Printable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The terminal listing of a diff: schema-level changes, then each table's changes under its name, then
 * a summary line. Colours (ANSI) only when asked: green added, red dropped, yellow changed. Names are
 * {@linkplain Printable#escape escaped}: they come from the schemas and must not drive the terminal.
 */
public final class DiffTextRenderer {
    private static final String GREEN = "\033[32m";
    private static final String RED = "\033[31m";
    private static final String YELLOW = "\033[33m";
    private static final String BOLD = "\033[1m";
    private static final String RESET = "\033[0m";

    private final boolean colors;

    public DiffTextRenderer(boolean colors) {
        this.colors = colors;
    }

    public String render(Loaded from, Loaded to, List<Change> changes) {
        StringBuilder b = new StringBuilder();
        b.append("from ").append(Printable.escape(from.label())).append('\n').append("to   ")
                .append(Printable.escape(to.label())).append("\n\n");
        if (changes.isEmpty()) {
            return b.append("no differences\n").toString();
        }
        QName current = null;
        for (Change c : changes) {
            boolean wholeTable = c instanceof Change.TableAdded || c instanceof Change.TableDropped;
            if (c.table() == null || wholeTable) {
                current = null;
                b.append(line(c, "")).append('\n');
                continue;
            }
            if (!c.table().equals(current)) {
                current = c.table();
                b.append(paint(BOLD, "  " + Printable.escape(current.toString()))).append('\n');
            }
            b.append(line(c, "    ")).append('\n');
        }
        return b.append('\n').append(summary(changes)).append('\n').toString();
    }

    /**
     * A PostgreSQL-to-MySQL diff: the real changes, then the PostgreSQL-only defaults MySQL lacks (one line per
     * expression, its columns below), then what was not compared.
     */
    public String render(Loaded from, Loaded to, CrossDialectDiff.Result result) {
        StringBuilder b = new StringBuilder(render(from, to, result.changes()));
        b.append("\ncompared across dialects (PostgreSQL and MySQL types, defaults and keys mapped; see docs/diff.md)\n");
        for (CrossDialectDiff.PgOnlyDefault d : result.pgOnlyDefaults()) {
            b.append(paint(YELLOW, "~ PostgreSQL-only default " + Printable.escape(d.expression()) + " on "
                    + ChangeText.count(d.columns().size(), "column") + ", none on MySQL: " + d.reason())).append('\n');
            b.append("    ").append(Printable.escape(String.join(", ", d.columns()))).append('\n');
        }
        result.notCompared().forEach(n -> b.append("  not compared: ").append(Printable.escape(n)).append('\n'));
        return b.toString();
    }

    private String line(Change c, String indent) {
        char sign = ChangeText.sign(c);
        String color = sign == '+' ? GREEN : sign == '-' ? RED : YELLOW;
        return paint(color, indent + sign + " " + Printable.escape(ChangeText.describe(c)));
    }

    private String paint(String color, String text) {
        return colors ? color + text + RESET : text;
    }

    /** {@code 3 changes: 2 table.added, 1 column.type_changed}, kinds in a stable order. */
    static String summary(List<Change> changes) {
        Map<String, Long> byKind = changes.stream()
                .collect(Collectors.groupingBy(Change::kind, TreeMap::new, Collectors.counting()));
        String kinds = byKind.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        long tables = changes.stream().map(Change::table).filter(Objects::nonNull).distinct().count();
        return ChangeText.count(changes.size(), "change") + " in " + ChangeText.count((int) tables, "table")
                + ": " + kinds;
    }
}
