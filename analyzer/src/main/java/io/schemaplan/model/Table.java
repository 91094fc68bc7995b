package io.schemaplan.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * A table with everything that hangs off it. {@code partitionBy} is the partition key of a partitioned
 * table ({@code RANGE (created_at)}); {@code partitionOf} and {@code partitionBound} describe a partition.
 * {@code collation} is a MySQL/MariaDB table's default collation ({@code utf8mb4_general_ci}; it implies the
 * character set), which its columns use unless their own {@code collation} says otherwise; null for PostgreSQL.
 * {@code storageEngine} is a MySQL/MariaDB table's engine ({@code InnoDB}, {@code MyISAM}, …), which decides
 * what a change costs; null for PostgreSQL and when unknown. {@code rowFormat} and {@code keyBlockSize} are a
 * MySQL/MariaDB table's explicit {@code ROW_FORMAT} ({@code COMPACT}, {@code COMPRESSED}, {@code REDUNDANT};
 * upper case) and {@code KEY_BLOCK_SIZE} as {@code SHOW CREATE TABLE} prints them; null when the table takes
 * the server default ({@code DYNAMIC}, so an explicit {@code ROW_FORMAT=DYNAMIC} is null too: a dump that says
 * nothing and a catalog that reports {@code Dynamic} are the same table).
 *
 * <p>PostgreSQL-only facts: {@code options} are the storage parameters ({@code fillfactor=70},
 * {@code autovacuum_enabled=false}, {@code toast.autovacuum_enabled=false}: name=value as the catalog holds
 * them, sorted); {@code inherits} the parents of an inheritance child in declared order (not the parent of
 * a partition: that is {@code partitionOf}); {@code replicaIdentity} is null for the default,
 * {@code FULL}, {@code NOTHING} or {@code USING INDEX name}; {@code rowSecurity} / {@code forceRowSecurity}
 * are ENABLE / FORCE ROW LEVEL SECURITY; {@code policies} and {@code rules} are sorted by name.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Table(
        QName name,
        List<Column> columns,
        List<Constraint> constraints,
        List<ForeignKey> foreignKeys,
        List<Index> indexes,
        List<Trigger> triggers,
        boolean unlogged,
        String partitionBy,
        QName partitionOf,
        String partitionBound,
        String comment,
        String collation,
        String storageEngine,
        String rowFormat,
        Integer keyBlockSize,
        List<String> options,
        List<QName> inherits,
        String replicaIdentity,
        boolean rowSecurity,
        boolean forceRowSecurity,
        List<Policy> policies,
        List<Rule> rules) {

    /** A table without a default collation (every PostgreSQL table). */
    public Table(QName name, List<Column> columns, List<Constraint> constraints, List<ForeignKey> foreignKeys,
                 List<Index> indexes, List<Trigger> triggers, boolean unlogged, String partitionBy,
                 QName partitionOf, String partitionBound, String comment) {
        this(name, columns, constraints, foreignKeys, indexes, triggers, unlogged, partitionBy, partitionOf,
                partitionBound, comment, null, null);
    }

    /** A table without a storage engine (the form before engines were read). */
    public Table(QName name, List<Column> columns, List<Constraint> constraints, List<ForeignKey> foreignKeys,
                 List<Index> indexes, List<Trigger> triggers, boolean unlogged, String partitionBy,
                 QName partitionOf, String partitionBound, String comment, String collation) {
        this(name, columns, constraints, foreignKeys, indexes, triggers, unlogged, partitionBy, partitionOf,
                partitionBound, comment, collation, null);
    }

    /** A table without the PostgreSQL-only facts (every MySQL table; the form before they were read). */
    public Table(QName name, List<Column> columns, List<Constraint> constraints, List<ForeignKey> foreignKeys,
                 List<Index> indexes, List<Trigger> triggers, boolean unlogged, String partitionBy,
                 QName partitionOf, String partitionBound, String comment, String collation, String storageEngine) {
        this(name, columns, constraints, foreignKeys, indexes, triggers, unlogged, partitionBy, partitionOf,
                partitionBound, comment, collation, storageEngine, null, null, List.of(), List.of(), null, false, false,
                List.of(), List.of());
    }

    /** The same table with these MySQL/MariaDB row-format options (null: the server default). */
    public Table withRowFormat(String format, Integer blockSize) {
        return new Table(name, columns, constraints, foreignKeys, indexes, triggers, unlogged, partitionBy,
                partitionOf, partitionBound, comment, collation, storageEngine, format, blockSize, options, inherits,
                replicaIdentity, rowSecurity, forceRowSecurity, policies, rules);
    }

    /** The same table with other indexes (the rest unchanged). */
    public Table withIndexes(List<Index> ix) {
        return new Table(name, columns, constraints, foreignKeys, ix, triggers, unlogged, partitionBy,
                partitionOf, partitionBound, comment, collation, storageEngine, rowFormat, keyBlockSize, options,
                inherits, replicaIdentity, rowSecurity, forceRowSecurity, policies, rules);
    }

    /** The same table with other columns and constraints (the rest unchanged). */
    public Table withColumnsAndConstraints(List<Column> cols, List<Constraint> cons) {
        return new Table(name, cols, cons, foreignKeys, indexes, triggers, unlogged, partitionBy,
                partitionOf, partitionBound, comment, collation, storageEngine, rowFormat, keyBlockSize, options,
                inherits, replicaIdentity, rowSecurity, forceRowSecurity, policies, rules);
    }

    /** The same table with the PostgreSQL-only facts. */
    public Table withPgFacts(List<String> opts, List<QName> parents, String replica, boolean rls, boolean forceRls,
                             List<Policy> pols, List<Rule> rws) {
        return new Table(name, columns, constraints, foreignKeys, indexes, triggers, unlogged, partitionBy,
                partitionOf, partitionBound, comment, collation, storageEngine, rowFormat, keyBlockSize, opts, parents,
                replica, rls, forceRls, pols, rws);
    }

    public Table {
        // Positions are renumbered 1..n: a live catalog leaves gaps where columns were dropped, a dump does not.
        List<Column> ordered = Lists.sorted(columns, Column::position);
        columns = Lists.keyed(java.util.stream.IntStream.range(0, ordered.size())
                .mapToObj(i -> ordered.get(i).withPosition(i + 1)).toList(), Column::name);
        constraints = Lists.sorted(constraints, Constraint::name);
        foreignKeys = Lists.sorted(foreignKeys, ForeignKey::name);
        indexes = Lists.sorted(indexes, Index::name);
        triggers = Lists.sorted(triggers, Trigger::name);
        options = Lists.sorted(options, x -> x);
        inherits = Lists.copy(inherits);
        policies = Lists.sorted(policies, Policy::name);
        rules = Lists.sorted(rules, Rule::name);
    }

    public Optional<Column> column(String columnName) {
        return Lists.find(columns, columnName);
    }

    public Optional<Constraint> primaryKey() {
        return constraints.stream().filter(c -> c.kind() == Constraint.Kind.PRIMARY_KEY).findFirst();
    }
}
