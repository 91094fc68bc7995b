package io.schemaplan.sql;

import io.schemaplan.model.Engine;
import io.schemaplan.model.QName;
import io.schemaplan.text.Printable;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The one way a name becomes an identifier in SQL this tool writes. Names come from the databases and
 * dumps we read, so they are hostile input: a column named {@code x); DROP TABLE t; --} must stay one
 * identifier, and {@code userId} must not be folded to {@code userid}.
 */
public final class Identifiers {
    /** PostgreSQL keeps the first 63 bytes of a name (NAMEDATALEN - 1) and drops the rest with a NOTICE. */
    public static final int PG_MAX_BYTES = 63;

    private static final Pattern PG_BARE = Pattern.compile("[a-z_][a-z0-9_]*");

    private Identifiers() {
    }

    /**
     * {@code name} as an identifier of {@code engine}. PostgreSQL: as {@code quote_ident} writes it, bare
     * only when it is a lower-case {@code [a-z_][a-z0-9_]*} that is not a non-unreserved keyword, else in
     * double quotes with {@code "} doubled; a name holding a {@linkplain Printable#isUnsafe control or
     * invisible character} is written {@code U&"a\000Ab"} instead, so that the SQL stays on one line and
     * shows what it names (standard SQL; PostgreSQL reads it with {@code standard_conforming_strings} on,
     * the default since 9.1). MySQL/MariaDB: always in backticks with {@code `} doubled, as
     * {@code SHOW CREATE TABLE} writes names.
     */
    public static String quote(Engine engine, String name) {
        if (engine.isMysqlFamily()) return '`' + name.replace("`", "``") + '`';
        if (name.codePoints().noneMatch(Printable::isUnsafe)) {
            return PgKeywords.LATER.contains(name) ? doubleQuoted(name) : quoteIdent(name);
        }
        StringBuilder b = new StringBuilder("U&\"");
        name.codePoints().forEach(c -> {
            if (c == '"') b.append("\"\"");
            else if (c == '\\') b.append("\\\\");
            else if (!Printable.isUnsafe(c)) b.appendCodePoint(c);
            else b.append(c <= 0xffff ? String.format("\\%04X", c) : String.format("\\+%06X", c));
        });
        return b.append('"').toString();
    }

    /**
     * {@code name} exactly as PostgreSQL 15's {@code quote_ident} (and pg_dump, and {@code pg_get_constraintdef})
     * print it, control characters and all: for matching text the server printed. SQL to run is written
     * with {@link #quote}, which also quotes the keywords of later servers.
     */
    public static String quoteIdent(String name) {
        return PG_BARE.matcher(name).matches() && !PgKeywords.PG15.contains(name) ? name : doubleQuoted(name);
    }

    private static String doubleQuoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** {@code schema.name} with both parts quoted; a name without a schema (every MySQL name) alone. */
    public static String qualified(Engine engine, QName name) {
        return name.schema().isEmpty() ? quote(engine, name.name())
                : quote(engine, name.schema()) + "." + quote(engine, name.name());
    }

    /**
     * The longest prefix of {@code name} whose UTF-8 encoding fits in {@code maxBytes}, cut between
     * characters (never inside one, never between the halves of a surrogate pair), as PostgreSQL cuts a
     * long identifier.
     */
    public static String truncateToBytes(String name, int maxBytes) {
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
            if (bytes > maxBytes) return name.substring(0, i);
            i += Character.charCount(c);
        }
        return name;
    }

    /**
     * A PostgreSQL name for a helper object made from {@code base} ({@code t_col}) and {@code suffix}
     * ({@code _new}): the base is shortened so that the whole fits in 63 bytes and the suffix survives, as
     * PostgreSQL names an index or constraint it makes up. (Cutting the whole instead could give back the
     * base itself: a 63-byte column plus {@code _new} is the same column.)
     */
    public static String withSuffix(String base, String suffix) {
        return truncateToBytes(base, PG_MAX_BYTES - suffix.getBytes(StandardCharsets.UTF_8).length) + suffix;
    }
}
