package io.schemaplan.dify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.Schema;
import io.schemaplan.read.PgDumpReader;
import io.schemaplan.read.ReadException;
import io.schemaplan.script.Replay;
import io.schemaplan.script.Replayed;
import io.schemaplan.script.Script;
import io.schemaplan.script.ScriptStatement;
import io.schemaplan.script.ScriptStatement.Kind;
import io.schemaplan.testing.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled migration scripts: a range of releases is the consecutive pairs joined as Dify runs them. */
class DifyMigrationsCatalogTest {
    private final ReleaseCatalog catalog = ReleaseCatalog.bundled();

    @Test
    void aPairIsItsBundledScriptAsRendered() throws Exception {
        String bundled = catalog.migrationSql(DifyRelease.POSTGRES, "1.3.1", "1.4.3");
        assertEquals(java.nio.file.Files.readString(Samples.root().resolve("dify-migrations/postgres/dify-1.3.1-to-1.4.3.sql")), bundled);
        assertEquals(List.of("d28f2004b072", "2adcbe1f5dfb", "4474872b0ee6"),
                catalog.migrationPath(DifyRelease.POSTGRES, "1.3.1", "1.4.3").get(0).revisions());
    }

    /**
     * 1.2.0 → 1.8.1 joins six pairs into one transaction: one BEGIN first, one COMMIT last, and between them only the
     * autocommit block of 4474872b0ee6 (COMMIT; CREATE INDEX CONCURRENTLY; BEGIN;). Replayed on 1.2.0 it gives 1.8.1.
     */
    @Test
    void aRangeIsOneTransactionKeepingTheAutocommitBlock() {
        Script s = catalog.migration(DifyRelease.POSTGRES, "1.2.0", "1.8.1");
        List<Kind> control = s.statements().stream().map(ScriptStatement::kind)
                .filter(k -> k == Kind.BEGIN || k == Kind.COMMIT).toList();
        assertEquals(List.of(Kind.BEGIN, Kind.COMMIT, Kind.BEGIN, Kind.COMMIT), control);
        assertEquals(Kind.BEGIN, s.statements().get(0).kind());
        assertEquals(Kind.COMMIT, s.statements().get(s.statements().size() - 1).kind());
        ScriptStatement inner = s.statements().stream().filter(x -> x.kind() == Kind.COMMIT).findFirst().orElseThrow();
        assertEquals("4474872b0ee6", inner.revision());
        int pairs = catalog.migrationPath(DifyRelease.POSTGRES, "1.2.0", "1.8.1").size();
        assertEquals(6, pairs);
        assertEquals(catalog.migrationPath(DifyRelease.POSTGRES, "1.2.0", "1.8.1").stream()
                .mapToInt(m -> m.revisions().size()).sum(), s.revisions().size());
        Schema from = PgDumpReader.read(Samples.postgres("1.2.0")).schema();
        Replayed r = Replay.run(from, s);
        assertEquals(List.of(), r.findings());
        assertEquals(List.of(), Replay.compare(r, PgDumpReader.read(Samples.postgres("1.8.1")).schema()));
    }

    @Test
    void mysqlRangesJoinWithoutTransactions() {
        Script s = catalog.migration(DifyRelease.MYSQL, "1.10.1", "1.12.1");
        assertTrue(s.statements().stream().noneMatch(x -> x.kind() == Kind.BEGIN || x.kind() == Kind.COMMIT));
        assertEquals(11, s.revisions().size());
        assertEquals("1.11.4", catalog.releaseIntroducing("7df29de0f6be", DifyRelease.MYSQL));
        assertEquals("1.12.1", catalog.releaseIntroducing("788d3099ae3a", DifyRelease.POSTGRES));
    }

    @Test
    void aRangeTheCatalogDoesNotHaveIsOneLine() {
        ReadException e = assertThrows(ReadException.class, () -> catalog.migrationPath(DifyRelease.MYSQL, "1.9.2", "1.12.1"));
        assertTrue(e.getMessage().startsWith("dify 1.9.2 -> 1.12.1 (mysql): the catalog has no migration script from 1.9.2 on mysql"),
                e.getMessage());
        assertThrows(ReadException.class, () -> catalog.migrationPath(DifyRelease.POSTGRES, "1.12.1", "1.2.0"));
    }
}
