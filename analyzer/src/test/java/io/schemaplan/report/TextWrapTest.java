package io.schemaplan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextWrapTest {
    @Test
    void wrapsAtSpacesWithAHangingIndentAndLosesNoWord() {
        String text = "Expand/contract: add a new column of the new type, keep it in step with a trigger, backfill it "
                + "in batches of a few thousand rows (one transaction each), build its indexes CONCURRENTLY.";
        List<String> lines = TextWrap.wrap(text, 40, "  - ", "    ");
        assertTrue(lines.size() > 3, lines.toString());
        assertTrue(lines.get(0).startsWith("  - Expand/contract:"), lines.get(0));
        lines.subList(1, lines.size()).forEach(l -> assertTrue(l.startsWith("    ") && !l.startsWith("     "), l));
        lines.forEach(l -> assertTrue(TextWrap.columns(l) <= 40, l));
        assertEquals(text, String.join(" ", lines.stream().map(String::strip).toList()).replaceFirst("^- ", ""));
    }

    @Test
    void aWordLongerThanTheLineIsSplitNotCut() {
        String name = "public.a_very_long_identifier_of_sixty_three_bytes_that_has_no_space63_and_more_😀_tail";
        List<String> lines = TextWrap.wrap("table " + name + " end", 30, "", "  ");
        lines.forEach(l -> assertTrue(TextWrap.columns(l) <= 30, l));
        assertEquals(("table " + name + " end").replace(" ", ""), String.join("", lines).replace(" ", ""),
                "every character is printed");
        assertTrue(lines.size() >= 3, lines.toString());
    }

    @Test
    void keepsTheSpacesOfAnAlignedLine() {
        assertEquals(List.of("to   dify:1.12.1"), TextWrap.wrap("to   dify:1.12.1", 100, "", ""));
    }
}
