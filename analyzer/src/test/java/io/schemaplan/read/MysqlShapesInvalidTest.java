package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.schemaplan.testing.Cli;
import io.schemaplan.testing.LocalMariadb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A CREATE TABLE the server rejects is a one-line error naming the file and the line of the offending
 * definition, exit 2, never a table read without what follows the mistake (resources/mysql/shapes/invalid/).
 * Each file is fed to the local MariaDB too, which must reject it: the reader refuses what the server does.
 */
class MysqlShapesInvalidTest {
    static final Path DIR = Path.of("src/test/resources/mysql/shapes/invalid");
    static final String DB = LocalMariadb.PREFIX + "myshapes_invalid";

    @AfterAll
    static void dropDatabase() {
        LocalMariadb.exec("mysql", "DROP DATABASE IF EXISTS `" + DB + "`");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            missing-comma.sql              | 10 | cannot parse CREATE TABLE `pets`: unexpected 'CONSTRAINT' after foreign key pets_owner_fk (a missing comma before it?)
            missing-comma-after-default.sql | 5 | cannot parse CREATE TABLE `rooms`: unexpected '`wing`' in column floor (a missing comma before it?)
            missing-comma-after-check.sql  | 6  | cannot parse CREATE TABLE `flags`: unexpected 'CONSTRAINT' after CHECK (`on` in (0,1)) (a missing comma before it?)
            duplicate-key.sql              | 7  | cannot parse CREATE TABLE `books`: duplicate key name books_key
            duplicate-column.sql           | 5  | cannot parse CREATE TABLE `cities`: duplicate column name Name
            unknown-key-column.sql         | 7  | cannot parse CREATE TABLE `tickets`: key tickets_seat names column seat_no, which the table does not have
            """)
    void theReaderRefusesWhatTheServerRefuses(String file, int line, String message, @TempDir Path tmp) throws IOException {
        Path dump = DIR.resolve(file);
        Cli.Result r = Cli.badInput("diff", dump.toString(), dump.toString());
        assertEquals("schemaplan: " + dump + ":" + line + ": " + message, r.errLines().get(0));

        // MariaDB 10.11 knows neither MySQL 8's utf8mb4_0900_ai_ci nor refuses a table for it alone: the
        // collation is swapped so that only the mistake is left for the server to refuse
        Path forMariadb = Files.writeString(tmp.resolve(file),
                Files.readString(dump).replace("utf8mb4_0900_ai_ci", "utf8mb4_general_ci"));
        LocalMariadb.freshDatabase("myshapes_invalid");
        LocalMariadb.ClientRun server = LocalMariadb.run(forMariadb, "--database=" + DB);
        assertNotEquals(0, server.exitCode(), "MariaDB accepted " + file + ": " + server.output());
    }
}
