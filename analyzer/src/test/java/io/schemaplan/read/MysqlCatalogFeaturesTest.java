package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.Column;
import io.schemaplan.model.DataType;
import io.schemaplan.model.Engine;
import io.schemaplan.model.ForeignKey;
import io.schemaplan.model.Index;
import io.schemaplan.model.QName;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Table;
import io.schemaplan.testing.LocalMariadb;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema with every MySQL/MariaDB fact the model holds (resources/mysql/features.sql), created on the
 * local MariaDB and dumped there with mariadb-dump: the dump and the live database read to one model, and
 * the live session is read-only with the promised limits.
 */
class MysqlCatalogFeaturesTest {
    static String db;
    static Loaded live;
    static Loaded dumped;

    @BeforeAll
    static void createAndDump(@TempDir Path tmp) {
        db = LocalMariadb.freshDatabase("features");
        LocalMariadb.clientFile(db, Path.of("src/test/resources/mysql/features.sql"));
        live = MysqlCatalogReader.read(LocalMariadb.url(db));
        dumped = MysqlDumpReader.read(LocalMariadb.dump(db, tmp.resolve("features.dump.sql")));
    }

    static Table table(String name) {
        return live.schema().table(QName.of("", name)).orElseThrow();
    }

    static Column column(String table, String name) {
        return table(table).column(name).orElseThrow();
    }

    @Test
    void theDumpAndTheLiveDatabaseReadToOneModel() {
        Schema d = dumped.schema();
        Schema l = live.schema();
        assertEquals(d, l, () -> SchemaDifference.describe(d, l));
        assertEquals(Engine.MARIADB, l.engine());
        assertTrue(l.serverVersion().matches("10\\.11\\.\\d+"), l.serverVersion());
    }

    @Test
    void routinesAreReadWithoutWarnings() {
        assertEquals(List.of(), live.warnings());
        assertEquals(List.of(), dumped.warnings());
        assertEquals("procedure touch_accounts()", live.schema().routines().get(0).kind() + " "
                + live.schema().routines().get(0).signature());
        assertEquals("UPDATE accounts SET counter = counter + 1", live.schema().routines().get(0).body());
    }

    @Test
    void columnsAreCanonical() {
        assertEquals(DataType.of("json"), column("accounts", "settings").type());
        assertNull(column("accounts", "settings").collation());
        assertEquals(new DataType("tinyint", 1, null, 0), column("accounts", "is_admin2").type());
        assertEquals("0", column("accounts", "is_admin2").defaultExpr());
        assertEquals(DataType.of("bigint"), column("accounts", "counter").type());
        assertEquals(new DataType("integer", 11, null, 0, true, List.of()), column("accounts", "visits").type());
        assertEquals(new DataType("enum", null, null, 0, false, List.of("active", "banned", "it's")),
                column("accounts", "status").type());
        assertEquals("'it''s \\ fine'", column("accounts", "note").defaultExpr());
        assertEquals("CURRENT_TIMESTAMP", column("accounts", "created_at").defaultExpr());
        assertEquals("CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6)", column("accounts", "updated_at").defaultExpr());
        assertEquals("ON UPDATE CURRENT_TIMESTAMP", column("accounts", "touched_at").defaultExpr());
        assertEquals("display name", column("accounts", "name").comment());
    }

    @Test
    void collationIsKeptOnlyWhereItDiffersFromTheTable() {
        assertEquals("utf8mb4_general_ci", table("accounts").collation());
        assertNull(column("accounts", "name").collation());
        assertEquals("utf8mb4_bin", column("accounts", "email").collation());
        assertEquals("latin1_swedish_ci", column("accounts", "legacy_code").collation());
        assertEquals("utf8mb4_bin", table("sessions").collation());
        assertEquals("utf8mb4_general_ci", column("sessions", "account_id").collation());
        assertEquals("latin1_swedish_ci", table("pairs").collation());
    }

    @Test
    void generatedAndInvisibleColumns() {
        Column lower = column("accounts", "email_lower");
        assertTrue(lower.virtual());
        assertEquals("lcase(`email`)", lower.generatedExpr());
        Column len = column("accounts", "name_len");
        assertFalse(len.virtual());
        assertEquals("char_length(`name`)", len.generatedExpr());
        assertTrue(column("accounts", "row_version").invisible());
        assertFalse(column("accounts", "id").invisible());
    }

    @Test
    void keysIndexesAndForeignKeys() {
        Table accounts = table("accounts");
        assertEquals("UNIQUE (name(100), status)", accounts.constraints().stream()
                .filter(c -> c.name().equals("accounts_name_status")).findFirst().orElseThrow().definition());
        Index prefix = accounts.indexes().stream().filter(i -> i.name().equals("accounts_name_prefix")).findFirst().orElseThrow();
        assertEquals(20, prefix.keys().get(0).prefixLength());
        assertEquals("prefix only", prefix.comment());
        assertEquals("fulltext", accounts.indexes().stream().filter(i -> i.name().equals("accounts_note_ft"))
                .findFirst().orElseThrow().method());
        assertTrue(accounts.indexes().stream().filter(i -> i.name().equals("accounts_created_desc")).findFirst()
                .orElseThrow().keys().get(0).descending());
        assertEquals("CHECK (`row_version` > 0)", accounts.constraints().stream()
                .filter(c -> c.name().equals("accounts_version_positive")).findFirst().orElseThrow().definition());
        ForeignKey fk = table("sessions").foreignKeys().get(0);
        assertEquals("sessions_account_fk", fk.name());
        assertEquals(QName.of("", "accounts"), fk.referencedTable());
        assertEquals("CASCADE", fk.onDelete());
        assertEquals(ForeignKey.NO_ACTION, fk.onUpdate());
        assertEquals(List.of("b", "a"), table("pairs").foreignKeys().get(0).referencedColumns());
        assertEquals(1, accounts.triggers().size());
        assertEquals(1, live.schema().views().size());
    }

    @Test
    void theSessionIsReadOnlyWithShortLimits() {
        List<String> limits = MysqlCatalogReader.inSession(LocalMariadb.url(db), conn -> {
            try (Statement s = conn.createStatement();
                 ResultSet rs = s.executeQuery("SELECT @@lock_wait_timeout, @@max_statement_time, @@tx_read_only")) {
                rs.next();
                return List.of(rs.getString(1), rs.getString(2), rs.getString(3));
            }
        });
        assertEquals(List.of("5", "60.0", "1"), limits);
        ReadException e = assertThrows(ReadException.class, () -> MysqlCatalogReader.inSession(LocalMariadb.url(db),
                conn -> conn.createStatement().execute("CREATE TABLE must_not_exist (a int)")));
        assertTrue(e.getMessage().contains("READ ONLY"), e.getMessage());
        assertThrows(ReadException.class, () -> MysqlCatalogReader.inSession(LocalMariadb.url(db),
                conn -> conn.createStatement().executeUpdate("DELETE FROM sessions")));
    }

    @Test
    void connectionFailuresAreOneLineWithoutThePassword() {
        assertEquals("mysql://root@127.0.0.1:3306/sp_mysql_no_such_db: database sp_mysql_no_such_db does not exist",
                failure("mysql://root@127.0.0.1:3306/sp_mysql_no_such_db"));
        String wrong = failure("mysql://root:s3cret-pw@127.0.0.1:3306/" + db);
        assertEquals("mysql://root@127.0.0.1:3306/" + db + ": access denied for user root"
                + " (wrong password, or the user may not connect from this host)", wrong);
        assertEquals("mariadb://root@127.0.0.1:1/x: cannot connect to 127.0.0.1:1 (connection refused: is the server"
                + " running and accepting TCP connections there?)", failure("mariadb://root:pw@127.0.0.1:1/x"));
        assertEquals("mysql://u@no-such-host.invalid:3306/x: unknown host no-such-host.invalid",
                failure("jdbc:mysql://no-such-host.invalid/x?user=u&password=s3cret-pw"));
        // a URL that does not parse is blanked from "://" to its last '@' (Redaction.conservative)
        assertEquals("mysql://***@h/: no database in the URL (expected mysql://user@host:port/database)",
                failure("mysql://u:s3cret-pw@h/"));
    }

    private static String failure(String url) {
        ReadException e = assertThrows(ReadException.class, () -> MysqlCatalogReader.read(url));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret-pw"), e.getMessage());
        return e.getMessage();
    }

}
