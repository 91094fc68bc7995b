package io.schemaplan.cli;

import io.schemaplan.read.Loaded;
import io.schemaplan.text.Printable;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a command's result to stdout or to the file named by {@code -o}. */
final class Output {
    private Output() {
    }

    static void write(Path file, String text) {
        if (file == null) {
            // Encoded a slice at a time: a 20,000-table plan is ~60 MB of text, and PrintStream's char-by-char
            // encoder was a tenth of its time; one getBytes of the whole would double its peak memory.
            PrintStream out = System.out;
            int slice = 1 << 16;
            for (int from = 0; from < text.length(); ) {
                int to = Math.min(text.length(), from + slice);
                if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) to--; // keep a pair whole
                byte[] bytes = text.substring(from, to).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
                from = to;
            }
            out.flush();
        } else {
            try {
                Files.writeString(file, text);
            } catch (IOException e) {
                throw cannotWrite(file, e);
            }
        }
    }

    /** Writes to {@code out}, bytes at a time. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** As {@link #write(Path, String)}, for output too large to build as one String first. */
    static void stream(Path file, Body body) {
        if (file == null) {
            try {
                OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
                body.writeTo(out);
                out.flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return;
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            body.writeTo(out);
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
    }

    private static Main.UserException cannotWrite(Path file, IOException e) {
        Path dir = file.toAbsolutePath().getParent();
        String why = dir != null && !Files.isDirectory(dir) ? "the directory " + dir + " does not exist"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase(java.util.Locale.ROOT);
        return new Main.UserException("cannot write " + file + ": " + why);
    }

    /** Reader warnings go to stderr, so that stdout stays machine-readable. */
    static void warnings(Loaded loaded) {
        for (String w : loaded.warnings()) {
            System.err.println("warning: " + Printable.escape(w));
        }
    }
}
