package io.schemaplan.testing;

import io.schemaplan.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
     * Runs the CLI in a new JVM through bash, for what only a shell gives it: process substitution
     * ({@code <(cat f)}), pipes, environment variables. {@code schemaplan} in {@code script} is the command; the
     * run fails the test when it takes longer than {@code timeoutSeconds}.
     */
    public static Result shell(String script, Map<String, String> env, int timeoutSeconds) {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder("bash", "-c",
                "schemaplan() { \"$SP_JAVA\" -cp \"$SP_CLASSPATH\" io.schemaplan.cli.Main \"$@\"; }\n" + script);
        pb.environment().putAll(env);
        // The test JVM's class path (a Surefire booter jar whose manifest lists the rest) runs Main as well.
        pb.environment().put("SP_JAVA", javaCommand);
        pb.environment().put("SP_CLASSPATH", System.getProperty("java.class.path"));
        try {
            Path out = Files.createTempFile("sp_cli", ".out");
            Path err = Files.createTempFile("sp_cli", ".err");
            try {
                Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    org.junit.jupiter.api.Assertions.fail("still running after " + timeoutSeconds + " s: " + script);
                }
                return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
