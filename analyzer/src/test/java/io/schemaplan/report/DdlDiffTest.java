package io.schemaplan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.QName;
import io.schemaplan.model.Schema;
import io.schemaplan.read.Sources;
import io.schemaplan.testing.Samples;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The DDL side by side of Dify's workflow_runs, 0.14.2 → 1.12.1: one index dropped, an unrelated one added. */
class DdlDiffTest {
    @Test
    void aDroppedIndexAndAnUnrelatedNewOneAreARemovedAndAnAddedLine() {
        Schema a = Sources.load(Samples.postgres("0.14.2").toString(), Set.of()).schema();
        Schema b = Sources.load(Samples.postgres("1.12.1").toString(), Set.of()).schema();
        QName t = QName.of("public", "workflow_runs");
        DdlDiff d = DdlDiff.byName(TableDdl.lines(a.table(t).orElseThrow(), a.engine()),
                TableDdl.lines(b.table(t).orElseThrow(), b.engine()));
        for (DdlDiff.Row r : d.rows()) {
            if (r.kind() == DdlDiff.Kind.CHANGED) {
                assertEquals(DdlDiff.name(text(r.before())), DdlDiff.name(text(r.after())), "paired lines name one object");
            }
        }
        assertTrue(row(d, DdlDiff.Kind.REMOVED, "workflow_run_tenant_app_sequence_idx"), "the dropped index is removed");
        assertTrue(row(d, DdlDiff.Kind.ADDED, "workflow_run_created_at_id_idx"), "the new index is added");
        DdlDiff.Row tokens = d.rows().stream().filter(r -> r.kind() == DdlDiff.Kind.CHANGED
                && text(r.before()).contains("total_tokens")).findFirst().orElseThrow();
        assertTrue(tokens.after().stream().anyMatch(p -> p.changed() && p.text().equals("bigint")), tokens.toString());

        // Free text (a view, a function body) keeps pairing by position.
        assertEquals(DdlDiff.Kind.CHANGED, DdlDiff.of(List.of("SELECT a"), List.of("SELECT b")).rows().get(0).kind());
        assertEquals(DdlDiff.Kind.REMOVED, DdlDiff.byName(List.of("CREATE INDEX ix_a ON t (a);"),
                List.of("CREATE INDEX ix_b ON t (b);")).rows().get(0).kind());
    }

    private static boolean row(DdlDiff d, DdlDiff.Kind kind, String part) {
        return d.rows().stream().anyMatch(r -> r.kind() == kind
                && text(kind == DdlDiff.Kind.ADDED ? r.after() : r.before()).contains(part));
    }

    private static String text(List<DdlDiff.Part> parts) {
        return String.join("", parts.stream().map(DdlDiff.Part::text).toList());
    }
}
