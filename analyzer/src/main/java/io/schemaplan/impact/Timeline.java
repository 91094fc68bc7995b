package io.schemaplan.impact;

import io.schemaplan.model.QName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The upgrade as a time axis: one row per table the upgrade locks, one segment per operation on it (when
 * it starts, how long its work lasts, until when its lock is held, and what that lock blocks). Renderers
 * draw it and compute nothing; it is built here from a {@link Plan} ({@link #of}), and a planner that
 * knows the real order of statements (a migration script) can build it directly from its segments.
 *
 * <p>Times are {@link Estimate}s counted from the start of the upgrade: low, expected and high are three
 * scenarios (every operation at its low, expected or high duration), so an end minus a start stays within
 * one scenario. {@code order} says in words how the operations were ordered. {@code phases} are the
 * transactions when the order of statements is known (a script): where each one commits is where locks are
 * released and what ran before can no longer roll back; empty for a schema diff.
 */
public record Timeline(Estimate end, List<Row> rows, String order, List<Phase> phases) {

    /**
     * One transaction of the run, from its first statement's start to its commit: {@code label} names it
     * ({@code statements 1–6}), {@code autocommit} marks a statement that commits on its own (CREATE INDEX
     * CONCURRENTLY, or any statement outside BEGIN … COMMIT), {@code ends} says how it ends ({@code COMMIT at
     * statement 6}).
     */
    public record Phase(String label, Estimate start, Estimate end, boolean autocommit, String ends) {
    }

    /** What a lock makes wait, most first. */
    public enum Blocks {
        READS_AND_WRITES, WRITES, NOTHING;

        public static Blocks of(boolean reads, boolean writes) {
            return reads ? READS_AND_WRITES : writes ? WRITES : NOTHING;
        }
    }

    /**
     * One operation on one table: it starts at {@code start}, works for {@code work}, and its lock
     * ({@code lock}, null for none) is held until {@code heldUntil} (the commit).
     */
    public record Segment(String label, Estimate start, Estimate work, Estimate heldUntil, String lock, Blocks blocks) {
        public Estimate workEnd() {
            return start.plus(work);
        }
    }

    /** One table and its operations, in the order they run. */
    public record Row(QName table, List<Segment> segments) {
        public Row {
            segments = List.copyOf(segments);
        }

        /** The most a segment of this row blocks. */
        public Blocks blocks() {
            return segments.stream().map(Segment::blocks).min(Comparator.naturalOrder()).orElse(Blocks.NOTHING);
        }

        /** The lock of the segment that blocks most (null when no segment locks). */
        public String lock() {
            return segments.stream().filter(s -> s.blocks() == blocks()).map(Segment::lock)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }

        /**
         * How long the row stays blocked: the longest stretch without a break, from the start of a blocking
         * segment to the latest release of the blocking locks that follow on without a gap, in each scenario
         * (a table two transactions lock is free between their commits). {@link Estimate#NONE} when nothing
         * blocks.
         */
        public Estimate blocked() {
            List<Segment> blocking = segments.stream().filter(s -> s.blocks() != Blocks.NOTHING)
                    .sorted(Comparator.comparingDouble(s -> s.start().expectedSeconds())).toList();
            Estimate best = Estimate.NONE;
            Estimate from = null;
            Estimate until = null;
            for (Segment s : blocking) {
                if (from != null && s.start().expectedSeconds() <= until.expectedSeconds() * (1 + 1e-9)) {
                    if (s.heldUntil().expectedSeconds() > until.expectedSeconds()) until = s.heldUntil();
                    continue;
                }
                if (from != null) best = longer(best, between(from, until));
                from = s.start();
                until = s.heldUntil();
            }
            return from == null ? best : longer(best, between(from, until));
        }

        private static Estimate longer(Estimate a, Estimate b) {
            return b.expectedSeconds() > a.expectedSeconds() || a == Estimate.NONE ? b : a;
        }

        private static Estimate between(Estimate from, Estimate until) {
            return new Estimate(Math.max(0, until.lowSeconds() - from.lowSeconds()),
                    Math.max(0, until.expectedSeconds() - from.expectedSeconds()),
                    Math.max(0, until.highSeconds() - from.highSeconds()), 0, 0, from.known() && until.known());
        }

        /** The work of all its segments. */
        public Estimate work() {
            return segments.stream().map(Segment::work).reduce(Estimate.NONE, Estimate::plus);
        }
    }

    public Timeline {
        rows = List.copyOf(rows);
        phases = List.copyOf(phases);
    }

    /** A timeline whose transactions are not known (a schema diff). */
    public Timeline(Estimate end, List<Row> rows, String order) {
        this(end, rows, order, List.of());
    }

    /** The order {@link #of} assumes, for the report to say. */
    public static final String LONGEST_FIRST = "A schema diff does not know the order of the migrations: the "
            + "tables are drawn one after the other, the longest work first, which is the worst case for how "
            + "long the biggest table stays locked.";

    /**
     * The timeline of a plan: operations run one after another, grouped per table, the table with the
     * longest work first; each lock is held until the upgrade commits when all migrations share one
     * transaction, else until its own operation ends. Only operations that lock an existing table appear.
     */
    public static Timeline of(Plan plan) {
        Map<QName, List<Work>> byTable = new LinkedHashMap<>();
        for (PlanItem i : plan.items()) {
            if (i.table() != null && i.lock() != null) {
                byTable.computeIfAbsent(i.table(), k -> new ArrayList<>()).add(new Work(i, false));
            }
            if (i.other() != null && i.otherLock() != null) {
                byTable.computeIfAbsent(i.other(), k -> new ArrayList<>()).add(new Work(i, true));
            }
        }
        List<Map.Entry<QName, List<Work>>> tables = new ArrayList<>(byTable.entrySet());
        tables.sort(Comparator.<Map.Entry<QName, List<Work>>>comparingDouble(e -> -ownWork(e.getValue()).highSeconds())
                .thenComparing(Map.Entry::getKey));
        // First the starts (one after another), then the segments: a lock held until commit needs the end.
        // An operation that locks a second table (a foreign key) runs once: its segment on the other table
        // shares its start instead of adding its time again.
        Estimate now = Estimate.NONE;
        Map<PlanItem, Estimate> started = new java.util.IdentityHashMap<>();
        List<List<Placed>> placed = new ArrayList<>();
        for (Map.Entry<QName, List<Work>> e : tables) {
            List<Placed> row = new ArrayList<>();
            for (Work w : e.getValue()) {
                Estimate start = started.get(w.item());
                if (start == null) {
                    start = now;
                    started.put(w.item(), start);
                    now = now.plus(times(w.item().estimate()));
                }
                row.add(new Placed(w, start));
            }
            placed.add(row);
        }
        Estimate end = now;
        List<Row> rows = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            List<Segment> segments = new ArrayList<>();
            for (Placed p : placed.get(t)) {
                PlanItem i = p.work().item();
                boolean other = p.work().other();
                Estimate work = times(i.estimate());
                Estimate heldUntil = plan.singleTransaction() ? end : p.start().plus(work);
                segments.add(new Segment(words(i.operation()) + " (" + i.ruleId() + ")", p.start(), work, heldUntil,
                        other ? i.otherLock() : i.lock(),
                        other ? otherBlocks(i.otherLock()) : Blocks.of(i.blocksReads(), i.blocksWrites())));
            }
            rows.add(new Row(tables.get(t).getKey(), segments));
        }
        return new Timeline(end, rows, LONGEST_FIRST);
    }

    /** The critical path: the row blocked longest (expected), or null when nothing blocks. */
    public Row longestBlocked() {
        return rows.stream().filter(r -> r.blocks() != Blocks.NOTHING)
                .max(Comparator.comparingDouble(r -> r.blocked().expectedSeconds())).orElse(null);
    }

    private record Work(PlanItem item, boolean other) {
    }

    private record Placed(Work work, Estimate start) {
    }

    private static Estimate ownWork(List<Work> works) {
        return works.stream().filter(w -> !w.other()).map(w -> w.item().estimate()).reduce(Estimate.NONE, Estimate::plus);
    }

    /** {@code ALTER_COLUMN_TYPE} as {@code alter column type}. */
    public static String words(String operation) {
        return operation.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** Only the durations: disk and WAL belong to the plan, not to the axis. */
    public static Estimate times(Estimate e) {
        return new Estimate(e.lowSeconds(), e.expectedSeconds(), e.highSeconds(), 0, 0, e.known());
    }

    /** A second table's lock is named in PostgreSQL's words; what it blocks follows from the conflict table. */
    private static Blocks otherBlocks(String lock) {
        LockMode m = LockMode.valueOf(lock.replace(' ', '_'));
        return Blocks.of(m.blocksReads(), m.blocksWrites());
    }
}
