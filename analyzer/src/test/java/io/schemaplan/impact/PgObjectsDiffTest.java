package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.diff.Change;
import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.model.Schema;
import io.schemaplan.read.Loaded;
import io.schemaplan.read.PgDumpReader;
import io.schemaplan.read.Snapshots;
import io.schemaplan.report.ChangeText;
import io.schemaplan.report.DiffJsonRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each object of issue 13 changed between two pg_dump files (objects.dump.sql and a copy with one edit in
 * pg_dump's shape) is reported as its own change, described, rendered as JSON, and planned with the rule
 * PgRulesTraceTest verifies on the server.
 */
class PgObjectsDiffTest {
    private static final Path DUMP = Path.of("src/test/resources/pg/objects.dump.sql");

    /** One edit of the dump: what changes, the change kinds it gives, the operations planned, the first rule id. */
    record Edit(String name, String from, String to, List<String> kinds, List<PgOperation> operations, String ruleId) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> edits() {
        return Stream.of(
                new Edit("fillfactor", "fillfactor='70'", "fillfactor='80'", List.of("table.options_changed"),
                        List.of(PgOperation.SET_STORAGE_PARAMETERS), PgRules.SHARE_UPDATE),
                new Edit("toast autovacuum", "toast.autovacuum_enabled='false'", "toast.autovacuum_enabled='true'",
                        List.of("table.options_changed"), List.of(PgOperation.SET_STORAGE_PARAMETERS), PgRules.SHARE_UPDATE),
                new Edit("user_catalog_table", "fillfactor='70'", "fillfactor='70', user_catalog_table='true'",
                        List.of("table.options_changed"), List.of(PgOperation.SET_USER_CATALOG_TABLE), PgRules.INSTANT),
                new Edit("materialized view fillfactor", "fillfactor='50'", "fillfactor='60'",
                        List.of("table.options_changed"), List.of(PgOperation.SET_STORAGE_PARAMETERS), PgRules.SHARE_UPDATE),
                new Edit("statistics target", "SET STATISTICS 1000", "SET STATISTICS 500",
                        List.of("column.statistics_changed"), List.of(PgOperation.SET_STATISTICS), PgRules.SHARE_UPDATE),
                new Edit("column options", "ALTER TABLE ONLY public.account ALTER COLUMN score SET STATISTICS 1000;\n",
                        "ALTER TABLE ONLY public.account ALTER COLUMN score SET STATISTICS 1000;\n"
                        + "ALTER TABLE ONLY public.account ALTER COLUMN score SET (n_distinct=100);\n",
                        List.of("column.options_changed"), List.of(PgOperation.SET_COLUMN_OPTIONS), PgRules.SHARE_UPDATE),
                new Edit("storage", "SET STORAGE EXTERNAL", "SET STORAGE MAIN", List.of("column.storage_changed"),
                        List.of(PgOperation.SET_STORAGE), PgRules.INSTANT),
                new Edit("compression", "SET COMPRESSION lz4", "SET COMPRESSION pglz",
                        List.of("column.compression_changed"), List.of(PgOperation.SET_COMPRESSION), PgRules.INSTANT),
                new Edit("replica identity", "REPLICA IDENTITY FULL", "REPLICA IDENTITY DEFAULT",
                        List.of("table.replica_identity_changed"), List.of(PgOperation.REPLICA_IDENTITY), PgRules.INSTANT),
                new Edit("row level security", "ALTER TABLE public.account ENABLE ROW LEVEL SECURITY;\n", "",
                        List.of("table.row_security_changed"), List.of(PgOperation.ALTER_ROW_SECURITY), PgRules.ROW_SECURITY),
                new Edit("policy", "WITH CHECK ((score < 100))", "WITH CHECK ((score < 200))", List.of("policy.changed"),
                        List.of(PgOperation.DROP_POLICY, PgOperation.CREATE_POLICY), PgRules.ROW_SECURITY),
                new Edit("new policy", "CREATE POLICY account_all", "CREATE POLICY account_admin ON public.account TO root"
                        + " USING (true);\nCREATE POLICY account_all", List.of("policy.added"),
                        List.of(PgOperation.CREATE_POLICY), PgRules.ROW_SECURITY),
                new Edit("rule", "CREATE RULE blob_notify AS\n    ON UPDATE TO public.blob DO\n NOTIFY blob;\n", "",
                        List.of("rule.dropped"), List.of(PgOperation.DROP_RULE), PgRules.INSTANT),
                new Edit("rule definition", "DO INSTEAD NOTHING", "DO INSTEAD NOTIFY blob", List.of("rule.changed"),
                        List.of(PgOperation.CREATE_RULE), PgRules.INSTANT),
                new Edit("materialized view index", "CREATE INDEX account_scores_score ON public.account_scores USING btree (score DESC);\n",
                        "CREATE INDEX account_scores_score ON public.account_scores USING btree (score);\n",
                        List.of("index.changed"), List.of(PgOperation.DROP_INDEX, PgOperation.CREATE_INDEX), PgRules.INDEX_DROP),
                new Edit("materialized view definition", "   FROM public.account\n", "   FROM public.account\n  WHERE (account.score > 0)\n",
                        List.of("view.changed"), List.of(PgOperation.DROP_MATERIALIZED_VIEW,
                        PgOperation.CREATE_MATERIALIZED_VIEW, PgOperation.CREATE_UNIQUE_INDEX, PgOperation.CREATE_INDEX),
                        PgRules.INSTANT),
                new Edit("domain check added", "CREATE DOMAIN public.tags AS text[];",
                        "CREATE DOMAIN public.tags AS text[]\n\tCONSTRAINT tags_few CHECK ((cardinality(VALUE) < 10));",
                        List.of("domain.changed"), List.of(PgOperation.ALTER_DOMAIN_ADD_CHECK), PgRules.SCAN_DOMAIN),
                new Edit("domain check validated", "CHECK ((VALUE >= (0)::numeric)) NOT VALID", "CHECK ((VALUE >= (0)::numeric))",
                        List.of("domain.changed"), List.of(PgOperation.ALTER_DOMAIN_VALIDATE_CHECK), PgRules.SCAN_DOMAIN),
                new Edit("domain default", "AS numeric(10,2) DEFAULT 0.00", "AS numeric(10,2) DEFAULT 1.00",
                        List.of("domain.changed"), List.of(PgOperation.ALTER_DOMAIN_SET_DEFAULT), PgRules.CATALOG),
                new Edit("domain not null", "CREATE DOMAIN public.posint AS integer NOT NULL DEFAULT 1",
                        "CREATE DOMAIN public.posint AS integer DEFAULT 1", List.of("domain.changed"),
                        List.of(PgOperation.ALTER_DOMAIN_DROP_NOT_NULL), PgRules.CATALOG),
                new Edit("new domain", "CREATE DOMAIN public.tags AS text[];", "CREATE DOMAIN public.tags AS text[];\n"
                        + "CREATE DOMAIN public.small AS smallint;", List.of("domain.added"),
                        List.of(PgOperation.CREATE_DOMAIN), PgRules.CATALOG),
                new Edit("column of a domain with a CHECK", "    labels public.tags\n)", "    labels public.tags,\n    rank public.posint\n)",
                        List.of("column.added"), List.of(PgOperation.ADD_COLUMN_DOMAIN_CHECK), PgRules.REWRITE_ADD_COLUMN),
                new Edit("column of a domain without constraints", "    labels public.tags\n)",
                        "    labels public.tags,\n    more public.tags\n)", List.of("column.added"),
                        List.of(PgOperation.ADD_COLUMN), PgRules.INSTANT),
                new Edit("inheritance", "INHERITS (public.event, public.tagged);\nALTER TABLE ONLY public.tagged_event ALTER COLUMN tag SET STATISTICS 200;\n",
                        "INHERITS (public.event);\n", List.of("table.inherits_changed", "column.dropped"),
                        List.of(PgOperation.DROP_INHERIT), PgRules.INHERITANCE))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void eachObjectChangeIsItsOwnChangeWithItsRule(Edit edit) throws IOException {
        String text = Files.readString(DUMP);
        assertTrue(text.contains(edit.from()), "the fixture has " + edit.from());
        Loaded a = PgDumpReader.read("a.sql", text.getBytes(StandardCharsets.UTF_8));
        Loaded b = PgDumpReader.read("b.sql", text.replace(edit.from(), edit.to()).getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), b.warnings());
        List<Change> changes = SchemaDiff.diff(a.schema(), b.schema());
        assertEquals(edit.kinds(), changes.stream().map(Change::kind).toList(), changes.toString());
        Change first = changes.get(0);
        assertTrue(!ChangeText.describe(first).isBlank());
        assertTrue(DiffJsonRenderer.render(a, b, changes).contains("\"kind\" : \"" + first.kind() + "\""));

        List<PgImpacts.Step> steps = new PgImpacts(a.schema(), b.schema(), null).steps(first);
        assertEquals(edit.operations(), steps.stream().map(PgImpacts.Step::operation).toList());
        assertEquals(edit.ruleId(), PgRules.forOperation(steps.get(0).operation(), 15).orElseThrow().id());

        // The reverse edit is reported too: nothing is missed in either direction.
        assertEquals(edit.kinds().size(), SchemaDiff.diff(b.schema(), a.schema()).size());
        // And the changed schema survives a snapshot.
        Schema back = Snapshots.read("b.json", Snapshots.toJson(b)).schema();
        assertEquals(b.schema(), back);
    }
}
