package io.schemaplan.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A row level security policy of a table. {@code command} is {@code ALL}, {@code SELECT}, {@code INSERT},
 * {@code UPDATE} or {@code DELETE}; {@code roles} are the role names it applies to, sorted (empty:
 * {@code PUBLIC}); {@code using} and {@code withCheck} are the expressions as {@code pg_get_expr} prints
 * them, or null.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Policy(
        String name,
        boolean restrictive,
        String command,
        List<String> roles,
        String using,
        String withCheck) {

    public Policy {
        roles = Lists.sorted(roles, r -> r);
    }

    /** {@code AS RESTRICTIVE FOR INSERT TO app USING (…) WITH CHECK (…)}: the definition without names. */
    public String definition() {
        StringBuilder b = new StringBuilder();
        if (restrictive) b.append("AS RESTRICTIVE ");
        b.append("FOR ").append(command);
        b.append(" TO ").append(roles.isEmpty() ? "PUBLIC" : String.join(", ", roles));
        if (using != null) b.append(" USING (").append(using).append(')');
        if (withCheck != null) b.append(" WITH CHECK (").append(withCheck).append(')');
        return b.toString();
    }
}
