package io.schemaplan.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a file a user named exactly once, into memory, up to a limit: a regular file, a pipe, a process
 * substitution ({@code <(pg_dump -s …)}, {@code /dev/fd/N}), a FIFO or stdin ({@code -}). Whatever is sniffed
 * and parsed afterwards comes from these bytes, so a stream is never read twice.
 *
 * <p>The limits are generous for what they hold and far below the memory a parse of them takes (a parse
 * holds the text about three times over): a schema-only dump of 20,000 tables is ~33 MB, its snapshot ~100 MB.
 * {@value #MAX_INPUT_ENV} (in MiB) replaces every limit. Opening a FIFO waits for its writer; that wait ends
 * after {@value #OPEN_TIMEOUT_ENV} seconds (default 30).
 */
public final class InputFiles {
    private InputFiles() {
    }

    public static final String MAX_INPUT_ENV = "SCHEMAPLAN_MAX_INPUT_MB";
    public static final String OPEN_TIMEOUT_ENV = "SCHEMAPLAN_OPEN_TIMEOUT";
    static final int DEFAULT_OPEN_TIMEOUT_SECONDS = 30;
    private static final long MIB = 1024 * 1024;
    private static final int BLOCK = 1024 * 1024;

    /** What a file is read as, and how large it may be. */
    public enum Kind {
        /** A plain pg_dump or mysqldump file: a schema-only dump of 100,000 tables fits (~165 MB). */
        DUMP("a dump", 512 * MIB, "a schema-only dump (pg_dump -s, mysqldump --no-data) is far smaller"),
        /** A migration script (Alembic, Flyway, Liquibase, …): read like a dump, and as large as one may be. */
        SCRIPT("a migration script", 512 * MIB, "the SQL of a migration is far smaller than a dump"),
        /** A schemaplan snapshot, about three times its dump's size (Jackson builds a tree of it first). */
        SNAPSHOT("a snapshot", 512 * MIB, "a snapshot of 20,000 tables is ~100 MB"),
        STATS("a statistics file", 64 * MIB, "statistics of 20,000 tables are ~10 MB"),
        PROFILE("a profile", MIB, "a profile is a few hundred bytes"),
        POLICY("a policy", MIB, "a policy is a few KB"),
        CONFIG("a config file", MIB, "schemaplan.yaml is a few lines");

        final String what;
        final long defaultLimit;
        final String why;

        Kind(String what, long defaultLimit, String why) {
            this.what = what;
            this.defaultLimit = defaultLimit;
            this.why = why;
        }

        /** The limit in bytes: {@value #MAX_INPUT_ENV} when set, else the default. */
        public long limit() {
            return limit(System.getenv());
        }

        long limit(Map<String, String> env) {
            String mb = env.get(MAX_INPUT_ENV);
            if (mb == null || mb.isBlank()) return defaultLimit;
            try {
                long n = Long.parseLong(mb.trim());
                if (n > 0) return Math.min(n * MIB, Integer.MAX_VALUE - 16); // one Java array
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new ReadException(MAX_INPUT_ENV + "=" + mb + ": expected a size in MiB, e.g. 2048");
        }
    }

    /**
     * Jackson's read limits for JSON from users, set here rather than left to the library's defaults: no document
     * of ours nests deeper than a dozen levels, has a name over a few hundred characters or a number over 20
     * digits; the longest strings are view and routine bodies.
     */
    public static JsonFactory jsonFactory() {
        return JsonFactory.builder().streamReadConstraints(readConstraints()).build();
    }

    static StreamReadConstraints readConstraints() {
        return StreamReadConstraints.builder().maxNestingDepth(64).maxNameLength(64 * 1024)
                .maxNumberLength(64).maxStringLength((int) (16 * MIB)).build();
    }

    /**
     * Jackson's complaint about {@code label} as one line: at its line when Jackson knows it (a limit of
     * {@link #readConstraints} is reported without one), and without the names of Jackson's own API.
     */
    static ReadException invalidJson(String label, String what, JsonProcessingException e) {
        String message = what + ": " + e.getOriginalMessage().lines().findFirst().orElse("")
                .replaceAll(", from `[^`]*`\\)", ")");
        var loc = e.getLocation();
        return loc == null || loc.getLineNr() <= 0 ? new ReadException(label + ": " + message)
                : ReadException.at(label, loc.getLineNr(), message);
    }

    /** A file's bytes and the label that names it in messages. */
    public record Content(String label, byte[] bytes) {
        /** The first {@code n} bytes at most, as text, for sniffing. */
        public String head(int n) {
            return new String(bytes, 0, Math.min(n, bytes.length), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * Reads {@code spec} ({@code -} is stdin) as {@code kind}.
     *
     * @throws ReadException one line naming the file: missing, a directory, unreadable, no writer on a FIFO
     *         within the open timeout, or larger than the kind's limit
     */
    public static Content read(String spec, Kind kind) {
        String label = spec.equals("-") ? "stdin" : Redaction.url(spec);
        if (spec.equals("-")) return new Content(label, readBounded(System.in, label, kind.limit(), kind));
        Path file = Path.of(spec);
        if (Files.isDirectory(file)) throw new ReadException(label + ": is a directory, expected " + kind.what);
        if (Files.isRegularFile(file)) {
            long size = sizeOf(file, label);
            if (size > kind.limit()) throw tooLarge(label, kind, kind.limit());
        }
        try (InputStream in = open(file, label, openTimeoutSeconds(System.getenv()))) {
            return new Content(label, readBounded(in, label, kind.limit(), kind));
        } catch (IOException e) {
            throw cannotRead(label, e, kind);
        }
    }

    /**
     * Reads {@code in} to its end, or fails once it holds more than {@code limit} bytes. The bytes gather in
     * blocks and are copied once into an array of their exact size: memory peaks at twice what was read, where a
     * doubling buffer peaks near three times.
     */
    static byte[] readBounded(InputStream in, String label, long limit, Kind kind) {
        List<byte[]> blocks = new ArrayList<>();
        long total = 0;
        try {
            while (true) {
                byte[] block = in.readNBytes(BLOCK);
                if (block.length == 0) break;
                if (total == 0) rejectBinary(block, block.length, label, kind); // /dev/zero stops here
                total += block.length;
                if (total > limit) throw tooLarge(label, kind, limit);
                blocks.add(block);
                if (block.length < BLOCK) break;
            }
        } catch (IOException e) {
            throw cannotRead(label, e, null);
        }
        byte[] all = new byte[(int) total];
        int at = 0;
        for (byte[] block : blocks) {
            System.arraycopy(block, 0, all, at, block.length);
            at += block.length;
        }
        return all;
    }

    /** Every input is text: a NUL byte in the first block is a binary file or a device, named at its line. */
    private static void rejectBinary(byte[] block, int length, String label, Kind kind) {
        if (length >= 5 && new String(block, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("PGDMP")) {
            return; // a pg_dump archive: the dump reader says how to convert it
        }
        int line = 1;
        for (int i = 0; i < length; i++) {
            if (block[i] == 0) throw ReadException.at(label, line, "binary data (a NUL byte), not " + kind.what);
            if (block[i] == '\n') line++;
        }
    }

    /**
     * Opens {@code file} for reading. Opening a FIFO blocks until some process opens it for writing, so the
     * open runs on its own thread with a deadline; on time-out the FIFO is opened for writing here (nothing is
     * written) so that the blocked open returns and its thread ends.
     */
    static InputStream open(Path file, String label, int timeoutSeconds) throws IOException {
        if (!isFifo(file)) return Files.newInputStream(file);
        CompletableFuture<InputStream> opening = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, runnable -> {
            Thread t = new Thread(runnable, "schemaplan-open-fifo");
            t.setDaemon(true);
            t.start();
        });
        try {
            return opening.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            release(file, opening);
            throw new ReadException(label + ": nothing writes to this FIFO (waited " + timeoutSeconds + " s; set "
                    + OPEN_TIMEOUT_ENV + " to wait longer)");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause() : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadException(label + ": interrupted while waiting for a writer");
        }
    }


    private static void release(Path file, CompletableFuture<InputStream> opening) {
        // WRITE alone: no create, no truncate, whatever the path has become since.
        try (OutputStream ignored = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
            opening.thenAccept(InputFiles::closeQuietly);
        } catch (IOException ignored) {
            // The FIFO is gone or not writable: its thread stays parked, as a daemon that ends with the process.
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // Nothing was read from it.
        }
    }

    private static boolean isFifo(Path file) {
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            return mode instanceof Integer m && (m & 0170000) == 0010000;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false; // no such file (reported by the open), or no unix view (no FIFOs either)
        }
    }

    static int openTimeoutSeconds(Map<String, String> env) {
        String s = env.get(OPEN_TIMEOUT_ENV);
        if (s == null || s.isBlank()) return DEFAULT_OPEN_TIMEOUT_SECONDS;
        try {
            int n = Integer.parseInt(s.trim());
            if (n > 0) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ReadException(OPEN_TIMEOUT_ENV + "=" + s + ": expected a number of seconds, e.g. 30");
    }

    private static long sizeOf(Path file, String label) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw cannotRead(label, e, null);
        }
    }

    static ReadException tooLarge(String label, Kind kind, long limit) {
        return new ReadException(label + ": larger than " + mib(limit) + ", the limit for " + kind.what + " ("
                + kind.why + "; set " + MAX_INPUT_ENV + " to raise it)");
    }

    private static String mib(long bytes) {
        return bytes % MIB == 0 ? bytes / MIB + " MiB" : String.format(Locale.ROOT, "%,d bytes", bytes);
    }

    /** {@code kind} null: a file whose kind is not in question (its size, a read after the open). */
    static ReadException cannotRead(String label, IOException e, Kind kind) {
        if (e instanceof NoSuchFileException) {
            return new ReadException(label + ": no such " + (kind == null || kind == Kind.DUMP || kind == Kind.SNAPSHOT || kind == Kind.SCRIPT
                    ? "file" : kind.what.substring(2).replace(" file", "") + " file"));
        }
        if (e instanceof AccessDeniedException) return new ReadException(label + ": cannot read the file: permission denied");
        // A FileSystemException's message repeats the path; its reason alone says why.
        String reason = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getMessage() == null || e.getMessage().isBlank() ? "an I/O error" : e.getMessage();
        return new ReadException(label + ": cannot read the file: " + Redaction.url(reason));
    }
}
