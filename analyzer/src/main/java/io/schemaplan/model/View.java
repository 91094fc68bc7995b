package io.schemaplan.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A view or materialized view, compared by its definition as {@code pg_get_viewdef} prints it.
 * {@code indexes} are the indexes of a materialized view (a plain view has none), sorted by name.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record View(QName name, boolean materialized, String definition, String comment, List<Index> indexes) {

    public View {
        indexes = Lists.sorted(indexes, Index::name);
    }

    /** A view without indexes. */
    public View(QName name, boolean materialized, String definition, String comment) {
        this(name, materialized, definition, comment, List.of());
    }

    public View withIndexes(List<Index> i) {
        return new View(name, materialized, definition, comment, i);
    }
}
