package io.schemaplan.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A view or materialized view, compared by its definition as {@code pg_get_viewdef} prints it.
 * {@code indexes} are the indexes of a materialized view (a plain view has none), sorted by name;
 * {@code options} its storage parameters as {@link Table#options()} holds a table's.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record View(QName name, boolean materialized, String definition, String comment, List<Index> indexes,
                   List<String> options) {

    public View {
        indexes = Lists.sorted(indexes, Index::name);
        options = Lists.sorted(options, x -> x);
    }

    /** A view without indexes or storage parameters. */
    public View(QName name, boolean materialized, String definition, String comment) {
        this(name, materialized, definition, comment, List.of(), List.of());
    }

    public View withIndexes(List<Index> i) {
        return new View(name, materialized, definition, comment, i, options);
    }

    public View withOptions(List<String> o) {
        return new View(name, materialized, definition, comment, indexes, o);
    }
}
