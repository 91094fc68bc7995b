package io.schemaplan.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
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

    /** {@code (a, b) REFERENCES public.p(x, y) ON DELETE CASCADE DEFERRABLE NOT VALID}: the definition without its name. */
    public String definition() {
        return "(" + String.join(", ", columns) + ") REFERENCES " + referencedTable + "("
                + String.join(", ", referencedColumns) + ")" + options();
    }

    /** {@code  ON DELETE CASCADE DEFERRABLE NOT VALID}: what follows the referenced columns (blank first), or empty. */
    public String options() {
        StringBuilder b = new StringBuilder();
        if (match != null && !"SIMPLE".equals(match)) b.append(" MATCH ").append(match);
        if (onUpdate != null && !NO_ACTION.equals(onUpdate)) b.append(" ON UPDATE ").append(onUpdate);
        if (onDelete != null && !NO_ACTION.equals(onDelete)) b.append(" ON DELETE ").append(onDelete);
        if (deferrable) b.append(initiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE");
        if (!validated) b.append(" NOT VALID");
        return b.toString();
    }

    public ForeignKey withValidated(boolean v) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, onUpdate, onDelete, match,
                deferrable, initiallyDeferred, v);
    }

    public ForeignKey renamed(String newName) {
        return new ForeignKey(newName, columns, referencedTable, referencedColumns, onUpdate, onDelete, match,
                deferrable, initiallyDeferred, validated);
    }

    // equals and hashCode over every component, as a record's own would be, written out (see package-info).
    @Override
    public boolean equals(Object other) {
        return other instanceof ForeignKey o && Arrays.equals(components(), o.components());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(components());
    }

    private Object[] components() {
        return new Object[] {name, columns, referencedTable, referencedColumns, onUpdate, onDelete, match, deferrable,
                initiallyDeferred, validated};
    }
}
