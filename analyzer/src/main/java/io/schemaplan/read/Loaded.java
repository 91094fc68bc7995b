package io.schemaplan.read;

import io.schemaplan.model.Schema;
import java.util.List;

/**
 * A schema read from a source, with the source's label (a file name or a URL without its password) and
 * the warnings the reader collected (statements it does not model, each naming its file and line).
 */
public record Loaded(String label, Schema schema, List<String> warnings) {
    /** The label goes through {@link Redaction#url} here, once for every reader, provider and snapshot. */
    public Loaded {
        label = Redaction.url(label);
        warnings = List.copyOf(warnings);
    }
}
