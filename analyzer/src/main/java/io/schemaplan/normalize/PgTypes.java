package io.schemaplan.normalize;

import io.schemaplan.model.DataType;
import java.util.List;
import java.util.Map;

/** Canonical PostgreSQL types: {@code int4} = {@code integer}, {@code character varying(n)} = {@code varchar(n)}. */
public final class PgTypes {
    private PgTypes() {
    }

    /** Spellings (lower-case words, modifiers removed) and the canonical name they stand for. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int2", "smallint"), Map.entry("smallserial", "smallint"), Map.entry("serial2", "smallint"),
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("serial", "integer"),
            Map.entry("serial4", "integer"),
            Map.entry("int8", "bigint"), Map.entry("bigserial", "bigint"), Map.entry("serial8", "bigint"),
            Map.entry("float4", "real"), Map.entry("float8", "double precision"),
            Map.entry("decimal", "numeric"), Map.entry("bool", "boolean"),
            Map.entry("character varying", "varchar"), Map.entry("character", "char"), Map.entry("bpchar", "char"),
            Map.entry("bit varying", "varbit"),
            Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("time without time zone", "time"), Map.entry("time with time zone", "timetz"));

    /** Types whose bare spelling means length 1 ({@code char} = {@code character(1)}, as format_type prints it). */
    private static final List<String> LENGTH_ONE_WHEN_BARE = List.of("character", "char", "bit");

    /**
     * Parses a type as {@code format_type()} prints it (and as it appears in a dump), or as a user writes
     * it (aliases such as {@code int4}, {@code bool}, {@code timestamptz}), into the canonical form.
     */
    public static DataType parse(String text) {
        String s = text.trim();
        int dims = 0;
        while (s.endsWith("]")) {
            int open = s.lastIndexOf('[');
            if (open < 0) throw new IllegalArgumentException("']' without '[' in type " + Excerpts.of(text));
            s = s.substring(0, open).trim();
            dims++;
        }
        if (s.regionMatches(true, s.length() - 6, " array", 0, 6)) {
            s = s.substring(0, s.length() - 6).trim();
            dims++;
        }
        SqlTokens t = SqlTokens.of(s);
        StringBuilder words = new StringBuilder();
        String modifiers = null;
        for (int i = 0; i < t.size(); i++) {
            if (t.isGroup(i)) {
                modifiers = t.inner(i);
            } else if (t.isName(i) && t.isSymbol(i + 1, ".")) {
                int end = t.nameEnd(i);
                List<String> parts = t.nameParts(i, end);
                // pg_catalog.int4 is the built-in type; anything else qualified is a user type
                words.append(parts.get(0).equals("pg_catalog") ? parts.get(parts.size() - 1) : String.join(".", parts));
                i = end - 1;
            } else if (t.kind(i) == SqlTokens.Kind.QUOTED) {
                words.append(words.isEmpty() ? "" : " ").append(t.text(i)); // "char" is not char
            } else {
                words.append(words.isEmpty() ? "" : " ").append(t.ident(i));
            }
        }
        String spelled = words.toString();
        String name = ALIASES.getOrDefault(spelled, spelled);
        Integer size = null;
        Integer scale = null;
        if (modifiers != null && SqlTokens.splitTopLevel(modifiers).isEmpty()) {
            throw new IllegalArgumentException("empty modifier '()' in type " + Excerpts.of(text));
        }
        if (modifiers != null && !isNumeric(modifiers)) {
            // An extension's type modifier that is not a length (PostGIS geometry(Point,4326)): it stays part of
            // the name, spaced as format_type prints it, so two columns compare by it.
            name = name + "(" + String.join(",", SqlTokens.splitTopLevel(modifiers).stream().map(String::trim).toList()) + ")";
        } else if (modifiers != null) {
            List<String> m = SqlTokens.splitTopLevel(modifiers);
            size = Integer.valueOf(m.get(0).trim());
            scale = m.size() > 1 ? Integer.valueOf(m.get(1).trim()) : name.equals("numeric") ? 0 : null;
        } else if (LENGTH_ONE_WHEN_BARE.contains(spelled)) {
            size = 1;
        }
        if (name.equals("float")) { // float(p) is real up to 24 bits of precision
            name = size != null && size <= 24 ? "real" : "double precision";
            size = null;
        }
        return new DataType(name, size, scale, dims);
    }

    /** True for {@code 10} and {@code 10,2}: the modifiers of the built-in types. */
    private static boolean isNumeric(String modifiers) {
        return SqlTokens.splitTopLevel(modifiers).stream().allMatch(m -> m.trim().matches("-?\\d+")) && !modifiers.isBlank();
    }
}
