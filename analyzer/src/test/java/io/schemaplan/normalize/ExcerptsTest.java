package io.schemaplan.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Input quoted in an error stays short and on one line; the lexer refuses what would overflow a parser. */
class ExcerptsTest {
    @Test
    void aStatementIsShortenedAndItsLineBreaksEscaped() {
        assertEquals("CREATE TABLE public.t (\\nid integer", Excerpts.of("CREATE TABLE public.t (\n    id integer\n"));
        String long80 = "x".repeat(80);
        assertEquals("x".repeat(Excerpts.MAX) + "…", Excerpts.of(long80));
        assertEquals("ALTER TABLE ONLY public.t ADD CONSTRAINT", Excerpts.words("ALTER TABLE ONLY public.t\n    ADD CONSTRAINT"));
    }

    @Test
    void parenthesesNestMostMaxDepthLevels() {
        String ok = "(".repeat(SqlTokens.MAX_DEPTH) + "1" + ")".repeat(SqlTokens.MAX_DEPTH);
        assertEquals(1, SqlTokens.of(ok).size());
        String deep = "(".repeat(SqlTokens.MAX_DEPTH + 1) + "1" + ")".repeat(SqlTokens.MAX_DEPTH + 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SqlTokens.mysql("DEFAULT " + deep));
        assertEquals("parentheses nested deeper than 256 levels", e.getMessage());
    }

    @Test
    void readingPastTheLastTokenIsAnInputError() {
        SqlTokens t = SqlTokens.of("ALTER TABLE ONLY public.t");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.text(t.size()));
        assertEquals("unexpected end of 'ALTER TABLE ONLY public.t'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.slice(0, t.size() + 1));
        assertThrows(IllegalArgumentException.class, () -> t.inner(0));
        assertTrue(SqlTokens.of("").rest(0).isEmpty());
    }

    @Test
    void typesWithEmptyOrUnbalancedModifiersAreRefused() {
        assertEquals("empty modifier '()' in type character varying()",
                assertThrows(IllegalArgumentException.class, () -> PgTypes.parse("character varying()")).getMessage());
        assertEquals("']' without '[' in type integer]",
                assertThrows(IllegalArgumentException.class, () -> PgTypes.parse("integer]")).getMessage());
        assertEquals("empty modifier '()' in type varchar()",
                assertThrows(IllegalArgumentException.class, () -> MysqlTypes.parse("varchar()")).getMessage());
    }
}
