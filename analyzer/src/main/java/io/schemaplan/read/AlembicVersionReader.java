package io.schemaplan.read;

import static io.schemaplan.model.Engine.POSTGRES;
import static io.schemaplan.sql.Identifiers.quote;

import java.util.List;
import java.util.Optional;

/**
 * Reads the rows of Alembic's {@code alembic_version} table from a live database, in a session with the
 * catalog reader's settings (read-only transaction, short lock and statement timeouts). On PostgreSQL the table
 * is looked for in every user schema, {@code public} first, as Alembic puts it in the search path's first; on
 * MySQL/MariaDB in the URL's database, through {@link MysqlConnections#openReadOnly}.
 */
public final class AlembicVersionReader {
    static final String FIND_TABLE = """
            SELECT n.nspname FROM pg_catalog.pg_class c
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relname = 'alembic_version' AND c.relkind IN ('r', 'p')
               AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
             ORDER BY n.nspname <> 'public', n.nspname""";

    private AlembicVersionReader() {
    }

    /**
     * The revisions in {@code alembic_version}, sorted; empty when the table does not exist.
     *
     * @throws ReadException one line naming the URL without its password
     */
    public static Optional<List<String>> read(String url) {
        if (Sources.kindOf(url) == Sources.Kind.MYSQL_URL) {
            return readMysql(url);
        }
        try (CatalogSession session = CatalogSession.open(PgUrl.parse(url))) {
            List<String> schemas = session.query(FIND_TABLE, rs -> rs.getString(1));
            if (schemas.isEmpty()) {
                return Optional.empty();
            }
            String table = quote(POSTGRES, schemas.get(0)) + ".alembic_version";
            return Optional.of(session.query("SELECT version_num::text FROM " + table + " ORDER BY 1",
                    rs -> rs.getString(1)));
        }
    }

    private static Optional<List<String>> readMysql(String url) {
        try (MysqlConnections.Session session = MysqlConnections.openReadOnly(MysqlUrl.parse(url))) {
            boolean exists = !session.query("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?"
                    + " AND TABLE_NAME = 'alembic_version'", rs -> rs.getString(1), session.url().database()).isEmpty();
            if (!exists) {
                return Optional.empty();
            }
            return Optional.of(session.query("SELECT version_num FROM `alembic_version` ORDER BY 1", rs -> rs.getString(1)));
        }
    }
}
