package io.schemaplan.diff;

import io.schemaplan.read.Sources;
import io.schemaplan.report.ChangeText;
import io.schemaplan.testing.Samples;
import org.junit.jupiter.api.Test;

class CrossDialectDiffTest {
    @Test
    void explore() {
        for (String[] p : new String[][] {{"1.12.1", "1.12.1.patched-32196"}, {"1.11.4", "1.11.4"}}) {
            var r = CrossDialectDiff.compare(Sources.load(Samples.postgres(p[0]).toString(), null).schema(),
                    Sources.load(Samples.mysql(p[1]).toString(), null).schema());
            System.out.println("=== " + p[1]);
            r.changes().forEach(c -> System.out.println(ChangeText.sign(c) + " " + c.object() + " " + ChangeText.describe(c)));
            r.pgOnlyDefaults().forEach(d -> System.out.println(d.expression() + " " + d.columns().size() + " " + d.columns()));
            r.notCompared().forEach(System.out::println);
        }
    }
}
