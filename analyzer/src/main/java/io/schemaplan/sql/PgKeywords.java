package io.schemaplan.sql;

import java.util.Set;

/**
 * The PostgreSQL keywords a bare identifier may not be, as {@code quote_ident} decides: every keyword whose
 * category is not "unreserved" ({@code SELECT word FROM pg_get_keywords() WHERE catcode <> 'U'}).
 * {@code IdentifiersServerTest} compares the table with the local server's {@code pg_get_keywords()}.
 */
final class PgKeywords {
    /** PostgreSQL 15, as {@code pg_get_keywords()} lists them (column-name, type/function-name and reserved). */
    static final Set<String> PG15 = words("""
            all analyse analyze and any array as asc asymmetric authorization between bigint binary bit boolean both
            case cast char character check coalesce collate collation column concurrently constraint create cross
            current_catalog current_date current_role current_schema current_time current_timestamp current_user dec
            decimal default deferrable desc distinct do else end except exists extract false fetch float for foreign
            freeze from full grant greatest group grouping having ilike in initially inner inout int integer intersect
            interval into is isnull join lateral leading least left like limit localtime localtimestamp national
            natural nchar none normalize not notnull null nullif numeric offset on only or order out outer overlaps
            overlay placing position precision primary real references returning right row select session_user setof
            similar smallint some substring symmetric table tablesample then time timestamp to trailing treat trim
            true union unique user using values varchar variadic verbose when where window with xmlattributes
            xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable""");

    /**
     * Made non-bare by PostgreSQL 16 (SYSTEM_USER, the SQL/JSON constructors) and 17 (the SQL/JSON query
     * functions, MERGE_ACTION). A recipe written from a 15 server may run on a newer one: quoting these
     * there costs nothing, leaving them bare on 16+ is a syntax error.
     */
    static final Set<String> LATER = words("""
            system_user json json_array json_arrayagg json_object json_objectagg json_exists json_query json_scalar
            json_serialize json_table json_value merge_action""");

    private PgKeywords() {
    }

    private static Set<String> words(String text) {
        return Set.of(text.strip().split("\\s+"));
    }
}
