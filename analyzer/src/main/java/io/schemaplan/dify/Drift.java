package io.schemaplan.dify;

import io.schemaplan.diff.Change;
import io.schemaplan.diff.Change.ColumnChange;
import io.schemaplan.diff.Change.ConstraintAdded;
import io.schemaplan.diff.Change.ConstraintChanged;
import io.schemaplan.diff.Change.ConstraintDropped;
import io.schemaplan.diff.Change.IndexAdded;
import io.schemaplan.diff.Change.IndexChanged;
import io.schemaplan.diff.Change.IndexDropped;
import io.schemaplan.model.Constraint;
import io.schemaplan.model.Index;
import io.schemaplan.model.QName;

/**
 * How a difference between a release's pristine schema and a database relates to later migrations: which
 * way it goes, and which name it occupies (on PostgreSQL, tables, indexes, sequences, views and the indexes
 * of primary-key and unique constraints share one namespace per schema, so any of them blocks the others).
 */
final class Drift {
    private Drift() {
    }

    enum Direction { EXTRA, MISSING, CHANGED }

    /** For a diff from the release to the database: added = extra here, dropped = missing here. */
    static Direction direction(Change c) {
        if (c.kind().endsWith(".added")) return Direction.EXTRA;
        if (c.kind().endsWith(".dropped")) return Direction.MISSING;
        return Direction.CHANGED;
    }

    /** The kind of object, as users say it: {@code table}, {@code column}, {@code foreign key}. */
    static String noun(Change c) {
        return c.kind().replaceAll("\\..*", "").replace('_', ' ');
    }

    /** The name the change's object occupies; two changes with one key collide. */
    static String key(Change c, boolean postgres) {
        if (c instanceof ColumnChange) return "column:" + c.object();
        if (c instanceof IndexAdded x) return indexKey(x.table(), x.index(), postgres);
        if (c instanceof IndexDropped x) return indexKey(x.table(), x.index(), postgres);
        if (c instanceof IndexChanged x) return indexKey(x.table(), x.to(), postgres);
        if (c instanceof ConstraintAdded x) return constraintKey(x.table(), x.constraint(), postgres);
        if (c instanceof ConstraintDropped x) return constraintKey(x.table(), x.constraint(), postgres);
        if (c instanceof ConstraintChanged x) return constraintKey(x.table(), x.to(), postgres);
        String noun = noun(c);
        if (noun.equals("table") || noun.equals("sequence") || noun.equals("view")) return "relation:" + c.object();
        return noun + ":" + c.object();
    }

    private static String indexKey(QName table, Index index, boolean postgres) {
        return postgres ? "relation:" + table.schema() + "." + index.name() : "index:" + table + "." + index.name();
    }

    private static String constraintKey(QName table, Constraint c, boolean postgres) {
        boolean ownsIndex = c.kind() == Constraint.Kind.PRIMARY_KEY || c.kind() == Constraint.Kind.UNIQUE;
        return postgres && ownsIndex ? "relation:" + table.schema() + "." + c.name() : "constraint:" + table + "." + c.name();
    }

    /**
     * True when a later release's change {@code later} (from the same pristine schema) involves the object of
     * the database's difference {@code drift}: for an extra object, the release creates the same name; for a
     * missing table, the release changes anything in it; otherwise the release changes the same object.
     */
    static boolean collides(Change drift, Change later, boolean postgres) {
        Direction d = direction(drift);
        boolean sameName = key(drift, postgres).equals(key(later, postgres));
        if (d == Direction.EXTRA) return sameName && direction(later) == Direction.EXTRA;
        if (d == Direction.MISSING && noun(drift).equals("table")) return drift.table().equals(later.table());
        if (d == Direction.MISSING && drift instanceof ColumnChange col && later instanceof IndexAdded idx) {
            return col.table().equals(idx.table()) && idx.index().columns().contains(col.from().name());
        }
        return sameName;
    }
}
