package io.schemaplan.scriptplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.Engine;
import io.schemaplan.model.Schema;
import io.schemaplan.read.PgDumpReader;
import io.schemaplan.script.Script;
import io.schemaplan.script.ScriptReader;
import io.schemaplan.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Each statement form maps to the rule table's operations, against the Dify 0.8.3 model. */
class PgStatementsTest {
    static final Schema DIFY = PgDumpReader.read(Samples.postgres("0.8.3")).schema();

    static List<String> ops(String sql) {
        PgStatements s = new PgStatements(DIFY, null);
        Classified c = s.classify(sql);
        return c.operations().stream().map(o -> String.valueOf(o.operation())).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ALTER TABLE messages ADD COLUMN x uuid | ADD_COLUMN",
            "ALTER TABLE messages ADD COLUMN x int DEFAULT 0 | ADD_COLUMN_CONSTANT_DEFAULT",
            "ALTER TABLE messages ADD COLUMN x int NOT NULL DEFAULT 0 | ADD_COLUMN_NOT_NULL_WITH_DEFAULT",
            "ALTER TABLE messages ADD COLUMN x uuid DEFAULT gen_random_uuid() | ADD_COLUMN_VOLATILE_DEFAULT",
            "ALTER TABLE messages ADD COLUMN x bigserial | ADD_COLUMN_SERIAL",
            "ALTER TABLE messages ADD COLUMN x bigint GENERATED ALWAYS AS IDENTITY | ADD_COLUMN_IDENTITY",
            "ALTER TABLE messages ADD COLUMN x int GENERATED ALWAYS AS (1) STORED | ADD_COLUMN_GENERATED_STORED",
            "ALTER TABLE messages DROP COLUMN answer | DROP_COLUMN",
            "ALTER TABLE messages ALTER COLUMN answer_tokens TYPE bigint | ALTER_TYPE_REWRITE",
            "ALTER TABLE messages ALTER COLUMN from_source TYPE varchar(512) | ALTER_TYPE_BINARY_COERCIBLE",
            "ALTER TABLE messages ALTER COLUMN status SET NOT NULL | SET_NOT_NULL",
            "ALTER TABLE messages ALTER COLUMN status DROP NOT NULL | DROP_NOT_NULL",
            "ALTER TABLE messages ALTER COLUMN status SET DEFAULT 'x' | SET_DEFAULT",
            "ALTER TABLE messages ADD CONSTRAINT k CHECK (answer_tokens >= 0) | ADD_CHECK",
            "ALTER TABLE messages ADD CONSTRAINT k CHECK (answer_tokens >= 0) NOT VALID | ADD_CHECK_NOT_VALID",
            "ALTER TABLE messages ADD CONSTRAINT f FOREIGN KEY (app_id) REFERENCES apps (id) | ADD_FOREIGN_KEY",
            "ALTER TABLE messages ADD CONSTRAINT f FOREIGN KEY (app_id) REFERENCES apps (id) NOT VALID | ADD_FOREIGN_KEY_NOT_VALID",
            "ALTER TABLE messages ADD CONSTRAINT u UNIQUE (id, app_id) | ADD_UNIQUE",
            "ALTER TABLE messages DROP CONSTRAINT message_pkey | DROP_CONSTRAINT",
            "ALTER TABLE messages RENAME COLUMN answer TO reply | RENAME_COLUMN",
            "ALTER TABLE messages RENAME TO messages_old | RENAME_TABLE",
            "ALTER TABLE messages SET (fillfactor = 70) | SET_STORAGE_PARAMETERS",
            "ALTER TABLE messages ADD COLUMN a int, ADD COLUMN b int | ADD_COLUMN;ADD_COLUMN",
            "CREATE INDEX i ON messages (app_id) | CREATE_INDEX",
            "CREATE UNIQUE INDEX i ON messages (id) | CREATE_UNIQUE_INDEX",
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON messages USING btree (app_id) | CREATE_INDEX_CONCURRENTLY",
            "DROP INDEX message_account_idx | DROP_INDEX",
            "DROP INDEX CONCURRENTLY message_account_idx | DROP_INDEX_CONCURRENTLY",
            "ALTER INDEX message_account_idx RENAME TO m | RENAME_INDEX",
            "REINDEX INDEX CONCURRENTLY message_account_idx | REINDEX_CONCURRENTLY",
            "CREATE TABLE t (id int PRIMARY KEY) | CREATE_TABLE",
            "DROP TABLE messages | DROP_TABLE",
            "CREATE TYPE mood AS ENUM ('a') | CREATE_ENUM",
            "ALTER TYPE mood ADD VALUE 'b' | ENUM_ADD_VALUE",
            "ALTER TYPE mood ADD VALUE 'b' BEFORE 'a' | ENUM_ADD_VALUE_BEFORE",
            "ALTER TYPE mood RENAME TO feeling | ALTER_TYPE",
            "ALTER TYPE pair ADD ATTRIBUTE c int, DROP ATTRIBUTE IF EXISTS b | ALTER_TYPE",
            "ALTER TYPE pair RENAME ATTRIBUTE a TO x | ALTER_TYPE",
            "COMMENT ON COLUMN messages.answer IS 'x' | COMMENT",
            "UPDATE messages SET answer = '' | UPDATE_ROWS",
            "DELETE FROM messages WHERE app_id = '00000000-0000-0000-0000-000000000000' | DELETE_ROWS",
            "INSERT INTO saved_messages (id, app_id) SELECT id, app_id FROM messages | INSERT_SELECT",
            "TRUNCATE messages | TRUNCATE",
            "CREATE TABLE m2 AS SELECT * FROM messages | CREATE_TABLE_AS",
            "GRANT SELECT, UPDATE ON TABLE messages, public.apps TO reporting | GRANT_ON_TABLE;GRANT_ON_TABLE",
            "REVOKE ALL ON SEQUENCE s FROM PUBLIC | GRANT_ON_TABLE",
            "GRANT SELECT ON ALL TABLES IN SCHEMA public TO reporting | GRANT_IN_SCHEMA",
            "GRANT USAGE ON SCHEMA public TO reporting | PRIVILEGES",
            "GRANT reporting TO app | PRIVILEGES",
            "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO reporting | PRIVILEGES",
            "CREATE ROLE reporting NOLOGIN | ROLE",
            "ALTER TABLE messages OWNER TO app | CHANGE_OWNER",
            "ALTER SEQUENCE s OWNER TO app | CHANGE_OWNER",
            "ALTER TABLE IF EXISTS messages SET SCHEMA archive | SET_SCHEMA",
            "VACUUM (FULL, ANALYZE) messages | VACUUM_FULL",
            "VACUUM ANALYZE messages, apps | VACUUM;VACUUM",
            "CLUSTER VERBOSE messages USING messages_pkey | CLUSTER",
            "ANALYZE messages (answer) | ANALYZE",
            "LOCK TABLE messages, apps IN SHARE ROW EXCLUSIVE MODE NOWAIT | LOCK_TABLE_SHARE_ROW_EXCLUSIVE;LOCK_TABLE_SHARE_ROW_EXCLUSIVE",
            "LOCK messages | LOCK_TABLE_ACCESS_EXCLUSIVE"})
    void eachFormMapsToItsOperations(String sql, String expected) {
        assertEquals(List.of(expected.split(";")), ops(sql));
    }

    @Test
    void anUnknownStatementIsKeptAndSaysSo() {
        Classified c = new PgStatements(DIFY, null).classify("SECURITY LABEL FOR selinux ON TABLE messages IS 'x'");
        assertEquals(StatementKind.UNKNOWN, c.kind());
        assertTrue(c.note().contains("does not know"), c.note());
    }

    @Test
    void aWhereOnAColumnTheScriptAddedTouchesEveryRowOnlyAfterTheAdd() {
        PgStatements s = new PgStatements(DIFY, null);
        assertEquals(DataEffect.Rows.PART, s.classify("UPDATE messages SET x = 1 WHERE x IS NULL").operations().get(0)
                .data().rows());
        s.classify("ALTER TABLE messages ADD COLUMN x int");
        assertEquals(DataEffect.Rows.ALL, s.classify("UPDATE messages SET x = 1 WHERE x IS NULL").operations().get(0)
                .data().rows());
        s.classify("ALTER TABLE messages ADD COLUMN y int DEFAULT 0");
        assertEquals(DataEffect.Rows.PART, s.classify("UPDATE messages SET y = 1 WHERE y IS NULL").operations().get(0)
                .data().rows(), "a column added with a default holds no NULL");
    }

    @Test
    void aValidatedNotNullCheckLetsSetNotNullSkipItsScan() {
        PgStatements s = new PgStatements(DIFY, null);
        s.classify("ALTER TABLE messages ADD CONSTRAINT status_nn CHECK (status IS NOT NULL) NOT VALID");
        assertEquals(List.of("SET_NOT_NULL"), ops("ALTER TABLE messages ALTER COLUMN status SET NOT NULL"));
        s.classify("ALTER TABLE messages VALIDATE CONSTRAINT status_nn");
        assertEquals("SET_NOT_NULL_WITH_VALID_CHECK", s.classify("ALTER TABLE messages ALTER COLUMN status SET NOT NULL")
                .operations().get(0).operation());
    }

    @Test
    void lockTimeoutBoundsTheWaitOfLaterStatementsUntilALocalOneEnds() {
        Script script = ScriptReader.read("m.sql", ("BEGIN;\nSET LOCAL lock_timeout = '2s';\n"
                + "ALTER TABLE messages ADD COLUMN x int;\nCOMMIT;\nALTER TABLE messages ADD COLUMN y int;\n")
                .getBytes(StandardCharsets.UTF_8), Engine.POSTGRES);
        ScriptPlan plan = ScriptPlanner.plan(new ScriptPlanner.Input("0.8.3", "m.sql", DIFY,
                SqlStatement.of(List.of(script)), null, null, null, null, null, null, null));
        assertEquals("lock_timeout 2000 ms", plan.statements().get(2).lockWait());
        assertNull(plan.statements().get(4).lockWait());
        assertTrue(plan.statements().get(4).notes().stream().anyMatch(n -> n.startsWith("no lock_timeout")));
        assertTrue(plan.statements().get(4).recipeSql().startsWith("SET lock_timeout = '2s';"));
        assertEquals(2000, PgStatements.durationMillis("2s"));
        assertEquals(90_000, PgStatements.durationMillis("1.5min"));
    }

    /**
     * setval / nextval are a sequence write (their own kind); the sequence is the literal's, or the column's for
     * pg_get_serial_sequence (PostgreSQL's t_c_seq when the model does not name it). Not a literal: not understood.
     * MariaDB's own SETVAL(s, n) names its sequence unquoted: a sequence write there too (MySeqServerTest).
     */
    @Test
    void sequenceFunctionsWriteTheSequenceTheyName() {
        PgStatements s = new PgStatements(DIFY, null);
        Classified c = s.classify("SELECT setval(pg_get_serial_sequence('new_table', 'id'), 1), nextval('\"Odd\"')");
        assertEquals(StatementKind.SEQUENCE, c.kind());
        assertEquals(List.of("public.new_table_id_seq", "public.Odd"), c.operations().stream()
                .map(o -> o.table().toString()).toList());
        assertTrue(c.note().startsWith(PgStatements.SEQUENCE_NOTE), c.note());
        assertEquals(StatementKind.UNKNOWN, s.classify("SELECT setval(some_function(), 1)").kind());
        assertEquals(StatementKind.READ, s.classify("SELECT max(id) FROM messages").kind());
        Classified maria = new MyStatements(DIFY, null).classify("SELECT SETVAL(s, 42), NEXT VALUE FOR t, LASTVAL(u)");
        assertEquals(StatementKind.SEQUENCE, maria.kind());
        assertEquals(List.of("s", "t"), maria.operations().stream().map(o -> o.table().name()).toList(), "LASTVAL reads");
        assertEquals(StatementKind.READ, new MyStatements(DIFY, null).classify("SELECT LASTVAL(s)").kind());
    }
}
