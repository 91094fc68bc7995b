package io.schemaplan.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.schemaplan.model.Engine;
import io.schemaplan.model.QName;
import io.schemaplan.model.Routine;
import io.schemaplan.model.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loose form of an expression: the script's writing and the server's rendering meet, values do not. */
class LooseFormsTest {

    private static void alike(String written, String printed) {
        assertEquals(LooseForms.loose(written), LooseForms.loose(printed), written + " | " + printed);
    }

    @Test
    void theServersRenderingsOfAHandWrittenExpressionAreAlike() {
        alike("qty > 0 and label <> 'x'", "((qty > 0) AND (label <> 'x'::text))");
        alike("lower(label)", "lower((label)::text)");
        alike("label like 'a%'", "(items.label ~~ 'a%'::text)");
        alike("label not ilike 'a%'", "(public.items.label !~~* 'a%'::text)");
        alike("kind in ('x', 'y')",
                "((kind)::text = ANY ((ARRAY['x'::character varying, 'y'::character varying])::text[]))");
        alike("created > now() - interval '1 day'", "(created > (now() - '1 day'::interval))");
        alike("ts::timestamp without time zone", "ts");
        alike("price::numeric(10, 2) > 1", "(price)::numeric(10,2) > 1");
        alike("\"Mixed\" != 1", "(mixed <> 1)");
        alike("select id, qty+1 as next_qty from items", "select `items`.`id` AS `id`,`items`.`qty` + 1 AS `next_qty` from `items`");
        alike("label <> 'x'", "`label` <> _utf8mb4'x'");
    }

    @Test
    void valuesAndOperatorsStayApart() {
        assertNotEquals(LooseForms.loose("label <> 'x'"), LooseForms.loose("label <> 'X'"));
        assertNotEquals(LooseForms.loose("qty > 0"), LooseForms.loose("qty >= 0"));
        assertNotEquals(LooseForms.loose("qty > 0"), LooseForms.loose("qty > 1"));
        assertNotEquals(LooseForms.loose("a like 'x'"), LooseForms.loose("a not like 'x'"));
        assertEquals("label = 'it''s (not) a ::cast'", LooseForms.loose("(label = 'it''s (not) a ::cast')"));
        assertNull(LooseForms.loose(null));
    }

    /** A CREATE EVENT without STARTS and the server's print of it (the creation time filled in) are alike. */
    @Test
    void anEventsStartsFilledInByTheServerIsLeftOut() {
        Routine written = new Routine(QName.of("", "e"), "event",
                "", null, null, List.of("ON SCHEDULE EVERY 1 DAY"), "DELETE FROM t", null);
        Routine printed = new Routine(written.name(), "event", "", null, null,
                List.of("ON SCHEDULE EVERY 1 DAY STARTS '2026-12-08 01:11:02'"), "DELETE FROM t", null);
        Routine weekly = new Routine(written.name(), "event", "", null, null,
                List.of("ON SCHEDULE EVERY 1 WEEK STARTS '2026-12-08 01:11:02'"), "DELETE FROM t", null);
        assertEquals(loose(written), loose(printed));
        assertNotEquals(loose(written), loose(weekly));
    }

    private static Schema loose(Routine r) {
        return LooseForms.of(new Schema(Engine.MARIADB, null, List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(r)));
    }
}
