package io.schemaplan.model;

import java.util.List;

/**
 * A binary-coercible cast of a PostgreSQL server ({@code pg_cast.castmethod = 'b'}): {@code ALTER COLUMN …
 * TYPE} from {@code source} to {@code target} keeps the table's storage. Types are named as
 * {@code format_type} prints them without a schema ({@code character varying}, {@code citext});
 * {@code rebuiltIndexMethods} are the index access methods ({@code btree}, {@code hash}, …) whose indexes
 * on the column are rebuilt all the same, because the target's default operator class is of another family.
 */
public record BinaryCast(String source, String target, List<String> rebuiltIndexMethods) {
    public BinaryCast {
        rebuiltIndexMethods = Lists.sorted(rebuiltIndexMethods, x -> x);
    }
}
