package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** Every read error is one line that says what is wrong in words, whatever text or exception is behind it. */
class ReadExceptionTest {

    @Test
    void lineBreaksInQuotedTextAreEscaped() {
        assertEquals("dump.sql:3: cannot parse ALTER TABLE ONLY public.t\\nADD CONSTRAINT x",
                ReadException.at("dump.sql", 3, "cannot parse ALTER TABLE ONLY public.t\n    ADD CONSTRAINT x").getMessage());
        assertEquals("a\\nb\\nc\\x00", new ReadException("a\r\nb\rc\0").getMessage());
    }

    @Test
    void anUnknownLineIsLeftOutNotPrintedAsZero() {
        assertEquals("s.json: invalid JSON", ReadException.at("s.json", 0, "invalid JSON").getMessage());
        assertEquals("s.json: invalid JSON", ReadException.at("s.json", -1, "invalid JSON").getMessage());
    }

    /** Tests run as root, who can read any file: the message is checked on the exceptions Java throws. */
    @Test
    void anUnreadableFileSaysWhy() {
        assertEquals("dump.sql: cannot read the file: permission denied",
                InputFiles.cannotRead("dump.sql", new AccessDeniedException("dump.sql"), null).getMessage());
        assertEquals("dump.sql: no such file", InputFiles.cannotRead("dump.sql", new NoSuchFileException("dump.sql"), null).getMessage());
        assertEquals("dump.sql: cannot read the file: Input/output error", InputFiles.cannotRead("dump.sql",
                new FileSystemException("dump.sql", null, "Input/output error"), null).getMessage());
    }

    @Test
    void aNumberThatDoesNotParseIsSaidInWords() {
        assertEquals("d.sql:4: cannot parse CREATE TABLE t: 'id' where a number was expected (or a number out of range)",
                ReadException.cannotParse("d.sql", 4, "CREATE TABLE t", new NumberFormatException("For input string: \"id\"")).getMessage());
        assertEquals("d.sql:4: cannot parse CREATE TABLE t: malformed",
                ReadException.cannotParse("d.sql", 4, "CREATE TABLE t", new IllegalArgumentException()).getMessage());
    }

    @Test
    void aServerMessageThatAlreadySaysPermissionDeniedIsNotPrefixedAgain() {
        assertEquals("permission denied for table apps",
                ConnectionErrors.withPrefix("permission denied: ", "permission denied for table apps"));
        assertEquals("permission denied: SELECT command denied to user 'u'@'h' for table 'apps'",
                ConnectionErrors.withPrefix("permission denied: ", "SELECT command denied to user 'u'@'h' for table 'apps'"));
    }
}
