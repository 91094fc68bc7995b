package io.schemaplan.gate;

import io.schemaplan.model.QName;

/** How a policy names a table: {@code workflow_runs} matches it in any schema, {@code public.workflow_runs} one. */
final class TableNames {
    private TableNames() {
    }

    static boolean matches(String policyName, QName table) {
        return policyName.contains(".") ? policyName.equals(table.toString()) : policyName.equals(table.name());
    }
}
