package io.schemaplan.read;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a live reader does when the user it connects as cannot see the whole database: by default it stops
 * with one line naming what it cannot read and the GRANT that fixes it; with {@code --partial} it reads what
 * it can and says so where every output shows it: in the source's label (the "from"/"to" lines, the JSON
 * {@code source}, a snapshot's {@code source}) and in a warning line on stderr.
 */
final class PartialRead {
    /** Names shown in a message before "and N more". */
    static final int NAMES_SHOWN = 5;

    private PartialRead() {
    }

    /** What a partial read's label says after the source. */
    static final String NOTE = " (partial: ";

    /** {@code loaded} marked as partial: {@code missing} says what is left out ("2 tables not readable: …"). */
    static Loaded mark(Loaded loaded, String missing) {
        List<String> warnings = new ArrayList<>(loaded.warnings());
        warnings.add(0, "partial read (--partial): " + missing + "; comparisons involving them are not reliable");
        return new Loaded(loaded.label() + NOTE + missing + ")", loaded.schema(), warnings);
    }

    /** {@code a, b, c, d, e and 3 more}. */
    static String names(List<String> names) {
        String shown = names.stream().limit(NAMES_SHOWN).collect(Collectors.joining(", "));
        return names.size() <= NAMES_SHOWN ? shown : shown + " and " + (names.size() - NAMES_SHOWN) + " more";
    }
}
