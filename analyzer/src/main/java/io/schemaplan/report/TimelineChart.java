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
public record TimelineChart(List<Bar> bars, List<Tick> ticks, String headline, String order, String axis,
                            List<Phase> phases, List<Commit> commits) {
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

    /** The transactions in words: {@code 3 transactions, 1 autocommit (hatched)}. */
    public String phaseSummary() {
        long auto = phases.stream().filter(Phase::autocommit).count();
        return phases.size() + (phases.size() == 1 ? " transaction" : " transactions")
                + (auto == 0 ? "" : ", " + auto + " autocommit (hatched)");
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

    /**
     * A transaction on the axis (a script's; none for a schema diff): {@code left} and {@code width} in percent of
     * the track, {@code number} its number, drawn inside when the box is wide enough ({@code numbered}),
     * {@code autocommit} a statement that commits on its own, {@code text} what the legend says of it.
     */
    public record Phase(int number, String left, String width, boolean numbered, boolean autocommit, String text) {
    }

    /** Where a transaction commits and the next one starts, in view box units: locks end here. */
    public record Commit(String x, String title) {
    }

    public TimelineChart {
        bars = List.copyOf(bars);
        ticks = List.copyOf(ticks);
        phases = List.copyOf(phases);
        commits = List.copyOf(commits);
    }

    public static TimelineChart of(Timeline t) {
        double max = Math.max(t.end().highSeconds(), 1e-9);
        // A run of under a second (or of unknown length: no statistics) puts every transaction at the same
        // instant: there is nothing to lay out, so the transactions are left to the sections below.
        boolean timed = max >= 1;
        Axis axis = timed ? Axis.of(t, max) : Axis.of(new Timeline(t.end(), t.rows(), t.order()), max);
        Timeline.Row longest = t.longestBlocked();
        List<Bar> bars = new ArrayList<>();
        for (Timeline.Row row : t.rows()) {
            List<Rect> rects = new ArrayList<>();
            char[] cells = "·".repeat(CELLS).toCharArray();
            // Held spans under the work: from the end of a blocking work to the release of its lock, spans that
            // touch joined into one, in the colour of the strongest lock among them (a later, weaker lock does
            // not lift it). A table two transactions lock is free between them.
            for (Held h : held(row)) {
                rects.add(rect("held", css(h.blocks()), axis.x(h.from()), axis.x(h.to()), h.lock() + " ("
                        + state(h.blocks()) + ") held until " + Units.duration(h.to())));
                fill(cells, axis.x(h.from()), axis.x(h.to()), '░');
            }
            for (Timeline.Segment s : row.segments()) {
                double start = axis.x(s.start().highSeconds());
                double workEnd = axis.x(s.workEnd().highSeconds());
                rects.add(rect("work", css(s.blocks()), start, workEnd, s.label() + ": work "
                        + Units.range(s.work()) + (s.lock() == null ? "" : " under " + s.lock() + " ("
                        + state(s.blocks()) + ")")));
                fill(cells, start, workEnd, s.blocks() == Blocks.NOTHING ? '▒' : '█');
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
        return new TimelineChart(bars, axis.ticks(), headline(t), t.order(), "0 – " + Units.duration(max)
                + ", every operation at its high estimate" + (axis.widened() ? "; a transaction too short to see is "
                + "widened to " + num(100.0 * axis.least() / WIDTH) + "% of it" : ""), timed ? phases(t, axis) : List.of(),
                timed ? commits(t, axis) : List.of());
    }

    /**
     * Seconds to view box units. A schema diff's axis is linear. A script's is linear within each transaction,
     * but a transaction too short to see (the BEGIN … COMMIT before an autocommit build: under a second of a
     * three-minute run) is widened to {@code least} units, taken from the long ones, so that where each one
     * commits stays visible; the axis caption says so.
     */
    private record Axis(double[] seconds, double[] xs, double least) {
        static Axis of(Timeline t, double max) {
            int n = t.phases().size();
            if (n < 2) return new Axis(new double[] {0, max}, new double[] {0, WIDTH}, 0);
            // Widened boxes take at most a quarter of the width together.
            double least = Math.min(PHASE_WIDTH, WIDTH / 4.0 / n);
            double[] natural = new double[n];
            double longTotal = 0;
            int small = 0;
            for (int k = 0; k < n; k++) {
                Timeline.Phase p = t.phases().get(k);
                natural[k] = (p.end().highSeconds() - p.start().highSeconds()) / max * WIDTH;
                // An instant transaction stays a point: its statements are widened like any short work.
                if (natural[k] > 0 && natural[k] < least) small++;
                else longTotal += natural[k];
            }
            double scale = longTotal == 0 ? 0 : (WIDTH - small * least) / longTotal;
            double[] seconds = new double[n + 1];
            double[] xs = new double[n + 1];
            for (int k = 0; k < n; k++) {
                Timeline.Phase p = t.phases().get(k);
                seconds[k] = p.start().highSeconds();
                double w = longTotal == 0 ? WIDTH / (double) n : natural[k] > 0 && natural[k] < least ? least
                        : natural[k] * scale;
                xs[k + 1] = xs[k] + w;
                seconds[k + 1] = p.end().highSeconds();
            }
            xs[n] = WIDTH;
            return new Axis(seconds, xs, small == 0 ? 0 : least);
        }

        boolean widened() {
            return least > 0;
        }

        /** The first piece that holds the moment: a commit belongs to the transaction it ends. */
        double x(double at) {
            return along(at, seconds, xs);
        }

        double secondsAt(double x) {
            return along(x, xs, seconds);
        }

        /** Piecewise linear: {@code v} in the first piece of {@code from} that holds it, onto that piece of {@code to}. */
        private static double along(double v, double[] from, double[] to) {
            int k = 0;
            while (k + 2 < from.length && v > from[k + 1]) k++;
            double span = from[k + 1] - from[k];
            double f = span <= 0 ? 0 : Math.max(0, Math.min(1, (v - from[k]) / span));
            return to[k] + f * (to[k + 1] - to[k]);
        }

        /** Five ticks at quarters of the width, labelled with the time there; a label the next one repeats is left blank. */
        List<Tick> ticks() {
            List<String> labels = new ArrayList<>();
            double end = secondsAt(WIDTH);
            for (int k = 0; k <= 4; k++) labels.add(k == 0 ? "0" : tickLabel(secondsAt(WIDTH * k / 4.0), end));
            List<Tick> out = new ArrayList<>();
            for (int k = 0; k <= 4; k++) {
                out.add(new Tick(num(100.0 * k / 4) + "%", k < 4 && labels.get(k).equals(labels.get(k + 1)) ? ""
                        : labels.get(k)));
            }
            return out;
        }
    }

    /** How wide (view box units) a transaction is drawn at least, when the axis has room for it. */
    static final double PHASE_WIDTH = 10;

    /**
     * A tick's time: minutes alone repeat on a short axis (90 s and 135 s both round to 2 min), so on an axis
     * under ten minutes, minutes and seconds.
     */
    static String tickLabel(double seconds, double end) {
        if (end >= 10 * 60 || seconds < 90) return Units.duration(seconds);
        long s = Math.round(seconds);
        return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
    }

    /** A held span of a row, at high estimates. */
    private record Held(double from, double to, Blocks blocks, String lock) {
    }

    private static List<Held> held(Timeline.Row row) {
        List<Timeline.Segment> blocking = row.segments().stream().filter(s -> s.blocks() != Blocks.NOTHING)
                .sorted(java.util.Comparator.comparingDouble(s -> s.workEnd().highSeconds())).toList();
        List<Held> out = new ArrayList<>();
        for (Timeline.Segment s : blocking) {
            double from = s.workEnd().highSeconds();
            double to = s.heldUntil().highSeconds();
            if (to <= from) continue;
            Held last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && from <= last.to()) {
                boolean stronger = s.blocks().compareTo(last.blocks()) < 0;
                out.set(out.size() - 1, new Held(last.from(), Math.max(last.to(), to),
                        stronger ? s.blocks() : last.blocks(), stronger ? s.lock() : last.lock()));
            } else {
                out.add(new Held(from, to, s.blocks(), s.lock()));
            }
        }
        return out;
    }

    /** The transactions as boxes on the track, on the axis the rows use. */
    private static List<Phase> phases(Timeline t, Axis axis) {
        List<Phase> out = new ArrayList<>();
        for (int k = 0; k < t.phases().size(); k++) {
            Timeline.Phase p = t.phases().get(k);
            double x = axis.x(p.start().highSeconds());
            double w = Math.max(MIN_WIDTH, axis.x(p.end().highSeconds()) - x);
            x = Math.min(x, WIDTH - w);
            out.add(new Phase(k + 1, num(x / 10) + "%", num(w / 10) + "%", w >= 30, p.autocommit(),
                    p.label() + (p.autocommit() ? ", autocommit" : "") + ": " + p.ends() + "; "
                    + (p.start().highSeconds() == p.end().highSeconds() ? "at " + at(p.start().highSeconds())
                    : "runs from " + at(p.start().highSeconds()) + " to " + at(p.end().highSeconds()))));
        }
        return out;
    }

    private static String at(double seconds) {
        return seconds == 0 ? "the start" : Units.duration(seconds);
    }

    /** Every commit but the last (the end of the axis): where one transaction's locks end and the next begins. */
    private static List<Commit> commits(Timeline t, Axis axis) {
        List<Commit> out = new ArrayList<>();
        for (int k = 0; k + 1 < t.phases().size(); k++) {
            Timeline.Phase p = t.phases().get(k);
            out.add(new Commit(num(axis.x(p.end().highSeconds())), "transaction " + (k + 1) + " ("
                    + p.label() + "): " + p.ends()));
        }
        return out;
    }

    /**
     * The critical path in one sentence: {@code public.workflow_runs is unreadable for 12 min – 47 min
     * (ACCESS EXCLUSIVE, held until the upgrade commits).}
     */
    public static String headline(Timeline t) {
        Timeline.Row longest = t.longestBlocked();
        if (longest == null) return "No table is blocked beyond brief catalog locks.";
        Timeline.Segment held = longest.segments().stream().filter(s -> s.blocks() != Blocks.NOTHING
                && s.heldUntil().expectedSeconds() > s.workEnd().expectedSeconds()).findFirst().orElse(null);
        // A script's transactions say which COMMIT releases the lock; a diff only knows the upgrade's end.
        String until = held == null ? "" : t.phases().stream()
                .filter(p -> p.end().expectedSeconds() == held.heldUntil().expectedSeconds())
                .map(p -> ", held until " + p.ends()).findFirst().orElse(", held until the upgrade commits");
        return longest.table() + " is " + state(longest.blocks()) + " " + span(longest.blocked()) + " ("
                + longest.lock() + until + ").";
    }

    /**
     * {@code for 12 min – 47 min}, or {@code briefly} for a catalog lock; when some of the work in the span has
     * no estimate (a table the statistics miss), what is known is a lower bound: {@code for 2 h – 10 h or more}.
     */
    static String span(Estimate e) {
        if (!e.known() && e.highSeconds() > 0) {
            return "for " + Units.range(new Estimate(e.lowSeconds(), e.expectedSeconds(), e.highSeconds(), 0, 0, true))
                    + " or more (some of its work has no estimate)";
        }
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

    /** A rectangle from x {@code from} to {@code to} (view box units), widened to stay visible. */
    private static Rect rect(String kind, String blocks, double from, double to, String title) {
        double w = Math.max(MIN_WIDTH, to - from);
        double x = Math.min(from, WIDTH - w);
        double h = kind.equals("work") ? 14 : 10;
        return new Rect(kind, blocks, num(x), num((HEIGHT - h) / 2), num(w), num(h), title);
    }

    private static void fill(char[] cells, double from, double to, char c) {
        int a = (int) Math.min(CELLS - 1, Math.floor(from / WIDTH * CELLS));
        int b = (int) Math.max(a + 1, Math.min(CELLS, Math.ceil(to / WIDTH * CELLS)));
        for (int i = a; i < b; i++) {
            if (c == '█' || cells[i] == '·') cells[i] = c;
        }
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
