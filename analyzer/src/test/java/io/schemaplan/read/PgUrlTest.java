package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgUrlTest {

    @Test
    void parsesTheUrlFormsUsersType() {
        PgUrl u = PgUrl.parse("postgresql://dify:s3cret@db.example.com:6543/dify?sslmode=require");
        assertEquals("dify", u.user());
        assertEquals("s3cret", u.password());
        assertEquals("db.example.com", u.host());
        assertEquals(6543, u.port());
        assertEquals("dify", u.database());
        assertEquals(Map.of("sslmode", "require"), u.params());

        assertEquals(PgUrl.parse("postgres://dify:s3cret@db.example.com:6543/dify"),
                PgUrl.parse("postgresql://dify:s3cret@db.example.com:6543/dify"));
        PgUrl jdbc = PgUrl.parse("jdbc:postgresql://db.example.com/dify?user=dify&password=s3cret&sslmode=disable");
        assertEquals("dify", jdbc.user());
        assertEquals("s3cret", jdbc.password());
        assertEquals(5432, jdbc.port());
        assertEquals(Map.of("sslmode", "disable"), jdbc.params());
    }

    @Test
    void decodesPercentEscapesAndKeepsIpv6Hosts() {
        PgUrl u = PgUrl.parse("postgresql://app%40corp:p%40ss%3Aw@[::1]:5433/my%20db");
        assertEquals("app@corp", u.user());
        assertEquals("p@ss:w", u.password());
        assertEquals("[::1]", u.host());
        assertEquals(5433, u.port());
        assertEquals("my db", u.database());
    }

    @Test
    void aUrlWithoutPasswordHasNone() {
        PgUrl u = PgUrl.parse("postgresql://root@127.0.0.1:5432/postgres");
        assertNull(u.password());
        assertEquals("postgresql://root@127.0.0.1:5432/postgres", u.redacted());
    }

    @Test
    void theRedactedFormAndToStringNeverShowThePassword() {
        PgUrl u = PgUrl.parse("jdbc:postgresql://h:1/d?user=u&password=hunter22&sslpassword=x");
        assertEquals("postgresql://u@h:1/d", u.redacted());
        assertEquals(u.redacted(), u.toString());
        assertFalse(PgUrl.parse("postgresql://u:hunter22@h/d").toString().contains("hunter22"));
    }

    @Test
    void aMalformedUrlIsReportedWithoutItsPassword() {
        ReadException e = assertThrows(ReadException.class, () -> PgUrl.parse("mysql://u:hunter22@h/d"));
        assertEquals("mysql://***@h/d: not a PostgreSQL URL (expected postgresql://user@host:port/database)",
                e.getMessage());
        ReadException port = assertThrows(ReadException.class, () -> PgUrl.parse("postgresql://u:hunter22@h:x/d"));
        assertFalse(port.getMessage().contains("hunter22"), port.getMessage());
    }

    @Test
    void thePasswordComesFromTheUrlThenPgpasswordThenThePgpassFile(@TempDir Path dir) throws IOException {
        Path pgpass = dir.resolve("pgpass");
        Files.writeString(pgpass, "# comment\nother:*:*:*:wrong\n127.0.0.1:5432:*:dify:from-file\n");
        withPgpassFile(pgpass, () -> {
            PgUrl withPassword = PgUrl.parse("postgresql://dify:from-url@127.0.0.1:5432/app");
            PgUrl without = PgUrl.parse("postgresql://dify@127.0.0.1:5432/app");
            assertEquals("from-url", PgConnections.password(withPassword, Map.of("PGPASSWORD", "from-env")));
            assertEquals("from-env", PgConnections.password(without, Map.of("PGPASSWORD", "from-env")));
            assertEquals("from-file", PgConnections.password(without, Map.of()));
            assertNull(PgConnections.password(PgUrl.parse("postgresql://nobody@127.0.0.1:5432/app"), Map.of()));
        });
    }

    @Test
    void pgpassWildcardsMatchAnyHostPortAndDatabase(@TempDir Path dir) throws IOException {
        Path pgpass = dir.resolve("pgpass");
        Files.writeString(pgpass, "*:*:*:dify:wild\\:card\n");
        withPgpassFile(pgpass, () -> assertEquals("wild:card",
                PgConnections.password(PgUrl.parse("postgresql://dify@db.internal:6000/x"), Map.of())));
    }

    /** pgjdbc's PgPassParser reads the file named by this property before PGPASSFILE and ~/.pgpass. */
    private static void withPgpassFile(Path file, Runnable check) {
        String before = System.getProperty("org.postgresql.pgpassfile");
        System.setProperty("org.postgresql.pgpassfile", file.toString());
        try {
            check.run();
        } finally {
            if (before == null) System.clearProperty("org.postgresql.pgpassfile");
            else System.setProperty("org.postgresql.pgpassfile", before);
        }
    }
}
