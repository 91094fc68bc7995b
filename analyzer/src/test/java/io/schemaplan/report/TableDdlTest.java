package io.schemaplan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.Column;
import io.schemaplan.model.DataType;
import io.schemaplan.model.Engine;
import io.schemaplan.model.Index;
import io.schemaplan.model.QName;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Table;
import io.schemaplan.read.Sources;
import io.schemaplan.testing.Samples;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Canonical CREATE TABLE text of real Dify tables, and the side-by-side diff built from it. */
class TableDdlTest {
    static Table table(Schema s, String schema, String name) {
        return s.table(QName.of(schema, name)).orElseThrow();
    }

    static Schema postgres(String v) {
        return Sources.load(Samples.postgres(v).toString(), Set.of()).schema();
    }

    @Test
    void postgresTableWithConstraintsIndexesAndComments() {
        Schema s = postgres("0.15.3");
        List<String> ddl = TableDdl.lines(table(s, "public", "workflow_runs"), s.engine());
        assertEquals("CREATE TABLE public.workflow_runs (", ddl.get(0));
        assertTrue(ddl.contains("    total_tokens bigint DEFAULT 0 NOT NULL,"), String.join("\n", ddl));
        assertTrue(ddl.contains("    CONSTRAINT workflow_run_pkey PRIMARY KEY (id)"), String.join("\n", ddl));
        assertTrue(ddl.contains("CREATE INDEX workflow_run_triggerd_from_idx ON public.workflow_runs USING btree "
                + "(tenant_id, app_id, triggered_from);"), String.join("\n", ddl));
        assertEquals(");", ddl.stream().filter(l -> l.startsWith(")")).findFirst().orElseThrow());
    }

    @Test
    void mysqlTableKeepsKeysAndOptionsInline() {
        Schema s = Sources.load(Samples.mysql("1.12.1").toString(), Set.of()).schema();
        String ddl = TableDdl.text(table(s, "", "workflow_runs"), s.engine());
        assertTrue(ddl.startsWith("CREATE TABLE `workflow_runs` (\n  `id` char(36) NOT NULL,\n"), ddl);
        assertTrue(ddl.contains("\n  PRIMARY KEY (id),\n"), ddl);
        assertTrue(ddl.contains("\n  KEY `workflow_run_triggerd_from_idx` (`tenant_id`, `app_id`, `triggered_from`"), ddl);
        assertTrue(ddl.endsWith(") ENGINE=InnoDB DEFAULT COLLATE=utf8mb4_general_ci;"), ddl);
    }

    @Test
    void namesAndIndexKeysAreQuotedAsInSqlToRun() {
        Table t = new Table(QName.of("public", "Mixed"), List.of(
                new Column("userId", 1, DataType.of("integer"), true, null, null, null, null, null),
                new Column("order", 2, DataType.of("integer"), true, null, null, null, null, null)),
                List.of(), List.of(), List.of(new Index("i", false, "btree", List.of(Index.IndexKey.column("userId")),
                        List.of("order"), null, false, null)), List.of(), false, null, null, null, null);
        List<String> ddl = TableDdl.lines(t, Engine.POSTGRES);
        assertEquals("CREATE TABLE public.\"Mixed\" (", ddl.get(0));
        assertEquals("    \"userId\" integer,", ddl.get(1));
        assertEquals("    \"order\" integer", ddl.get(2));
        assertTrue(ddl.contains("CREATE INDEX i ON public.\"Mixed\" USING btree (\"userId\") INCLUDE (\"order\");"),
                String.join("\n", ddl));
    }

    @Test
    void changedWordsAreMarkedAndAddedLinesStandAlone() {
        Schema a = postgres("0.14.2");
        Schema b = postgres("0.15.3");
        DdlDiff d = DdlDiff.of(TableDdl.lines(table(a, "public", "workflow_runs"), a.engine()),
                TableDdl.lines(table(b, "public", "workflow_runs"), b.engine()));
        List<DdlDiff.Row> changed = d.rows().stream().filter(r -> r.kind() != DdlDiff.Kind.SAME).toList();
        assertEquals(1, changed.size(), changed.toString());
        DdlDiff.Row row = changed.get(0);
        assertEquals(DdlDiff.Kind.CHANGED, row.kind());
        assertEquals(List.of(new DdlDiff.Part("    total_tokens ", false), new DdlDiff.Part("integer", true),
                new DdlDiff.Part(" DEFAULT 0 NOT NULL,", false)), row.before());
        assertEquals(new DdlDiff.Part("bigint", true), row.after().get(1));

        DdlDiff grown = DdlDiff.of(List.of("a", "b"), List.of("a", "x", "b", "c"));
        assertEquals(List.of(DdlDiff.Kind.SAME, DdlDiff.Kind.ADDED, DdlDiff.Kind.SAME, DdlDiff.Kind.ADDED),
                grown.rows().stream().map(DdlDiff.Row::kind).toList());
        assertEquals(List.of(DdlDiff.Kind.REMOVED), DdlDiff.of(List.of("a"), List.of()).rows().stream()
                .map(DdlDiff.Row::kind).toList());
    }
}
