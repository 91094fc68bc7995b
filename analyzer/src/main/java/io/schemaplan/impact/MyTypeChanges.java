package io.schemaplan.impact;

import io.schemaplan.model.DataType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which {@link MyOperation} a column type change is on InnoDB. Only three kinds of change avoid a copy:
 * widening a VARCHAR/VARBINARY while the length prefix of the stored values stays the same, appending
 * ENUM/SET members within the same storage size, and (MariaDB) widening a VARCHAR of at most 127 bytes,
 * whose values all use a 1-byte prefix either way. The prefix is 1 byte up to a maximum of 255 bytes and
 * 2 bytes above, so the limit is in bytes: characters times the character set's bytes per character
 * (utf8mb4 4, utf8mb3 3, latin1 1). Verified on the local MariaDB by {@code MyRulesServerTest} and
 * {@code MyTypeChangesTest}.
 */
public final class MyTypeChanges {
    /** Most bytes a value of the length prefix's 1-byte form can describe. */
    static final int ONE_BYTE_PREFIX = 255;
    /** Values up to this many bytes are stored with a 1-byte prefix even in a column over 255 bytes. */
    static final int SHORT_VALUE = 127;

    private static final List<String> INTEGERS = List.of("tinyint", "smallint", "mediumint", "integer", "bigint");
    private static final List<String> TEXTS = List.of("tinytext", "text", "mediumtext", "longtext");
    private static final Set<String> VARYING = Set.of("varchar", "varbinary");

    /** Bytes per character of the character sets in use; a collation name starts with its character set. */
    private static final Map<String, Integer> BYTES_PER_CHAR = Map.ofEntries(
            Map.entry("utf8mb4", 4), Map.entry("utf8mb3", 3), Map.entry("utf8", 3), Map.entry("latin1", 1),
            Map.entry("ascii", 1), Map.entry("binary", 1), Map.entry("ucs2", 2), Map.entry("utf16", 4),
            Map.entry("utf16le", 4), Map.entry("utf32", 4), Map.entry("latin2", 1), Map.entry("cp1250", 1),
            Map.entry("cp1251", 1), Map.entry("gbk", 2), Map.entry("big5", 2), Map.entry("sjis", 2),
            Map.entry("ujis", 3), Map.entry("euckr", 2), Map.entry("gb2312", 2), Map.entry("gb18030", 4));

    private MyTypeChanges() {
    }

    /** The character set of a collation ({@code utf8mb4_general_ci} → {@code utf8mb4}); "utf8" is utf8mb3. */
    public static String charset(String collation) {
        String c = collation.toLowerCase(Locale.ROOT);
        int underscore = c.indexOf('_');
        String cs = underscore < 0 ? c : c.substring(0, underscore);
        if (cs.equals("utf8mb4") || cs.equals("utf8mb3")) return cs;
        return cs.equals("utf8") ? "utf8mb3" : cs;
    }

    /** Bytes per character of a collation's character set; unknown sets count as 4 (the safe side: a copy). */
    public static int bytesPerChar(String collation) {
        return BYTES_PER_CHAR.getOrDefault(charset(collation), 4);
    }

    /**
     * The operation for a type change of a column whose character set has {@code bytesPerChar} bytes per
     * character (1 for binary types).
     */
    public static MyOperation classify(DataType from, DataType to, int bytesPerChar) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new IllegalArgumentException("not a type change: " + from);
        }
        String a = from.name();
        String b = to.name();
        if (a.equals(b) && (a.equals("enum") || a.equals("set"))) {
            return members(a, from.values(), to.values());
        }
        if (a.equals(b) && VARYING.contains(a) && from.size() != null && to.size() != null) {
            return varying(from.size() * (a.equals("varbinary") ? 1 : bytesPerChar),
                    to.size() * (a.equals("varbinary") ? 1 : bytesPerChar));
        }
        int ia = INTEGERS.indexOf(a);
        int ib = INTEGERS.indexOf(b);
        if (ia >= 0 && ib >= 0) {
            if (from.unsigned() != to.unsigned()) return MyOperation.SIGNEDNESS;
            return ib > ia ? MyOperation.INT_WIDEN : ib < ia ? MyOperation.NARROW_TYPE : MyOperation.CHANGE_TYPE;
        }
        if ((a.equals("varchar") || a.equals("char") || TEXTS.contains(a)) && TEXTS.contains(b)) {
            return TEXTS.indexOf(b) < TEXTS.indexOf(a) ? MyOperation.NARROW_TYPE : MyOperation.VARCHAR_TO_TEXT;
        }
        if (a.equals(b) && from.size() != null && to.size() != null && to.size() < from.size()) {
            return MyOperation.NARROW_TYPE;
        }
        return MyOperation.CHANGE_TYPE;
    }

    private static MyOperation varying(int fromBytes, int toBytes) {
        if (toBytes < fromBytes) return MyOperation.NARROW_TYPE;
        if (toBytes <= ONE_BYTE_PREFIX || fromBytes > ONE_BYTE_PREFIX) return MyOperation.VARCHAR_WIDEN;
        return fromBytes <= SHORT_VALUE ? MyOperation.VARCHAR_WIDEN_FROM_SHORT : MyOperation.VARCHAR_WIDEN_CROSSES_255;
    }

    private static MyOperation members(String kind, List<String> from, List<String> to) {
        boolean appended = to.size() > from.size() && to.subList(0, from.size()).equals(from);
        if (!appended) return MyOperation.ENUM_REORDER;
        return storageBytes(kind, from.size()) == storageBytes(kind, to.size())
                ? MyOperation.ENUM_APPEND : MyOperation.ENUM_STORAGE_GROWS;
    }

    /** ENUM: 1 byte up to 255 members, else 2; SET: 1, 2, 3, 4 or 8 bytes for up to 8, 16, 24, 32, 64 members. */
    static int storageBytes(String kind, int members) {
        if (kind.equals("enum")) return members <= 255 ? 1 : 2;
        int bytes = (members + 7) / 8;
        return bytes > 4 ? 8 : bytes;
    }
}
