package io.schemaplan.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schemaplan.model.DataType;
import org.junit.jupiter.api.Test;

class PgExpressionsTest {

    private static String normalized(String expr, String columnType) {
        return PgExpressions.normalizeDefault(expr, PgTypes.parse(columnType));
    }

    @Test
    void aStringLiteralCastToAStringTypeOnAStringColumnLosesTheCast() {
        // account_plugin_permissions.install_permission in the Dify dumps
        assertEquals("'everyone'", normalized("'everyone'::character varying", "character varying(16)"));
        assertEquals("''", normalized("''::character varying", "text"));
        assertEquals("'{}'", normalized("'{}'::text", "text"));
        assertEquals("'it''s, (x)'", normalized("'it''s, (x)'::character varying", "character varying(255)"));
    }

    @Test
    void aLiteralCastToTheColumnsOwnTypeLosesTheCast() {
        assertEquals("'{}'", normalized("'{}'::jsonb", "jsonb"));
        assertEquals("'[]'", normalized("'[]'::json", "json"));
        assertEquals("'{}'", normalized("'{}'::text[]", "text[]"));
        assertEquals("'happy'", normalized("'happy'::public.mood", "public.mood"));
        assertEquals("E'a\\nb'", normalized("E'a\\nb'::text", "text"));
    }

    @Test
    void everythingElseIsKeptAsPrinted() {
        assertEquals("'-1'::integer", normalized("'-1'::integer", "bigint"));
        assertEquals("'{}'::text[]", normalized("'{}'::text[]", "text"));
        assertEquals("nextval('public.task_id_sequence'::regclass)",
                normalized("nextval('public.task_id_sequence'::regclass)", "integer"));
        assertEquals("CURRENT_TIMESTAMP(0)", normalized("CURRENT_TIMESTAMP(0)", "timestamp without time zone"));
        assertEquals("public.uuid_generate_v4()", normalized("public.uuid_generate_v4()", "uuid"));
        assertEquals("('a'::text || 'b'::text)", normalized("('a'::text || 'b'::text)", "text"));
        assertEquals("'a'::text || 'b'::text", normalized("'a'::text || 'b'::text", "text"));
        assertEquals("0.001", normalized("0.001", "numeric(10,7)"));
        assertEquals(null, PgExpressions.normalizeDefault(null, DataType.of("text")));
    }
}
