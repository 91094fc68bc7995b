package io.schemaplan.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
import java.util.List;

/**
 * A table column. {@code defaultExpr} and {@code generatedExpr} are normalized expression text or null;
 * {@code identity} is null unless the column is an identity column; {@code collation} is null when the
 * column uses its type's default collation (MySQL: its table's default collation).
 *
 * <p>Two facts exist only in MySQL/MariaDB: {@code virtual} marks a generated column computed on read
 * ({@code VIRTUAL}; false is {@code STORED}, the only kind PostgreSQL has), and {@code invisible} a column
 * that {@code SELECT *} leaves out.
 *
 * <p>Four facts exist only in PostgreSQL: {@code statistics} is the per-column statistics target
 * ({@code SET STATISTICS n}; null for the default), {@code storage} the storage strategy when it differs
 * from the type's ({@code PLAIN}, {@code MAIN}, {@code EXTERNAL}, {@code EXTENDED}; null otherwise),
 * {@code compression} the TOAST compression method set on the column ({@code pglz}, {@code lz4}; null for
 * the server default), and {@code inherited} marks a column an inheritance child has only from its parents
 * (not {@code attislocal}): a dump does not print it in the child's CREATE TABLE. {@code options} are its
 * attribute options ({@code SET (n_distinct = 100)}) as {@code name=value}, sorted.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Column(
        String name,
        int position,
        DataType type,
        boolean nullable,
        String defaultExpr,
        Identity identity,
        String generatedExpr,
        String collation,
        String comment,
        boolean virtual,
        boolean invisible,
        // NON_NULL, not the class's NON_DEFAULT: SET STATISTICS 0 (no statistics) must stay in a snapshot.
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer statistics,
        String storage,
        String compression,
        boolean inherited,
        List<String> options) {

    public Column {
        options = Lists.sorted(options, x -> x);
    }

    public enum Identity { ALWAYS, BY_DEFAULT }

    /** A column with neither MySQL-only fact (every PostgreSQL column). */
    public Column(String name, int position, DataType type, boolean nullable, String defaultExpr, Identity identity,
                  String generatedExpr, String collation, String comment) {
        this(name, position, type, nullable, defaultExpr, identity, generatedExpr, collation, comment, false, false);
    }

    /** A column without the PostgreSQL-only storage facts (every MySQL column; the form before they were read). */
    public Column(String name, int position, DataType type, boolean nullable, String defaultExpr, Identity identity,
                  String generatedExpr, String collation, String comment, boolean virtual, boolean invisible) {
        this(name, position, type, nullable, defaultExpr, identity, generatedExpr, collation, comment, virtual,
                invisible, null, null, null, false, List.of());
    }

    /** The same column with the PostgreSQL storage facts. */
    public Column withStorage(Integer stats, String strategy, String method) {
        return new Column(name, position, type, nullable, defaultExpr, identity, generatedExpr, collation, comment,
                virtual, invisible, stats, strategy, method, inherited, options);
    }

    /** The same column with these attribute options ({@code n_distinct=100}). */
    public Column withOptions(List<String> o) {
        return new Column(name, position, type, nullable, defaultExpr, identity, generatedExpr, collation, comment,
                virtual, invisible, statistics, storage, compression, inherited, o);
    }

    /** The same column marked as inherited from a parent table (or as local). */
    public Column withInherited(boolean i) {
        return new Column(name, position, type, nullable, defaultExpr, identity, generatedExpr, collation, comment,
                virtual, invisible, statistics, storage, compression, i, options);
    }

    public Column withPosition(int p) {
        return new Column(name, p, type, nullable, defaultExpr, identity, generatedExpr, collation, comment, virtual, invisible,
                statistics, storage, compression, inherited, options);
    }

    public Column withDefault(String d) {
        return new Column(name, position, type, nullable, d, identity, generatedExpr, collation, comment, virtual, invisible,
                statistics, storage, compression, inherited, options);
    }

    public Column withGenerated(String g) {
        return new Column(name, position, type, nullable, defaultExpr, identity, g, collation, comment, virtual, invisible,
                statistics, storage, compression, inherited, options);
    }

    public Column withNullable(boolean n) {
        return new Column(name, position, type, n, defaultExpr, identity, generatedExpr, collation, comment, virtual, invisible,
                statistics, storage, compression, inherited, options);
    }

    public Column withIdentity(Identity i) {
        return new Column(name, position, type, nullable, defaultExpr, i, generatedExpr, collation, comment, virtual, invisible,
                statistics, storage, compression, inherited, options);
    }

    public Column withComment(String c) {
        return new Column(name, position, type, nullable, defaultExpr, identity, generatedExpr, collation, c, virtual, invisible,
                statistics, storage, compression, inherited, options);
    }

    /** The same column with another type and collation (MariaDB's {@code longtext} JSON columns become {@code json}). */
    public Column withType(DataType t, String coll) {
        return new Column(name, position, t, nullable, defaultExpr, identity, generatedExpr, coll, comment, virtual, invisible,
                statistics, storage, compression, inherited, options);
    }

    /** The same column under another name: used to recognise a possible rename. */
    public Column renamed(String newName) {
        return new Column(newName, position, type, nullable, defaultExpr, identity, generatedExpr, collation, comment, virtual, invisible,
                statistics, storage, compression, inherited, options);
    }

    // equals and hashCode over every component, as a record's own would be, written out (see package-info).
    @Override
    public boolean equals(Object other) {
        return other instanceof Column o && Arrays.equals(components(), o.components());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(components());
    }

    private Object[] components() {
        return new Object[] {name, position, type, nullable, defaultExpr, identity, generatedExpr, collation, comment, virtual,
                invisible, statistics, storage, compression, inherited, options};
    }
}
