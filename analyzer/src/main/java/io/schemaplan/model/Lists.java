package io.schemaplan.model;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.Function;

/** Null-safe immutable copies for record constructors (a snapshot may omit an empty list). */
final class Lists {
    private Lists() {
    }

    static <T> List<T> copy(List<T> items) {
        return items == null ? List.of() : List.copyOf(items);
    }

    /** The items sorted by {@code key}, as a list that also finds an item by that key ({@link #find}). */
    static <T, K extends Comparable<? super K>> List<T> sorted(List<T> items, Function<T, K> key) {
        if (items == null || items.isEmpty()) return keyed(List.of(), key);
        // Readers mostly hand over lists already in order (and withers rebuild records from sorted lists):
        // one pass of comparisons then replaces the sort and its stream.
        for (int i = 1; i < items.size(); i++) {
            if (key.apply(items.get(i - 1)).compareTo(key.apply(items.get(i))) > 0) {
                List<T> copy = new ArrayList<>(items);
                copy.sort(Comparator.comparing(key)); // stable, as the stream's sort was
                return keyed(copy, key);
            }
        }
        return keyed(items, key);
    }

    /** The items in their order, as a list that also finds an item by {@code key} ({@link #find}). */
    static <T, K> List<T> keyed(List<T> items, Function<T, K> key) {
        return new Keyed<>(List.copyOf(items), key);
    }

    /**
     * The first item whose key is {@code k}, in constant time: {@code list} must come from {@link #sorted}
     * or {@link #keyed} with that key (every model record's constructor makes its lists so).
     */
    @SuppressWarnings("unchecked")
    static <T, K> Optional<T> find(List<T> list, K k) {
        return ((Keyed<T, K>) list).find(k);
    }

    /**
     * An immutable list with a name index beside it. The index lives here rather than as a record component
     * so the records' fields, equality and JSON stay what they declare; it is built on the first lookup, so a
     * list nobody searches costs nothing extra. A planner looks a table up once per change: with a linear
     * search that was quadratic (20,000 dropped tables took minutes).
     */
    private static final class Keyed<T, K> extends AbstractList<T> implements RandomAccess {
        private final List<T> items;
        private final Function<T, K> key;
        private volatile Map<K, T> index;

        Keyed(List<T> items, Function<T, K> key) {
            this.items = items;
            this.key = key;
        }

        @Override
        public T get(int i) {
            return items.get(i);
        }

        @Override
        public int size() {
            return items.size();
        }

        Optional<T> find(K k) {
            Map<K, T> m = index;
            if (m == null) {
                // Built whole before it is published: a racing thread at worst builds its own copy.
                m = new HashMap<>(Math.max(16, items.size() * 2));
                for (T item : items) m.putIfAbsent(key.apply(item), item);
                index = m;
            }
            return Optional.ofNullable(m.get(k));
        }
    }
}
