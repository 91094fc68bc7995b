package io.schemaplan.impact;

import java.util.Objects;

/**
 * What one InnoDB DDL operation does on the server profiles {@code from..to} (inclusive, one family).
 *
 * <p>{@code algorithm} is the cheapest {@code ALGORITHM} the server accepts for the operation and
 * {@code lock} the weakest {@code LOCK} it accepts with it: exactly what {@code MyRulesServerTest} asks the
 * local MariaDB. {@link Algorithm#NOCOPY} exists only on MariaDB; a MySQL rule says {@code INPLACE} with
 * {@code rebuildsTable} false for the same thing. Concurrent writes go on only under {@link Lock#NONE};
 * even then the statement takes an exclusive metadata lock briefly at its start and end. For statements
 * that are not {@code ALTER TABLE} clauses (CREATE/DROP TABLE, views, triggers, routines) INSTANT means
 * "no row is touched". {@code id} is stable: CI policies name it, and operations with the same hazard
 * share it.
 */
public record MyRule(
        MyOperation operation,
        MyEngine from,
        MyEngine to,
        String id,
        Algorithm algorithm,
        Lock lock,
        boolean rebuildsTable,
        Cost cost,
        String message,
        String saferRecipe,
        MyManual source) {

    /** The ALTER TABLE algorithms, cheapest first (MariaDB's order: a weaker request accepts a cheaper one). */
    public enum Algorithm { INSTANT, NOCOPY, INPLACE, COPY }

    /** The ALTER TABLE LOCK clause, weakest first: NONE lets reads and writes go on, SHARED reads only. */
    public enum Lock { NONE, SHARED, EXCLUSIVE }

    public MyRule {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(source, "source");
        if (from.isMariadb() != to.isMariadb() || from.compareTo(to) > 0) {
            throw new IllegalArgumentException(operation + ": profiles " + from + ".." + to + " are not a range");
        }
        if (algorithm == Algorithm.NOCOPY && !from.isMariadb()) {
            throw new IllegalArgumentException(operation + ": NOCOPY exists only on MariaDB");
        }
    }

    public boolean appliesTo(MyEngine profile) {
        return profile.isMariadb() == from.isMariadb() && from.compareTo(profile) <= 0 && profile.compareTo(to) <= 0;
    }

    /** Reads and writes go on while the statement runs (apart from the brief metadata lock at its edges). */
    public boolean allowsConcurrentDml() {
        return lock == Lock.NONE;
    }

    public boolean blocksReads() {
        return lock == Lock.EXCLUSIVE;
    }

    /** The rows are copied into a new table by the server layer: writes wait throughout. */
    public boolean copiesTable() {
        return algorithm == Algorithm.COPY;
    }
}
