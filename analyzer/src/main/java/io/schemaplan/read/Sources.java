package io.schemaplan.read;

import io.schemaplan.model.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Turns what a user names as a source into a schema: a database URL (PostgreSQL or MySQL/MariaDB), a
 * pg_dump file, a mysqldump / mariadb-dump file, or a snapshot. The kind is decided from the URL scheme
 * or from the first bytes of the file, never from its name.
 */
public final class Sources {
    private Sources() {
    }

    /** Sources contributed by other packages (META-INF/services), e.g. the bundled Dify releases. */
    private static final List<SourceProvider> PROVIDERS = ServiceLoader.load(SourceProvider.class).stream()
            .map(ServiceLoader.Provider::get).toList();

    /** What kind of source a user's argument names. */
    public enum Kind { POSTGRES_URL, MYSQL_URL, FILE }

    public static Kind kindOf(String spec) {
        String s = spec.toLowerCase(Locale.ROOT);
        if (s.startsWith("postgresql://") || s.startsWith("postgres://") || s.startsWith("jdbc:postgresql:")) {
            return Kind.POSTGRES_URL;
        }
        if (s.startsWith("mysql://") || s.startsWith("mariadb://") || s.startsWith("jdbc:mysql:") || s.startsWith("jdbc:mariadb:")) {
            return Kind.MYSQL_URL;
        }
        return Kind.FILE;
    }

    /**
     * Reads a source. {@code namespaces} limits the result to those schemas (null or empty: all).
     *
     * @throws ReadException with a one-line message when the source cannot be read
     */
    public static Loaded load(String spec, Set<String> namespaces) {
        return load(spec, namespaces, false);
    }

    /**
     * As {@link #load(String, Set)}; {@code partial} lets a database reader whose user cannot see every
     * table read what it can, and say so in the label and a warning, instead of stopping (files ignore it).
     */
    public static Loaded load(String spec, Set<String> namespaces, boolean partial) {
        boolean all = namespaces == null || namespaces.isEmpty();
        for (SourceProvider provider : PROVIDERS) {
            if (provider.accepts(spec)) {
                return only(provider.load(spec), namespaces);
            }
        }
        if (kindOf(spec) == Kind.POSTGRES_URL) {
            // The catalog reader filters in SQL, and says so when a named schema does not exist.
            return PostgresCatalogReader.readWithWarnings(spec, all ? null : namespaces, partial);
        }
        Loaded loaded = kindOf(spec) == Kind.MYSQL_URL ? MysqlCatalogReader.read(spec, partial) : loadFile(spec);
        return only(loaded, namespaces);
    }

    /** {@code loaded} limited to {@code namespaces} (null or empty: all); a MySQL source is left whole. */
    public static Loaded only(Loaded loaded, Set<String> namespaces) {
        // A MySQL database is one namespace with an empty name (see QName): --schema does not apply to it.
        if (namespaces == null || namespaces.isEmpty() || loaded.schema().engine().isMysqlFamily()) {
            return loaded;
        }
        Schema filtered = loaded.schema().onlyNamespaces(namespaces);
        return new Loaded(loaded.label(), filtered, loaded.warnings());
    }

    /**
     * Reads statistics: from the catalog of a database URL (PostgreSQL or MySQL/MariaDB), or from a
     * {@code schemaplan-stats/1} file written by {@code scripts/stats-postgres.sql} or {@code scripts/stats-mysql.sql}.
     */
    public static io.schemaplan.model.Stats stats(String spec) {
        return switch (kindOf(spec)) {
            case POSTGRES_URL -> PostgresStatsReader.read(spec);
            case MYSQL_URL -> MysqlStatsReader.read(spec);
            case FILE -> StatsJson.read(spec);
        };
    }

    private static boolean exists(String path) {
        try {
            return Files.exists(Path.of(path));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /**
     * Reads a file source once (a pipe or FIFO cannot be read twice), then sniffs and parses those bytes.
     * {@code -} is stdin. {@code FILE#db} reads one database of a pg_dumpall file (a path that exists with
     * its '#' is taken whole).
     */
    static Loaded loadFile(String spec) {
        int hash = spec.lastIndexOf('#');
        String database = null;
        String file = spec;
        if (hash > 0 && hash < spec.length() - 1 && !exists(spec)) {
            file = spec.substring(0, hash);
            database = spec.substring(hash + 1);
        }
        InputFiles.Content content = InputFiles.read(file, InputFiles.Kind.DUMP);
        String head = content.head(4096);
        if (database != null) {
            if (Snapshots.looksLikeSnapshot(head) || DumpText.looksLikeMysql(head)) {
                throw new ReadException(spec + ": '#" + database + "' picks a database of a pg_dumpall file; " + file
                        + " is a " + (DumpText.looksLikeMysql(head) ? "MySQL/MariaDB dump" : "snapshot"));
            }
            return PgDumpReader.read(content.label(), content.bytes(), database);
        }
        if (Snapshots.looksLikeSnapshot(head)) {
            if (content.bytes().length > InputFiles.Kind.SNAPSHOT.limit()) {
                throw InputFiles.tooLarge(content.label(), InputFiles.Kind.SNAPSHOT, InputFiles.Kind.SNAPSHOT.limit());
            }
            return Snapshots.read(content.label(), content.bytes());
        }
        try {
            return DumpText.looksLikeMysql(head) ? MysqlDumpReader.read(content.label(), content.bytes())
                    : PgDumpReader.read(content.label(), content.bytes());
        } catch (ReadException e) {
            // A README or a log given by mistake: say what it is not, rather than what the dump parser tripped on.
            DumpText.notSql(content.label(), head).ifPresent(plain -> { throw plain; });
            throw e;
        }
    }
}
