package io.schemaplan.impact;

import io.schemaplan.model.DataType;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Whether {@code ALTER COLUMN … TYPE} rewrites the table. PostgreSQL skips the rewrite when the old
 * type is binary-coercible to the new one: a cast WITHOUT FUNCTION (pg_cast.castmethod = 'b') whose
 * length coercion, if any, the type's support function (varchar_support, numeric_support,
 * timestamp_support, time_support, interval_support, varbit_support) can drop because the new modifier
 * loses nothing. Both facts are data below; everything else (including every array type change, which
 * the server rewrites even for varchar[] to text[]) is a rewrite. Verified on the server by
 * {@code PgTypeChangesServerTest}.
 */
public final class PgTypeChanges {
    /** How a new type modifier of the same type may differ without a rewrite. */
    private enum Modifier {
        /** No modifier, or at least the old one (varchar, varbit). */
        WIDER,
        /** Fractional-second precision: none, the maximum (6), or at least the old one. */
        WIDER_PRECISION,
        /** numeric: unconstrained, or the same scale with at least the old precision. */
        NUMERIC
    }

    private static final int MAX_TIME_PRECISION = 6;

    /** Types whose length coercion has a support function that drops it when nothing is lost. */
    private static final Map<String, Modifier> SAME_TYPE = Map.of(
            "varchar", Modifier.WIDER,
            "varbit", Modifier.WIDER,
            "numeric", Modifier.NUMERIC,
            "timestamp", Modifier.WIDER_PRECISION,
            "timestamptz", Modifier.WIDER_PRECISION,
            "time", Modifier.WIDER_PRECISION,
            "timetz", Modifier.WIDER_PRECISION,
            "interval", Modifier.WIDER_PRECISION);

    /** Binary-coercible casts between different types (pg_cast, castmethod 'b'), as "from>to". */
    private static final Set<String> BINARY_CASTS = Set.of(
            "varchar>text", "text>varchar", "cidr>inet", "bit>varbit", "xml>text", "xml>varchar");

    private static final Set<String> TIMESTAMPS = Set.of("timestamp", "timestamptz");

    private PgTypeChanges() {
    }

    /**
     * The operation for a type change when the session TimeZone of the migration is not known to be UTC
     * (timestamp to timestamptz is then a rewrite).
     */
    public static PgOperation classify(DataType from, DataType to) {
        return classify(from, to, false);
    }

    /**
     * The operation for a type change. {@code sessionTimeZoneUtc}: the migration's session TimeZone is
     * UTC, so timestamp and timestamptz hold the same bits (PG >= 12 then keeps the table and rebuilds
     * only the column's indexes).
     */
    public static PgOperation classify(DataType from, DataType to, boolean sessionTimeZoneUtc) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            return PgOperation.ALTER_TYPE_BINARY_COERCIBLE;
        }
        if (from.arrayDims() > 0 || to.arrayDims() > 0) {
            return PgOperation.ALTER_TYPE_REWRITE;
        }
        if (from.name().equals(to.name())) {
            Modifier m = SAME_TYPE.get(from.name());
            return m != null && keeps(m, from, to) ? PgOperation.ALTER_TYPE_BINARY_COERCIBLE : PgOperation.ALTER_TYPE_REWRITE;
        }
        if (BINARY_CASTS.contains(from.name() + ">" + to.name())) {
            // The cast is free; the target's own modifier may still force a length check (text -> varchar(n)).
            return to.size() == null || (from.size() != null && to.size() >= from.size())
                    ? PgOperation.ALTER_TYPE_BINARY_COERCIBLE : PgOperation.ALTER_TYPE_REWRITE;
        }
        if (sessionTimeZoneUtc && TIMESTAMPS.contains(from.name()) && TIMESTAMPS.contains(to.name())
                && keeps(Modifier.WIDER_PRECISION, from, to)) {
            return PgOperation.ALTER_TYPE_TIMESTAMPTZ_UTC;
        }
        return PgOperation.ALTER_TYPE_REWRITE;
    }

    private static boolean keeps(Modifier m, DataType from, DataType to) {
        return switch (m) {
            case WIDER -> to.size() == null || (from.size() != null && to.size() >= from.size());
            case WIDER_PRECISION -> to.size() == null || to.size() == MAX_TIME_PRECISION
                    || (from.size() != null && to.size() >= from.size());
            case NUMERIC -> to.size() == null
                    || (from.size() != null && Objects.equals(scale(from), scale(to)) && to.size() >= from.size());
        };
    }

    /** numeric(p) means numeric(p,0). */
    private static Integer scale(DataType t) {
        return t.scale() == null ? 0 : t.scale();
    }
}
