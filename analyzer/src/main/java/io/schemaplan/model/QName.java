package io.schemaplan.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Comparator;
import java.util.Objects;

/**
 * A schema-qualified object name, kept unquoted and case-exact ({@code public.workflow_runs}).
 * MySQL objects use an empty schema: a dump does not name its database, and two databases of one
 * application must compare equal whatever they are called.
 */
public record QName(String schema, String name) implements Comparable<QName> {
    private static final Comparator<QName> ORDER =
            Comparator.comparing(QName::schema).thenComparing(QName::name);

    public QName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    public static QName of(String schema, String name) {
        return new QName(schema, name);
    }

    /** Parses {@code schema.name} as printed by {@link #toString()}; a name without a dot has an empty schema. */
    @JsonCreator
    public static QName parse(String text) {
        int dot = text.indexOf('.');
        return dot < 0 ? new QName("", text) : new QName(text.substring(0, dot), text.substring(dot + 1));
    }

    @JsonValue
    @Override
    public String toString() {
        return schema.isEmpty() ? name : schema + "." + name;
    }

    @Override
    public int compareTo(QName o) {
        return ORDER.compare(this, o);
    }

    // Written out rather than left to the record (see package-info). The most used map key of all.
    @Override
    public boolean equals(Object other) {
        return other instanceof QName o && name.equals(o.name) && schema.equals(o.schema);
    }

    @Override
    public int hashCode() {
        return 31 * schema.hashCode() + name.hashCode();
    }
}
