package io.schemaplan.read;

import io.schemaplan.model.QName;
import io.schemaplan.model.Sequence;
import io.schemaplan.normalize.SqlTokens;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;

/**
 * MariaDB sequences (10.3+): the options of {@code CREATE SEQUENCE} and {@code ALTER SEQUENCE} as a
 * {@link Sequence}. A dump and a live read give one text for them, since mariadb-dump prints what
 * {@code SHOW CREATE SEQUENCE} does ({@code start with 1 minvalue 1 maxvalue 9223372036854775806 increment by 1
 * cache 1000 nocycle ENGINE=InnoDB}), and the catalog reader asks that same statement. A script may leave
 * options out: they take the server's defaults, which is what it prints afterwards. {@code minValue} and
 * {@code maxValue} are null when they are the defaults of the type and direction, so a sequence written with
 * them and one written without compare equal, as the server makes them.
 */
final class MysqlSequences {
    private MysqlSequences() {
    }

    /** The type of a sequence without {@code AS} (before MariaDB 11.5 every sequence is bigint). */
    static final String DEFAULT_TYPE = "bigint";
    static final long DEFAULT_CACHE = 1000;

    /** Largest value of each integer type MariaDB 11.5+ accepts after AS (signed; unsigned is 2 × this + 1). */
    private static final Map<String, BigInteger> SIGNED_MAX = Map.of(
            "tinyint", BigInteger.valueOf(Byte.MAX_VALUE), "smallint", BigInteger.valueOf(Short.MAX_VALUE),
            "mediumint", BigInteger.valueOf(8_388_607), "int", BigInteger.valueOf(Integer.MAX_VALUE),
            "integer", BigInteger.valueOf(Integer.MAX_VALUE), "bigint", BigInteger.valueOf(Long.MAX_VALUE));

    /** A sequence's options while they are read: every value explicit. */
    private static final class Options {
        String type = DEFAULT_TYPE;
        BigInteger start;
        BigInteger increment = BigInteger.ONE;
        BigInteger min;
        BigInteger max;
        long cache = DEFAULT_CACHE;
        boolean cycle;
        String comment;
    }

    /**
     * {@code CREATE [OR REPLACE] SEQUENCE [IF NOT EXISTS] name [AS type] options… [table options]}: {@code at} is the
     * token after the name.
     */
    static Sequence create(QName name, SqlTokens t, int at) {
        Options o = new Options();
        if (t.isWord(at, "AS")) at = type(t, at + 1, o);
        boolean[] given = options(t, at, o, false);
        if (!given[0]) o.min = null;
        if (!given[1]) o.max = null;
        return model(name, o, given[2]);
    }

    /** {@code ALTER SEQUENCE [IF EXISTS] name options…} on {@code s}: {@code at} is the token after the name. */
    static Sequence alter(Sequence s, SqlTokens t, int at) {
        Options o = new Options();
        o.type = s.dataType();
        o.increment = BigInteger.valueOf(s.increment());
        o.min = s.minValue() != null ? BigInteger.valueOf(s.minValue()) : defaultMin(o.type, o.increment);
        o.max = s.maxValue() != null ? BigInteger.valueOf(s.maxValue()) : defaultMax(o.type, o.increment);
        o.start = BigInteger.valueOf(s.start());
        o.cache = s.cache();
        o.cycle = s.cycle();
        o.comment = s.comment();
        boolean[] given = options(t, at, o, true);
        if (given[0] && o.min == null) o.min = defaultMin(o.type, o.increment);
        if (given[1] && o.max == null) o.max = defaultMax(o.type, o.increment);
        return model(s.name(), o, true);
    }

    /** {@code AS [tinyint|smallint|mediumint|int|bigint] [signed|unsigned]}; the index after it. */
    private static int type(SqlTokens t, int i, Options o) {
        String base = t.ident(i).toLowerCase(Locale.ROOT);
        if (!SIGNED_MAX.containsKey(base)) throw new IllegalArgumentException("a sequence cannot be of type " + base);
        i++;
        if (t.isWord(i, "SIGNED")) i++;
        boolean unsigned = t.isWord(i, "UNSIGNED");
        if (unsigned) i++;
        o.type = (base.equals("integer") ? "int" : base) + (unsigned ? " unsigned" : "");
        return i;
    }

    /**
     * Reads options from {@code i} to the end into {@code o}; which of MINVALUE, MAXVALUE and START were given (an
     * explicit {@code NO MINVALUE} counts as given, and sets null). Anything else is an error.
     */
    private static boolean[] options(SqlTokens t, int i, Options o, boolean alter) {
        boolean[] given = new boolean[3];
        while (i < t.size()) {
            if (t.isSymbol(i, ",")) {
                i++;
            } else if (t.isWord(i, "START")) {
                i = t.isWord(i + 1, "WITH") ? i + 2 : i + 1;
                o.start = number(t, i);
                i = after(t, i);
                given[2] = true;
            } else if (t.isWord(i, "INCREMENT")) {
                i = t.isWord(i + 1, "BY") ? i + 2 : i + 1;
                o.increment = number(t, i);
                i = after(t, i);
            } else if (t.isWord(i, "MINVALUE")) {
                o.min = number(t, i + 1);
                i = after(t, i + 1);
                given[0] = true;
            } else if (t.isWord(i, "MAXVALUE")) {
                o.max = number(t, i + 1);
                i = after(t, i + 1);
                given[1] = true;
            } else if (t.isWord(i, "NO", "MINVALUE") || t.isWord(i, "NOMINVALUE")) {
                o.min = null;
                given[0] = true;
                i += t.isWord(i, "NO") ? 2 : 1;
            } else if (t.isWord(i, "NO", "MAXVALUE") || t.isWord(i, "NOMAXVALUE")) {
                o.max = null;
                given[1] = true;
                i += t.isWord(i, "NO") ? 2 : 1;
            } else if (t.isWord(i, "CACHE")) {
                o.cache = number(t, i + 1).longValueExact();
                i = after(t, i + 1);
            } else if (t.isWord(i, "NOCACHE")) { // NO CACHE and NO CYCLE are syntax errors to MariaDB 10.11
                o.cache = 0;
                i++;
            } else if (t.isWord(i, "CYCLE")) {
                o.cycle = true;
                i++;
            } else if (t.isWord(i, "NOCYCLE")) {
                o.cycle = false;
                i++;
            } else if (alter && t.isWord(i, "RESTART")) {
                // The next value only (SHOW CREATE SEQUENCE keeps the start, measured on 10.11): not modelled.
                i++;
                if (t.isWord(i, "WITH")) i++;
                if (t.isSymbol(i, "=") || t.isSymbol(i, "-") || t.isSymbol(i, "=-") || t.kind(i) == SqlTokens.Kind.WORD
                        && Character.isDigit(t.text(i).charAt(0))) {
                    number(t, i);
                    i = after(t, i);
                }
            } else if (!alter && t.isWord(i, "ENGINE")) { // the storage engine of the sequence table: not modelled
                i = t.isSymbol(i + 1, "=") ? i + 3 : i + 2;
            } else if (!alter && t.isWord(i, "COMMENT")) {
                i = t.isSymbol(i + 1, "=") ? i + 2 : i + 1;
                String c = SqlTokens.mysqlStringValue(t.text(i++));
                o.comment = c.isEmpty() ? null : c;
            } else {
                throw new IllegalArgumentException("unknown sequence option '" + clip(t.rest(i)) + "'");
            }
        }
        return given;
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** The number at {@code i}, past an optional {@code =}, with an optional sign ({@code =-5} is one token). */
    private static BigInteger number(SqlTokens t, int i) {
        boolean negative = false;
        if (t.isSymbol(i, "=") || t.isSymbol(i, "+") || t.isSymbol(i, "=+")) {
            i++;
        } else if (t.isSymbol(i, "-") || t.isSymbol(i, "=-")) {
            negative = true;
            i++;
        }
        if (t.isSymbol(i, "-")) {
            negative = true;
            i++;
        }
        if (t.kind(i) != SqlTokens.Kind.WORD || !t.text(i).chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("expected a number at '" + clip(t.rest(i)) + "'");
        }
        BigInteger n = new BigInteger(t.text(i));
        return negative ? n.negate() : n;
    }

    /** The index after the number {@link #number} read at {@code i}. */
    private static int after(SqlTokens t, int i) {
        while (i < t.size() && t.kind(i) == SqlTokens.Kind.SYMBOL) i++;
        return i + 1;
    }

    private static BigInteger typeMax(String type) {
        BigInteger signed = SIGNED_MAX.get(type.replace(" unsigned", ""));
        return type.endsWith(" unsigned") ? signed.shiftLeft(1).add(BigInteger.ONE) : signed;
    }

    private static BigInteger typeMin(String type) {
        return type.endsWith(" unsigned") ? BigInteger.ZERO : typeMax(type).negate().subtract(BigInteger.ONE);
    }

    /**
     * MariaDB's MINVALUE when none is given: 1 ascending (INCREMENT 0, which takes auto_increment_increment, counts as
     * ascending), one above the type's least descending.
     */
    static BigInteger defaultMin(String type, BigInteger increment) {
        return increment.signum() >= 0 || type.endsWith(" unsigned") ? BigInteger.ONE : typeMin(type).add(BigInteger.ONE);
    }

    /** MariaDB's MAXVALUE when none is given: one below the type's greatest ascending, -1 descending. */
    static BigInteger defaultMax(String type, BigInteger increment) {
        return increment.signum() >= 0 || type.endsWith(" unsigned") ? typeMax(type).subtract(BigInteger.ONE)
                : BigInteger.ONE.negate();
    }

    private static Sequence model(QName name, Options o, boolean startGiven) {
        BigInteger min = o.min != null ? o.min : defaultMin(o.type, o.increment);
        BigInteger max = o.max != null ? o.max : defaultMax(o.type, o.increment);
        BigInteger start = startGiven && o.start != null ? o.start : o.increment.signum() >= 0 ? min : max;
        if (min.compareTo(max) >= 0 || start.compareTo(min) < 0 || start.compareTo(max) > 0) {
            throw new IllegalArgumentException("sequence " + name + ": MINVALUE " + min + ", MAXVALUE " + max
                    + " and START " + start + " are not in order (the server refuses it)");
        }
        return new Sequence(name, o.type, exact(start), o.increment.longValueExact(),
                min.equals(defaultMin(o.type, o.increment)) ? null : exact(min),
                max.equals(defaultMax(o.type, o.increment)) ? null : exact(max), o.cache, o.cycle, null, o.comment);
    }

    private static long exact(BigInteger n) {
        if (n.bitLength() > 63) throw new IllegalArgumentException(n + " is out of the range the model holds");
        return n.longValueExact();
    }
}
