package io.schemaplan.read;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The finished tables a reader built last, with the state each was built from. A replayed script changes a table
 * or two a statement and keeps the model before every statement: without this, each statement would build every
 * table again (base→1.12.1 of Dify: 711 statements on up to 170 tables).
 *
 * @param <P> the mutable parts of a table
 * @param <T> the finished table
 */
final class BuildCache<P, T> {
    private final Map<P, Built<T>> built = new IdentityHashMap<>();

    private record Built<T>(Object[] state, int version, T table) {
    }

    /**
     * The table {@code build} makes of {@code parts}, built again only when {@code state} (the parts' fields, lists
     * as arrays of their immutable elements) or {@code version} (of what else the table takes, such as comments)
     * differs from the last time.
     */
    T get(P parts, Object[] state, int version, Supplier<T> build) {
        Built<T> b = built.get(parts);
        if (b != null && b.version() == version && sameState(b.state(), state)) return b.table();
        T t = build.get();
        built.put(parts, new Built<>(state, version, t));
        return t;
    }

    /** Forgets the parts no longer in the model (a dropped or renamed table). */
    void keepOnly(Collection<P> current) {
        java.util.Set<P> keep = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        keep.addAll(current);
        built.keySet().retainAll(keep);
    }

    /** Element by element: arrays by the identity of their elements (immutable records), other fields by equality. */
    private static boolean sameState(Object[] a, Object[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] instanceof Object[] x && b[i] instanceof Object[] y) {
                if (x.length != y.length) return false;
                for (int k = 0; k < x.length; k++) {
                    if (x[k] != y[k]) return false;
                }
            } else if (!Objects.equals(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }
}
