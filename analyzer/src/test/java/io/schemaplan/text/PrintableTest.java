package io.schemaplan.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a name may not do to a terminal or a CI log, and what it must still show. */
class PrintableTest {
    @Test
    void controlCharactersBecomeVisibleEscapes() {
        assertEquals("t\\n::error title=X::y", Printable.escape("t\n::error title=X::y"));
        assertEquals("\\e[2J\\e]0;title\\x07", Printable.escape("\u001b[2J\u001b]0;title\u0007"));
        assertEquals("a\\r\\tb\\x00\\x7f\\x9b", Printable.escape("a\r\tb\u0000\u007f\u009b"));
    }

    @Test
    void bidiControlsAndInvisibleFormatCharactersAreShownByCodePoint() {
        assertEquals("x\\u202ey", Printable.escape("x\u202Ey"));
        assertEquals("\\u2066a\\u2069\\u200bb\\ufeff\\u2028", Printable.escape("\u2066a\u2069\u200Bb\uFEFF\u2028"));
        assertEquals("tag\\U000e0041", Printable.escape("tag\uDB40\uDC41"));
        for (int c = 0x202A; c <= 0x202E; c++) assertTrue(Printable.isUnsafe(c), Integer.toHexString(c));
        for (int c = 0x2066; c <= 0x2069; c++) assertTrue(Printable.isUnsafe(c), Integer.toHexString(c));
    }

    @Test
    void ordinaryTextIsLeftAsItIs() {
        String s = "public.workflow_runs: column \"userId\" имя déjà \uD83D\uDE00 a\\nb";
        assertSame(s, Printable.escape(s));
        assertNull(Printable.escape(null));
        assertFalse(Printable.isUnsafe(' '));
        assertFalse(Printable.isUnsafe('é'));
    }
}
