package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.model.Column;
import io.schemaplan.model.Constraint;
import io.schemaplan.model.DataType;
import io.schemaplan.model.Domain;
import io.schemaplan.model.Index;
import io.schemaplan.model.Policy;
import io.schemaplan.model.QName;
import io.schemaplan.model.Rule;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Table;
import io.schemaplan.model.View;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.LocalPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The objects of issue 13 (domains, storage parameters, statistics targets, column storage and compression,
 * replica identity, inheritance, row level security and policies, rules, materialized view indexes) in a
 * pg_dump 15 file made from objects.sql: the dump reads without a warning, each object reads as written,
 * and the database restored from the dump reads to the same model (no change between them).
 */
class PgObjectsTest {
    static final Path SOURCE = Path.of("src/test/resources/pg/objects.sql");
    static final Path DUMP = Path.of("src/test/resources/pg/objects.dump.sql");
    private static final String RESTORED = "sp_objects_restored";
    private static final String FRESH = "sp_objects_fresh";
    private static Loaded dump;
    private static Schema schema;

    @BeforeAll
    static void read() {
        dump = PgDumpReader.read(DUMP);
        schema = dump.schema();
        LocalPostgres.freshDatabase(RESTORED);
        LocalPostgres.psqlFile(RESTORED, DUMP);
    }

    @AfterAll
    static void dropDatabases() {
        LocalPostgres.exec("postgres", "DROP DATABASE IF EXISTS " + RESTORED + " WITH (FORCE)");
        LocalPostgres.exec("postgres", "DROP DATABASE IF EXISTS " + FRESH + " WITH (FORCE)");
    }

    private static Table table(String name) {
        return schema.table(QName.of("public", name)).orElseThrow();
    }

    private static Column column(String table, String name) {
        return table(table).column(name).orElseThrow();
    }

    @Test
    void theDumpReadsWithoutWarnings() {
        assertEquals(List.of(), dump.warnings());
    }

    @Test
    void theRestoredDatabaseReadsToTheSameModelAsTheDump() {
        Loaded read = PostgresCatalogReader.readWithWarnings(LocalPostgres.url(RESTORED), null);
        assertEquals(List.of(), read.warnings());
        Schema live = CatalogFeaturesTest.withoutExtensionVersions(read.schema());
        assertEquals(List.of(), SchemaDiff.diff(schema, live));
        assertEquals(schema, live, () -> SchemaDifference.describe(schema, live));
    }

    @Test
    void theCliFindsNoDifferenceBetweenTheDumpAndTheRestoredDatabase() {
        Cli.Result r = Cli.run("diff", "--exit-code", DUMP.toString(), LocalPostgres.url(RESTORED));
        assertEquals(0, r.exitCode(), r.out() + r.err());
    }

    /** The fixture is what the local pg_dump prints for objects.sql (apart from the \restrict key). */
    @Test
    void theFixtureIsTheShapeTheLocalPgDumpPrints(@TempDir Path dir) throws IOException, InterruptedException {
        LocalPostgres.freshDatabase(FRESH);
        LocalPostgres.psqlFile(FRESH, SOURCE);
        Path fresh = dir.resolve("fresh.sql");
        Process p = new ProcessBuilder("pg_dump", "-s", "--no-owner", "--no-privileges", "-h", LocalPostgres.HOST,
                "-p", String.valueOf(LocalPostgres.PORT), "-U", LocalPostgres.USER, "-f", fresh.toString(), FRESH)
                .inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "pg_dump failed");
        Loaded again = PgDumpReader.read(fresh);
        assertEquals(List.of(), again.warnings());
        assertEquals(new Schema(schema.engine(), again.schema().serverVersion(), schema.namespaces(), schema.extensions(),
                schema.enums(), schema.sequences(), schema.tables(), schema.views(), schema.routines(), schema.domains()),
                again.schema());
    }

    @Test
    void domainsKeepTheirBaseTypeDefaultNotNullCollationAndNamedChecks() {
        Constraint amountPos = new Constraint("amount_pos", Constraint.Kind.CHECK, List.of(),
                "CHECK ((VALUE >= (0)::numeric))", false, false, false);
        assertEquals(List.of(
                new Domain(QName.of("public", "amount"), new DataType("numeric", 10, 2, 0), null, "0.00", false,
                        List.of(amountPos), "money"),
                new Domain(QName.of("public", "code"), DataType.of("text"), "pg_catalog.C", null, false, List.of(
                        new Constraint("code_len", Constraint.Kind.CHECK, List.of(), "CHECK ((length(VALUE) < 10))",
                                false, false, true),
                        new Constraint("code_up", Constraint.Kind.CHECK, List.of(), "CHECK ((VALUE = upper(VALUE)))",
                                false, false, true)), null),
                new Domain(QName.of("public", "posint"), DataType.of("integer"), null, "1", true, List.of(
                        new Constraint("posint_check", Constraint.Kind.CHECK, List.of(), "CHECK ((VALUE > 0))",
                                false, false, true)), null),
                new Domain(QName.of("public", "tags"), new DataType("text", null, null, 1), null, null, false,
                        List.of(), null)),
                schema.domains());
        assertEquals("public.posint", column("account", "level").type().name());
        assertEquals("public.tags", column("account", "labels").type().sql());
    }

    @Test
    void storageParametersIncludeTheToastTables() {
        assertEquals(List.of("autovacuum_enabled=false", "fillfactor=70", "toast.autovacuum_enabled=false"),
                table("account").options());
        assertEquals(List.of(), table("blob").options());
    }

    @Test
    void columnsKeepStatisticsTargetsOptionsStorageAndCompression() {
        assertEquals(1000, column("account", "score").statistics());
        assertEquals(0, column("account", "owner").statistics());
        assertNull(column("account", "id").statistics());
        assertEquals(List.of("n_distinct=-0.5"), column("account", "owner").options());
        assertEquals(List.of(), column("account", "score").options());
        assertEquals("EXTERNAL", column("blob", "body").storage());
        assertEquals("MAIN", column("blob", "doc").storage());
        assertEquals("lz4", column("blob", "doc").compression());
        assertEquals("pglz", column("blob", "raw").compression());
        assertNull(column("blob", "raw").storage());
        assertNull(column("blob", "body").compression());
    }

    @Test
    void replicaIdentityIsDefaultFullNothingOrAnIndex() {
        assertEquals("FULL", table("blob").replicaIdentity());
        assertEquals("NOTHING", table("silent").replicaIdentity());
        assertEquals("USING INDEX keyed_k", table("keyed").replicaIdentity());
        assertNull(table("account").replicaIdentity());
    }

    @Test
    void rowLevelSecurityAndPolicies() {
        Table account = table("account");
        assertTrue(account.rowSecurity());
        assertTrue(account.forceRowSecurity());
        assertFalse(table("blob").rowSecurity());
        assertEquals(List.of(
                new Policy("account_all", false, "ALL", List.of(), "true", "(score <> 3)"),
                new Policy("account_cap", true, "INSERT", List.of("root"), null, "(score < 100)"),
                new Policy("account_read", false, "SELECT", List.of(), "(owner = CURRENT_USER)", null)),
                account.policies());
    }

    @Test
    void rulesKeepTheirDefinition() {
        assertEquals(List.of(
                new Rule("blob_no_negative", "CREATE RULE blob_no_negative AS ON INSERT TO public.blob WHERE (new.id < 0) DO INSTEAD NOTHING"),
                new Rule("blob_notify", "CREATE RULE blob_notify AS ON UPDATE TO public.blob DO NOTIFY blob")),
                table("blob").rules());
    }

    /**
     * A child holds every column, as the catalog does: the parents' first (in parent order, merged by name),
     * then its own; a column only inherited is marked so; ALTER TABLE ONLY child … SET DEFAULT reads.
     */
    @Test
    void inheritanceChildrenHoldTheirParentsColumns() {
        Table audit = table("audit_event");
        assertEquals(List.of(QName.of("public", "event")), audit.inherits());
        assertEquals(List.of("id", "at", "kind", "note", "actor"), audit.columns().stream().map(Column::name).toList());
        assertEquals(List.of(true, true, false, true, false), audit.columns().stream().map(Column::inherited).toList());
        assertEquals("42", audit.column("id").orElseThrow().defaultExpr());
        assertFalse(audit.column("kind").orElseThrow().nullable(), "the child's NOT NULL on a merged column");
        Table tagged = table("tagged_event");
        assertEquals(List.of(QName.of("public", "event"), QName.of("public", "tagged")), tagged.inherits());
        assertEquals(List.of("id", "at", "kind", "note", "tag"), tagged.columns().stream().map(Column::name).toList());
        assertNull(tagged.column("at").orElseThrow().defaultExpr(), "SET DEFAULT NULL drops the inherited default");
        assertEquals(200, tagged.column("tag").orElseThrow().statistics());
        assertEquals(List.of(), table("event").inherits());
    }

    @Test
    void materializedViewsKeepTheirIndexes() {
        View v = schema.views().stream().filter(x -> x.name().name().equals("account_scores")).findFirst().orElseThrow();
        assertTrue(v.materialized());
        assertEquals(List.of("fillfactor=50"), v.options());
        assertEquals(List.of("account_scores_id", "account_scores_score"), v.indexes().stream().map(Index::name).toList());
        assertEquals("top scores", v.indexes().get(1).comment());
        assertTrue(v.indexes().get(0).unique());
    }

    @Test
    void aSnapshotRoundTripsEveryNewObject() {
        String json = Snapshots.toJson(dump);
        Loaded back = Snapshots.read("objects.json", json);
        assertEquals(schema, back.schema());
        assertTrue(json.contains("\"forceRowSecurity\" : true"), json);
        assertEquals(json, Snapshots.toJson(back));
    }
}
