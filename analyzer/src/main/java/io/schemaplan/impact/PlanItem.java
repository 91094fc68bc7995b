package io.schemaplan.impact;

import io.schemaplan.diff.Change;
import io.schemaplan.model.QName;

/**
 * One operation of the plan: the change it comes from, the rule that describes it on the target server
 * and its estimate. Engine-neutral: {@code operation} is the rule table's operation name, {@code lock} the
 * engine's own words ({@code ACCESS EXCLUSIVE} on PostgreSQL). {@code table} is the table it locks (null
 * when none), {@code other} a second table it locks (null when none).
 */
public record PlanItem(
        Change change,
        String operation,
        String ruleId,
        QName table,
        QName other,
        String lock,
        String otherLock,
        boolean blocksReads,
        boolean blocksWrites,
        boolean rewritesTable,
        boolean rebuildsIndexes,
        boolean scansTable,
        boolean buildsIndex,
        boolean runsInTransaction,
        boolean destructive,
        Risk risk,
        String message,
        String recipe,
        String source,
        Estimate estimate) {

    /** True when the item makes readers or writers wait. */
    public boolean blocks() {
        return blocksReads || blocksWrites;
    }
}
