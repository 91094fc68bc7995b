package io.schemaplan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.impact.Plan;
import io.schemaplan.impact.Planner;
import io.schemaplan.impact.Profile;
import io.schemaplan.model.Schema;
import io.schemaplan.read.PostgresCatalogReader;
import io.schemaplan.testing.LocalPostgres;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plan JSON gives both ways of a change side by side: the lock of the statement a migration issues
 * ({@code lock}, …) and the lock of the recipe that replaces it ({@code saferWay}), derived from the same
 * rule table. Schemas read from the local server, rules of its version.
 */
class PlanJsonSaferWayTest {
    private static final String FROM = "sp_pgimpact_json_from";
    private static final String TO = "sp_pgimpact_json_to";
    private static final String BASE = "CREATE TABLE t (id int PRIMARY KEY, a int, b text, c int);"
            + " CREATE INDEX t_c_idx ON t (c);";
    private static JsonNode items;

    @BeforeAll
    static void plan() throws Exception {
        LocalPostgres.freshDatabase(FROM);
        LocalPostgres.freshDatabase(TO);
        LocalPostgres.exec(FROM, BASE);
        LocalPostgres.exec(TO, BASE.replace(" CREATE INDEX t_c_idx ON t (c);", "")
                + " CREATE INDEX t_a_idx ON t (a); ALTER TABLE t ADD CONSTRAINT t_a_check CHECK (a > 0);");
        Schema from = PostgresCatalogReader.read(LocalPostgres.url(FROM), null);
        Schema to = PostgresCatalogReader.read(LocalPostgres.url(TO), null);
        Plan plan = Planner.plan(new Planner.Input("from", "to", from, to, SchemaDiff.diff(from, to), null, null,
                Profile.DEFAULT, null, true));
        items = new ObjectMapper().readTree(PlanJsonRenderer.render(plan)).get("items");
    }

    @AfterAll
    static void drop() {
        LocalPostgres.dropDatabase(FROM);
        LocalPostgres.dropDatabase(TO);
    }

    private static JsonNode item(String operation) {
        List<JsonNode> found = new ArrayList<>();
        items.forEach(i -> {
            if (i.get("operation").asText().equals(operation)) found.add(i);
        });
        assertEquals(1, found.size(), operation + " in " + items);
        return found.get(0);
    }

    /** "lock", "blocksReads", "blocksWrites" of an item, its saferWay or the long step, as one string. */
    private static String lock(JsonNode n) {
        return n.get("lock").asText() + (n.get("blocksReads").asBoolean() ? ", blocks reads" : "")
                + (n.get("blocksWrites").asBoolean() ? ", blocks writes" : "");
    }

    @Test
    void aNewIndexShowsThePlainBuildAndTheConcurrentOne() {
        JsonNode i = item("CREATE_INDEX");
        assertEquals("SHARE, blocks writes", lock(i));
        assertTrue(i.get("runsInTransaction").asBoolean());
        JsonNode w = i.get("saferWay");
        assertEquals("SHARE UPDATE EXCLUSIVE", lock(w));
        assertFalse(w.get("inTransaction").asBoolean());
        assertEquals("CREATE_INDEX_CONCURRENTLY", w.get("longStep").get("operation").asText());
        assertEquals("SHARE UPDATE EXCLUSIVE", lock(w.get("longStep")));
        assertEquals("[\"CREATE_INDEX_CONCURRENTLY\"]", w.get("steps").toString());
        assertTrue(i.get("recipeSql").asText().contains("CREATE INDEX CONCURRENTLY"));
    }

    @Test
    void aDroppedIndexShowsThePlainDropAndTheConcurrentOne() {
        JsonNode i = item("DROP_INDEX");
        assertEquals("ACCESS EXCLUSIVE, blocks reads, blocks writes", lock(i));
        JsonNode w = i.get("saferWay");
        assertEquals("SHARE UPDATE EXCLUSIVE", lock(w));
        assertFalse(w.get("inTransaction").asBoolean());
        assertFalse(w.has("longStep"), "dropping an index reads no rows");
        assertTrue(i.get("recipeSql").asText().contains("DROP INDEX CONCURRENTLY public.t_c_idx;"),
                i.get("recipeSql").asText());
    }

    /** NOT VALID takes ACCESS EXCLUSIVE briefly; the scan (VALIDATE) runs under SHARE UPDATE EXCLUSIVE. */
    @Test
    void aCheckShowsTheBriefLockAndTheLockOfItsScan() {
        JsonNode i = item("ADD_CHECK");
        assertEquals("ACCESS EXCLUSIVE, blocks reads, blocks writes", lock(i));
        assertTrue(i.get("scansTable").asBoolean());
        JsonNode w = i.get("saferWay");
        assertEquals("ACCESS EXCLUSIVE, blocks reads, blocks writes", lock(w));
        assertTrue(w.get("inTransaction").asBoolean());
        assertEquals("VALIDATE_CHECK", w.get("longStep").get("operation").asText());
        assertEquals("SHARE UPDATE EXCLUSIVE", lock(w.get("longStep")));
        assertEquals("[\"ADD_CHECK_NOT_VALID\",\"VALIDATE_CHECK\"]", w.get("steps").toString());
    }

    /** An operation without a recipe has no saferWay key at all. */
    @Test
    void noRecipeNoSaferWay() {
        items.forEach(i -> assertEquals(i.has("recipeSql"), i.has("saferWay"), i.toString()));
    }
}
