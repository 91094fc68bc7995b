package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.QName;
import io.schemaplan.model.Schema;
import io.schemaplan.testing.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the reader accepts besides a schema-only dump, and the one-line error for everything it cannot read. */
class PgDumpReaderInputTest {

    private static Loaded read(String text) {
        return PgDumpReader.read("in.sql", text.getBytes(StandardCharsets.UTF_8));
    }

    private static String failure(byte[] bytes) {
        ReadException e = assertThrows(ReadException.class, () -> PgDumpReader.read("in.sql", bytes));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    private static String failure(String text) {
        return failure(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String dify() throws IOException {
        return Files.readString(Samples.postgres("1.12.1"));
    }

    @Test
    void aFullDumpSkipsTheCopyDataEvenWhenItLooksLikeSql() {
        Loaded r = PgDumpReader.read(Path.of("src/test/resources/pg/features.full.sql"));
        // the data is skipped with one summary warning (issue 13), not one per statement
        assertEquals(List.of("src/test/resources/pg/features.full.sql:136: skipped the table data: 2 COPY blocks"
                + " (3 rows), 2 sequence values (setval); the schema model holds no data"), r.warnings());
        assertEquals(List.of(QName.of("public", "cache_entries"), QName.of("public", "user")),
                r.schema().tables().stream().map(t -> t.name()).toList());
        assertEquals(7, r.schema().table(QName.of("public", "user")).orElseThrow().indexes().size());
    }

    @Test
    void quotingCommentsAndMetaLinesDoNotCutStatements() {
        Schema s = read("""
                \\connect mydb
                /* a ; comment /* nested ; */ still ; comment */
                CREATE TABLE public.t ( -- a comment; with a semicolon
                    "a;b" text DEFAULT E'x\\';y'::text,
                    c text DEFAULT 'it''s; ok'::text
                );
                CREATE FUNCTION public.f() RETURNS text
                    LANGUAGE sql
                    AS $body$ SELECT 'a;b' $$ ; $body$;
                """).schema();
        var t = s.table(QName.of("public", "t")).orElseThrow();
        assertEquals("E'x\\';y'", t.column("a;b").orElseThrow().defaultExpr());
        assertEquals("'it''s; ok'", t.column("c").orElseThrow().defaultExpr());
        assertEquals(" SELECT 'a;b' $$ ; ", s.routines().get(0).body());
    }

    @Test
    void partitionsAsOlderPgDumpWroteThemTakeTheParentsColumns() {
        Schema s = read("""
                CREATE TABLE public.m (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
                CREATE TABLE public.m1 PARTITION OF public.m (CONSTRAINT m1_pos CHECK ((id > 0)))
                FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY HASH (id);
                CREATE TABLE public.m2 PARTITION OF public.m DEFAULT;
                """).schema();
        var m1 = s.table(QName.of("public", "m1")).orElseThrow();
        assertEquals(QName.of("public", "m"), m1.partitionOf());
        assertEquals("FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')", m1.partitionBound());
        assertEquals("HASH (id)", m1.partitionBy());
        assertEquals(List.of("id", "at"), m1.columns().stream().map(c -> c.name()).toList());
        assertEquals("m1_pos", m1.constraints().get(0).name());
        assertEquals("DEFAULT", s.table(QName.of("public", "m2")).orElseThrow().partitionBound());
        assertEquals("RANGE (at)", s.table(QName.of("public", "m")).orElseThrow().partitionBy());
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndingsAreFine() {
        Loaded r = read("\uFEFF-- x\r\nSET a = 1;\r\nCREATE TABLE public.t (\r\n    a integer NOT NULL\r\n);\r\n");
        assertEquals(List.of(), r.warnings());
        assertEquals(1, r.schema().tables().get(0).columns().size());
    }

    @Test
    void statementsOutsideTheModelAreWarningsWithFileAndLine() {
        Loaded r = read("""
                CREATE DOMAIN public.posint AS integer CHECK (VALUE > 0);
                CREATE TYPE public.pair AS (a integer, b integer);

                CREATE TABLE public.t (a integer);
                CREATE POLICY p ON public.t USING (true);
                ALTER TABLE public.t ENABLE ROW LEVEL SECURITY;
                CREATE AGGREGATE public.agg(integer) (SFUNC = int4pl, STYPE = integer);
                """);
        assertEquals(2, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).startsWith("in.sql:2: skipped type public.pair"), r.warnings().get(0));
        assertTrue(r.warnings().get(1).startsWith("in.sql:7: skipped CREATE AGGREGATE"), r.warnings().get(1));
        assertEquals(1, r.schema().tables().size());
        // Domains, policies and row level security are read (issue 13); an unnamed domain CHECK gets the
        // name PostgreSQL gives it.
        assertEquals("posint_check", r.schema().domains().get(0).checks().get(0).name());
        assertEquals(1, r.schema().tables().get(0).policies().size());
        assertTrue(r.schema().tables().get(0).rowSecurity());
    }

    @Test
    void aMissingFileIsAnError() {
        ReadException e = assertThrows(ReadException.class, () -> PgDumpReader.read(Path.of("no/such/dump.sql")));
        assertEquals("no/such/dump.sql: no such file", e.getMessage());
    }

    @Test
    void anEmptyFileIsAnError() {
        assertEquals("in.sql:1: the file is empty, not a pg_dump file", failure(new byte[0]));
        assertEquals("in.sql:1: no SQL statements in the file, not a pg_dump file", failure("-- just a comment\n\n"));
    }

    @Test
    void aBinaryFileIsAnError() {
        assertEquals("in.sql:2: binary data (a NUL byte), not a SQL dump", failure(new byte[] {'S', 'E', 'T', '\n', 0, 1, 2}));
        String latin1 = failure(new byte[] {'S', 'E', 'T', ';', '\n', '\n', (byte) 0xE9, 't', 'e'});
        assertTrue(latin1.startsWith("in.sql:3: not UTF-8 text"), latin1);
    }

    @Test
    void aCustomFormatDumpSaysHowToConvertIt() {
        String msg = failure("PGDMP\u0001\u000e\u0000binary".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("in.sql:1: this is a pg_dump custom-format archive, not a plain SQL dump;"
                + " convert it with: pg_restore -f out.sql in.sql", msg);
    }

    @Test
    void aMysqlOrMariadbDumpIsRecognised() {
        assertTrue(failure("-- MySQL dump 10.13  Distrib 8.0.36\n--\nCREATE TABLE t (a int);\n")
                .startsWith("in.sql:1: this is a MySQL/MariaDB dump (a mysqldump header)"));
        assertTrue(failure("/*M!999999\\- enable the sandbox mode */ \n-- MariaDB dump 10.19\n")
                .startsWith("in.sql:1: this is a MySQL/MariaDB dump"));
        assertTrue(failure("\n\n/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n")
                .startsWith("in.sql:3: this is a MySQL/MariaDB dump (a MySQL version comment"));
        assertEquals("in.sql:2: this is a MySQL/MariaDB dump (a backquoted name), not a PostgreSQL dump",
                failure("SET x = 1;\nCREATE TABLE `t` (`a` int);\n"));
    }

    @Test
    void aDumpCutInsideAStatementSaysWhereItStops() throws IOException {
        String text = dify();
        int cut = text.indexOf("CREATE TABLE public.workflow_runs (") + 60;
        int line = (int) text.substring(0, cut).lines().count();
        String msg = failure(text.substring(0, cut));
        int start = (int) text.substring(0, text.indexOf("CREATE TABLE public.workflow_runs (")).lines().count() + 1;
        assertEquals("in.sql:" + start + ": the statement starting here has no closing ';': the dump stops at line "
                + line + ", the file is truncated", msg);
    }

    @Test
    void aDumpCutBetweenStatementsMissesTheFooter() throws IOException {
        String text = dify();
        String cut = text.substring(0, text.indexOf("CREATE INDEX"));
        int lastLine = (int) cut.stripTrailing().lines().count();
        assertEquals("in.sql:" + lastLine + ": the dump stops at line " + lastLine
                + " without pg_dump's '-- PostgreSQL database dump complete' footer: the file is truncated", failure(cut));
    }

    @Test
    void anUnterminatedStringOrBodyIsTruncation() {
        assertEquals("in.sql:2: unterminated string starting here: the file is truncated",
                failure("SET a = 1;\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1;\n"));
    }

    @Test
    void anUnparseableCreateTableNamesFileAndLine() {
        String msg = failure("SET a = 1;\n\nCREATE TABLE public.t (\n    a integer NOT NULL,\n    b\n);\n");
        assertEquals("in.sql:3: cannot parse CREATE TABLE public.t: column b has no type", msg);
        assertTrue(failure("CREATE TABLE public.t AS SELECT 1;").startsWith("in.sql:1: cannot parse CREATE TABLE public.t AS SELECT 1: expected the column list of public.t"));
    }
}
