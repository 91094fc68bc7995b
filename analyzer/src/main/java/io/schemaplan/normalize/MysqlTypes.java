package io.schemaplan.normalize;

import io.schemaplan.model.DataType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Canonical MySQL/MariaDB column types, from the type text a dump prints and {@code COLUMNS.COLUMN_TYPE}
 * holds ({@code int(11) unsigned}, {@code enum('a','b')}, {@code decimal(10,2)}).
 *
 * <p>A MySQL type gets PostgreSQL's canonical name where both mean the same thing and MySQL accepts that
 * spelling ({@code int} = {@code integer}, {@code decimal} = {@code numeric}, {@code double} =
 * {@code double precision}), so a later cross-engine comparison has less to map; every other type keeps its
 * MySQL name ({@code tinyint}, {@code mediumint}, {@code longtext}, {@code datetime}, {@code timestamp},
 * {@code float}, {@code year}, {@code longblob}, {@code enum}, {@code set}), because its meaning differs
 * from any PostgreSQL type (MySQL {@code timestamp} converts by session time zone, {@code float} is
 * {@code real} only while REAL_AS_FLOAT is off, …). Integer display widths are dropped ({@code int(11)} =
 * {@code int}; MySQL 8 no longer prints them) except {@code tinyint(1)}, which is what {@code bool} becomes
 * and what drivers read as a boolean, and except under ZEROFILL, where the width changes what is shown.
 */
public final class MysqlTypes {
    private MysqlTypes() {
    }

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("middleint", "mediumint"),
            Map.entry("int1", "tinyint"), Map.entry("int2", "smallint"), Map.entry("int3", "mediumint"),
            Map.entry("int8", "bigint"), Map.entry("decimal", "numeric"), Map.entry("dec", "numeric"),
            Map.entry("fixed", "numeric"), Map.entry("double", "double precision"), Map.entry("real", "double precision"),
            Map.entry("float8", "double precision"), Map.entry("float4", "float"), Map.entry("character", "char"),
            Map.entry("character varying", "varchar"), Map.entry("long", "mediumtext"),
            Map.entry("long varchar", "mediumtext"), Map.entry("long varbinary", "mediumblob"));

    private static final Set<String> INTEGERS = Set.of("tinyint", "smallint", "mediumint", "integer", "bigint");

    /** Types the server prints without a size that still mean a size (a bare {@code char} is {@code char(1)}). */
    private static final Map<String, Integer> BARE_SIZE = Map.of("char", 1, "binary", 1, "bit", 1);

    /** Types whose printed size is implied and says nothing ({@code year(4)} in MariaDB, {@code year} in MySQL 8). */
    private static final Set<String> SIZE_IGNORED = Set.of("year");

    /** Parses a MySQL type spelling (as the server prints it, or as a user writes it) into the canonical form. */
    public static DataType parse(String text) {
        SqlTokens t = SqlTokens.mysql(text.trim());
        StringBuilder words = new StringBuilder();
        String modifiers = null;
        boolean unsigned = false;
        boolean zerofill = false;
        for (int i = 0; i < t.size(); i++) {
            if (t.isGroup(i)) {
                modifiers = t.inner(i);
            } else if (t.isWord(i, "unsigned")) {
                unsigned = true;
            } else if (t.isWord(i, "zerofill")) {
                zerofill = true;
                unsigned = true; // ZEROFILL implies UNSIGNED; the server prints both
            } else if (t.isWord(i, "signed") || t.isWord(i, "national")) {
                continue;
            } else if (t.isName(i)) {
                words.append(words.isEmpty() ? "" : " ").append(t.ident(i).toLowerCase(Locale.ROOT));
            } else {
                throw new IllegalArgumentException("unexpected '" + t.text(i) + "' in type " + Excerpts.of(text));
            }
        }
        String spelled = words.toString();
        if (spelled.equals("bool") || spelled.equals("boolean")) return new DataType("tinyint", 1, null, 0, unsigned, List.of());
        if (spelled.equals("double precision")) spelled = "double";
        String name = ALIASES.getOrDefault(spelled, spelled);
        if (name.equals("enum") || name.equals("set")) {
            List<String> labels = SqlTokens.splitTopLevel(modifiers == null ? "" : modifiers, SqlTokens.Dialect.MYSQL)
                    .stream().map(SqlTokens::mysqlStringValue).toList();
            return new DataType(name, null, null, 0, false, labels);
        }
        Integer size = null;
        Integer scale = null;
        if (modifiers != null) {
            List<String> m = SqlTokens.splitTopLevel(modifiers, SqlTokens.Dialect.MYSQL);
            if (m.isEmpty()) throw new IllegalArgumentException("empty modifier '()' in type " + Excerpts.of(text));
            size = Integer.valueOf(m.get(0).trim());
            scale = m.size() > 1 ? Integer.valueOf(m.get(1).trim()) : null;
        }
        if (name.equals("numeric")) { // decimal = decimal(10,0), decimal(p) = decimal(p,0)
            if (size == null) size = 10;
            if (scale == null) scale = 0;
        } else if (INTEGERS.contains(name)) {
            boolean keepWidth = zerofill || name.equals("tinyint") && Integer.valueOf(1).equals(size);
            if (!keepWidth) size = null;
        } else if (SIZE_IGNORED.contains(name)) {
            size = null;
        } else if (size == null && BARE_SIZE.containsKey(name)) {
            size = BARE_SIZE.get(name);
        } else if (size != null && size == 0 && (name.equals("datetime") || name.equals("timestamp") || name.equals("time"))) {
            size = null; // datetime(0) is datetime
        }
        return new DataType(name, size, scale, 0, unsigned, List.of());
    }
}
