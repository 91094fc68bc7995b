package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.diff.Change;
import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.model.Schema;
import io.schemaplan.read.MysqlDumpReader;
import io.schemaplan.read.StatsJson;
import io.schemaplan.testing.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan of the Dify MySQL upgrade 1.10.1 to 1.12.1 (patched), with the large-install statistics. */
class PlannerMysqlTest {
    static Plan plan(Schema a, Schema b, List<Change> changes) {
        return Planner.plan(new Planner.Input("1.10.1", "1.12.1", a, b, changes,
                StatsJson.read(Samples.root().resolve("stats/dify-large-install-mysql.json")), "large",
                Profile.DEFAULT, null, true));
    }

    @Test
    void everyChangeNamesItsAlgorithmAndLock() {
        Schema a = MysqlDumpReader.read(Samples.mysql("1.10.1")).schema();
        Schema b = MysqlDumpReader.read(Samples.mysql("1.12.1.patched-32196")).schema();
        List<Change> changes = SchemaDiff.diff(a, b);
        Plan plan = plan(a, b, changes);
        assertEquals("MariaDB", plan.engine());
        assertEquals("10.11 to 11.3", plan.serverVersion());
        assertTrue(!plan.singleTransaction(), "MySQL commits each DDL statement");
        for (Change c : changes) {
            if (c instanceof Change.PossibleRename) continue;
            List<PlanItem> items = plan.items().stream().filter(i -> i.change() == c).toList();
            assertTrue(!items.isEmpty(), "no operation for " + c.object());
            for (PlanItem i : items) {
                assertTrue(i.lock().matches("ALGORITHM=(INSTANT|NOCOPY|INPLACE|COPY), LOCK=(NONE|SHARED|EXCLUSIVE)"),
                        i.lock());
                assertTrue(i.ruleId().startsWith("MY-"), i.ruleId());
                assertTrue(i.estimate().known(), "the sample covers " + i.table());
            }
        }
        // The one copy of the upgrade: message_annotations.question longtext NULL -> text NOT NULL.
        PlanItem copy = plan.items().stream().filter(i -> i.lock().startsWith("ALGORITHM=COPY")).findFirst().orElseThrow();
        assertEquals("message_annotations", copy.table().name());
        assertTrue(copy.blocksWrites() && copy.rewritesTable());
        // Index builds on the big tables are online (NOCOPY, LOCK=NONE) but take minutes: medium, not blocking.
        PlanItem index = plan.items().stream().filter(i -> i.table() != null
                && i.table().name().equals("workflow_node_executions") && i.buildsIndex()).findFirst().orElseThrow();
        assertEquals("ALGORITHM=NOCOPY, LOCK=NONE", index.lock());
        assertEquals(Risk.MEDIUM, index.risk());
        assertTrue(index.estimate().expectedSeconds() > 60, index.estimate().toString());
    }
}
