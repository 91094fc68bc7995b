package io.schemaplan.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
import java.util.List;

/**
 * A primary key, unique, check or exclusion constraint. {@code columns} lists the key columns of a
 * PRIMARY KEY / UNIQUE constraint (empty for CHECK and EXCLUDE). {@code definition} is the canonical
 * definition text as {@code pg_get_constraintdef} prints it (without {@code NOT VALID}); it is what two
 * constraints are compared by. {@code validated} is false for a {@code NOT VALID} constraint.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Constraint(
        String name,
        Kind kind,
        List<String> columns,
        String definition,
        boolean deferrable,
        boolean initiallyDeferred,
        boolean validated) {

    public enum Kind { PRIMARY_KEY, UNIQUE, CHECK, EXCLUDE }

    public Constraint {
        columns = Lists.copy(columns);
    }

    public Constraint renamed(String newName) {
        return new Constraint(newName, kind, columns, definition, deferrable, initiallyDeferred, validated);
    }

    // equals and hashCode over every component, as a record's own would be, written out (see package-info).
    @Override
    public boolean equals(Object other) {
        return other instanceof Constraint o && Arrays.equals(components(), o.components());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(components());
    }

    private Object[] components() {
        return new Object[] {name, kind, columns, definition, deferrable, initiallyDeferred, validated};
    }
}
