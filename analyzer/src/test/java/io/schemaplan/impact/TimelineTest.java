package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.model.Schema;
import io.schemaplan.read.Sources;
import io.schemaplan.read.StatsJson;
import io.schemaplan.testing.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The timeline of the Dify 0.14.2 → 1.12.1 plan on the large-install statistics. */
class TimelineTest {
    static Plan plan(boolean oneTransaction) {
        Schema a = Sources.load(Samples.postgres("0.14.2").toString(), Set.of()).schema();
        Schema b = Sources.load(Samples.postgres("1.12.1").toString(), Set.of()).schema();
        return Planner.plan(new Planner.Input("a", "b", a, b, SchemaDiff.diff(a, b),
                StatsJson.read(Samples.root().resolve("stats/dify-large-install.json")), "large", Profile.DEFAULT, 15,
                oneTransaction));
    }

    @Test
    void operationsRunOneAfterAnotherAndEndWithTheUpgrade() {
        Plan plan = plan(true);
        Timeline t = Timeline.of(plan);
        List<Timeline.Segment> own = new ArrayList<>();
        t.rows().forEach(r -> own.addAll(r.segments()));
        own.sort(java.util.Comparator.comparingDouble(s -> s.start().expectedSeconds()));
        double at = 0;
        for (Timeline.Segment s : own) {
            assertTrue(s.start().expectedSeconds() >= at - 1e-6, "no two operations at once: " + s);
            at = Math.max(at, s.workEnd().expectedSeconds());
        }
        assertEquals(t.end().highSeconds(), own.stream().mapToDouble(s -> s.workEnd().highSeconds()).max().orElseThrow(), 1e-6);
        double locked = plan.items().stream().filter(i -> i.table() != null && i.lock() != null)
                .mapToDouble(i -> i.estimate().expectedSeconds()).sum();
        assertEquals(locked, t.end().expectedSeconds(), 1e-6, "the axis holds the work of every locking operation once");
        for (Timeline.Segment s : own) {
            if (s.blocks() != Timeline.Blocks.NOTHING) {
                assertEquals(t.end(), s.heldUntil(), "in one transaction a lock is held until the commit: " + s);
            }
        }
    }

    @Test
    void theBiggestTableComesFirstAndStaysBlockedLongest() {
        Timeline t = Timeline.of(plan(true));
        Timeline.Row first = t.rows().get(0);
        assertEquals("public.workflow_runs", first.table().toString());
        assertEquals(0, first.segments().get(0).start().highSeconds());
        assertEquals(first, t.longestBlocked());
        assertEquals(Timeline.Blocks.READS_AND_WRITES, first.blocks());
        assertEquals("ACCESS EXCLUSIVE", first.lock());
        assertEquals(t.end().highSeconds(), first.blocked().highSeconds(), 1e-6, "blocked from the start to the commit");
        for (Timeline.Row r : t.rows()) {
            assertTrue(r.work().highSeconds() <= first.work().highSeconds(), r.table() + " works longer");
        }
    }

    @Test
    void withACommitPerMigrationALockEndsWithItsOwnWork() {
        Timeline t = Timeline.of(plan(false));
        for (Timeline.Row r : t.rows()) {
            for (Timeline.Segment s : r.segments()) {
                assertEquals(s.workEnd().highSeconds(), s.heldUntil().highSeconds(), 1e-6, r.table() + ": " + s);
            }
        }
        Timeline.Row longest = t.longestBlocked();
        assertEquals(longest.work().highSeconds(), longest.blocked().highSeconds(), 1e-6);
    }
}
