package io.schemaplan.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Feeds mutated dumps to a dump reader and sorts what comes back, the way the CLI would show it: a schema
 * (exit 0), a {@link ReadException} (exit 2; its message must be one non-empty line without a Java class
 * name), any other exception (exit 3, an internal error) or an {@link Error} such as a stack overflow (a
 * stack trace). Seeded: the same seed gives the same inputs, so a failure can be replayed.
 *
 * <p>Mutations work on the text of real dumps: byte flips, deleting, duplicating and swapping ranges of
 * tokens, truncation, cutting a statement short before its {@code ;}, and inserting what breaks lexers
 * (quotes, parentheses, {@code $$}, comment marks, CR, NUL, huge numbers, deep nesting).
 */
final class DumpFuzzer {
    enum Dialect { POSTGRES, MYSQL }

    /** What one input gave. */
    enum Outcome { SCHEMA, READ_ERROR, MULTILINE_ERROR, BAD_ERROR_TEXT, INTERNAL_ERROR, STACK_TRACE }

    /** An input whose outcome is a bug, with what went wrong. */
    record Failure(Dialect dialect, long seed, Outcome outcome, String detail, byte[] input) {
    }

    /** Running figures. */
    static final class Figures {
        long inputs;
        long schemas;
        long readErrors;
        long multiline;
        long badText;
        long internal;
        long stackTraces;
        long slowestMillis;
        final List<Failure> failures = new ArrayList<>();

        long failureCount() {
            return multiline + badText + internal + stackTraces;
        }

        @Override
        public String toString() {
            return "inputs " + inputs + ", schemas (exit 0) " + schemas + ", read errors (exit 2) " + readErrors
                    + ", internal errors (exit 3, or caught only by the safety net) " + internal + ", stack traces " + stackTraces
                    + ", multi-line errors " + multiline + ", errors naming a Java class " + badText
                    + ", slowest input " + slowestMillis + " ms";
        }
    }

    /** A Java exception or error class name in a message: {@code NullPointerException}, {@code java.lang.…}. */
    private static final Pattern JAVA_CLASS = Pattern.compile("\\b(java|javax|sun|jdk)\\.[a-z]+\\.|[A-Za-z]+(Exception|Error)\\b");

    private static final String[] INSERTS = {"'", "\"", "`", "(", ")", "((", "))", "$$", "$x$", "/*", "*/", "--",
            "-- ", "#", "\r", "\r\n", "\0", "\n", ";", ",", ".", "[", "]", "[]", "\\", "E'", "99999999999999999999",
            "-1", "0", "()", "(1,2,3)", "/*!40101 ", "/*M!100101 ", " DEFAULT ", " NOT NULL ", " CONSTRAINT ", " ONLY ",
            " CHECK ", " ARRAY", " COLLATE ", " USING ", " KEY ", " ON UPDATE ", " BEGIN ", " END ", "DELIMITER ;;\n",
            "\\.\n", "COPY x FROM stdin;\n", "\u00e9", "\uFEFF", "\t"};

    private final Dialect dialect;
    private final List<byte[]> bases;

    DumpFuzzer(Dialect dialect, List<byte[]> bases) {
        this.dialect = dialect;
        this.bases = bases;
    }

    /** The real dumps and fixtures a dialect's inputs are made from. */
    static List<byte[]> bases(Dialect dialect, Path repo) throws IOException {
        List<Path> files = dialect == Dialect.POSTGRES
                ? List.of(repo.resolve("samples/postgres/dify-0.6.16.sql"), repo.resolve("samples/postgres/dify-1.12.1.sql"),
                        repo.resolve("analyzer/src/test/resources/pg/features.sql"),
                        repo.resolve("analyzer/src/test/resources/pg/features.dump.sql"),
                        repo.resolve("analyzer/src/test/resources/pg/features.full.sql"),
                        repo.resolve("analyzer/src/test/resources/pg/catalog-edges.sql"))
                : List.of(repo.resolve("samples/mysql/dify-1.10.1.sql"), repo.resolve("samples/mysql/dify-1.12.1.sql"),
                        repo.resolve("analyzer/src/test/resources/mysql/features.sql"),
                        repo.resolve("analyzer/src/test/resources/mysql/mysql8.sql"));
        List<byte[]> out = new ArrayList<>();
        for (Path f : files) out.add(Files.readAllBytes(f));
        return out;
    }

    /** Runs {@code count} inputs (or until {@code deadline}, a nanoTime, when it is not 0) from {@code seed}. */
    Figures run(long seed, long count, long deadline, Figures f) {
        for (long k = 0; k < count && (deadline == 0 || System.nanoTime() < deadline); k++) {
            long inputSeed = seed * 1_000_003L + k;
            byte[] input = mutate(new Random(inputSeed));
            check(input, inputSeed, f);
        }
        return f;
    }

    /** The input number {@code inputSeed} stands for (to replay one). */
    byte[] input(long inputSeed) {
        return mutate(new Random(inputSeed));
    }

    void check(byte[] input, long inputSeed, Figures f) {
        f.inputs++;
        long t0 = System.nanoTime();
        Outcome outcome;
        String detail;
        try {
            read(input);
            outcome = Outcome.SCHEMA;
            detail = "";
        } catch (ReadException e) {
            String m = e.getMessage();
            detail = m;
            if (e.getCause() instanceof IndexOutOfBoundsException) { // the readers' safety net caught a missing guard
                outcome = Outcome.INTERNAL_ERROR;
                detail = m + "\n" + trace(e.getCause());
            } else if (m == null || m.isBlank()) outcome = Outcome.BAD_ERROR_TEXT;
            else if (m.indexOf('\n') >= 0 || m.indexOf('\r') >= 0) outcome = Outcome.MULTILINE_ERROR;
            else if (JAVA_CLASS.matcher(m).find()) outcome = Outcome.BAD_ERROR_TEXT;
            else outcome = Outcome.READ_ERROR;
        } catch (RuntimeException e) {
            outcome = Outcome.INTERNAL_ERROR;
            detail = trace(e);
        } catch (StackOverflowError | OutOfMemoryError e) {
            outcome = Outcome.STACK_TRACE;
            detail = e.toString();
        }
        f.slowestMillis = Math.max(f.slowestMillis, (System.nanoTime() - t0) / 1_000_000);
        switch (outcome) {
            case SCHEMA -> f.schemas++;
            case READ_ERROR -> f.readErrors++;
            case MULTILINE_ERROR -> f.multiline++;
            case BAD_ERROR_TEXT -> f.badText++;
            case INTERNAL_ERROR -> f.internal++;
            case STACK_TRACE -> f.stackTraces++;
        }
        if (outcome != Outcome.SCHEMA && outcome != Outcome.READ_ERROR && f.failures.size() < 500) {
            f.failures.add(new Failure(dialect, inputSeed, outcome, detail, input));
        }
    }

    private void read(byte[] input) {
        if (dialect == Dialect.POSTGRES) PgDumpReader.read("fuzz.sql", input);
        else MysqlDumpReader.read("fuzz.sql", input);
    }

    /** The exception and the first frames of ours, which say where the guard is missing. */
    private static String trace(Throwable e) {
        StringBuilder b = new StringBuilder(e.toString());
        java.util.Arrays.stream(e.getStackTrace()).filter(f -> f.getClassName().startsWith("io.schemaplan")).limit(4)
                .forEach(f -> b.append("\n\tat ").append(f));
        return b.toString();
    }

    // ---- mutations ----

    byte[] mutate(Random r) {
        String text = new String(bases.get(r.nextInt(bases.size())), StandardCharsets.UTF_8);
        if (r.nextInt(8) != 0) text = window(text, r);
        int mutations = 1 + r.nextInt(3);
        for (int m = 0; m < mutations && !text.isEmpty(); m++) {
            text = switch (r.nextInt(8)) {
                case 0 -> deleteRange(text, r);
                case 1 -> duplicateRange(text, r);
                case 2 -> swapRanges(text, r);
                case 3 -> r.nextInt(4) == 0 ? text.substring(0, r.nextInt(text.length())) : cutStatement(text, r);
                case 4 -> cutStatement(text, r);
                case 5 -> nest(text, r);
                default -> insert(text, r);
            };
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (r.nextInt(12) == 0 && bytes.length > 0) bytes[r.nextInt(bytes.length)] ^= (byte) (1 << r.nextInt(7));
        return bytes;
    }

    /**
     * A few consecutive statements of a dump with its head and tail (header, session settings, footer), so
     * that most inputs are small and quick to read: a whole Dify dump takes milliseconds, a window much less.
     */
    private static String window(String text, Random r) {
        String[] chunks = text.split("(?<=;\n)");
        int head = 0; // the prologue of settings (and extensions, functions, types) before the first table
        while (head < chunks.length && !chunks[head].contains("CREATE TABLE")) head++;
        int tail = chunks.length; // the epilogue (restored settings, footer) after the last definition
        while (tail > head && !DEFINITION.matcher(chunks[tail - 1]).find()) tail--;
        if (tail - head < 10) return text;
        int from = head + r.nextInt(tail - head - 3);
        int to = Math.min(tail, from + 3 + r.nextInt(20));
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < head; i++) b.append(chunks[i]);
        for (int i = from; i < to; i++) b.append(chunks[i]);
        for (int i = tail; i < chunks.length; i++) b.append(chunks[i]);
        return b.toString();
    }

    private static final Pattern DEFINITION = Pattern.compile("\\b(CREATE|ALTER|COMMENT ON)\\b");

    /** A position at a token boundary: the start of a word, or a punctuation character. */
    private static int boundary(String s, Random r) {
        int i = r.nextInt(s.length() + 1);
        while (i > 0 && i < s.length() && Character.isLetterOrDigit(s.charAt(i)) && Character.isLetterOrDigit(s.charAt(i - 1))) i--;
        return i;
    }

    /** A range of a few tokens (usually), sometimes of a whole line or more. */
    private static int[] range(String s, Random r) {
        int from = boundary(s, r);
        int len = r.nextInt(4) == 0 ? r.nextInt(200) : 1 + r.nextInt(12);
        int to = Math.min(s.length(), from + len);
        while (to < s.length() && to > 0 && Character.isLetterOrDigit(s.charAt(to)) && Character.isLetterOrDigit(s.charAt(to - 1))) to++;
        return new int[] {from, to};
    }

    private static String deleteRange(String s, Random r) {
        int[] g = range(s, r);
        return s.substring(0, g[0]) + s.substring(g[1]);
    }

    private static String duplicateRange(String s, Random r) {
        int[] g = range(s, r);
        int at = boundary(s, r);
        return s.substring(0, at) + s.substring(g[0], g[1]) + s.substring(at);
    }

    private static String swapRanges(String s, Random r) {
        int[] a = range(s, r);
        int[] b = range(s, r);
        if (a[0] > b[0]) {
            int[] t = a;
            a = b;
            b = t;
        }
        if (a[1] > b[0]) return s;
        return s.substring(0, a[0]) + s.substring(b[0], b[1]) + s.substring(a[1], b[0]) + s.substring(a[0], a[1])
                + s.substring(b[1]);
    }

    /** Deletes from a random token to the next {@code ;}: a statement cut short, the way fuzzing finds most bugs. */
    private static String cutStatement(String s, Random r) {
        int from = boundary(s, r);
        int semi = s.indexOf(';', from);
        return semi < 0 ? s : s.substring(0, from) + s.substring(semi);
    }

    private static String nest(String s, Random r) {
        int at = boundary(s, r);
        int depth = r.nextInt(3) == 0 ? 200 + r.nextInt(20_000) : 1 + r.nextInt(50);
        String open = r.nextBoolean() ? "(" : "(1+";
        return s.substring(0, at) + open.repeat(depth) + (r.nextBoolean() ? ")".repeat(depth) : "") + s.substring(at);
    }

    private static String insert(String s, Random r) {
        int at = boundary(s, r);
        return s.substring(0, at) + INSERTS[r.nextInt(INSERTS.length)] + s.substring(at);
    }
}
