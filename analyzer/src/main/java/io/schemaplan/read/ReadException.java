package io.schemaplan.read;

import io.schemaplan.normalize.Excerpts;

/**
 * A source could not be read. The message is one line meant for the user: it names the file and line,
 * or the database URL (never with its password), or the object, and says what is wrong. Whatever text it
 * quotes, the message stays one line: line breaks in it are escaped here.
 */
public class ReadException extends RuntimeException {
    public ReadException(String message) {
        super(Excerpts.oneLine(message));
    }

    public ReadException(String message, Throwable cause) {
        super(Excerpts.oneLine(message), cause);
    }

    /**
     * {@code file:line: cannot parse WHAT: problem}, for a statement a dump parser gave up on. A number that
     * does not parse is said in words: Java's {@code For input string: "x"} means nothing to a user. An
     * index out of bounds is a parser reading past a statement cut short where it has no guard yet: the user
     * gets exit 2 and the statement's line, and the cause stays attached for the fuzzer, which counts it as a bug.
     */
    static ReadException cannotParse(String file, int line, String what, RuntimeException e) {
        String problem = e instanceof IndexOutOfBoundsException ? "the statement is cut short or malformed" : e.getMessage();
        if (e instanceof NumberFormatException) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("For input string: \"(.*?)\"").matcher(
                    String.valueOf(problem));
            problem = m.find() ? "'" + Excerpts.of(m.group(1)) + "' where a number was expected (or a number out of range)"
                    : "a number was expected";
        }
        ReadException r = at(file, line, "cannot parse " + what + ": " + (problem == null || problem.isBlank() ? "malformed" : problem));
        r.initCause(e);
        return r;
    }

    /** A message of {@link #at} without its {@code file:line: } (a finding that names its statement apart). */
    static String unplaced(String file, String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(file) + ":\\d+: ").matcher(message);
        return m.lookingAt() ? message.substring(m.end()) : message;
    }

    /** {@code file:line: message}, the form compilers use, so editors can jump to it. */
    public static ReadException at(String file, int line, String message) {
        // A parser that lost track of the line (Jackson says -1 or 0) names the file alone: ":0:" is no place.
        return new ReadException(line >= 1 ? file + ":" + line + ": " + message : file + ": " + message);
    }
}
