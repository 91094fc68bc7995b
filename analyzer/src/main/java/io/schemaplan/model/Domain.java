package io.schemaplan.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A domain: a base type with an optional default, NOT NULL and named CHECK constraints. {@code collation}
 * is null unless it differs from the base type's (pg_dump's rule, as for columns). {@code checks} are CHECK
 * constraints whose definition is printed by {@code pg_get_constraintdef} ({@code CHECK ((VALUE > 0))});
 * a {@code NOT VALID} one has {@code validated} false. A column of a domain type names the domain as its
 * type ({@code public.posint}).
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Domain(
        QName name,
        DataType baseType,
        String collation,
        String defaultExpr,
        boolean notNull,
        List<Constraint> checks,
        String comment) {

    public Domain {
        checks = Lists.sorted(checks, Constraint::name);
    }

    public Domain withComment(String c) {
        return new Domain(name, baseType, collation, defaultExpr, notNull, checks, c);
    }

    public Domain withChecks(List<Constraint> c) {
        return new Domain(name, baseType, collation, defaultExpr, notNull, c, comment);
    }
}
