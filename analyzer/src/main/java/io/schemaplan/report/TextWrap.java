package io.schemaplan.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps terminal text to a width at spaces, with an indent for the first line and another for the rest.
 * Nothing is ever cut: a word longer than the line (a long name, a URL) is split across lines, so every
 * character of the input is still printed.
 */
final class TextWrap {
    /** The terminal width the text reports fit. */
    static final int WIDTH = 100;

    private TextWrap() {
    }

    static List<String> wrap(String text, String indent, String hanging) {
        return wrap(text, WIDTH, indent, hanging);
    }

    static List<String> wrap(String text, int width, String indent, String hanging) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder(indent);
        int used = columns(indent);
        boolean empty = true;
        int spaces = 0;
        for (String word : text.split(" ", -1)) {
            if (word.isEmpty()) {
                spaces++; // the spaces between words are kept (an aligned "to   x"), except at a break
                continue;
            }
            int gap = empty ? 0 : spaces + 1;
            spaces = 0;
            int w = columns(word);
            if (!empty && used + gap + w > width) {
                out.add(line.toString());
                line = new StringBuilder(hanging);
                used = columns(hanging);
                empty = true;
                gap = 0;
            }
            line.append(" ".repeat(gap));
            used += gap;
            // A word longer than a whole line is split where the line ends.
            while (w > 0 && used + w > width) {
                int room = Math.max(1, width - used);
                int cut = word.offsetByCodePoints(0, room);
                line.append(word, 0, cut);
                out.add(line.toString());
                word = word.substring(cut);
                w = columns(word);
                line = new StringBuilder(hanging);
                used = columns(hanging);
            }
            line.append(word);
            used += w;
            empty = false;
        }
        if (!empty || out.isEmpty()) out.add(line.toString());
        return out;
    }

    /** Columns on a terminal, one per code point (the reports print no wide characters of their own). */
    static int columns(String s) {
        return s.codePointCount(0, s.length());
    }
}
