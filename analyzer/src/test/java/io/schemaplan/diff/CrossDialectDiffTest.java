package io.schemaplan.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.Schema;
import io.schemaplan.read.Sources;
import io.schemaplan.report.ChangeText;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.Samples;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Dify PostgreSQL dumps against the MySQL dumps of the same release: only real differences remain. */
class CrossDialectDiffTest {
    static Schema pg(String v) {
        return Sources.load(Samples.postgres(v).toString(), null).schema();
    }

    static Schema my(String v) {
        return Sources.load(Samples.mysql(v).toString(), null).schema();
    }

    static List<String> lines(CrossDialectDiff.Result r) {
        return r.changes().stream().map(c -> c.table().name() + ": " + ChangeText.describe(c)).toList();
    }

    /** Double precision on PostgreSQL, FLOAT (single precision, ~7 digits) on MySQL: what SQLAlchemy's Float becomes. */
    static final List<String> FLOATS = Stream.of("app_annotation_hit_histories.score", "app_annotation_settings.score_threshold",
            "dataset_retriever_resources.score", "documents.indexing_latency", "message_agent_thoughts.latency",
            "messages.provider_response_latency", "tool_mcp_providers.timeout", "tool_mcp_providers.sse_read_timeout",
            "tool_model_invokes.provider_response_latency", "workflow_archive_logs.run_elapsed_time",
            "workflow_node_executions.elapsed_time", "workflow_runs.elapsed_time", "workflow_trigger_logs.elapsed_time").toList();

    @Test
    void dify1121PostgresAgainstMysqlShowsOnlyRealDifferences() throws java.io.IOException {
        CrossDialectDiff.Result r = CrossDialectDiff.compare(pg("1.12.1"), my("1.12.1.patched-32196"));
        List<String> expected = List.of(
                "app_annotation_hit_histories: column score: double precision -> float",
                "app_annotation_settings: column score_threshold: double precision -> float",
                // A literal default on a TEXT/JSON column: MySQL refuses it, so Dify's models leave it out there.
                "apps: column description default: '' -> (none)",
                // GIN indexes (jsonb) exist only on PostgreSQL.
                "data_source_oauth_bindings: index source_info_idx USING gin (source_info)",
                "dataset_retriever_resources: column score: double precision -> float",
                "datasets: index retrieval_model_idx USING gin (retrieval_model)",
                "documents: column indexing_latency: double precision -> float",
                "documents: index document_metadata_idx USING gin (doc_metadata)",
                // Unbounded numeric keeps fractions on PostgreSQL; MySQL's bare DECIMAL is DECIMAL(10,0): prices lose them.
                "message_agent_thoughts: column message_unit_price: numeric -> numeric(10,0)",
                "message_agent_thoughts: column answer_unit_price: numeric -> numeric(10,0)",
                "message_agent_thoughts: column total_price: numeric -> numeric(10,0)",
                "message_agent_thoughts: column latency: double precision -> float",
                "message_agent_thoughts: column tool_labels_str default: '{}' -> (none)",
                "message_agent_thoughts: column tool_meta_str default: '{}' -> (none)",
                // sa.Text, not LongText: MySQL TEXT holds 64 KB, PostgreSQL text 1 GB.
                "message_annotations: column question: longtext -> text",
                "messages: column provider_response_latency: double precision -> float",
                "oauth_provider_apps: column app_label default: '{}' -> (none)",
                "oauth_provider_apps: column redirect_uris default: '[]' -> (none)",
                "pipelines: column description default: '' -> (none)",
                "tool_mcp_providers: column timeout: double precision -> float",
                "tool_mcp_providers: column sse_read_timeout: double precision -> float",
                "tool_model_invokes: column provider_response_latency: double precision -> float",
                "tool_workflow_providers: column parameter_configuration default: '[]' -> (none)",
                "upload_files: column source_url default: '' -> (none)",
                "workflow_archive_logs: column run_elapsed_time: double precision -> float",
                "workflow_node_executions: column elapsed_time: double precision -> float",
                "workflow_runs: column elapsed_time: double precision -> float",
                "workflow_trigger_logs: column elapsed_time: double precision -> float",
                "workflows: column environment_variables default: '{}' -> (none)",
                "workflows: column conversation_variables default: '{}' -> (none)",
                "workflows: column rag_pipeline_variables default: '{}' -> (none)");
        assertEquals(expected, lines(r));
        assertEquals(FLOATS.size(), lines(r).stream().filter(l -> l.endsWith("double precision -> float")).count());

        // PostgreSQL-only id defaults: Dify generates ids in Python on MySQL, so these are absent there.
        assertEquals(List.of("public.uuid_generate_v4()", "public.uuidv7()"),
                r.pgOnlyDefaults().stream().map(CrossDialectDiff.PgOnlyDefault::expression).toList());
        assertEquals(85, r.pgOnlyDefaults().get(0).columns().size());
        assertEquals(19, r.pgOnlyDefaults().get(1).columns().size());
        assertTrue(r.pgOnlyDefaults().get(1).columns().contains("workflow_schedule_plans.id"));
        assertEquals(List.of("1 extension (uuid-ossp): MySQL has none",
                "3 sequences (invitation_codes_id_seq, task_id_sequence, taskset_id_sequence): a column defaulting to"
                        + " nextval() is compared as AUTO_INCREMENT",
                "2 routines (uuidv7, uuidv7_boundary): PostgreSQL code, not comparable"), r.notCompared());

        // Either way round, the same differences (reversed).
        CrossDialectDiff.Result back = CrossDialectDiff.compare(my("1.12.1.patched-32196"), pg("1.12.1"));
        assertEquals(expected.size(), back.changes().size());
        assertEquals(r.pgOnlyDefaults(), back.pgOnlyDefaults());

        // A MySQL procedure is no more comparable than a PostgreSQL function: said, not silently left out.
        Schema withProcedure = io.schemaplan.read.MysqlDumpReader.read("with-procedure.sql", (Files.readString(Samples.mysql(
                "1.12.1.patched-32196")) + "\nDELIMITER ;;\nCREATE PROCEDURE purge_logs() DELETE FROM workflow_runs WHERE 1 = 0 ;;\n"
                + "DELIMITER ;\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)).schema();
        assertEquals("1 MySQL routine (purge_logs): MySQL code (procedures, functions, events), not comparable",
                CrossDialectDiff.compare(pg("1.12.1"), withProcedure).notCompared().get(3));
        assertEquals(r.changes(), CrossDialectDiff.compare(pg("1.12.1"), withProcedure).changes());
    }

    @Test
    void unpatched1114MysqlLacksWhatMigration7df29de0f6beAndLaterCreate() {
        CrossDialectDiff.Result r = CrossDialectDiff.compare(pg("1.11.4"), my("1.11.4"));
        // Missing on MySQL: the table 7df29de0f6be creates (it failed there) and the index of a later migration.
        // (workflow_schedule_plans exists in this dump: an earlier migration made it.)
        // The three GIN indexes are PostgreSQL-only in every release.
        List<String> gin = List.of("index source_info_idx USING gin (source_info)",
                "index retrieval_model_idx USING gin (retrieval_model)", "index document_metadata_idx USING gin (doc_metadata)");
        List<String> missing = new java.util.ArrayList<>(gin);
        missing.addAll(List.of("table tenant_credit_pools (7 columns, primary key, 2 indexes)",
                "index workflow_run_created_at_id_idx USING btree (created_at, id)"));
        assertEquals(missing, dropped(r));
        // The patched dump has them: only the GIN indexes are missing on MySQL.
        assertEquals(gin, dropped(CrossDialectDiff.compare(pg("1.11.4"), my("1.11.4.patched-32196"))));
    }

    static List<String> dropped(CrossDialectDiff.Result r) {
        return r.changes().stream().filter(c -> c.kind().endsWith(".dropped")).map(ChangeText::describe).toList();
    }

    @Test
    void cliDiffOfPostgresAndMysqlDumps() {
        Cli.Result r = Cli.run("diff", Samples.postgres("1.12.1").toString(), Samples.mysql("1.12.1.patched-32196").toString(),
                "--exit-code");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().contains("31 changes in 21 tables"), r.out());
        assertTrue(r.out().contains("~ PostgreSQL-only default public.uuid_generate_v4() on 85 columns, none on MySQL"), r.out());
        Cli.Result json = Cli.run("diff", Samples.mysql("1.12.1.patched-32196").toString(), Samples.postgres("1.12.1").toString(),
                "-f", "json");
        assertEquals(0, json.exitCode(), json.err());
        assertTrue(json.out().contains("\"pgOnlyDefaults\""), json.out());
        // Same-engine diffs are unchanged: no cross-dialect section.
        Cli.Result same = Cli.run("diff", Samples.mysql("1.11.4").toString(), Samples.mysql("1.11.4.patched-32196").toString());
        assertTrue(!same.out().contains("compared across dialects"), same.out());
    }
}
