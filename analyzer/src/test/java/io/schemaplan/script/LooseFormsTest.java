package io.schemaplan.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
