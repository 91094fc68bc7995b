package io.schemaplan.dify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.read.Loaded;
import io.schemaplan.read.PgDumpReader;
import io.schemaplan.read.ReadException;
import io.schemaplan.read.Sources;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.Samples;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The bundled release catalog: up to date with samples/, looked up by dify: specs, listed by the CLI. */
class DifyCatalogTest {
    private final ReleaseCatalog catalog = ReleaseCatalog.bundled();

    @Test
    void bundledSnapshotsAreUpToDateWithTheSamples() throws IOException {
        var facts = ReleaseCatalog.parseFacts(new String(ReleaseCatalog.resource(ReleaseCatalog.FACTS), StandardCharsets.UTF_8));
        Map<String, String> rebuilt = CatalogBuilder.build(Samples.root(), facts.releases());
        for (Map.Entry<String, String> e : rebuilt.entrySet()) {
            byte[] bundled = ReleaseCatalog.resource(e.getKey());
            String text = e.getKey().endsWith(".gz")
                    ? new String(new GZIPInputStream(new ByteArrayInputStream(bundled)).readAllBytes(), StandardCharsets.UTF_8)
                    : new String(bundled, StandardCharsets.UTF_8);
            assertEquals(e.getValue(), text, e.getKey() + " is stale: run scripts/dify-catalog");
        }
        assertEquals(23, catalog.ofEngine(DifyRelease.POSTGRES).size());
        assertEquals(5, catalog.ofEngine(DifyRelease.MYSQL).size());
        assertEquals(rebuilt.keySet().stream().filter(f -> f.endsWith(".json.gz")).count(),
                catalog.releases().stream().map(DifyRelease::snapshot).distinct().count());
        assertEquals(26, rebuilt.keySet().stream().filter(f -> f.startsWith("migrations-")).count(), "bundled migration scripts");
    }

    @Test
    void releasesWithIdenticalSchemasShareOneSnapshot() {
        DifyRelease r0122 = catalog.find("dify:0.12.1");
        assertEquals(List.of("0.11.2", "0.12.1", "0.13.2"), catalog.sharing(r0122).stream().map(DifyRelease::version).toList());
        assertEquals(List.of("1.2.0", "1.3.1"), catalog.sharing(catalog.find("dify:1.3.1")).stream().map(DifyRelease::version).toList());
        assertEquals(List.of("1.11.4/mysql-unpatched", "1.12.1/mysql-unpatched"),
                catalog.sharing(catalog.find("dify:1.12.1/mysql-unpatched")).stream().map(DifyRelease::id).toList());
        assertEquals(71, r0122.tables());
        assertEquals(112, catalog.find("dify:1.12.1/mysql").tables());
        assertEquals(106, catalog.find("dify:1.12.1/mysql-unpatched").tables());
        assertEquals("03ea244985ce", catalog.find("dify:1.12.1/mysql-unpatched").revision());
    }

    @Test
    void aDifySourceIsTheReleaseSchemaWhereverASourceIsAccepted() {
        Loaded viaSources = Sources.load("dify:0.15.3", Set.of());
        assertEquals("dify:0.15.3", viaSources.label());
        assertEquals(List.of(), SchemaDiff.diff(PgDumpReader.read(Samples.postgres("0.15.3")).schema(), viaSources.schema()));
        Cli.Result diff = Cli.run("diff", "dify:0.14.2", "dify:0.15.3");
        assertEquals(0, diff.exitCode(), diff.err());
        assertTrue(diff.out().contains("total_tokens: integer -> bigint"), diff.out());
    }

    @Test
    void unknownReleaseIsOneLineNamingTheNearestOnes() {
        ReadException e = assertThrows(ReadException.class, () -> catalog.find("dify:1.12.2"));
        assertEquals("dify:1.12.2: no such Dify release in the catalog; nearest: dify:1.12.1 (23 postgres releases"
                + " 0.6.16 … 1.12.1; see 'schemaplan dify releases')", e.getMessage());
        ReadException mysql = assertThrows(ReadException.class, () -> catalog.find("dify:1.9.2/mysql"));
        assertTrue(mysql.getMessage().contains("nearest: dify:1.10.1/mysql"), mysql.getMessage());
        Cli.Result cli = Cli.run("diff", "dify:0.15.4", "dify:1.0.1");
        assertEquals(2, cli.exitCode());
        assertEquals(1, cli.errLines().size(), cli.err());
        assertTrue(cli.errLines().get(0).contains("nearest: dify:0.15.3, dify:1.0.1"), cli.err());
    }

    @Test
    void knownRevisionOrderResolvesTheReleaseHeads() {
        assertTrue(catalog.isAncestor("a91b476a53de", "6a9f914f656c"));
        assertFalse(catalog.isAncestor("6a9f914f656c", "a91b476a53de"));
        assertTrue(catalog.isAncestor("09cfdda155d1", "03ea244985ce"));
        assertTrue(catalog.isAncestor("03ea244985ce", "7df29de0f6be"));
        for (DifyRelease r : catalog.releases()) {
            assertTrue(catalog.revision(r.revision()) != null, r.id() + " head is in the revision order");
        }
        assertEquals(List.of("1.2.0", "1.3.1"), catalog.at("6a9f914f656c", "postgres").stream().map(DifyRelease::version).toList());
    }

    @Test
    void releasesCommandListsTheCatalog() {
        Cli.Result r = Cli.run("dify", "releases");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("0.12.1     postgres          01d6889832f7      71  0.11.2, 0.13.2"), r.out());
        assertTrue(r.out().contains("1.12.1     mysql (unpatched) 03ea244985ce     106  1.11.4"), r.out());
        assertEquals(1 + 28 + 2, r.out().lines().count(), r.out());
    }
}
