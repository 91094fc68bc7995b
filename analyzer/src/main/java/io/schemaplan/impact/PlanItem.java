package io.schemaplan.impact;

import io.schemaplan.diff.Change;
import io.schemaplan.model.QName;

/**
 * One operation of the plan: the change it comes from, the rule that describes it on the target server
 * and its estimate. Engine-neutral: {@code operation} is the rule table's operation name, {@code lock} the
 * engine's own words ({@code ACCESS EXCLUSIVE} on PostgreSQL). {@code table} is the table it locks (null
 * when none), {@code other} a second table it locks (null when none). {@code recipeSql} is the safer way
 * as SQL with the real names ({@link PgRecipes}), or null; {@code saferWay} what that recipe locks, so a
 * reader or a CI policy can compare it with {@code lock} (null when there is no recipe: no online form, none
 * needed, or an engine without recipes).
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
        String recipeSql,
        SaferWay saferWay,
        String source,
        Estimate estimate) {

    /** An item without a structured safer way (MySQL/MariaDB, where the recipe is prose only). */
    public PlanItem(Change change, String operation, String ruleId, QName table, QName other, String lock,
                    String otherLock, boolean blocksReads, boolean blocksWrites, boolean rewritesTable,
                    boolean rebuildsIndexes, boolean scansTable, boolean buildsIndex, boolean runsInTransaction,
                    boolean destructive, Risk risk, String message, String recipe, String recipeSql, String source,
                    Estimate estimate) {
        this(change, operation, ruleId, table, other, lock, otherLock, blocksReads, blocksWrites, rewritesTable,
                rebuildsIndexes, scansTable, buildsIndex, runsInTransaction, destructive, risk, message, recipe,
                recipeSql, null, source, estimate);
    }

    /** True when the item makes readers or writers wait. */
    public boolean blocks() {
        return blocksReads || blocksWrites;
    }
}
