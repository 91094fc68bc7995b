package io.schemaplan.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A table column. {@code defaultExpr} and {@code generatedExpr} are normalized expression text or null;
 * {@code identity} is null unless the column is an identity column; {@code collation} is null when the
 * column uses its type's default collation (MySQL: its table's default collation).
 *
 * <p>Two facts exist only in MySQL/MariaDB: {@code virtual} marks a generated column computed on read
 * ({@code VIRTUAL}; false is {@code STORED}, the only kind PostgreSQL has), and {@code invisible} a column
 * that {@code SELECT *} leaves out.
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
        boolean invisible) {

    public enum Identity { ALWAYS, BY_DEFAULT }

    /** A column with neither MySQL-only fact (every PostgreSQL column). */
    public Column(String name, int position, DataType type, boolean nullable, String defaultExpr, Identity identity,
                  String generatedExpr, String collation, String comment) {
        this(name, position, type, nullable, defaultExpr, identity, generatedExpr, collation, comment, false, false);
    }

    public Column withPosition(int p) {
        return new Column(name, p, type, nullable, defaultExpr, identity, generatedExpr, collation, comment, virtual, invisible);
    }

    public Column withDefault(String d) {
        return new Column(name, position, type, nullable, d, identity, generatedExpr, collation, comment, virtual, invisible);
    }

    public Column withNullable(boolean n) {
        return new Column(name, position, type, n, defaultExpr, identity, generatedExpr, collation, comment, virtual, invisible);
    }

    public Column withIdentity(Identity i) {
        return new Column(name, position, type, nullable, defaultExpr, i, generatedExpr, collation, comment, virtual, invisible);
    }

    public Column withComment(String c) {
        return new Column(name, position, type, nullable, defaultExpr, identity, generatedExpr, collation, c, virtual, invisible);
    }

    /** The same column with another type and collation (MariaDB's {@code longtext} JSON columns become {@code json}). */
    public Column withType(DataType t, String coll) {
        return new Column(name, position, t, nullable, defaultExpr, identity, generatedExpr, coll, comment, virtual, invisible);
    }

    /** The same column under another name: used to recognise a possible rename. */
    public Column renamed(String newName) {
        return new Column(newName, position, type, nullable, defaultExpr, identity, generatedExpr, collation, comment, virtual, invisible);
    }
}
