package io.schemaplan.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.Engine;
import io.schemaplan.model.QName;
import io.schemaplan.normalize.SqlTokens;
import io.schemaplan.testing.LocalMariadb;
import io.schemaplan.testing.LocalPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The quoting function against the servers themselves: PostgreSQL's own {@code quote_ident} and keyword
 * list, and names that come back unchanged after a round trip through each server's parser.
 */
class IdentifiersServerTest {
    /** Names a schema may hold; none may change meaning or break out of its identifier. */
    static final List<String> HOSTILE = List.of("plain", "_x1", "order", "user", "select", "int", "Order", "userId",
            "a b", "a\"b", "\"", "\"\"", "x); DROP TABLE public.victim; --", " ", "1abc", "a$b", "$1", "a-b", "a.b",
            "déjà", "имя", "\uD83D\uDE00", "ß", "İ", "a\\b", "a'b", "`", "a`b", "--", "/*", "$$", "a;b");

    /** Names with control or invisible characters: written U&"…" on PostgreSQL. */
    static final List<String> CONTROL = List.of("a\nb", "t\n::error title=X::y", "\u001b[2J", "x\u202Ey",
            "back\\slash\r", "tab\there", "\u0085c1", "zero\u200Bwidth", "\u2066iso\u2069", "emoji\uD83D\uDE00\n");

    @Test
    void theKeywordTableIsTheServersNonBareKeywords() throws Exception {
        Set<String> server = new HashSet<>();
        try (Connection c = LocalPostgres.connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT word FROM pg_get_keywords() WHERE catcode <> 'U'")) {
            while (rs.next()) server.add(rs.getString(1));
        }
        Set<String> missing = new HashSet<>(server);
        missing.removeAll(PgKeywords.PG15);
        missing.removeAll(PgKeywords.LATER);
        assertEquals(Set.of(), missing, "keywords of this server that the table lacks");
        Set<String> extra = new HashSet<>(PgKeywords.PG15);
        extra.removeAll(server);
        assertEquals(Set.of(), extra, "PG15 words the server does not call non-bare keywords");
    }

    @Test
    void everyKeywordAndHostileNameIsQuotedAsQuoteIdentQuotesIt() throws Exception {
        List<String> names = new ArrayList<>(HOSTILE);
        names.add("");
        try (Connection c = LocalPostgres.connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT word FROM pg_get_keywords()")) {
            while (rs.next()) names.add(rs.getString(1));
        }
        try (Connection c = LocalPostgres.connect("postgres");
             PreparedStatement q = c.prepareStatement("SELECT quote_ident(?)")) {
            int compared = 0;
            for (String name : names) {
                String ours = Identifiers.quote(Engine.POSTGRES, name);
                q.setString(1, name);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    assertEquals(rs.getString(1), Identifiers.quoteIdent(name), "quote_ident of <" + name + ">");
                }
                if (PgKeywords.LATER.contains(name) && !PgKeywords.PG15.contains(name)) {
                    assertTrue(ours.startsWith("\""), "a keyword of later servers is quoted: " + ours);
                    continue;
                }
                assertEquals(Identifiers.quoteIdent(name), ours, name);
                compared++;
            }
            assertTrue(compared > 400, "compared " + compared + " names");
        }
    }

    /** {@code SELECT 1 AS <quoted>}: the server's parser gives back the column label. */
    @Test
    void hostileAndControlNamesComeBackUnchangedFromThePostgresParser() throws Exception {
        List<String> names = new ArrayList<>(HOSTILE);
        names.addAll(CONTROL);
        try (Connection c = LocalPostgres.connect("postgres"); Statement s = c.createStatement()) {
            for (String name : names) {
                String quoted = Identifiers.quote(Engine.POSTGRES, name);
                try (ResultSet rs = s.executeQuery("SELECT 1 AS " + quoted)) {
                    assertEquals(name, rs.getMetaData().getColumnLabel(1), quoted);
                    assertEquals(1, rs.getMetaData().getColumnCount(), quoted);
                }
            }
        }
        for (String name : CONTROL) {
            String quoted = Identifiers.quote(Engine.POSTGRES, name);
            assertTrue(quoted.startsWith("U&\""), quoted);
            assertTrue(quoted.codePoints().allMatch(ch -> ch >= 0x20 && ch != 0x7f && ch != 0x202e), quoted);
        }
    }

    /** Our dump reader reads a quoted name back as the name, and folds a bare one as the server does. */
    @Test
    void theStatementReaderAgreesWithTheServerOnQuotedAndBareNames() throws Exception {
        for (String name : HOSTILE) {
            assertEquals(name, SqlTokens.of(Identifiers.quote(Engine.POSTGRES, name)).ident(0), name);
        }
        try (Connection c = LocalPostgres.connect("postgres"); Statement s = c.createStatement()) {
            for (String bare : List.of("AbC", "ИмЯ", "ÉtÉ", "userId", "x_Y1")) {
                try (ResultSet rs = s.executeQuery("SELECT 1 AS " + bare)) {
                    assertEquals(rs.getMetaData().getColumnLabel(1), SqlTokens.unquote(bare), bare);
                }
            }
        }
    }

    @Test
    void aQualifiedNameQuotesBothParts() {
        assertEquals("public.\"userId\"", Identifiers.qualified(Engine.POSTGRES, QName.of("public", "userId")));
        assertEquals("\"My Schema\".t", Identifiers.qualified(Engine.POSTGRES, QName.of("My Schema", "t")));
        assertEquals("`t`", Identifiers.qualified(Engine.MARIADB, QName.of("", "t")));
    }

    @Test
    void truncationKeepsWholeCharactersWithinTheByteLimit() {
        String cyrillic = "и".repeat(40); // 2 bytes each
        assertEquals("и".repeat(31), Identifiers.truncateToBytes(cyrillic, 63));
        String emoji = "x" + "\uD83D\uDE00".repeat(20); // 1 + 4 bytes each
        String cut = Identifiers.truncateToBytes(emoji, 63);
        assertEquals("x" + "\uD83D\uDE00".repeat(15), cut);
        assertFalse(Character.isHighSurrogate(cut.charAt(cut.length() - 1)));
        assertEquals("plain", Identifiers.truncateToBytes("plain", 63));
        String helper = Identifiers.withSuffix("я".repeat(31) + "x", "_new");
        assertTrue(helper.endsWith("_new"), helper);
        assertTrue(helper.getBytes(StandardCharsets.UTF_8).length <= 63, helper);
        assertEquals("я".repeat(29) + "_new", helper);
    }

    /** PostgreSQL keeps the first 63 bytes of a name: a truncated helper name is what the server stores. */
    @Test
    void theServerKeepsATruncatedNameAsItIs() throws Exception {
        String helper = Identifiers.withSuffix("\uD83D\uDE00".repeat(20), "_sync");
        try (Connection c = LocalPostgres.connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 AS " + Identifiers.quote(Engine.POSTGRES, helper))) {
            assertEquals(helper, rs.getMetaData().getColumnLabel(1));
        }
    }

    @Test
    void mysqlNamesAreBacktickedWithBackticksDoubled() {
        assertEquals("`a``b`", Identifiers.quote(Engine.MYSQL, "a`b"));
        assertEquals("`order`", Identifiers.quote(Engine.MARIADB, "order"));
        assertEquals("``````", Identifiers.quote(Engine.MYSQL, "``"));
    }

    /** A table and a column with hostile names, created through the quoting function and read back. */
    @Test
    void hostileNamesSurviveARoundTripThroughMariadb() throws Exception {
        String db = "sp_quote_mysql_names";
        LocalMariadb.exec("mysql", "DROP DATABASE IF EXISTS `" + db + "`", "CREATE DATABASE `" + db + "`");
        try {
            List<String> names = List.of("a`b", "x`); DROP TABLE victim; --", "order", "userId", "a b", "имя",
                    "a\"b", "a'b", "`", "t\n::error title=X::y");
            LocalMariadb.exec(db, "CREATE TABLE victim (id int)");
            for (int i = 0; i < names.size(); i++) {
                String q = Identifiers.quote(Engine.MARIADB, names.get(i));
                LocalMariadb.exec(db, "CREATE TABLE " + q + " (" + q + " int, KEY " + Identifiers.quote(Engine.MARIADB, "k" + i)
                        + " (" + q + "))");
            }
            Set<String> tables = new HashSet<>();
            Set<String> columns = new HashSet<>();
            try (Connection c = LocalMariadb.connect(db);
                 PreparedStatement q = c.prepareStatement("SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS"
                         + " WHERE TABLE_SCHEMA = ?")) {
                q.setString(1, db);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                        columns.add(rs.getString(2));
                    }
                }
            }
            Set<String> expected = new HashSet<>(names);
            expected.add("victim");
            assertEquals(expected, tables);
            assertTrue(columns.containsAll(names), columns.toString());
        } finally {
            LocalMariadb.exec("mysql", "DROP DATABASE IF EXISTS `" + db + "`");
        }
    }
}
