package io.schemaplan.script;

import io.schemaplan.model.Schema;
import java.util.List;

/**
 * A script replayed on a schema: one step per statement, in order, each with the model as it was before the
 * statement ran (what a planner prices the statement against); the model the script ends with; and the
 * findings (statements not applied, and after {@link Replay#compare} the differences from the target).
 */
public record Replayed(List<Step> steps, Schema end, List<Finding> findings) {
    public Replayed {
        steps = List.copyOf(steps);
        findings = List.copyOf(findings);
    }

    /** A statement and the model just before it. Steps that change nothing share one model instance. */
    public record Step(ScriptStatement statement, Schema before) {
    }
}
