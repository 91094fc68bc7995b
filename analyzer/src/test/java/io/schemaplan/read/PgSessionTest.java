package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sessions the catalog reader opens, and the one-line errors it gives when it cannot. */
class PgSessionTest {
    private static final String DB = "sp_catalog_session";
    private static final String PASSWORD = "Pw-7f3c9a";

    @BeforeAll
    static void database() {
        LocalPostgres.freshDatabase(DB);
        LocalPostgres.exec(DB, "CREATE TABLE public.t (id integer)");
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void theReaderSessionIsAReadOnlyRepeatableReadSnapshotWithPgDumpsSettings() {
        Map<String, String> settings = PostgresCatalogReader.inSession(LocalPostgres.url(DB), c -> {
            Map<String, String> m = new LinkedHashMap<>();
            for (String name : new String[] {"transaction_read_only", "transaction_isolation", "search_path",
                    "lock_timeout", "statement_timeout", "application_name", "IntervalStyle", "DateStyle"}) {
                m.put(name, show(c, name));
            }
            return m;
        });
        assertEquals("on", settings.get("transaction_read_only"));
        assertEquals("repeatable read", settings.get("transaction_isolation"));
        assertEquals("\"\"", settings.get("search_path"));
        assertEquals("1s", settings.get("lock_timeout"));
        assertEquals("1min", settings.get("statement_timeout"));
        assertEquals("schemaplan", settings.get("application_name"));
        assertEquals("postgres", settings.get("IntervalStyle"));
        assertTrue(settings.get("DateStyle").startsWith("ISO"), settings.get("DateStyle"));
    }

    private static String count(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_class WHERE relname = 'u'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void theReaderSessionCannotWrite() throws SQLException {
        ReadException e = assertThrows(ReadException.class, () -> PostgresCatalogReader.inSession(
                LocalPostgres.url(DB), c -> c.createStatement().execute("INSERT INTO public.t VALUES (1)")));
        assertEquals(LocalPostgres.url(DB) + ": cannot execute INSERT in a read-only transaction", e.getMessage());
        assertThrows(ReadException.class, () -> PostgresCatalogReader.inSession(LocalPostgres.url(DB),
                c -> c.createStatement().execute("COMMIT; CREATE TABLE public.u (id integer)")));
        try (Connection c = LocalPostgres.connect(DB)) {
            assertEquals("0", show(c, "transaction_read_only").equals("off") ? count(c) : "?");
        }
    }

    @Test
    void aRefusedConnectionNamesHostAndPortButNotThePassword() {
        assertReadFails("postgresql://root:" + PASSWORD + "@127.0.0.1:1/postgres",
                "postgresql://root@127.0.0.1:1/postgres: cannot connect to 127.0.0.1:1 (connection refused:"
                        + " is the server running and accepting TCP connections there?)");
    }

    @Test
    void anUnknownDatabaseIsNamed() {
        assertReadFails("postgresql://root:" + PASSWORD + "@127.0.0.1:5432/sp_no_such_db",
                "postgresql://root@127.0.0.1:5432/sp_no_such_db: database sp_no_such_db does not exist");
    }

    @Test
    void anUnknownHostIsNamed() {
        assertReadFails("postgres://root:" + PASSWORD + "@no-such-host.invalid/db",
                "postgresql://root@no-such-host.invalid:5432/db: unknown host no-such-host.invalid");
    }

    /** The read fails with exactly this one line, and no exception in the chain shows the password. */
    private static void assertReadFails(String url, String message) {
        ReadException e = assertThrows(ReadException.class, () -> PostgresCatalogReader.read(url, null));
        assertEquals(message, e.getMessage());
        assertNoPassword(e);
    }

    /**
     * The local server trusts every connection from 127.0.0.1 (pg_hba.conf), so it never asks for a
     * password and a wrong one cannot be provoked; the server's answers are mapped from their SQLSTATEs.
     */
    @Test
    void authenticationFailuresSayWhatIsWrongWithoutThePassword() {
        PgUrl url = PgUrl.parse("postgresql://sp_pw:" + PASSWORD + "@db.example.com/dify");
        assertEquals("postgresql://sp_pw@db.example.com:5432/dify: wrong password for user sp_pw",
                PgErrors.describe(url, new SQLException(
                        "FATAL: password authentication failed for user \"sp_pw\"", "28P01")).getMessage());
        assertEquals("postgresql://sp_pw@db.example.com:5432/dify: the server refused user sp_pw:"
                        + " no pg_hba.conf entry for host \"10.0.0.1\", user \"sp_pw\", database \"dify\"",
                PgErrors.describe(url, new SQLException("no pg_hba.conf entry for host \"10.0.0.1\","
                        + " user \"sp_pw\", database \"dify\"", "28000")).getMessage());
        assertEquals("postgresql://sp_pw@db.example.com:5432/dify: the server wants a password for user sp_pw"
                        + " (give it in the URL, in PGPASSWORD or in ~/.pgpass)",
                PgErrors.describe(url, new SQLException("The server requested SCRAM-based authentication,"
                        + " but no password was provided.", "08004")).getMessage());
        ReadException echoed = PgErrors.describe(url, new SQLException("bad value " + PASSWORD, "XX000"));
        assertEquals("postgresql://sp_pw@db.example.com:5432/dify: bad value ***", echoed.getMessage());
    }

    @Test
    void aRoleWithAPasswordReadsTheCatalogOfTheTablesItMaySelect() {
        LocalPostgres.exec("postgres", "DROP ROLE IF EXISTS sp_pw");
        LocalPostgres.exec("postgres", "CREATE ROLE sp_pw LOGIN PASSWORD 'secret'");
        String url = "postgresql://sp_pw:secret@127.0.0.1:5432/" + DB;
        ReadException e = assertThrows(ReadException.class, () -> PostgresCatalogReader.read(url, null));
        assertEquals("postgresql://sp_pw@127.0.0.1:5432/" + DB + ": 1 of 1 table not readable by role sp_pw: public.t"
                + " (the reader needs SELECT on every table, and USAGE on its schema: GRANT SELECT ON ALL TABLES IN"
                + " SCHEMA public TO sp_pw), or pass --partial to read the others", e.getMessage());
        LocalPostgres.exec(DB, "GRANT SELECT ON public.t TO sp_pw");
        var schema = PostgresCatalogReader.read(url, null);
        assertEquals("public.t", schema.tables().get(0).name().toString());
    }

    @Test
    void aStatementTimeoutIsOneLine() {
        ReadException e = assertThrows(ReadException.class, () -> PostgresCatalogReader.inSession(
                "postgresql://root:" + PASSWORD + "@127.0.0.1:5432/" + DB, c -> {
                    c.createStatement().execute("SET statement_timeout = '50ms'");
                    return c.createStatement().execute("SELECT pg_sleep(5)");
                }));
        assertEquals(LocalPostgres.url(DB) + ": a catalog query ran longer than the statement_timeout of 60 s"
                + " and was cancelled; retry when the server is less busy", e.getMessage());
        assertNoPassword(e);
    }

    @Test
    void anUnknownSchemaInTheFilterIsAnErrorNotAnEmptySchema() {
        ReadException e = assertThrows(ReadException.class,
                () -> PostgresCatalogReader.read(LocalPostgres.url(DB), java.util.Set.of("pubic")));
        assertEquals(LocalPostgres.url(DB) + ": schema pubic does not exist", e.getMessage());
    }

    private static void assertNoPassword(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(PASSWORD), t.toString());
            assertFalse(t.toString().contains(PASSWORD), t.toString());
        }
    }
}
