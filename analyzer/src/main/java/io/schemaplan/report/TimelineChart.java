package io.schemaplan.report;

import io.schemaplan.impact.Estimate;
import io.schemaplan.impact.Timeline;
import io.schemaplan.impact.Timeline.Blocks;
import io.schemaplan.impact.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link Timeline} laid out for drawing, every operation at its high estimate (the window a DBA plans
 * for): per row, rectangles in the units of an SVG view box
 * {@value #WIDTH} wide (the page scales it to its width), the words a DBA reads beside the bar, and the
 * ticks of the time axis as a percentage of the width. Plain text and numbers: the templates format them.
 */
public record TimelineChart(List<Bar> bars, List<Tick> ticks, String headline, String order, String axis) {
    /** View box width of every row's SVG. */
    public static final int WIDTH = 1000;
    /** A segment narrower than this (view box units) is widened to stay visible. */
    static final double MIN_WIDTH = 3;
    /** Cells of the Markdown bar. */
    static final int CELLS = 24;

    /**
     * One table: {@code blocks} is the CSS word of what its lock blocks ({@code reads}, {@code writes},
     * {@code none}), {@code state} the words ({@code unreadable 12 min – 60 min}), {@code critical} marks the
     * critical path, {@code blockedWidth} the length of its blocked span in view box units, {@code cells} the
     * bar in characters for Markdown, {@code brief} a table blocked and working for under a second.
     */
    public record Bar(String table, String lock, String blocks, String state, boolean critical, double blockedWidth,
                      List<Rect> rects, String cells, boolean brief) {
    }

    /** The bars of tables blocked for a while: the ones a DBA reads first. */
    public List<Bar> main() {
        return bars.stream().filter(b -> !b.brief()).toList();
    }

    /** The bars of tables blocked only briefly (a catalog lock at the end), shown folded. */
    public List<Bar> brief() {
        return bars.stream().filter(Bar::brief).toList();
    }

    /**
     * A rectangle in a row {@value #HEIGHT} units high: {@code kind} is {@code work} (full height) or
     * {@code held} (the lock waiting for the commit, lower).
     */
    public record Rect(String kind, String blocks, String x, String y, String width, String height, String title) {
    }

    /** View box height of every row's SVG. */
    public static final int HEIGHT = 16;

    public record Tick(String left, String label) {
    }

    public TimelineChart {
        bars = List.copyOf(bars);
        ticks = List.copyOf(ticks);
    }

    public static TimelineChart of(Timeline t) {
        double max = Math.max(t.end().highSeconds(), 1e-9);
        Timeline.Row longest = t.longestBlocked();
        List<Bar> bars = new ArrayList<>();
        for (Timeline.Row row : t.rows()) {
            List<Rect> rects = new ArrayList<>();
            char[] cells = "·".repeat(CELLS).toCharArray();
            // One held span per row, under the work: from the end of its first blocking work to the last
            // release, in the colour of the strongest lock (a later, weaker lock does not lift it).
            double heldFrom = Double.MAX_VALUE;
            double heldTo = 0;
            for (Timeline.Segment s : row.segments()) {
                if (s.blocks() == Blocks.NOTHING) continue;
                heldFrom = Math.min(heldFrom, s.workEnd().highSeconds());
                heldTo = Math.max(heldTo, s.heldUntil().highSeconds());
            }
            if (heldTo > heldFrom) {
                rects.add(rect("held", css(row.blocks()), heldFrom, heldTo, max, row.lock() + " ("
                        + state(row.blocks()) + ") held until " + Units.duration(heldTo)));
                fill(cells, heldFrom, heldTo, max, '░');
            }
            for (Timeline.Segment s : row.segments()) {
                double start = s.start().highSeconds();
                double workEnd = s.workEnd().highSeconds();
                rects.add(rect("work", css(s.blocks()), start, workEnd, max, s.label() + ": work "
                        + Units.range(s.work()) + (s.lock() == null ? "" : " under " + s.lock() + " ("
                        + state(s.blocks()) + ")")));
                fill(cells, start, workEnd, max, s.blocks() == Blocks.NOTHING ? '▒' : '█');
            }
            Estimate blocked = row.blocked();
            String state = row.blocks() == Blocks.NOTHING
                    ? "reads and writes go on; work " + Units.range(row.work())
                    : state(row.blocks()) + " " + span(blocked);
            bars.add(new Bar(row.table().toString(), row.lock() == null ? "no lock" : row.lock(), css(row.blocks()),
                    state, row == longest, blocked.highSeconds() / max * WIDTH, rects,
                    new String(cells), row != longest && blocked.known() && blocked.highSeconds() < 1
                    && row.work().known() && row.work().highSeconds() < 1));
        }
        return new TimelineChart(bars, ticks(max), headline(t), t.order(), "0 – " + Units.duration(max)
                + ", every operation at its high estimate");
    }

    /**
     * The critical path in one sentence: {@code public.workflow_runs is unreadable for 12 min – 47 min
     * (ACCESS EXCLUSIVE, held until the upgrade commits).}
     */
    public static String headline(Timeline t) {
        Timeline.Row longest = t.longestBlocked();
        if (longest == null) return "No table is blocked beyond brief catalog locks.";
        boolean untilEnd = longest.segments().stream().anyMatch(s -> s.blocks() != Blocks.NOTHING
                && s.heldUntil().expectedSeconds() > s.workEnd().expectedSeconds());
        return longest.table() + " is " + state(longest.blocks()) + " " + span(longest.blocked()) + " ("
                + longest.lock() + (untilEnd ? ", held until the upgrade commits" : "") + ").";
    }

    /** {@code for 12 min – 47 min}, or {@code briefly} for a catalog lock. */
    static String span(Estimate e) {
        return e.known() && e.highSeconds() < 1 ? "briefly" : "for " + Units.range(e);
    }

    /** {@code unreadable}, {@code read-only}, or {@code not blocked}. */
    public static String state(Blocks b) {
        return switch (b) {
            case READS_AND_WRITES -> "unreadable";
            case WRITES -> "read-only";
            case NOTHING -> "not blocked";
        };
    }

    static String css(Blocks b) {
        return switch (b) {
            case READS_AND_WRITES -> "reads";
            case WRITES -> "writes";
            case NOTHING -> "none";
        };
    }

    private static Rect rect(String kind, String blocks, double from, double to, double max, String title) {
        double x = from / max * WIDTH;
        double w = Math.max(MIN_WIDTH, (to - from) / max * WIDTH);
        x = Math.min(x, WIDTH - w);
        double h = kind.equals("work") ? 14 : 10;
        return new Rect(kind, blocks, num(x), num((HEIGHT - h) / 2), num(w), num(h), title);
    }

    private static void fill(char[] cells, double from, double to, double max, char c) {
        int a = (int) Math.min(CELLS - 1, Math.floor(from / max * CELLS));
        int b = (int) Math.max(a + 1, Math.min(CELLS, Math.ceil(to / max * CELLS)));
        for (int i = a; i < b; i++) {
            if (c == '█' || cells[i] == '·') cells[i] = c;
        }
    }

    private static List<Tick> ticks(double max) {
        List<Tick> out = new ArrayList<>();
        for (int k = 0; k <= 4; k++) {
            double s = max * k / 4;
            out.add(new Tick(num(100.0 * k / 4) + "%", k == 0 ? "0" : Units.duration(s)));
        }
        return out;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
