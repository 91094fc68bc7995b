package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schemaplan.diff.Change;
import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.impact.MariadbProbe.Observed;
import io.schemaplan.impact.MyRule.Algorithm;
import io.schemaplan.impact.MyRule.Lock;
import io.schemaplan.model.Schema;
import io.schemaplan.read.MysqlDumpReader;
import io.schemaplan.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dify MySQL upgrade 1.10.1 → 1.12.1 (patched) on the real server: the altered tables of the 1.10.1 dump
 * are restored into a scratch database, and each ALTER TABLE of the upgrade (written out by hand from the 1.12.1 dump, several
 * changes of one column in one clause, as a migration would) is asked of the server. What it accepts must be
 * the strongest of the rules {@link MyImpacts} gives for the changes the clause carries: one statement costs
 * what its most expensive part costs.
 */
class MyImpactsDifyServerTest {
    private static final String DB = "sp_myrules_dify";

    /** One ALTER TABLE of the upgrade and the changes (kind and object, as the diff names them) it carries. */
    record Step(String table, String clause, List<String> changes) {
    }

    private static final List<Step> STEPS = List.of(
            new Step("datasets", "ADD COLUMN `is_multimodal` tinyint(1) NOT NULL DEFAULT 0",
                    List.of("column.added datasets.is_multimodal")),
            new Step("datasets", "ADD COLUMN `summary_index_setting` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
                    + " DEFAULT NULL CHECK (json_valid(`summary_index_setting`))",
                    List.of("column.added datasets.summary_index_setting")),
            new Step("documents", "ADD COLUMN `need_summary` tinyint(1) NOT NULL DEFAULT 0",
                    List.of("column.added documents.need_summary")),
            new Step("message_annotations", "MODIFY `question` text NOT NULL",
                    List.of("column.type_changed message_annotations.question",
                            "column.nullability_changed message_annotations.question")),
            new Step("messages", "ADD INDEX `message_created_at_id_idx` (`created_at`, `id`)",
                    List.of("index.added messages.message_created_at_id_idx")),
            new Step("pipeline_recommended_plugins", "ADD COLUMN `type` varchar(50) NOT NULL DEFAULT 'tool'",
                    List.of("column.added pipeline_recommended_plugins.type")),
            new Step("workflow_node_executions", "ADD INDEX `workflow_node_execution_workflow_run_id_idx` (`workflow_run_id`)",
                    List.of("index.added workflow_node_executions.workflow_node_execution_workflow_run_id_idx")),
            new Step("workflow_node_executions", "DROP INDEX `workflow_node_execution_workflow_run_idx`",
                    List.of("index.dropped workflow_node_executions.workflow_node_execution_workflow_run_idx")),
            new Step("workflow_runs", "ADD INDEX `workflow_run_created_at_id_idx` (`created_at`, `id`)",
                    List.of("index.added workflow_runs.workflow_run_created_at_id_idx")));

    @Test
    void everyAlterOfTheUpgradeCostsWhatItsStrongestRuleSays() throws Exception {
        Schema from = MysqlDumpReader.read(Samples.mysql("1.10.1")).schema();
        Schema to = MysqlDumpReader.read(Samples.mysql("1.12.1.patched-32196")).schema();
        Map<String, List<MyOperation>> operations = new LinkedHashMap<>();
        for (Change c : SchemaDiff.diff(from, to)) {
            if (!(c instanceof Change.TableAdded)) operations.put(c.kind() + " " + c.object(), MyImpacts.operations(c, from, to));
        }
        Set<String> covered = new TreeSet<>();
        STEPS.forEach(s -> covered.addAll(s.changes()));
        assertEquals(new TreeSet<>(operations.keySet()), covered, "every change to an existing table has a step");

        MariadbProbe.freshDatabase(DB);
        MyEngine profile = MariadbProbe.profile();
        try (Connection c = MariadbProbe.connect(); Statement s = c.createStatement()) {
            s.execute("USE " + DB);
            for (String table : new TreeSet<>(STEPS.stream().map(Step::table).toList())) {
                s.execute(createTable(table));
            }
            s.execute("SET SESSION foreign_key_checks = 1");
            for (Step step : STEPS) {
                List<MyRule> rules = new ArrayList<>();
                step.changes().forEach(ch -> operations.get(ch).forEach(op -> rules.add(MyRules.forOperation(op, profile))));
                Observed observed = MariadbProbe.cheapestAccepted(s, DB, step.table(), step.clause(), step.table());
                System.out.println("[dify] " + step.table() + " " + step.clause() + " " + observed);
                assertEquals(strongest(rules), observed, step.clause());
            }
        }
    }

    /** The table's CREATE TABLE statement from the 1.10.1 dump (only the altered tables are restored: it is faster). */
    private static String createTable(String table) throws java.io.IOException {
        String dump = Files.readString(Samples.mysql("1.10.1"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?s)CREATE TABLE `" + Pattern.quote(table) + "` \\(.*?\\) ENGINE=[^;]*;").matcher(dump);
        if (!m.find()) throw new AssertionError("no CREATE TABLE " + table + " in the 1.10.1 dump");
        return m.group();
    }

    /** One statement carrying several operations needs the most expensive algorithm and strongest lock among them. */
    private static Observed strongest(List<MyRule> rules) {
        Algorithm a = Algorithm.INSTANT;
        Lock l = Lock.NONE;
        boolean rebuild = false;
        for (MyRule r : rules) {
            if (r.algorithm().compareTo(a) > 0) a = r.algorithm();
            if (r.lock().compareTo(l) > 0) l = r.lock();
            rebuild |= r.rebuildsTable();
        }
        return new Observed(a, l, rebuild);
    }
}
