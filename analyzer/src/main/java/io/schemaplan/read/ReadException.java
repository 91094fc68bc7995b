package io.schemaplan.read;

/**
 * A source could not be read. The message is one line meant for the user: it names the file and line,
 * or the database URL (never with its password), or the object, and says what is wrong.
 */
public class ReadException extends RuntimeException {
    public ReadException(String message) {
        super(message);
    }

    public ReadException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code file:line: message}, the form compilers use, so editors can jump to it. */
    public static ReadException at(String file, int line, String message) {
        return new ReadException(file + ":" + line + ": " + message);
    }
}
