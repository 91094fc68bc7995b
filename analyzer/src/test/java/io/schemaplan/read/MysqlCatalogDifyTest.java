package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.Engine;
import io.schemaplan.model.Schema;
import io.schemaplan.testing.LocalMariadb;
import io.schemaplan.testing.Samples;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Dify MariaDB dump, restored into the local MariaDB, reads live as the very model the dump reads as. */
class MysqlCatalogDifyTest {

    /**
     * The samples are {@code --skip-comments} dumps, so they carry no server version; that is the one fact
     * the live read adds, and it is checked on its own.
     */
    @ParameterizedTest
    @MethodSource("io.schemaplan.testing.Samples#mysqlVersions")
    void theLiveReadOfARestoredReleaseEqualsTheDumpReadOfIt(String version) {
        String db = LocalMariadb.restoredDump(Samples.mysql(version));
        Schema fromDump = MysqlDumpReader.read(Samples.mysql(version)).schema();
        Loaded live = MysqlCatalogReader.read(LocalMariadb.url(db));
        Schema c = live.schema();

        assertEquals(Engine.MARIADB, c.engine());
        assertTrue(c.serverVersion().matches("10\\.11\\.\\d+"), c.serverVersion());
        assertNull(fromDump.serverVersion());
        assertEquals(List.of(), live.warnings());
        assertEquals(LocalMariadb.url(db), live.label());
        Schema fromCatalog = new Schema(c.engine(), null, c.namespaces(), c.extensions(), c.enums(), c.sequences(),
                c.tables(), c.views(), c.routines());
        assertEquals(fromDump, fromCatalog, () -> SchemaDifference.describe(fromDump, fromCatalog));
    }
}
