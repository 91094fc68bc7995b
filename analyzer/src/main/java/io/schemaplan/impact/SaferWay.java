package io.schemaplan.impact;

import java.util.List;
import java.util.Objects;

/**
 * What the safer way of a plan item ({@link PgRecipes}) locks, as data a CI policy can compare with the
 * item's own lock: {@code steps} are the operations the recipe runs, in order (the rule table's names, plus
 * {@link #BACKFILL} for a batched UPDATE); {@code lock} is the strongest lock any step takes on the table,
 * however briefly, and {@code blocksReads}/{@code blocksWrites} follow from it; {@code otherLock} the
 * strongest on a second table (null when none); {@code inTransaction} is false when a step refuses a
 * transaction block (CONCURRENTLY, a backfill that commits per batch). The long step is the step that reads
 * the table's rows (scan, index build, backfill) under the strongest lock: what the application waits for
 * while the work lasts. Null {@code longStep} when no step reads the rows (DROP INDEX CONCURRENTLY).
 */
public record SaferWay(
        List<String> steps,
        String lock,
        boolean blocksReads,
        boolean blocksWrites,
        String otherLock,
        boolean inTransaction,
        String longStep,
        String longStepLock,
        boolean longStepBlocksReads,
        boolean longStepBlocksWrites) {

    /**
     * A batched {@code UPDATE … WHERE ctid = ANY(…)} in a DO block that commits per batch: ROW EXCLUSIVE (as
     * any UPDATE; it waits only for the rows it touches), and COMMIT inside DO refuses a transaction block.
     */
    public static final String BACKFILL = "BACKFILL_BATCHES";
    static final LockMode BACKFILL_LOCK = LockMode.ROW_EXCLUSIVE;

    public SaferWay {
        steps = List.copyOf(steps);
        Objects.requireNonNull(lock, "lock");
    }

    /**
     * Reads and writes go on while the recipe works: its long step blocks neither (brief catalog locks of the
     * other steps aside, which lock_timeout bounds), or, with no long step, no step blocks either.
     */
    public boolean online() {
        return longStep != null ? !longStepBlocksReads && !longStepBlocksWrites : !blocksReads && !blocksWrites;
    }

    /**
     * The facts of a PostgreSQL recipe on a server of {@code major}, from the rule of each step (one place:
     * {@link PgRules}). Empty when a step has no rule on that version or no step locks anything.
     */
    static java.util.Optional<SaferWay> ofPg(List<String> steps, int major) {
        LockMode strongest = null;
        LockMode other = null;
        boolean inTransaction = true;
        String longStep = null;
        LockMode longLock = null;
        for (String step : steps) {
            LockMode lock;
            boolean reads;
            if (step.equals(BACKFILL)) {
                lock = BACKFILL_LOCK;
                reads = true;
                inTransaction = false;
            } else {
                PgRule rule = PgRules.forOperation(PgOperation.valueOf(step), major).orElse(null);
                if (rule == null) return java.util.Optional.empty();
                lock = rule.lock();
                reads = rule.scansTable() || rule.cost() != Cost.NOTHING;
                inTransaction &= rule.runsInTransactionBlock();
                other = LockMode.stronger(other, rule.otherLock());
            }
            strongest = LockMode.stronger(strongest, lock);
            if (reads && lock != null && (longLock == null || lock.ordinal() > longLock.ordinal())) {
                longStep = step;
                longLock = lock;
            }
        }
        if (strongest == null) return java.util.Optional.empty();
        return java.util.Optional.of(new SaferWay(steps, strongest.sql(), strongest.blocksReads(),
                strongest.blocksWrites(), other == null ? null : other.sql(), inTransaction, longStep,
                longLock == null ? null : longLock.sql(), longLock != null && longLock.blocksReads(),
                longLock != null && longLock.blocksWrites()));
    }
}
