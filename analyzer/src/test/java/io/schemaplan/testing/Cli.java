package io.schemaplan.testing;

import io.schemaplan.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in-process, as a user would from the shell, and captures what it prints. */
public final class Cli {
    private Cli() {
    }

    public record Result(int exitCode, String out, String err) {
        /** The non-empty lines of stderr. */
        public java.util.List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    public static synchronized Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /**
     * Runs the CLI on input it must refuse: exit code 2, one line on stderr starting {@code schemaplan: },
     * no stack trace. Returns the result for further checks.
     */
    public static Result badInput(String... args) {
        Result r = run(args);
        org.junit.jupiter.api.Assertions.assertEquals(2, r.exitCode(), r.err());
        org.junit.jupiter.api.Assertions.assertEquals(1, r.errLines().size(), "one line, no stack trace: " + r.err());
        org.junit.jupiter.api.Assertions.assertTrue(r.errLines().get(0).startsWith("schemaplan: "), r.err());
        org.junit.jupiter.api.Assertions.assertFalse(r.err().contains("\tat "), r.err());
        return r;
    }
}
