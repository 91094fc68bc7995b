package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.schemaplan.model.DataType;
import io.schemaplan.normalize.PgExpressions;
import io.schemaplan.normalize.PgTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RepeatsTest {
    @Test
    void equalTextsBecomeOneInstance() {
        Repeats repeats = new Repeats();
        String first = new String("tenant_id");
        String second = new String("tenant_id");
        assertNotSame(first, second);
        assertSame(first, repeats.text(first));
        assertSame(first, repeats.text(second));
        assertNull(repeats.text(null));
    }

    @Test
    void aTypeTextIsParsedOnceAndGivesTheSameTypeAsParsingIt() {
        List<String> parsed = new ArrayList<>();
        Function<String, DataType> types = Repeats.once(text -> {
            parsed.add(text);
            return PgTypes.parse(text);
        });
        DataType a = types.apply("character varying(32)");
        DataType b = types.apply("character varying(32)");
        types.apply("integer");
        assertSame(a, b);
        assertEquals(PgTypes.parse("character varying(32)"), a);
        assertEquals(List.of("character varying(32)", "integer"), parsed);
    }

    @Test
    void aNullResultIsRememberedToo() {
        List<String> asked = new ArrayList<>();
        BiFunction<String, DataType, String> defaults = Repeats.once((expr, type) -> {
            asked.add(expr);
            return PgExpressions.normalizeDefault(expr, type);
        });
        DataType text = PgTypes.parse("text");
        assertNull(defaults.apply("NULL", text));
        assertNull(defaults.apply("NULL", text));
        assertEquals("'new'", defaults.apply("'new'::text", text));
        assertEquals("'new'::text", defaults.apply("'new'::text", PgTypes.parse("jsonb")), "another type, another answer");
        assertEquals(List.of("NULL", "'new'::text", "'new'::text"), asked);
    }
}
