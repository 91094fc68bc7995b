package io.schemaplan.model;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Null-safe immutable copies for record constructors (a snapshot may omit an empty list). */
final class Lists {
    private Lists() {
    }

    static <T> List<T> copy(List<T> items) {
        return items == null ? List.of() : List.copyOf(items);
    }

    static <T, K extends Comparable<? super K>> List<T> sorted(List<T> items, Function<T, K> key) {
        return items == null ? List.of() : items.stream().sorted(Comparator.comparing(key)).toList();
    }
}
