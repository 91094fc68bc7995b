package io.schemaplan.read;

import io.schemaplan.model.Policy;
import io.schemaplan.model.QName;
import io.schemaplan.model.Rule;
import io.schemaplan.model.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL-only facts of a table while a reader collects them (storage parameters, inheritance
 * parents, replica identity, row level security, policies, rules); both PostgreSQL readers fill one per
 * table and {@link #applyTo(Table)} puts them on the finished record.
 */
final class PgTableFacts {
    final List<String> options = new ArrayList<>();
    final List<QName> inherits = new ArrayList<>();
    final List<Policy> policies = new ArrayList<>();
    final List<Rule> rules = new ArrayList<>();
    String replicaIdentity;
    boolean rowSecurity;
    boolean forceRowSecurity;

    /** Sets (or replaces) storage parameters given as {@code name=value}. */
    void setOptions(List<String> given) {
        for (String o : given) {
            String key = o.substring(0, o.indexOf('=') + 1);
            options.removeIf(x -> x.startsWith(key));
            options.add(o);
        }
    }

    Table applyTo(Table t) {
        return t.withPgFacts(options, inherits, replicaIdentity, rowSecurity, forceRowSecurity, policies, rules);
    }
}
