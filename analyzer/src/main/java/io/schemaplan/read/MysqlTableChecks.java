package io.schemaplan.read;

import io.schemaplan.model.Column;
import io.schemaplan.model.Constraint;
import io.schemaplan.model.ForeignKey;
import io.schemaplan.model.Index;
import io.schemaplan.model.Index.IndexKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What MySQL and MariaDB refuse in a {@code CREATE TABLE} and a dump reader must refuse too, instead of
 * reading a table the server never had: a column, key (PRIMARY, UNIQUE, index: one name space) or
 * constraint name used twice, a second PRIMARY KEY, a key or foreign key on a column the table does not
 * have. Names compare case-insensitively, as the server compares them.
 */
final class MysqlTableChecks {
    private MysqlTableChecks() {
    }

    /** A refusal at a line of the dump (0 when unknown). */
    static final class At extends IllegalArgumentException {
        private final int line;

        At(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    /** How many of each part a table had before one definition was read. */
    record Sizes(int columns, int constraints, int foreignKeys, int indexes) {
    }

    static Sizes sizes(MysqlTableParts t) {
        return new Sizes(t.columns.size(), t.constraints.size(), t.foreignKeys.size(), t.indexes.size());
    }

    /** The parts one definition added. */
    static List<Object> added(MysqlTableParts t, Sizes before) {
        List<Object> out = new ArrayList<>();
        out.addAll(t.columns.subList(before.columns(), t.columns.size()));
        out.addAll(t.constraints.subList(before.constraints(), t.constraints.size()));
        out.addAll(t.foreignKeys.subList(before.foreignKeys(), t.foreignKeys.size()));
        out.addAll(t.indexes.subList(before.indexes(), t.indexes.size()));
        return out;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Whether a key (PRIMARY, UNIQUE or index) of {@code t} is called {@code name}. */
    static boolean keyNameTaken(MysqlTableParts t, String name) {
        return keyNames(t, t.constraints.size(), t.indexes.size()).contains(key(name));
    }

    private static Set<String> keyNames(MysqlTableParts t, int constraints, int indexes) {
        Set<String> names = new TreeSet<>();
        t.constraints.subList(0, constraints).stream().filter(c -> c.kind() != Constraint.Kind.CHECK)
                .forEach(c -> names.add(key(c.name())));
        t.indexes.subList(0, indexes).forEach(i -> names.add(key(i.name())));
        return names;
    }

    /**
     * The names a table's definitions have used so far, gathered as each definition is read: rebuilding them
     * for every definition made a table's checks quadratic in its columns.
     */
    static final class Names {
        private final Set<String> columns = new HashSet<>();
        private final Set<String> keys = new HashSet<>();
        private final Set<String> checks = new HashSet<>();
        private final Set<String> foreignKeys = new HashSet<>();
        private Sizes seen = new Sizes(0, 0, 0, 0);

        /**
         * Refuses a name the definition just read reuses (the server's "Duplicate column/key name"). Called
         * after each definition of one table, whose parts are only ever appended.
         */
        void check(MysqlTableParts t) {
            for (Column c : t.columns.subList(seen.columns(), t.columns.size())) {
                if (!columns.add(key(c.name()))) throw new IllegalArgumentException("duplicate column name " + c.name());
            }
            for (Constraint c : t.constraints.subList(seen.constraints(), t.constraints.size())) {
                if (c.kind() == Constraint.Kind.CHECK) {
                    if (!checks.add(key(c.name()))) throw new IllegalArgumentException("duplicate CHECK constraint name " + c.name());
                } else if (!keys.add(key(c.name()))) {
                    throw new IllegalArgumentException(c.kind() == Constraint.Kind.PRIMARY_KEY
                            ? "more than one PRIMARY KEY" : "duplicate key name " + c.name());
                }
            }
            for (Index i : t.indexes.subList(seen.indexes(), t.indexes.size())) {
                if (!keys.add(key(i.name()))) throw new IllegalArgumentException("duplicate key name " + i.name());
            }
            for (ForeignKey f : t.foreignKeys.subList(seen.foreignKeys(), t.foreignKeys.size())) {
                if (!foreignKeys.add(key(f.name()))) throw new IllegalArgumentException("duplicate foreign key name " + f.name());
            }
            seen = sizes(t);
        }
    }

    /** Refuses a key or foreign key on a column the table does not have; {@code lines} places each part. */
    static void checkColumns(MysqlTableParts t, Map<Object, Integer> lines) {
        Set<String> columns = new TreeSet<>();
        t.columns.forEach(c -> columns.add(key(c.name())));
        for (Constraint c : t.constraints) {
            for (String col : c.columns()) {
                if (!columns.contains(key(col))) throw unknown(lines.get(c), "key " + c.name(), col);
            }
        }
        for (Index i : t.indexes) {
            for (IndexKey k : i.keys()) {
                if (!k.expression() && !columns.contains(key(k.text()))) throw unknown(lines.get(i), "key " + i.name(), k.text());
            }
        }
        for (ForeignKey f : t.foreignKeys) {
            for (String col : f.columns()) {
                if (!columns.contains(key(col))) throw unknown(lines.get(f), "foreign key " + f.name(), col);
            }
        }
    }

    private static At unknown(Integer line, String what, String column) {
        return new At(line == null ? 0 : line, what + " names column " + column + ", which the table does not have");
    }
}
