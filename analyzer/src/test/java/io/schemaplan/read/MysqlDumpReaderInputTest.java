package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.Column;
import io.schemaplan.model.DataType;
import io.schemaplan.model.Engine;
import io.schemaplan.model.QName;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Table;
import io.schemaplan.testing.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MySQL 8's mysqldump output besides MariaDB's, and the one-line error for what is not a MySQL dump. */
class MysqlDumpReaderInputTest {
    static final Path MYSQL8 = Path.of("src/test/resources/mysql/mysql8.sql");

    private static String failure(byte[] bytes) {
        ReadException e = assertThrows(ReadException.class, () -> MysqlDumpReader.read("in.sql", bytes));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    private static String failure(String text) {
        return failure(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMysql8DumpReadsWithItsVersionCommentsDelimiterBlocksAndTableOptions() {
        Loaded r = MysqlDumpReader.read(MYSQL8);
        Schema s = r.schema();
        assertEquals(List.of(), r.warnings());
        assertEquals(Engine.MYSQL, s.engine());
        assertEquals("8.0.36", s.serverVersion());
        Table accounts = s.table(QName.of("", "accounts")).orElseThrow();
        assertEquals("utf8mb4_0900_ai_ci", accounts.collation());
        assertEquals("people", accounts.comment());
        assertEquals(DataType.of("json"), accounts.column("settings").orElseThrow().type());
        assertEquals("uuid()", accounts.column("uid").orElseThrow().defaultExpr());
        assertEquals("0", accounts.column("is_admin").orElseThrow().defaultExpr());
        assertEquals("CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6)", accounts.column("updated_at").orElseThrow().defaultExpr());
        Column version = accounts.column("row_version").orElseThrow();
        assertTrue(version.invisible(), "/*!80023 INVISIBLE */ is read");
        assertEquals(new DataType("integer", null, null, 0, true, List.of()), version.type());
        assertTrue(accounts.column("email_lower").orElseThrow().virtual());
        assertEquals("utf8mb4_bin", accounts.column("email").orElseThrow().collation());
        assertNull(accounts.column("name").orElseThrow().collation());
        assertEquals("lower(`name`)", accounts.indexes().stream().filter(i -> i.name().equals("accounts_lower_name"))
                .findFirst().orElseThrow().keys().get(0).text());
        assertEquals("CHECK ((`row_version` > 0))", accounts.constraints().stream()
                .filter(c -> c.name().equals("accounts_chk_1")).findFirst().orElseThrow().definition());
        assertEquals("BEFORE INSERT ON accounts FOR EACH ROW BEGIN\n  SET NEW.name = trim(NEW.name);\nEND",
                accounts.triggers().get(0).definition());
        assertEquals("select `accounts`.`id` AS `id` from `accounts` where `accounts`.`status` = 'active'",
                s.views().get(0).definition(), "the final view replaces mysqldump's stand-in (redundant parentheses go)");
        assertEquals(2, s.tables().size());
    }

    @Test
    void sourcesSniffTheKindFromTheFirstBytesNotTheName(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path mysqlNamedLikeJson = Files.copy(MYSQL8, tmp.resolve("schema.json"));
        assertEquals(Engine.MYSQL, Sources.load(mysqlNamedLikeJson.toString(), null).schema().engine());
        Path pgNamedLikeMysql = Files.copy(Samples.postgres("1.12.1"), tmp.resolve("mysql-dump.sql"));
        assertEquals(Engine.POSTGRES, Sources.load(pgNamedLikeMysql.toString(), null).schema().engine());
        Path compact = Files.writeString(tmp.resolve("compact.sql"), "CREATE TABLE `t` (`a` int(11) NOT NULL);\n");
        assertEquals(Engine.MYSQL, Sources.load(compact.toString(), java.util.Set.of("public")).schema().engine());
        assertEquals(1, Sources.load(compact.toString(), java.util.Set.of("public")).schema().tables().size(),
                "--schema does not apply to a MySQL source");
    }

    // ---- what is not a MySQL/MariaDB dump ----

    @Test
    void aPostgresDumpGivenAsAMysqlDump() throws IOException {
        String message = failure(Files.readAllBytes(Samples.postgres("1.12.1")));
        assertTrue(message.matches("in\\.sql:\\d+: this is a PostgreSQL dump \\(.*\\), not a MySQL/MariaDB dump"), message);
        assertTrue(failure("PGDMP\u0001\u000e").contains("pg_dump custom-format archive"));
    }

    @Test
    void anEmptyOrBinaryFile() {
        assertEquals("in.sql:1: the file is empty, not a MySQL/MariaDB dump", failure(new byte[0]));
        assertTrue(failure(new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2}).startsWith("in.sql:1: "));
    }

    @Test
    void aDumpCutInsideACreateTable() throws IOException {
        String text = Files.readString(Samples.mysql("1.12.1.patched-32196"));
        int cut = text.indexOf("CREATE TABLE `workflow_runs`") + 80;
        int line = (int) text.substring(0, text.indexOf("CREATE TABLE `workflow_runs`")).lines().count() + 1;
        String message = failure(text.substring(0, cut));
        assertTrue(message.startsWith("in.sql:" + line + ": the statement starting here has no closing ';'"), message);
        assertFalse(message.contains("\n"));
    }

    @Test
    void aDumpThatStopsBetweenStatementsIsTruncatedToo() throws IOException {
        String text = Files.readString(MYSQL8);
        String message = failure(text.substring(0, text.indexOf("-- Table structure for table `sessions`")));
        assertTrue(message.contains("the file is truncated"), message);
    }

    @Test
    void aStatementTheReaderCannotParseNamesItsLine() {
        String message = failure("CREATE TABLE `t` (\n  `a` int NOT NULL BOGUS\n);\n");
        assertEquals("in.sql:2: cannot parse CREATE TABLE `t`: unexpected 'BOGUS' in column a", message);
    }
}
