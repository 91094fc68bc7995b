package io.schemaplan.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Restores a dump file into a database named after the file, once per content: the database's comment
 * holds the SHA-256 of the bytes it was restored from, and a database whose comment matches is reused.
 * Shared by {@link LocalPostgres} and {@link LocalMariadb}; treat a restored database as read-only.
 */
final class DumpRestores {
    private DumpRestores() {
    }

    /**
     * The database restored from {@code dump}: {@code comment} reads a database's comment (null when it does
     * not exist), {@code restore} makes it afresh from the file, {@code setComment} records the hash.
     */
    static synchronized String restored(String prefix, Path dump, Function<String, String> comment,
                                        BiConsumer<String, Path> restore, BiConsumer<String, String> setComment) {
        String name = prefix + dump.getFileName().toString().replaceAll("\\.sql$", "")
                .replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT);
        String hash = sha256(dump);
        if (!hash.equals(comment.apply(name))) {
            restore.accept(name, dump);
            setComment.accept(name, hash);
        }
        return name;
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
