package io.schemaplan.normalize;

import io.schemaplan.model.Constraint;
import io.schemaplan.model.ForeignKey;
import io.schemaplan.model.Index;
import io.schemaplan.model.QName;

/**
 * Parses the definitions PostgreSQL prints with {@code pg_get_indexdef} and {@code pg_get_constraintdef}
 * (which is also what {@code pg_dump} writes) into model records.
 */
public final class PgDefinitions {
    private PgDefinitions() {
    }

    /** An index definition and the table it is on. */
    public record ParsedIndex(QName table, Index index) {
    }

    /** What a constraint definition turned out to be: exactly one of the two is non-null. */
    public record ParsedConstraint(Constraint constraint, ForeignKey foreignKey) {
    }

    /**
     * Parses {@code CREATE [UNIQUE] INDEX name ON [ONLY] schema.table USING method (keys) [INCLUDE (…)]
     * [NULLS NOT DISTINCT] [WITH (…)] [WHERE predicate]}.
     *
     * @throws IllegalArgumentException when the text is not an index definition
     */
    public static ParsedIndex parseIndex(String indexdef) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Parses the text after {@code CONSTRAINT name} : {@code PRIMARY KEY (…)}, {@code UNIQUE [NULLS NOT
     * DISTINCT] (…)}, {@code CHECK (…) [NO INHERIT] [NOT VALID]}, {@code EXCLUDE USING …},
     * {@code FOREIGN KEY (…) REFERENCES t(…) [MATCH FULL] [ON UPDATE …] [ON DELETE …] [DEFERRABLE
     * [INITIALLY DEFERRED]] [NOT VALID]}.
     *
     * @throws IllegalArgumentException when the text is not a constraint definition
     */
    public static ParsedConstraint parseConstraint(String name, String constraintdef) {
        throw new UnsupportedOperationException("TODO");
    }
}
