package io.schemaplan.sql;

import static io.schemaplan.sql.Identifiers.quote;

import io.schemaplan.model.Engine;
import io.schemaplan.model.ForeignKey;
import io.schemaplan.model.Index;
import io.schemaplan.model.Index.IndexKey;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Definitions of model records as SQL to run, names quoted. The model keeps names unquoted (the column
 * keys and INCLUDE columns of an index, whether read from a dump or from {@code pg_get_indexdef}; the
 * columns of a foreign key) and expressions as the server printed them, which is already valid SQL:
 * {@link Index#definition()} and {@link ForeignKey#definition()} print names bare, right for comparing and
 * reading, not for running.
 */
public final class Definitions {
    private static final Pattern SCHEMA_PREFIX = Pattern.compile("[a-z_][a-z0-9_]*\\..+");

    private Definitions() {
    }

    /** {@code UNIQUE USING btree ("userId", lower(b) DESC) INCLUDE ("X") WHERE …}, as {@link Index#definition()}. */
    public static String index(Engine engine, Index i) {
        return i.definition(n -> quote(engine, n), c -> collation(engine, c));
    }

    /** One key of an index: a column name quoted, or an expression as printed, with its options. */
    public static String key(Engine engine, IndexKey k) {
        return k.sql(n -> quote(engine, n), c -> collation(engine, c));
    }

    /** {@code a, "B"}: names separated by commas. */
    public static String names(Engine engine, List<String> names) {
        return names.stream().map(n -> quote(engine, n)).collect(Collectors.joining(", "));
    }

    /** {@code ("userId") REFERENCES public."Parent"(id) ON DELETE CASCADE}, as {@link ForeignKey#definition()}. */
    public static String foreignKey(Engine engine, ForeignKey f) {
        return "(" + names(engine, f.columns()) + ") REFERENCES " + Identifiers.qualified(engine, f.referencedTable())
                + "(" + names(engine, f.referencedColumns()) + ")" + f.options();
    }

    /**
     * A collation kept unquoted with its schema joined by a dot ({@code pg_catalog.C}): the part before the
     * first dot is taken for the schema when it is a plain lower-case name, so {@code en_US.utf8} stays one
     * name. MySQL collation names are plain words and stay as they are.
     */
    private static String collation(Engine engine, String name) {
        if (engine.isMysqlFamily()) return name;
        if (!SCHEMA_PREFIX.matcher(name).matches()) return quote(engine, name);
        int dot = name.indexOf('.');
        return quote(engine, name.substring(0, dot)) + "." + quote(engine, name.substring(dot + 1));
    }
}
