package io.schemaplan.impact;

import static io.schemaplan.impact.MyOperation.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.schemaplan.diff.Change;
import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.impact.MyRule.Algorithm;
import io.schemaplan.impact.MyRule.Lock;
import io.schemaplan.model.Schema;
import io.schemaplan.read.MysqlDumpReader;
import io.schemaplan.testing.Samples;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Dify MySQL upgrade 1.10.1 → 1.12.1 (patched), read from the MariaDB dumps: every change maps to
 * operations, and every operation has an algorithm and a lock on MariaDB 10.11 and MySQL 8.0.36. The
 * expected operations were read off the two dumps by hand.
 */
class MyImpactsDifyTest {
    private static final MyEngine MARIADB = MyEngine.parse("10.11.19-MariaDB-0+deb12u1");
    private static final MyEngine MYSQL = MyEngine.parse("8.0.36");
    private static Schema from;
    private static Schema to;
    private static List<Change> changes;

    @BeforeAll
    static void read() {
        from = MysqlDumpReader.read(Samples.mysql("1.10.1")).schema();
        to = MysqlDumpReader.read(Samples.mysql("1.12.1.patched-32196")).schema();
        changes = SchemaDiff.diff(from, to);
    }

    @Test
    void everyChangeHasOperationsAndEveryOperationAnAlgorithmAndLockOnBothProfiles() {
        assertFalse(changes.isEmpty());
        for (Change c : changes) {
            List<MyOperation> ops = MyImpacts.operations(c, from, to);
            assertFalse(ops.isEmpty(), c.kind() + " " + c.object() + " has no operation");
            for (MyOperation op : ops) {
                for (MyEngine p : List.of(MARIADB, MYSQL)) {
                    MyRule r = MyRules.forOperation(op, p);
                    assertNotNull(r.algorithm(), op + " on " + p);
                    assertNotNull(r.lock(), op + " on " + p);
                }
            }
        }
    }

    @Test
    void theOperationsAreTheOnesTheDumpsShow() {
        Map<String, List<MyOperation>> expected = new LinkedHashMap<>();
        expected.put("table.added account_trial_app_records", List.of(CREATE_TABLE));
        // Two columns appended after every existing column of datasets: both count as last.
        expected.put("column.added datasets.is_multimodal", List.of(ADD_COLUMN_NOT_NULL));
        expected.put("column.added datasets.summary_index_setting", List.of(ADD_COLUMN_LAST));
        expected.put("table.added document_segment_summaries", List.of(CREATE_TABLE));
        expected.put("column.added documents.need_summary", List.of(ADD_COLUMN_NOT_NULL));
        expected.put("table.added exporle_banners", List.of(CREATE_TABLE));
        // `question` longtext DEFAULT NULL becomes text NOT NULL: a narrowing copy and a NOT NULL rebuild.
        expected.put("column.type_changed message_annotations.question", List.of(NARROW_TYPE));
        expected.put("column.nullability_changed message_annotations.question", List.of(SET_NOT_NULL));
        expected.put("index.added messages.message_created_at_id_idx", List.of(ADD_INDEX));
        expected.put("column.added pipeline_recommended_plugins.type", List.of(ADD_COLUMN_NOT_NULL));
        expected.put("table.added segment_attachment_bindings", List.of(CREATE_TABLE));
        expected.put("table.added tenant_credit_pools", List.of(CREATE_TABLE));
        expected.put("table.added trial_apps", List.of(CREATE_TABLE));
        expected.put("table.added workflow_archive_logs", List.of(CREATE_TABLE));
        expected.put("index.added workflow_node_executions.workflow_node_execution_workflow_run_id_idx", List.of(ADD_INDEX));
        expected.put("index.dropped workflow_node_executions.workflow_node_execution_workflow_run_idx", List.of(DROP_INDEX));
        expected.put("table.added workflow_pause_reasons", List.of(CREATE_TABLE));
        expected.put("index.added workflow_runs.workflow_run_created_at_id_idx", List.of(ADD_INDEX));
        Map<String, List<MyOperation>> actual = new LinkedHashMap<>();
        changes.forEach(c -> actual.put(c.kind() + " " + c.object(), MyImpacts.operations(c, from, to)));
        assertEquals(expected, actual);
    }

    @Test
    void theQuestionColumnCopiesMessageAnnotationsOnBothServersAndTheIndexesStayOnline() {
        MyRule narrow = MyRules.forOperation(NARROW_TYPE, MARIADB);
        assertEquals(Algorithm.COPY, narrow.algorithm());
        assertEquals(Lock.SHARED, narrow.lock());
        assertEquals(MyRules.COPY_TYPE, MyRules.forOperation(NARROW_TYPE, MYSQL).id());
        MyRule notNull = MyRules.forOperation(SET_NOT_NULL, MYSQL);
        assertEquals(MyRules.INPLACE_REBUILD, notNull.id());
        assertEquals(Algorithm.NOCOPY, MyRules.forOperation(ADD_INDEX, MARIADB).algorithm());
        assertEquals(Algorithm.INPLACE, MyRules.forOperation(ADD_INDEX, MYSQL).algorithm());
        assertEquals(Lock.NONE, MyRules.forOperation(ADD_INDEX, MYSQL).lock());
        assertEquals(Algorithm.INSTANT, MyRules.forOperation(ADD_COLUMN_NOT_NULL, MYSQL).algorithm());
    }
}
