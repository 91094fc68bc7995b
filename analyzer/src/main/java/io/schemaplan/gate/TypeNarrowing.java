package io.schemaplan.gate;

import io.schemaplan.model.DataType;
import java.util.List;
import java.util.Objects;

/**
 * Whether a type change can lose values: the new type holds fewer (a shorter string, a smaller integer, less
 * precision, fewer enum labels). Works on the canonical names of both engines. Pure.
 */
final class TypeNarrowing {
    /** Integer types by range, both engines' canonical names. */
    private static final List<String> INTEGERS = List.of("tinyint", "smallint", "mediumint", "integer", "bigint");
    private static final List<String> TEXTS = List.of("tinytext", "text", "mediumtext", "longtext");
    private static final List<String> FLOATS = List.of("real", "float", "double precision", "double");

    private TypeNarrowing() {
    }

    static boolean narrows(DataType from, DataType to) {
        if (from.arrayDims() != to.arrayDims()) return false;
        if (!to.values().isEmpty()) return !to.values().containsAll(from.values());
        int fi = INTEGERS.indexOf(from.name());
        int ti = INTEGERS.indexOf(to.name());
        if (fi >= 0 && ti >= 0) return ti < fi || (from.unsigned() != to.unsigned() && ti == fi);
        if (isCharacter(from) && isCharacter(to)) return capacity(to) < capacity(from);
        if (from.name().equals("numeric") && to.name().equals("numeric")) {
            return smaller(to.size(), from.size()) || smaller(to.scale(), from.scale());
        }
        int ff = FLOATS.indexOf(from.name());
        int tf = FLOATS.indexOf(to.name());
        if (ff >= 0 && tf >= 0) return tf / 2 < ff / 2;
        if (Objects.equals(from.name(), to.name())) return smaller(to.size(), from.size());
        return false;
    }

    private static boolean isCharacter(DataType t) {
        return t.name().equals("varchar") || t.name().equals("char") || t.name().equals("character")
                || TEXTS.contains(t.name());
    }

    /**
     * Characters the type holds, in rank order: PostgreSQL's text and unbounded varchar are equal, MySQL's
     * text types rank by their maximum (tinytext holds 255 bytes).
     */
    private static long capacity(DataType t) {
        switch (t.name()) {
            case "tinytext": return 255;
            case "text": return Long.MAX_VALUE - 2;
            case "mediumtext": return Long.MAX_VALUE - 1;
            case "longtext": return Long.MAX_VALUE;
            default: return t.size() == null ? Long.MAX_VALUE - 2 : t.size();
        }
    }

    /** A limit that was unlimited (null) or larger before. */
    private static boolean smaller(Integer to, Integer from) {
        if (to == null) return false;
        return from == null || to < from;
    }
}
