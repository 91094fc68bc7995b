package io.schemaplan.read;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What repeats across the tables of one catalog read: the same column names, type texts and defaults come
 * back in every table (10,000 tables: 150,000 column rows, a few dozen distinct types). Each distinct text is
 * kept once and parsed once, which halves the time spent mapping column rows and keeps one copy of each
 * string and type in the model instead of one per column. One instance per read; not thread-safe.
 */
final class Repeats {
    private final Map<String, String> texts = new HashMap<>();

    /** The one instance of this text in the read (null stays null). */
    String text(String s) {
        if (s == null) return null;
        String kept = texts.putIfAbsent(s, s);
        return kept == null ? s : kept;
    }

    /** {@code parse}, remembered per argument (a null result too); {@code parse} must be a pure function. */
    static <K, V> Function<K, V> once(Function<K, V> parse) {
        Map<K, V> seen = new HashMap<>();
        return k -> {
            V v = seen.get(k);
            if (v == null && !seen.containsKey(k)) {
                v = parse.apply(k);
                seen.put(k, v);
            }
            return v;
        };
    }

    /** The same for a function of two arguments. */
    static <A, B, V> BiFunction<A, B, V> once(BiFunction<A, B, V> parse) {
        record Pair(Object a, Object b) {
        }
        Function<Pair, V> memo = once(p -> {
            @SuppressWarnings("unchecked") A a = (A) p.a();
            @SuppressWarnings("unchecked") B b = (B) p.b();
            return parse.apply(a, b);
        });
        return (a, b) -> memo.apply(new Pair(a, b));
    }
}
