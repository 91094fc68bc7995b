package io.schemaplan.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTokensTest {

    @Test
    void splitsOnlyAtTopLevelCommas() {
        assertEquals(List.of("a", "lower((b)::text)", "'x, y'::text", "\"c, d\"", "E'\\', z'", "$q$ , $q$"),
                SqlTokens.splitTopLevel("a, lower((b)::text), 'x, y'::text, \"c, d\", E'\\', z', $q$ , $q$"));
        assertEquals(List.of(), SqlTokens.splitTopLevel("  "));
    }

    @Test
    void quotesEndWhereTheServerEndsThem() {
        assertEquals(7, SqlTokens.quoteEnd("'it''s' x", 0));
        assertEquals(0, SqlTokens.quoteEnd("$1 + 2", 0)); // $1 is a parameter, not a dollar quote
        assertEquals(-1, SqlTokens.quoteEnd("$a$ never closed", 0));
        assertEquals(9, SqlTokens.quoteEnd("$a$ $ $a$", 0));
        assertEquals(-1, SqlTokens.commentEnd("/* a /* b */ c", 0));
        assertEquals(15, SqlTokens.commentEnd("/* a /* b */ */x", 0));
    }

    @Test
    void identifiersAreUnquotedOrFolded() {
        assertEquals(List.of("order by", "a\"b", "mixed"), SqlTokens.identList("\"order by\", \"a\"\"b\", Mixed"));
        SqlTokens t = SqlTokens.of("public.\"T\".x (y)");
        assertEquals(5, t.nameEnd(0));
        assertEquals("public.T.x", t.dottedName(0, 5));
        assertEquals("y", t.inner(5));
        assertEquals("it's\nok", SqlTokens.stringValue("E'it\\'s\\nok'"));
        assertEquals("it's", SqlTokens.stringValue("'it''s'"));
    }

    @Test
    void unbalancedTextIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SqlTokens.of("f((a)"));
        assertThrows(IllegalArgumentException.class, () -> SqlTokens.of("'open"));
    }
}
