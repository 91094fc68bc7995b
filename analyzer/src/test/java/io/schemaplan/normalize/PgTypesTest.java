package io.schemaplan.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schemaplan.model.DataType;
import org.junit.jupiter.api.Test;

class PgTypesTest {

    private static void parsesTo(String text, String name, Integer size, Integer scale, int dims) {
        assertEquals(new DataType(name, size, scale, dims), PgTypes.parse(text), text);
    }

    @Test
    void formatTypeSpellingsOfTheDifyDumpsBecomeCanonical() {
        parsesTo("character varying(255)", "varchar", 255, null, 0);
        parsesTo("character varying", "varchar", null, null, 0);
        parsesTo("timestamp without time zone", "timestamp", null, null, 0);
        parsesTo("timestamp(6) with time zone", "timestamptz", 6, null, 0);
        parsesTo("numeric(10,7)", "numeric", 10, 7, 0);
        parsesTo("double precision", "double precision", null, null, 0);
        parsesTo("integer[]", "integer", null, null, 1);
        parsesTo("character varying(255)[]", "varchar", 255, null, 1);
        parsesTo("uuid", "uuid", null, null, 0);
        parsesTo("character(1)", "char", 1, null, 0);
        parsesTo("bit varying(5)", "varbit", 5, null, 0);
        parsesTo("time(3) without time zone", "time", 3, null, 0);
    }

    @Test
    void aliasesMeanTheSameTypeAsTheirCanonicalName() {
        parsesTo("int4", "integer", null, null, 0);
        parsesTo("INT", "integer", null, null, 0);
        parsesTo("serial", "integer", null, null, 0);
        parsesTo("bigserial", "bigint", null, null, 0);
        parsesTo("int8", "bigint", null, null, 0);
        parsesTo("float8", "double precision", null, null, 0);
        parsesTo("float(10)", "real", null, null, 0);
        parsesTo("bool", "boolean", null, null, 0);
        parsesTo("decimal(10,2)", "numeric", 10, 2, 0);
        parsesTo("numeric(10)", "numeric", 10, 0, 0);
        parsesTo("timestamptz(3)", "timestamptz", 3, null, 0);
        parsesTo("varchar(40)", "varchar", 40, null, 0);
        parsesTo("char", "char", 1, null, 0);
        parsesTo("bpchar", "char", null, null, 0);
        parsesTo("pg_catalog.int4", "integer", null, null, 0);
        parsesTo("text[][]", "text", null, null, 2);
    }

    @Test
    void userTypesStayQualifiedAndUnquoted() {
        parsesTo("public.mood", "public.mood", null, null, 0);
        parsesTo("extra.\"Mood\"[]", "extra.Mood", null, null, 1);
        parsesTo("\"char\"", "\"char\"", null, null, 0);
    }
}
