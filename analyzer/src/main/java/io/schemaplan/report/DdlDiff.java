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

    public static DdlDiff of(List<String> before, List<String> after) {
        List<Row> rows = new ArrayList<>();
        int next = 0;
        for (AbstractDelta<String> d : DiffUtils.diff(before, after).getDeltas()) {
            int start = d.getSource().getPosition();
            for (; next < start; next++) rows.add(same(before.get(next)));
            List<String> old = d.getSource().getLines();
            List<String> neu = d.getTarget().getLines();
            int paired = d.getType() == DeltaType.CHANGE ? Math.min(old.size(), neu.size()) : 0;
            for (int i = 0; i < paired; i++) rows.add(changed(old.get(i), neu.get(i)));
            for (int i = paired; i < old.size(); i++) {
                rows.add(new Row(Kind.REMOVED, List.of(new Part(old.get(i), true)), List.of()));
            }
            for (int i = paired; i < neu.size(); i++) {
                rows.add(new Row(Kind.ADDED, List.of(), List.of(new Part(neu.get(i), true))));
            }
            next = start + old.size();
        }
        for (; next < before.size(); next++) rows.add(same(before.get(next)));
        return new DdlDiff(rows);
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
