package io.schemaplan.impact;

import io.schemaplan.model.DataType;
import io.schemaplan.normalize.PgTypes;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Whether {@code ALTER COLUMN … TYPE} rewrites the table. PostgreSQL skips the rewrite when the old
 * type is binary-coercible to the new one: a cast WITHOUT FUNCTION (pg_cast.castmethod = 'b') whose
 * length coercion, if any, the type's support function (varchar_support, numeric_support,
 * timestamp_support, time_support, interval_support, varbit_support) can drop because the new modifier
 * loses nothing. The casts are the server's own facts, generated from pg_cast by {@code scripts/pg-casts.sql}
 * (core and extension types such as citext) into {@code pg-binary-casts.tsv}, with the index methods whose
 * indexes on the column are rebuilt because the new type's default operator class is of another family
 * (varchar to citext keeps the heap but rebuilds a btree index). Everything else (including every array type
 * change, which the server rewrites even for varchar[] to text[]) is a rewrite. Verified on the server by
 * {@code PgTypeChangesTest} and {@code PgTypeChangesCitextTest}.
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

    /**
     * Binary-coercible casts between different types, as "from>to" (canonical names, extension types
     * unqualified), each with the index methods whose indexes on the column are rebuilt.
     */
    private static final Map<String, Set<String>> BINARY_CASTS = binaryCasts();

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
        return classify(from, to, sessionTimeZoneUtc, Set.of());
    }

    /**
     * The operation for a type change of a column that has indexes of the access methods
     * {@code indexMethods} ({@code btree}, …; empty when it has none): a binary-coercible change to a type
     * whose operator classes are of another family keeps the table but rebuilds those indexes.
     */
    public static PgOperation classify(DataType from, DataType to, boolean sessionTimeZoneUtc,
                                       Set<String> indexMethods) {
        return classify(from, to, sessionTimeZoneUtc, indexMethods, BINARY_CASTS);
    }

    /**
     * The binary-coercible casts of a live server ({@link io.schemaplan.model.Stats#binaryCasts()}) in the form
     * {@link #classify(DataType, DataType, boolean, Set, Map)} takes; the generated table when there are none.
     */
    public static Map<String, Set<String>> casts(java.util.List<io.schemaplan.model.BinaryCast> live) {
        if (live.isEmpty()) return BINARY_CASTS;
        Map<String, Set<String>> casts = new java.util.HashMap<>();
        for (io.schemaplan.model.BinaryCast c : live) {
            casts.put(key(c.source(), c.target()), Set.copyOf(c.rebuiltIndexMethods()));
        }
        return Map.copyOf(casts);
    }

    /** As {@link #classify(DataType, DataType, boolean, Set)} with these casts ({@link #casts}). */
    public static PgOperation classify(DataType from, DataType to, boolean sessionTimeZoneUtc,
                                       Set<String> indexMethods, Map<String, Set<String>> binaryCasts) {
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
        Set<String> rebuilt = binaryCasts.get(unqualified(from.name()) + ">" + unqualified(to.name()));
        if (rebuilt != null) {
            // The cast is free; the target's own modifier may still force a length check (text -> varchar(n)),
            // which only a type with a support function (varchar, varbit) drops when nothing is lost
            // (varchar(n) -> char(n) is checked and padded: a rewrite).
            boolean lengthFree = to.size() == null || SAME_TYPE.get(to.name()) == Modifier.WIDER
                    && from.size() != null && to.size() >= from.size();
            if (!lengthFree) return PgOperation.ALTER_TYPE_REWRITE;
            return indexMethods.stream().anyMatch(rebuilt::contains)
                    ? PgOperation.ALTER_TYPE_REINDEX : PgOperation.ALTER_TYPE_BINARY_COERCIBLE;
        }
        if (sessionTimeZoneUtc && TIMESTAMPS.contains(from.name()) && TIMESTAMPS.contains(to.name())
                && keeps(Modifier.WIDER_PRECISION, from, to)) {
            return PgOperation.ALTER_TYPE_TIMESTAMPTZ_UTC;
        }
        return PgOperation.ALTER_TYPE_REWRITE;
    }

    /** An extension type as the cast table names it: {@code public.citext} and {@code citext} are one type. */
    private static String unqualified(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** Reads the generated cast table (a bundled resource: data, like the rule tables, not I/O on the world). */
    private static Map<String, Set<String>> binaryCasts() {
        Map<String, Set<String>> casts = new java.util.HashMap<>();
        try (var in = PgTypeChanges.class.getResourceAsStream("pg-binary-casts.tsv")) {
            String text = new String(Objects.requireNonNull(in, "pg-binary-casts.tsv").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank()) continue;
                String[] f = line.split("\t", -1);
                Set<String> rebuilt = f[3].isEmpty() ? Set.of() : Set.of(f[3].split(","));
                casts.put(key(f[0], f[1]), rebuilt);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Map.copyOf(casts);
    }

    /** "from>to" in canonical type names, as format_type prints them ({@code character varying>citext}). */
    private static String key(String source, String target) {
        return PgTypes.parse(source).name() + ">" + PgTypes.parse(target).name();
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
