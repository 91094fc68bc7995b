package io.schemaplan.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A table column. {@code defaultExpr} and {@code generatedExpr} are normalized expression text or null;
 * {@code identity} is null unless the column is an identity column; {@code collation} is null when the
 * column uses its type's default collation.
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
        String comment) {

    public enum Identity { ALWAYS, BY_DEFAULT }

    public Column withPosition(int p) {
        return new Column(name, p, type, nullable, defaultExpr, identity, generatedExpr, collation, comment);
    }

    public Column withDefault(String d) {
        return new Column(name, position, type, nullable, d, identity, generatedExpr, collation, comment);
    }

    public Column withNullable(boolean n) {
        return new Column(name, position, type, n, defaultExpr, identity, generatedExpr, collation, comment);
    }

    public Column withIdentity(Identity i) {
        return new Column(name, position, type, nullable, defaultExpr, i, generatedExpr, collation, comment);
    }

    public Column withComment(String c) {
        return new Column(name, position, type, nullable, defaultExpr, identity, generatedExpr, collation, c);
    }

    /** The same column under another name: used to recognise a possible rename. */
    public Column renamed(String newName) {
        return new Column(newName, position, type, nullable, defaultExpr, identity, generatedExpr, collation, comment);
    }
}
