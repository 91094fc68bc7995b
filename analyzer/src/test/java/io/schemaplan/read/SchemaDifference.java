package io.schemaplan.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.schemaplan.model.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** A readable account of where two schemas differ: each object that is not equal, as JSON on both sides. */
final class SchemaDifference {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SchemaDifference() {
    }

    static String describe(Schema left, Schema right) {
        List<String> out = new ArrayList<>();
        if (!String.valueOf(left.serverVersion()).equals(String.valueOf(right.serverVersion()))) {
            out.add("serverVersion: " + left.serverVersion() + " <> " + right.serverVersion());
        }
        compare(out, "namespace", left.namespaces(), right.namespaces(), x -> x);
        compare(out, "extension", left.extensions(), right.extensions(), e -> e.name());
        compare(out, "enum", left.enums(), right.enums(), e -> e.name().toString());
        compare(out, "sequence", left.sequences(), right.sequences(), s -> s.name().toString());
        compare(out, "table", left.tables(), right.tables(), t -> t.name().toString());
        compare(out, "view", left.views(), right.views(), v -> v.name().toString());
        compare(out, "routine", left.routines(), right.routines(), r -> r.signature());
        compare(out, "domain", left.domains(), right.domains(), d -> d.name().toString());
        return String.join("\n", out);
    }

    private static <T> void compare(List<String> out, String kind, List<T> left, List<T> right,
                                    Function<T, String> key) {
        Map<String, T> l = byKey(left, key);
        Map<String, T> r = byKey(right, key);
        TreeMap<String, Boolean> keys = new TreeMap<>();
        l.keySet().forEach(k -> keys.put(k, true));
        r.keySet().forEach(k -> keys.put(k, true));
        for (String k : keys.keySet()) {
            T a = l.get(k);
            T b = r.get(k);
            if (a == null || !a.equals(b)) {
                out.add(kind + " " + k + ":\n  left:  " + json(a) + "\n  right: " + json(b));
            }
        }
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> m = new TreeMap<>();
        items.forEach(i -> m.put(key.apply(i), i));
        return m;
    }

    private static String json(Object o) {
        try {
            return o == null ? "(missing)" : JSON.writeValueAsString(o).replace("\n", "\n         ");
        } catch (JsonProcessingException e) {
            return String.valueOf(o);
        }
    }
}
