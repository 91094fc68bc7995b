package io.schemaplan.scriptplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.impact.Profile;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Stats;
import io.schemaplan.normalize.SqlTokens;
import io.schemaplan.read.PgDumpReader;
import io.schemaplan.read.StatsJson;
import io.schemaplan.report.ScriptPlanTextRenderer;
import io.schemaplan.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptPlanDifyTest {
    static final Path LARGE = Samples.root().resolve("stats/dify-large-install.json");

    static ScriptPlan plan(String from, String script) throws IOException {
        Schema schema = PgDumpReader.read(Samples.postgres(from)).schema();
        Path file = Path.of("src/test/resources/scriptplan/" + script);
        List<SqlStatement> statements = ScriptText.split(script, Files.readString(file), SqlTokens.Dialect.POSTGRES, 1, null);
        Stats stats = StatsJson.read(LARGE);
        return ScriptPlanner.plan(new ScriptPlanner.Input("dify-" + from, script, schema, statements, stats, "large",
                Profile.DEFAULT, null, null, null));
    }

    @Test
    void show() throws IOException {
        System.out.println(ScriptPlanTextRenderer.render(plan("0.8.3", "dify-0.8.3-to-0.9.2.sql")));
        System.out.println(ScriptPlanTextRenderer.render(plan("1.3.1", "dify-1.3.1-to-1.4.3.sql")));
    }
}
