package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.diff.Change;
import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.model.Column;
import io.schemaplan.model.Constraint;
import io.schemaplan.model.QName;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Table;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.LocalPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dump shapes seen in public repositories (pg_dump 17/18, --clean, PostGIS, CRLF, full dumps, old
 * search_path dumps), each as our own small fixture in the shape the real tool prints: the dump reads
 * (exit 0) and diffs to no change against the database psql restores from it on the local PostgreSQL 15.
 */
class PgShapesRoundTripTest {
    static final Path SHAPES = Path.of("src/test/resources/pg/shapes");

    /** The fixtures that restore into a fresh database as they are. */
    static final List<String> RESTORABLE = List.of("pg18-not-null.sql", "clean-if-exists.sql", "postgis.sql",
            "pg17-array-check.sql", "with-data.sql", "pg96-search-path.sql", "win1252-crlf.sql");

    /** Restores {@code dump} into a fresh {@code sp_pgshapes_*} database, hands its URL over, drops it. */
    static void withRestored(String name, Path dump, Consumer<String> check) {
        String db = LocalPostgres.freshDatabase("sp_pgshapes_" + name);
        try {
            LocalPostgres.psqlFile(db, dump);
            check.accept(LocalPostgres.url(db));
        } finally {
            LocalPostgres.exec("postgres", "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    static List<Change> dumpVersusLive(Path dump, String url) {
        Schema fromDump = PgDumpReader.read(dump).schema();
        Schema live = PostgresCatalogReader.read(url, null);
        List<Change> changes = SchemaDiff.diff(fromDump, live);
        assertFalse(live.tables().isEmpty(), "the restored database has tables");
        return changes;
    }

    @ParameterizedTest
    @ValueSource(strings = {"pg18-not-null.sql", "clean-if-exists.sql", "postgis.sql", "pg17-array-check.sql",
            "with-data.sql", "pg96-search-path.sql", "win1252-crlf.sql"})
    void theDumpDiffsToNothingAgainstTheDatabaseRestoredFromIt(String fixture) {
        Path dump = SHAPES.resolve(fixture);
        withRestored(fixture.replaceAll("\\W", "_").replace("_sql", ""), dump,
                url -> assertEquals(List.of(), dumpVersusLive(dump, url)));
        Cli.Result r = Cli.run("diff", dump.toString(), dump.toString());
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void pgDump18NamedNotNullConstraintsAreNotNullColumns() {
        Loaded r = PgDumpReader.read(SHAPES.resolve("pg18-not-null.sql"));
        Table t = r.schema().table(QName.of("public", "releases")).orElseThrow();
        assertEquals(List.of(false, false, true, false, false), t.columns().stream().map(Column::nullable).toList());
        assertEquals("0", t.column("build_no").orElseThrow().defaultExpr());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void theTableLevelNotNullOfPostgres18IsAlsoRead() {
        Loaded r = PgDumpReader.read("in.sql", """
                CREATE TABLE public.usuarios (
                    id integer,
                    nome text,
                    CONSTRAINT usuarios_id_not_null NOT NULL id,
                    CONSTRAINT usuarios_pkey PRIMARY KEY (id)
                );
                ALTER TABLE ONLY public.usuarios ADD CONSTRAINT usuarios_nome_not_null NOT NULL nome;
                """.getBytes(StandardCharsets.UTF_8));
        Table t = r.schema().table(QName.of("public", "usuarios")).orElseThrow();
        assertFalse(t.column("id").orElseThrow().nullable());
        assertFalse(t.column("nome").orElseThrow().nullable());
        assertEquals(List.of("usuarios_pkey"), t.constraints().stream().map(Constraint::name).toList());
    }

    /**
     * What pg_dump --clean without --if-exists prints for the same database: the same prologue without the IF
     * EXISTS words (which fails on an empty database, so it is restored over the --if-exists form's database).
     */
    static String withoutIfExists(String dump) {
        return dump.replaceAll("(?m)^(DROP \\w+) IF EXISTS ", "$1 ")
                .replaceAll("(?m)^ALTER TABLE IF EXISTS (.*) DROP CONSTRAINT IF EXISTS ", "ALTER TABLE $1 DROP CONSTRAINT ")
                .replaceAll("(?m)^ALTER TABLE IF EXISTS ", "ALTER TABLE ");
    }

    @Test
    void aCleanDumpWithoutIfExistsReadsWithoutItsDropPrologue(@TempDir Path dir) throws IOException {
        Path clean = dir.resolve("clean.sql");
        Files.writeString(clean, withoutIfExists(Files.readString(SHAPES.resolve("clean-if-exists.sql"))));
        assertTrue(Files.readString(clean).contains("\nALTER TABLE ONLY public.orders DROP CONSTRAINT orders_pkey;\n"));
        assertFalse(Files.readString(clean).contains("IF EXISTS"));
        withRestored("clean", SHAPES.resolve("clean-if-exists.sql"), url -> {
            LocalPostgres.psqlFile(url.substring(url.lastIndexOf('/') + 1), clean);
            assertEquals(List.of(), dumpVersusLive(clean, url));
        });
        Loaded r = PgDumpReader.read(clean);
        assertEquals(List.of(), r.warnings());
        assertEquals(2, r.schema().tables().size());
        assertEquals(1, r.schema().views().size());
    }

    /** A DROP after the CREATE (a hand-edited dump) removes the object: nothing is silently kept. */
    @Test
    void aDropAfterTheCreateRemovesTheObject() {
        Schema s = PgDumpReader.read("in.sql", """
                CREATE TABLE public.a (id integer NOT NULL, note text DEFAULT 'x'::text);
                CREATE TABLE public.b (id integer);
                CREATE INDEX b_id ON public.b USING btree (id);
                ALTER TABLE ONLY public.a ADD CONSTRAINT a_pkey PRIMARY KEY (id);
                DROP INDEX public.b_id;
                ALTER TABLE ONLY public.a DROP CONSTRAINT a_pkey;
                ALTER TABLE public.a ALTER COLUMN note DROP DEFAULT;
                DROP TABLE IF EXISTS public.missing, public.b CASCADE;
                DROP OPERATOR IF EXISTS public.<-> (public.geometry, public.geometry);
                DROP CAST IF EXISTS (text AS public.mood);
                """.getBytes(StandardCharsets.UTF_8)).schema();
        assertEquals(List.of(QName.of("public", "a")), s.tables().stream().map(Table::name).toList());
        Table a = s.tables().get(0);
        assertEquals(List.of(), a.constraints());
        assertEquals(null, a.column("note").orElseThrow().defaultExpr());
    }

    @Test
    void postgisTypeModifiersReadFromTheDumpAndTheLiveDatabase() {
        Path dump = SHAPES.resolve("postgis.sql");
        Table t = PgDumpReader.read(dump).schema().table(QName.of("public", "parcels")).orElseThrow();
        assertEquals("public.geometry(Polygon,4326)", t.column("outline").orElseThrow().type().name());
        assertEquals("public.geography(Point,4326)", t.column("centre").orElseThrow().type().name());
        assertEquals("public.geometry", t.column("anything").orElseThrow().type().name());
        withRestored("postgis_cli", dump, url -> {
            Cli.Result r = Cli.run("diff", dump.toString(), url);
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().contains("No differences") || r.out().isBlank() || !r.out().contains("~"), r.out());
        });
    }

    /** A geometry(Point) column that becomes geometry(Polygon) is a type change, not equal. */
    @Test
    void aDifferentGeometryModifierIsATypeChange() {
        Schema a = PgDumpReader.read("a.sql", "CREATE TABLE public.p (g public.geometry(Point,4326));".getBytes(StandardCharsets.UTF_8)).schema();
        Schema b = PgDumpReader.read("b.sql", "CREATE TABLE public.p (g public.geometry(Polygon, 4326));".getBytes(StandardCharsets.UTF_8)).schema();
        List<Change> changes = SchemaDiff.diff(a, b);
        assertEquals(1, changes.size(), changes.toString());
        assertTrue(changes.get(0) instanceof Change.ColumnTypeChanged, changes.toString());
    }

    @Test
    void aCrlfDumpReadsAsItsLfTwinAndDiffsToNothingAgainstItsRestoredDatabase(@TempDir Path dir) throws IOException {
        Path lf = SHAPES.resolve("clean-if-exists.sql");
        Path crlf = dir.resolve("windows.sql");
        Files.writeString(crlf, Files.readString(lf).replace("\n", "\r\n"));
        assertEquals(PgDumpReader.read(lf).schema(), PgDumpReader.read(crlf).schema());
        withRestored("crlf", crlf, url -> {
            assertEquals(List.of(), dumpVersusLive(crlf, url));
            assertTrue(PostgresCatalogReader.read(url, null).routines().get(0).body().contains("now();\n"));
        });
    }

    /** pg_dump 10.2 and older: names relative to SET search_path come out qualified, as the server prints them. */
    @Test
    void anOldDumpsBareNamesResolveAgainstItsSearchPath() {
        Loaded r = PgDumpReader.read(SHAPES.resolve("pg96-search-path.sql"));
        Schema s = r.schema();
        Table people = s.table(QName.of("public", "people")).orElseThrow();
        assertEquals("public.mood", people.column("feeling").orElseThrow().type().name());
        assertEquals("'ok'", people.column("feeling").orElseThrow().defaultExpr());
        assertEquals("nextval('public.people_id_seq'::regclass)", people.column("id").orElseThrow().defaultExpr());
        assertEquals("how they feel", people.column("feeling").orElseThrow().comment());
        assertEquals("CREATE TRIGGER people_touch BEFORE UPDATE ON public.people FOR EACH ROW EXECUTE FUNCTION public.touch()",
                people.triggers().get(0).definition());
        Table pets = s.table(QName.of("extra", "pets")).orElseThrow();
        assertEquals(QName.of("public", "people"), pets.foreignKeys().get(0).referencedTable());
        assertEquals("(feeling = 'ok'::public.mood)", pets.indexes().get(0).predicate());
        assertEquals("public.people.id", s.sequences().get(0).ownedBy());
        assertTrue(s.views().get(0).definition().contains("public.cheer(people.feeling)"), s.views().get(0).definition());
        assertTrue(s.views().get(0).definition().contains("FROM public.people"), s.views().get(0).definition());
        assertEquals(List.of(), s.extensions(), "plpgsql is built in");
        assertEquals(List.of(), r.warnings());
    }

    /** pg_dump 8.x printed a sequence's bounds even at their defaults; they are the defaults. */
    @Test
    void anOldSequenceWithItsDefaultBoundsSpelledOutDiffsToNothing(@TempDir Path dir) throws IOException {
        Path dump = dir.resolve("pg8.sql");
        Files.writeString(dump, """
                \\connect - postgres
                SET search_path = public, pg_catalog;
                CREATE SEQUENCE supplier_data_seq START 1 INCREMENT 1 MAXVALUE 9223372036854775807 MINVALUE 1 CACHE 1;
                CREATE TABLE supplier_data (id integer DEFAULT nextval('supplier_data_seq'::regclass) NOT NULL);
                """);
        var seq = PgDumpReader.read(dump).schema().sequences().get(0);
        assertEquals(null, seq.maxValue());
        assertEquals(null, seq.minValue());
        withRestored("pg8", dump, url -> assertEquals(List.of(), dumpVersusLive(dump, url)));
    }

    /** pg_dump on Windows: the client code page (SET client_encoding = 'WIN1252') and CRLF line ends. */
    @Test
    void aWindowsDumpInItsCodePageReads() {
        Loaded r = PgDumpReader.read(SHAPES.resolve("win1252-crlf.sql"));
        Table t = r.schema().table(QName.of("public", "cafés")).orElseThrow();
        assertEquals("Cafés à la carte – €", t.comment());
        assertEquals("'Não'", t.column("sabor").orElseThrow().defaultExpr());
        assertFalse(r.schema().routines().get(0).body().contains("\r"));
    }

    /** Old pg_dump and other tools write {@code \connect - user} to change the user, not the database. */
    @Test
    void aConnectThatOnlyChangesTheUserIsNotADatabase() {
        Loaded r = PgDumpReader.read("in.sql", """
                \\connect - postgres
                CREATE TABLE public.a (id integer);
                \\connect - other
                CREATE TABLE public.b (id integer);
                """.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, r.schema().tables().size());
        assertEquals("in.sql", r.label());
    }

    @Test
    void aFullDumpGivesOneWarningForAllItsData() {
        Loaded r = PgDumpReader.read(SHAPES.resolve("with-data.sql"));
        assertEquals(List.of(SHAPES.resolve("with-data.sql") + ":73: skipped the table data: 1 COPY block (3 rows),"
                + " 4 INSERT statements, 1 sequence value (setval); the schema model holds no data"), r.warnings());
        assertEquals(2, r.schema().tables().size());
    }

    @Test
    void unmodelledStatementsGiveOneWarningPerKindWithACount() {
        Loaded r = PgDumpReader.read("in.sql", """
                CREATE TABLE public.t (a integer);
                CREATE AGGREGATE public.a1(integer) (SFUNC = int4pl, STYPE = integer);
                CREATE AGGREGATE public.a2(integer) (SFUNC = int4pl, STYPE = integer);
                CREATE AGGREGATE public.a3(integer) (SFUNC = int4pl, STYPE = integer);
                CREATE TEXT SEARCH CONFIGURATION public.mine (COPY = pg_catalog.english);
                CREATE OPERATOR public.=== (FUNCTION = int4eq, LEFTARG = integer, RIGHTARG = integer);
                """.getBytes(StandardCharsets.UTF_8));
        assertEquals(3, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).startsWith("in.sql:2: skipped CREATE AGGREGATE public.a1"), r.warnings().get(0));
        assertTrue(r.warnings().get(0).endsWith("(and 2 more CREATE AGGREGATE statements)"), r.warnings().get(0));
        assertTrue(r.warnings().get(2).startsWith("in.sql:6: skipped CREATE OPERATOR"), r.warnings().get(2));
    }
}
