package io.schemaplan.dify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schemaplan.dify.DoctorReport.Finding;
import io.schemaplan.dify.DoctorReport.Severity;
import io.schemaplan.read.AlembicVersionReader;
import io.schemaplan.read.PostgresCatalogReader;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.LocalPostgres;
import io.schemaplan.testing.Samples;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** dify doctor on real databases restored from the Dify release dumps, then stamped and damaged by hand. */
class DifyDoctorTest {
    /** A fresh database restored from a release dump, with {@code rows} in alembic_version. */
    static String restored(String name, String version, String... rows) {
        String db = LocalPostgres.freshDatabase("sp_dify_" + name);
        LocalPostgres.psqlFile(db, Samples.postgres(version));
        for (String row : rows) {
            LocalPostgres.exec(db, "INSERT INTO public.alembic_version VALUES ('" + row + "')");
        }
        return db;
    }

    /** A database that is not Dify at all is said to be so, not listed as dozens of missing tables. */
    @Test
    void aDatabaseThatIsNotDifyIsExitTwoSayingSo() {
        String db = LocalPostgres.freshDatabase("sp_dify_not_dify");
        try {
            LocalPostgres.exec(db, "CREATE TABLE public.accounts (id integer PRIMARY KEY); CREATE TABLE public.orders (id integer)");
            Cli.Result r = Cli.run("dify", "doctor", LocalPostgres.url(db));
            assertEquals(2, r.exitCode(), r.out() + r.err());
            assertEquals(1, r.errLines().size(), r.err());
            int tables = ReleaseCatalog.bundled().load(ReleaseCatalog.bundled().find("dify:1.12.1")).schema().tables().size();
            assertTrue(r.err().contains("not a Dify database (no alembic_version, 1 of " + tables + " Dify tables)"), r.err());
        } finally {
            LocalPostgres.dropDatabase(db);
        }
    }

    static DoctorReport doctor(String db) {
        String url = LocalPostgres.url(db);
        return Doctor.examine(AlembicVersionReader.read(url), PostgresCatalogReader.readWithWarnings(url, null),
                ReleaseCatalog.bundled());
    }

    @Test
    void stampedPristineReleaseIsHealthy() throws Exception {
        String db = restored("doctor_ok", "0.15.3", "a91b476a53de");
        DoctorReport r = doctor(db);
        assertEquals(List.of("a91b476a53de"), r.rows());
        assertEquals(List.of("0.15.3"), r.releases().stream().map(DifyRelease::version).toList());
        assertEquals("0.15.3", r.baseline().version());
        assertEquals(0, r.baselineDifferences());
        assertEquals(List.of(), r.findings());

        Cli.Result text = Cli.run("dify", "doctor", LocalPostgres.url(db));
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("release:         0.15.3\n"), text.out());
        assertTrue(text.out().contains("healthy: alembic_version names release 0.15.3"), text.out());
        Cli.Result json = Cli.run("dify", "doctor", LocalPostgres.url(db), "--format", "json");
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertEquals("schemaplan-dify-doctor/1", root.path("format").asText());
        assertTrue(root.path("healthy").asBoolean());
        assertEquals("0.15.3/postgres", root.path("comparedWith").path("release").asText());
    }

    @Test
    void extraIndexDroppedColumnAndMissingTableEachGetTheirConsequence() throws Exception {
        String db = restored("doctor_drift", "0.15.3", "a91b476a53de");
        // A DBA's index that happens to take the name 1.1.3's migration gives its GIN index on doc_metadata.
        LocalPostgres.exec(db, "CREATE INDEX document_metadata_idx ON public.documents (created_at)");
        LocalPostgres.exec(db, "ALTER TABLE public.documents DROP COLUMN doc_metadata");  // 1.1.3 makes it jsonb
        LocalPostgres.exec(db, "DROP TABLE public.child_chunks");                        // 1.2.0 indexes it
        DoctorReport r = doctor(db);
        assertEquals("0.15.3", r.baseline().version());
        assertEquals(List.of("drift.extra.index public.document_metadata_idx",
                        "drift.missing.column public.documents.doc_metadata",
                        "drift.missing.table public.child_chunks"),
                r.findings().stream().map(f -> f.code() + " " + f.object()).sorted().toList());
        assertTrue(r.findings().stream().allMatch(f -> f.severity() == Severity.ERROR), r.findings().toString());

        Finding index = find(r, "drift.extra.index");
        assertTrue(index.consequence().startsWith("the migration to 1.1.3 creates index public.document_metadata_idx too:"
                + " it fails with \"already exists\""), index.consequence());
        assertEquals("DROP INDEX CONCURRENTLY public.document_metadata_idx;", index.fix());
        assertTrue(find(r, "drift.missing.column").consequence().startsWith("the migration to 1.1.3 changes it and fails"
                + " with \"does not exist\""), find(r, "drift.missing.column").consequence());
        assertTrue(find(r, "drift.missing.table").consequence().startsWith("the migration to 1.2.0 changes this table"),
                find(r, "drift.missing.table").consequence());

        Cli.Result cli = Cli.run("dify", "doctor", LocalPostgres.url(db));
        assertEquals(1, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("3 problems (3 errors, 0 warnings):"), cli.out());
        assertTrue(cli.out().contains("+ index document_metadata_idx USING btree (created_at) on public.documents"), cli.out());
        JsonNode json = new ObjectMapper().readTree(Cli.run("dify", "doctor", LocalPostgres.url(db), "-f", "json").out());
        assertEquals(3, json.path("findings").size());
        assertEquals("table.dropped", json.path("findings").findValues("change").stream()
                .filter(c -> c.path("kind").asText().startsWith("table")).findFirst().orElseThrow().path("kind").asText());
    }

    @Test
    void twoRowsOnAnUpgradedDatabaseNameTheStaleAncestorAndItsDeletion() {
        String db = restored("doctor_rows_120", "1.2.0", "a91b476a53de", "6a9f914f656c");
        DoctorReport r = doctor(db);
        Finding f = find(r, "alembic.stale_row");
        assertTrue(f.message().contains("a91b476a53de is an ancestor of 6a9f914f656c, so it is stale"), f.message());
        assertTrue(f.consequence().contains("Requested revision 6a9f914f656c overlaps with other requested revisions"
                + " a91b476a53de"), f.consequence());
        assertTrue(f.fix().endsWith("DELETE FROM alembic_version WHERE version_num = 'a91b476a53de';"), f.fix());
        assertEquals("1.2.0", r.baseline().version());
        assertEquals(List.of(f), r.findings(), "no drift: the schema is 1.2.0's");
    }

    @Test
    void twoRowsOnA0153SchemaKeepTheRowTheSchemaMatches() {
        String db = restored("doctor_rows", "0.15.3", "a91b476a53de", "6a9f914f656c");
        DoctorReport r = doctor(db);
        Finding f = find(r, "alembic.stale_row");
        assertTrue(f.message().contains("a91b476a53de is an ancestor of 6a9f914f656c, so it is stale"), f.message());
        assertTrue(f.message().contains("but the schema is that of 0.15.3 (0 differences"), f.message());
        assertTrue(f.message().contains("the row 6a9f914f656c was written without its migrations having run"), f.message());
        assertTrue(f.fix().endsWith("DELETE FROM alembic_version WHERE version_num = '6a9f914f656c';"), f.fix());
        assertEquals("0.15.3", r.baseline().version());
        assertEquals(List.of(f), r.findings());
        Cli.Result cli = Cli.run("dify", "doctor", LocalPostgres.url(db));
        assertEquals(1, cli.exitCode());
        assertTrue(cli.out().contains("fix: back up the database"), cli.out());
    }

    @Test
    void missingAlembicTableAndUnknownRevisionFallBackToTheClosestRelease() {
        String none = restored("doctor_none", "1.4.3");
        LocalPostgres.exec(none, "DROP TABLE public.alembic_version");
        DoctorReport r = doctor(none);
        assertNull(r.rows());
        assertEquals("1.4.3", r.closest().version());
        Finding f = find(r, "alembic.no_table");
        assertEquals("record the release it is: flask db stamp 4474872b0ee6", f.fix());
        assertEquals(List.of(f), r.findings(), "alembic_version itself is not reported again as a missing table");

        String fork = restored("doctor_fork", "1.4.3", "ffff00000000");
        DoctorReport unknown = doctor(fork);
        assertEquals(Severity.WARNING, find(unknown, "alembic.unknown_revision").severity());
        assertEquals("closest schema", unknown.basis());
        assertEquals("1.4.3", unknown.baseline().version());
    }

    @Test
    void doctorNeedsADatabaseUrl() {
        Cli.Result r = Cli.run("dify", "doctor", "dify:1.12.1");
        assertEquals(2, r.exitCode());
        assertEquals(List.of("schemaplan: dify:1.12.1: dify doctor needs a database URL"
                + " (postgresql://user@host:port/db or mysql://user@host:port/db)"),
                r.errLines());
    }

    private static Finding find(DoctorReport r, String code) {
        Optional<Finding> f = r.findings().stream().filter(x -> x.code().equals(code)).findFirst();
        return f.orElseThrow(() -> new AssertionError("no " + code + " in " + r.findings()));
    }
}
