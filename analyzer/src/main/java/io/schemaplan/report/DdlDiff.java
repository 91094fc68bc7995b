package io.schemaplan.report;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import com.github.difflib.text.DiffRowGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * Two versions of a text (a table's DDL, a view's definition) side by side: rows of the line diff
 * (java-diff-utils), and within a changed line the words that changed. The parts are plain text: the
 * template escapes them, so a name holding markup stays text.
 */
public record DdlDiff(List<Row> rows) {
    public enum Kind { SAME, CHANGED, ADDED, REMOVED }

    /** A run of text, {@code changed} when it differs from the other side. */
    public record Part(String text, boolean changed) {
    }

    /** One row; {@code before} is empty for an added line, {@code after} for a removed one. */
    public record Row(Kind kind, List<Part> before, List<Part> after) {
        public String css() {
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public DdlDiff {
        rows = List.copyOf(rows);
    }

    /** Two texts (a view's definition, a function's body): lines changed in place are paired by position. */
    public static DdlDiff of(List<String> before, List<String> after) {
        return of(before, after, false);
    }

    /**
     * Two DDL texts of one table: a changed line is shown beside its old version only when both name the
     * same object (a column, an index, a constraint); a dropped index and an unrelated new one are a removed
     * line and an added one, not one changed line.
     */
    public static DdlDiff byName(List<String> before, List<String> after) {
        return of(before, after, true);
    }

    private static DdlDiff of(List<String> before, List<String> after, boolean byName) {
        List<Row> rows = new ArrayList<>();
        int next = 0;
        for (AbstractDelta<String> d : DiffUtils.diff(before, after).getDeltas()) {
            int start = d.getSource().getPosition();
            for (; next < start; next++) rows.add(same(before.get(next)));
            List<String> old = d.getSource().getLines();
            List<String> neu = d.getTarget().getLines();
            if (d.getType() != DeltaType.CHANGE) {
                unpaired(rows, old, neu);
            } else if (!byName) {
                int paired = Math.min(old.size(), neu.size());
                for (int i = 0; i < paired; i++) rows.add(changed(old.get(i), neu.get(i)));
                unpaired(rows, old.subList(paired, old.size()), neu.subList(paired, neu.size()));
            } else {
                pairedByName(rows, old, neu);
            }
            next = start + old.size();
        }
        for (; next < before.size(); next++) rows.add(same(before.get(next)));
        return new DdlDiff(rows);
    }

    /** The lines of one changed block, paired where their names agree (in order), the rest removed and added. */
    private static void pairedByName(List<Row> rows, List<String> old, List<String> neu) {
        List<String> a = old.stream().map(DdlDiff::name).toList();
        List<String> b = neu.stream().map(DdlDiff::name).toList();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
            for (; i < d.getSource().getPosition(); i++, j++) rows.add(changed(old.get(i), neu.get(j)));
            unpaired(rows, old.subList(i, i + d.getSource().size()), neu.subList(j, j + d.getTarget().size()));
            i += d.getSource().size();
            j += d.getTarget().size();
        }
        for (; i < old.size(); i++, j++) rows.add(changed(old.get(i), neu.get(j)));
    }

    private static void unpaired(List<Row> rows, List<String> old, List<String> neu) {
        for (String l : old) rows.add(new Row(Kind.REMOVED, List.of(new Part(l, true)), List.of()));
        for (String l : neu) rows.add(new Row(Kind.ADDED, List.of(), List.of(new Part(l, true))));
    }

    /**
     * What a DDL line is about: its words up to the first name ({@code CREATE INDEX ix_a}, {@code "userId"},
     * {@code CONSTRAINT pk}), a name being the first word with a lower-case letter or a quote (keywords are
     * printed in capitals). A line without one ({@code )}) is its own name.
     */
    static String name(String line) {
        StringBuilder b = new StringBuilder();
        for (String w : line.strip().split("\\s+")) {
            b.append(w).append(' ');
            if (w.chars().anyMatch(c -> Character.isLowerCase(c) || c == '"' || c == '`')) return b.toString();
        }
        return line;
    }

    public boolean changed() {
        return rows.stream().anyMatch(r -> r.kind() != Kind.SAME);
    }

    private static Row same(String line) {
        List<Part> p = List.of(new Part(line, false));
        return new Row(Kind.SAME, p, p);
    }

    /** A changed line pair with the changed words marked on each side. */
    private static Row changed(String old, String neu) {
        List<String> a = DiffRowGenerator.SPLITTER_BY_WORD.apply(old);
        List<String> b = DiffRowGenerator.SPLITTER_BY_WORD.apply(neu);
        boolean[] changedA = new boolean[a.size()];
        boolean[] changedB = new boolean[b.size()];
        for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
            mark(changedA, d.getSource().getPosition(), d.getSource().size());
            mark(changedB, d.getTarget().getPosition(), d.getTarget().size());
        }
        return new Row(Kind.CHANGED, parts(a, changedA), parts(b, changedB));
    }

    private static void mark(boolean[] flags, int from, int count) {
        for (int i = from; i < from + count; i++) flags[i] = true;
    }

    /** Adjacent words with the same flag joined into one part. */
    private static List<Part> parts(List<String> words, boolean[] changed) {
        List<Part> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            if (i > 0 && changed[i] != changed[i - 1]) {
                out.add(new Part(run.toString(), changed[i - 1]));
                run.setLength(0);
            }
            run.append(words.get(i));
        }
        if (!words.isEmpty()) out.add(new Part(run.toString(), changed[words.size() - 1]));
        return out;
    }
}
