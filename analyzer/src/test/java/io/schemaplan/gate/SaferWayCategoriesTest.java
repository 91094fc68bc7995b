package io.schemaplan.gate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.impact.Plan;
import io.schemaplan.impact.PlanItem;
import io.schemaplan.impact.Planner;
import io.schemaplan.impact.Profile;
import io.schemaplan.model.Schema;
import io.schemaplan.read.PgDumpReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two categories that compare a plan item with its safer way, on a real plan: a plain CREATE INDEX has an
 * online way (CONCURRENTLY), a brief ADD COLUMN lock has none and stays a blocking finding.
 */
class SaferWayCategoriesTest {
    private static final String FROM = """
            CREATE TABLE public.t (id integer NOT NULL, a integer);
            ALTER TABLE ONLY public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);
            """;
    private static final String TO = """
            CREATE TABLE public.t (id integer NOT NULL, a integer, b integer);
            ALTER TABLE ONLY public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);
            CREATE INDEX t_a_idx ON public.t USING btree (a);
            """;

    private static List<PlanItem> items() {
        Schema from = PgDumpReader.read("from.sql", FROM.getBytes()).schema();
        Schema to = PgDumpReader.read("to.sql", TO.getBytes()).schema();
        Plan plan = Planner.plan(new Planner.Input("from", "to", from, to, SchemaDiff.diff(from, to), null, null,
                Profile.DEFAULT, 15, true));
        return plan.items();
    }

    private static PlanItem item(String operation) {
        return items().stream().filter(i -> i.operation().equals(operation)).findFirst()
                .orElseThrow(() -> new AssertionError(operation + " not in " + items()));
    }

    @Test
    void aPlainIndexBuildHasAnOnlineSaferWay() {
        PlanItem build = item("CREATE_INDEX");
        assertTrue(Category.BLOCKING_LOCK.matches(build), "the plain build makes writers wait");
        assertTrue(Category.ONLINE_SAFER_WAY.matches(build), "CONCURRENTLY lets reads and writes go on");
        assertFalse(Category.BLOCKING_WITHOUT_ONLINE_WAY.matches(build));
    }

    @Test
    void aBlockingStepWithoutARecipeIsBlockingWithoutAnOnlineWay() {
        PlanItem add = item("ADD_COLUMN");
        assertTrue(Category.BLOCKING_LOCK.matches(add), "a brief ACCESS EXCLUSIVE");
        assertFalse(Category.ONLINE_SAFER_WAY.matches(add));
        assertTrue(Category.BLOCKING_WITHOUT_ONLINE_WAY.matches(add));
    }
}
