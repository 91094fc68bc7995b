package io.schemaplan.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.Constraint;
import io.schemaplan.model.ForeignKey;
import io.schemaplan.model.Index;
import io.schemaplan.model.Index.IndexKey;
import io.schemaplan.model.QName;
import java.util.List;
import org.junit.jupiter.api.Test;

class PgDefinitionsTest {

    @Test
    void aDifyBtreeIndexWithADescendingKey() {
        var parsed = PgDefinitions.parseIndex("CREATE INDEX workflow_node_executions_tenant_id_idx ON "
                + "public.workflow_node_executions USING btree (tenant_id, workflow_id, node_id, created_at DESC);");
        assertEquals(QName.of("public", "workflow_node_executions"), parsed.table());
        Index i = parsed.index();
        assertEquals("workflow_node_executions_tenant_id_idx", i.name());
        assertFalse(i.unique());
        assertEquals("btree", i.method());
        assertEquals(List.of("tenant_id", "workflow_id", "node_id", "created_at"), i.columns());
        assertTrue(i.keys().get(3).descending());
        assertFalse(i.keys().get(0).descending());
    }

    @Test
    void aDifyGinIndex() {
        Index i = PgDefinitions.parseIndex(
                "CREATE INDEX document_metadata_idx ON public.documents USING gin (doc_metadata);").index();
        assertEquals("gin", i.method());
        assertEquals(List.of(IndexKey.column("doc_metadata")), i.keys());
    }

    @Test
    void expressionsQuotesOptionsIncludeAndPredicate() {
        var parsed = PgDefinitions.parseIndex("CREATE UNIQUE INDEX \"Odd, name\" ON ONLY extra.\"MixedCase\" USING btree "
                + "(lower((\"order by\")::text) text_pattern_ops, ((a || ','::text)) COLLATE \"C\" DESC NULLS LAST, "
                + "\"order by\" NULLS FIRST) INCLUDE (b, \"C d\") NULLS NOT DISTINCT WITH (fillfactor='70') "
                + "WHERE ((deleted_at IS NULL) AND (note <> 'x, (y)'::text))");
        assertEquals(QName.of("extra", "MixedCase"), parsed.table());
        Index i = parsed.index();
        assertEquals("Odd, name", i.name());
        assertTrue(i.unique());
        assertEquals(List.of(
                new IndexKey("lower((\"order by\")::text)", true, null, "text_pattern_ops", false, null),
                new IndexKey("((a || ','::text))", true, "C", null, true, "LAST"),
                new IndexKey("order by", false, null, null, false, "FIRST")), i.keys());
        assertEquals(List.of("b", "C d"), i.include());
        assertTrue(i.nullsNotDistinct());
        assertEquals("((deleted_at IS NULL) AND (note <> 'x, (y)'::text))", i.predicate());
    }

    @Test
    void anOperatorClassWithParametersAndASchema() {
        Index i = PgDefinitions.parseIndex("CREATE INDEX t_trgm ON public.t USING gist (name public.gist_trgm_ops (siglen='32'))")
                .index();
        assertEquals("public.gist_trgm_ops (siglen='32')", i.keys().get(0).opclass());
        assertEquals("gist", i.method());
    }

    @Test
    void notAnIndexIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> PgDefinitions.parseIndex("CREATE TABLE x (a int)"));
        assertThrows(IllegalArgumentException.class, () -> PgDefinitions.parseIndex("CREATE INDEX i ON t USING btree (a"));
    }

    @Test
    void aDifyPrimaryKeyAndUniqueConstraint() {
        Constraint pk = PgDefinitions.parseConstraint("account_pkey", "PRIMARY KEY (id)").constraint();
        assertEquals(Constraint.Kind.PRIMARY_KEY, pk.kind());
        assertEquals(List.of("id"), pk.columns());
        assertEquals("PRIMARY KEY (id)", pk.definition());
        assertTrue(pk.validated());
        Constraint u = PgDefinitions.parseConstraint("datasource_provider_unique_name",
                "UNIQUE (tenant_id, plugin_id, provider, name);").constraint();
        assertEquals(Constraint.Kind.UNIQUE, u.kind());
        assertEquals(List.of("tenant_id", "plugin_id", "provider", "name"), u.columns());
        assertEquals("UNIQUE (tenant_id, plugin_id, provider, name)", u.definition());
        assertFalse(u.deferrable());
    }

    @Test
    void aDifyForeignKeyHasTheDefaultActions() {
        var parsed = PgDefinitions.parseConstraint("tool_published_apps_app_id_fkey",
                "FOREIGN KEY (app_id) REFERENCES public.apps(id)");
        assertNull(parsed.constraint());
        assertEquals(new ForeignKey("tool_published_apps_app_id_fkey", List.of("app_id"), QName.of("public", "apps"),
                List.of("id"), "NO ACTION", "NO ACTION", "SIMPLE", false, false, true), parsed.foreignKey());
    }

    @Test
    void aForeignKeyWithEveryOption() {
        ForeignKey fk = PgDefinitions.parseConstraint("fk", "FOREIGN KEY (a, \"B\") REFERENCES extra.\"Parent\"(x, y) "
                + "MATCH FULL ON UPDATE CASCADE ON DELETE SET NULL (a) DEFERRABLE INITIALLY DEFERRED NOT VALID").foreignKey();
        assertEquals(List.of("a", "B"), fk.columns());
        assertEquals(QName.of("extra", "Parent"), fk.referencedTable());
        assertEquals(List.of("x", "y"), fk.referencedColumns());
        assertEquals("FULL", fk.match());
        assertEquals("CASCADE", fk.onUpdate());
        assertEquals("SET NULL (a)", fk.onDelete());
        assertTrue(fk.deferrable());
        assertTrue(fk.initiallyDeferred());
        assertFalse(fk.validated());
    }

    @Test
    void aNotValidCheckKeepsItsTextWithoutNotValid() {
        Constraint c = PgDefinitions.parseConstraint("positive",
                "CHECK ((price > (0)::numeric AND note <> 'NOT VALID')) NOT VALID").constraint();
        assertEquals(Constraint.Kind.CHECK, c.kind());
        assertEquals("CHECK ((price > (0)::numeric AND note <> 'NOT VALID'))", c.definition());
        assertFalse(c.validated());
        assertEquals(List.of(), c.columns());
    }

    @Test
    void anExclusionConstraintThatIsDeferrable() {
        Constraint c = PgDefinitions.parseConstraint("no_overlap",
                "EXCLUDE USING gist (during WITH &&) WHERE ((room > 0)) DEFERRABLE").constraint();
        assertEquals(Constraint.Kind.EXCLUDE, c.kind());
        assertTrue(c.deferrable());
        assertFalse(c.initiallyDeferred());
        assertFalse(PgDefinitions.parseConstraint("u", "UNIQUE (a) NOT DEFERRABLE").constraint().deferrable());
    }

    @Test
    void notAConstraintIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> PgDefinitions.parseConstraint("x", "NOT NULL a"));
        assertThrows(IllegalArgumentException.class, () -> PgDefinitions.parseConstraint("x", "UNIQUE"));
    }
}
