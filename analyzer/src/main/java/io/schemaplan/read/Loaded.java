package io.schemaplan.read;

import io.schemaplan.model.Schema;
import java.util.List;

/**
 * A schema read from a source, with the source's label (a file name or a URL without its password) and
 * the warnings the reader collected (statements it does not model, each naming its file and line).
 */
public record Loaded(String label, Schema schema, List<String> warnings) {
    /**
     * The label goes through {@link Redaction#url} here, once for every reader, provider and snapshot; the
     * note a {@code --partial} read appends to a redacted label is kept as it is (it holds no URL).
     */
    public Loaded {
        int note = label == null ? -1 : label.indexOf(PartialRead.NOTE);
        label = note < 0 ? Redaction.url(label) : Redaction.url(label.substring(0, note)) + label.substring(note);
        warnings = List.copyOf(warnings);
    }
}
