package io.schemaplan.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A foreign key. Actions are the SQL words ({@code NO ACTION}, {@code CASCADE}, {@code SET NULL},
 * {@code SET DEFAULT}, {@code RESTRICT}); {@code match} is {@code SIMPLE} unless declared otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record ForeignKey(
        String name,
        List<String> columns,
        QName referencedTable,
        List<String> referencedColumns,
        String onUpdate,
        String onDelete,
        String match,
        boolean deferrable,
        boolean initiallyDeferred,
        boolean validated) {

    public static final String NO_ACTION = "NO ACTION";

    public ForeignKey {
        columns = Lists.copy(columns);
        referencedColumns = Lists.copy(referencedColumns);
    }

    public ForeignKey withValidated(boolean v) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, onUpdate, onDelete, match,
                deferrable, initiallyDeferred, v);
    }

    public ForeignKey renamed(String newName) {
        return new ForeignKey(newName, columns, referencedTable, referencedColumns, onUpdate, onDelete, match,
                deferrable, initiallyDeferred, validated);
    }
}
