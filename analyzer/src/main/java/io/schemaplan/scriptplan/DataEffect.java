package io.schemaplan.scriptplan;

import io.schemaplan.model.QName;
import java.util.List;

/**
 * What a data statement touches. {@code rows}: {@link Rows#ALL} every row of the table (no WHERE, or a WHERE
 * that every row matches, such as {@code c IS NULL} on a column the script just added without a default),
 * {@link Rows#PART} an unknown part (at most every row), {@link Rows#FEW} a handful of literal rows.
 * {@code scansTable}: no index serves the WHERE, so the table is read whole. {@code batched}: the statement
 * works through the table in key ranges or LIMITed chunks (or a DO loop that commits per batch).
 * {@code why} says in a DBA's words how the row count was decided. {@code set}, {@code where} are the SQL
 * of the statement's clauses (null when absent); {@code whereColumns} the columns its WHERE compares.
 * {@code source} is the table an INSERT … SELECT or CREATE TABLE … AS reads (null otherwise).
 */
public record DataEffect(QName table, String verb, Rows rows, boolean scansTable, boolean batched, String why,
                         String set, String where, List<String> whereColumns, QName source) {
    public enum Rows { ALL, PART, FEW }

    public DataEffect {
        whereColumns = List.copyOf(whereColumns);
    }
}
