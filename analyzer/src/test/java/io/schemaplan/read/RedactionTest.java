package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Redaction#url} shows what the reader parsed, so it cannot cut a password anywhere else: checked on the
 * URL of issue 12 and on a few thousand generated URLs of every form, with {@code @ : / ? # %} and non-ASCII
 * characters in users and passwords.
 */
class RedactionTest {
    private static final String[] SCHEMES = {"postgresql://", "postgres://", "jdbc:postgresql://", "mysql://",
            "mariadb://", "jdbc:mysql://", "jdbc:mariadb://"};
    private static final String ALPHABET = "abcXYZ0189@:/?#%&=+!$-_. é密ßΩ🙂";
    private static final String[] HOSTS = {"db.example.com", "10.0.0.7", "[::1]", "pg-1", "localhost"};

    @Test
    void theUrlOfIssue12IsCutAtTheLastAt() {
        String url = "postgresql://u:S3cr3t-P@ss!@host/db";
        assertEquals("S3cr3t-P@ss!", PgUrl.parse(url).password());
        assertEquals("postgresql://u@host:5432/db", Redaction.url(url));
        assertEquals("mysql://u@host:3306/db", Redaction.url("mysql://u:S3cr3t-P@ss!@host/db"));
        assertEquals("postgresql://u@host:5432/db", Redaction.url("jdbc:postgresql://host/db?user=u&PassWord=S3cr3t-P@ss!"));
    }

    @Test
    void whatDoesNotParseIsBlankedFromSchemeToTheLastAt() {
        // a raw '/' in the password: the reader refuses the URL, and the message names it without any of it
        ReadException e = org.junit.jupiter.api.Assertions.assertThrows(ReadException.class,
                () -> PgUrl.parse("postgresql://u:12/ab@cd@host/db"));
        assertEquals("postgresql://***@host/db: cannot tell the password from the host; write '/', '?' and '&' in a"
                + " user or password as %2F, %3F and %26", e.getMessage());
        assertEquals("postgresql://***@host/db", Redaction.url("postgresql://u:12/ab@cd@host/db"));
        assertEquals("postgresql://***@host/db", Redaction.url("postgresql://u:12?ab@cd@host/db"));
        assertEquals("postgresql://***@host/db", Redaction.url("postgresql://u:12?a=b@cd@host/db"));
        assertEquals("postgresql://***@h:x/d", Redaction.url("postgresql://u:p@ss@h:x/d"));
        // a mistyped scheme is a file name to Sources, and still shown without its password
        assertEquals("postgresq://***@h/d", Redaction.url("postgresq://u:p@ss@h/d"));
        assertEquals("jdbc:postgresql:db?user=u&password=***&ssl=true",
                Redaction.url("jdbc:postgresql:db?user=u&password=p@ss&ssl=true"));
        assertEquals("host=h PASSWORD=*** dbname=d", Redaction.url("host=h PASSWORD=s3cret dbname=d"));
        assertEquals("host=h password=*** dbname=d", Redaction.url("host=h password='s3 cret' dbname=d"));
        assertEquals("dump@2026.sql", Redaction.url("dump@2026.sql"));
        assertEquals("dify:1.12.1", Redaction.url("dify:1.12.1"));
    }

    @Test
    void aRawPercentThatIsNoEscapeStaysInThePassword() {
        assertEquals("50%off", PgUrl.parse("postgresql://u:50%off@h/d").password());
        assertEquals("é%", PgUrl.parse("postgresql://u:%C3%A9%@h/d").password());
        assertEquals("postgresql://u@h:5432/d", Redaction.url("postgresql://u:%zz@h/d"));
    }

    @Test
    void theLabelReadsBackAsTheSameUserAndDatabase() {
        String shown = Redaction.url("postgresql://a%3Ab%40c:pw@h:1/my%2Fdb");
        assertEquals("postgresql://a%3Ab%40c@h:1/my%2Fdb", shown);
        PgUrl back = PgUrl.parse(shown);
        assertEquals("a:b@c", back.user());
        assertNull(back.password());
        assertEquals("my/db", back.database());
        assertEquals(shown, Redaction.url(shown));
    }

    @Test
    void scrubBlanksThePasswordAsTypedAndAsPercentEncoded() {
        String pw = "p@ss wörd/1";
        String said = "FATAL: bad p@ss wörd/1 in jdbc:x?password=p%40ss+w%C3%B6rd%2F1 or p%40ss%20w%c3%b6rd%2f1";
        String scrubbed = Redaction.scrub(said, pw);
        assertEquals("FATAL: bad *** in jdbc:x?password=*** or ***", scrubbed);
    }

    @Test
    void commandLineMessagesLoseEveryPasswordInTheArguments() {
        String url = "postgresql://u:S3cr3t-P@ss!@host/db";
        String message = "Unmatched argument at index 3: '" + url + "' (password S3cr3t-P@ss!)";
        String shown = Redaction.arguments(message, "diff", "a.sql", "b.sql", url);
        assertEquals("Unmatched argument at index 3: 'postgresql://u@host:5432/db' (password ***)", shown);
        assertFalse(Redaction.arguments("bad --stats=" + url, "--stats=" + url).contains("S3cr3t"));
    }

    /** The generated URLs the reader must understand: every special character written as it may be. */
    @Test
    void generatedUrlsNeverShowThePasswordAndAlwaysShowTheTarget() {
        Random random = new Random(20261207);
        for (int i = 0; i < 4000; i++) {
            Case c = generate(random, false);
            DatabaseTarget parsed = parse(c.url());
            assertEquals(c.user(), parsed.user(), c.url());
            assertEquals(c.password(), parsed.password(), c.url());
            String shown = Redaction.url(c.url());
            assertNoPassword(c, shown);
            assertTrue(shown.contains(c.host() + ":" + parsed.port() + "/"), c.url() + " -> " + shown);
            assertTrue(shown.endsWith("/" + c.databaseAsShown()), c.url() + " -> " + shown);
            assertEquals(shown, Redaction.url(shown), "idempotent");
        }
    }

    /** Raw '/', '?', '&' in a password give a URL the reader refuses or misreads: it is still never shown. */
    @Test
    void generatedUrlsWithRawSeparatorsNeverShowThePasswordEither() {
        Random random = new Random(7);
        for (int i = 0; i < 4000; i++) {
            Case c = generate(random, true);
            assertNoPassword(c, Redaction.url(c.url()));
        }
    }

    private record Case(String url, String user, String password, String writtenPassword, String host,
                        String databaseAsShown) {
    }

    private static DatabaseTarget parse(String url) {
        return Sources.kindOf(url) == Sources.Kind.POSTGRES_URL ? PgUrl.parse(url) : MysqlUrl.parse(url);
    }

    private static Case generate(Random r, boolean raw) {
        String scheme = SCHEMES[r.nextInt(SCHEMES.length)];
        String user = text(r, 1 + r.nextInt(8));
        String password = text(r, 3 + r.nextInt(14));
        if (raw && scheme.startsWith("jdbc:")) {
            password = password.replace('&', '-'); // a raw '&' ends a query value for every reader: not a password
        }
        String host = HOSTS[r.nextInt(HOSTS.length)];
        String port = r.nextBoolean() ? ":" + (1 + r.nextInt(65000)) : "";
        String database = r.nextBoolean() ? "dify" : "db_" + r.nextInt(100) + (r.nextBoolean() ? "é" : "");
        boolean inQuery = scheme.startsWith("jdbc:") && r.nextBoolean();
        String writtenUser = raw ? user : write(r, user, inQuery ? "&%" : ":/?%&");
        String writtenPassword = raw ? password : write(r, password, inQuery ? "&%" : "/?%");
        String tail = r.nextInt(3) == 0 ? "?sslmode=require" : "";
        String url;
        if (inQuery) {
            String key = List.of("password", "PASSWORD", "Password").get(r.nextInt(3));
            url = scheme + host + port + "/" + database + "?user=" + writtenUser + "&" + key + "=" + writtenPassword
                    + (tail.isEmpty() ? "" : "&sslmode=require");
        } else {
            url = scheme + writtenUser + ":" + writtenPassword + "@" + host + port + "/" + database + tail;
        }
        return new Case(url, user, password, writtenPassword, host, database);
    }

    private static String text(Random r, int length) {
        StringBuilder s = new StringBuilder();
        int[] points = ALPHABET.codePoints().toArray();
        for (int i = 0; i < length; i++) s.appendCodePoint(points[r.nextInt(points.length)]);
        return s.toString();
    }

    /**
     * {@code s} as a user may write it: the characters in {@code mustEncode} percent-encoded (a '%' only when
     * two hex digits follow it, else it may stay raw), every other character raw or encoded at random.
     */
    private static String write(Random r, String s, String mustEncode) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            boolean hexFollows = i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0;
            boolean must = mustEncode.indexOf(cp) >= 0 && (cp != '%' || hexFollows || r.nextBoolean());
            if (must || r.nextInt(4) == 0) {
                for (byte b : ch.getBytes(StandardCharsets.UTF_8)) {
                    out.append(String.format(r.nextBoolean() ? "%%%02X" : "%%%02x", b & 0xff));
                }
            } else {
                out.append(ch);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /**
     * Neither the password nor any 3-character piece of it that the rest of the URL does not also hold (as
     * typed, or as the label shows it: a '#' in the user is shown as %23).
     */
    private static void assertNoPassword(Case c, String shown) {
        String rest = c.url().replace(c.writtenPassword(), "\u0000");
        String restShown = Redaction.url(c.url().replace(c.writtenPassword(), "")); // the user as labels encode it
        for (String secret : List.of(c.password(), c.writtenPassword())) {
            for (int from = 0; from + 3 <= secret.length(); from++) {
                for (int to = from + 3; to <= secret.length(); to++) {
                    String piece = secret.substring(from, to);
                    if (shown.contains(piece) && !rest.contains(piece) && !restShown.contains(piece)) {
                        fail("'" + piece + "' of the password shown: " + c.url() + " -> " + shown);
                    }
                }
            }
        }
    }
}
