package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.Column;
import io.schemaplan.model.Constraint;
import io.schemaplan.model.DataType;
import io.schemaplan.model.EnumType;
import io.schemaplan.model.Extension;
import io.schemaplan.model.ForeignKey;
import io.schemaplan.model.Index;
import io.schemaplan.model.QName;
import io.schemaplan.model.Routine;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Sequence;
import io.schemaplan.model.Table;
import io.schemaplan.model.View;
import io.schemaplan.testing.LocalPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalog reader on a database made from features.sql (one of everything the model knows): the facts
 * of each kind of object, and the whole schema equal to what the dump reader reads from its pg_dump.
 */
class CatalogFeaturesTest {
    private static final Path FEATURES = Path.of("src/test/resources/pg/features.sql");
    private static final Path FEATURES_DUMP = Path.of("src/test/resources/pg/features.dump.sql");
    private static final String DB = "sp_catalog_features";
    private static Schema schema;
    private static List<String> warnings;

    @BeforeAll
    static void read() {
        LocalPostgres.freshDatabase(DB);
        LocalPostgres.psqlFile(DB, FEATURES);
        Loaded result = PostgresCatalogReader.readWithWarnings(LocalPostgres.url(DB), null);
        schema = result.schema();
        warnings = result.warnings();
    }

    private static Table table(String schemaName, String name) {
        return schema.table(QName.of(schemaName, name)).orElseThrow();
    }

    @Test
    void namespacesAreTheUserSchemasOtherThanPublic() {
        assertEquals(List.of("extra"), schema.namespaces());
    }

    @Test
    void extensionsCarryTheirVersionAndBuiltInsAreLeftOut() {
        assertEquals(1, schema.extensions().size(), schema.extensions().toString());
        Extension trgm = schema.extensions().get(0);
        assertEquals("pg_trgm", trgm.name());
        assertEquals("public", trgm.schema());
        assertTrue(trgm.version().matches("\\d+\\.\\d+"), trgm.version());
    }

    @Test
    void enumsKeepTheirLabelsInDeclaredOrder() {
        assertEquals(List.of(new EnumType(QName.of("extra", "Level"), List.of("low", "High"), null),
                new EnumType(QName.of("public", "mood"), List.of("sad", "ok", "happy"), "How a user feels")),
                schema.enums());
    }

    @Test
    void sequencesOmitIdentitySequencesAndDefaultBounds() {
        assertEquals(List.of("extra.MixedCase_big_seq", "extra.MixedCase_serial_no_seq", "extra.plain_seq",
                "public.scratch_seq", "public.ticket_seq"), schema.sequences().stream().map(s -> s.name().toString()).toList());
        assertEquals(new Sequence(QName.of("public", "ticket_seq"), "integer", 100, 5, 10L, 100000L, 20, true,
                "public.user.ticket", "Ticket numbers"), schema.sequences().get(4));
        assertEquals(new Sequence(QName.of("extra", "plain_seq"), "bigint", 1, 1, null, null, 1, false, null, null),
                schema.sequences().get(2));
        assertEquals("extra.MixedCase.serial_no", schema.sequences().get(1).ownedBy());
    }

    @Test
    void columnsCarryTypeNullabilityDefaultIdentityGenerationCollationAndComment() {
        Table user = table("public", "user");
        assertEquals(17, user.columns().size());
        assertEquals(new Column("id", 1, DataType.of("bigint"), false, null, Column.Identity.ALWAYS, null, null,
                null), user.column("id").orElseThrow());
        assertEquals(new Column("email", 2, DataType.of("varchar", 255), false, null, null, null, null,
                "Login, unique"), user.column("email").orElseThrow());
        assertEquals("pg_catalog.C", user.column("name").orElseThrow().collation());
        assertEquals("'anon'", user.column("nick").orElseThrow().defaultExpr());
        assertEquals(new DataType("integer", null, null, 1), user.column("grid").orElseThrow().type());
        assertEquals(new DataType("timestamptz", 3, null, 0), user.column("created_at").orElseThrow().type());
        assertEquals("nextval('public.ticket_seq'::regclass)", user.column("ticket").orElseThrow().defaultExpr());
        Column generated = user.column("email_lower").orElseThrow();
        assertEquals("lower((email)::text)", generated.generatedExpr());
        assertNull(generated.defaultExpr());
        assertEquals(17, user.column("order by").orElseThrow().position());
        Column mixedId = table("extra", "MixedCase").column("Id").orElseThrow();
        assertEquals(Column.Identity.BY_DEFAULT, mixedId.identity());
        assertEquals("nextval('extra.\"MixedCase_serial_no_seq\"'::regclass)",
                table("extra", "MixedCase").column("serial_no").orElseThrow().defaultExpr());
    }

    @Test
    void constraintsAndForeignKeysComeFromTheServersDefinitions() {
        Table mixed = table("extra", "MixedCase");
        assertEquals(List.of("MixedCase_pkey", "mixed_code_uniq", "mixed_no_overlap", "mixed_price_positive"),
                mixed.constraints().stream().map(Constraint::name).toList());
        Constraint unique = mixed.constraints().get(1);
        assertEquals(List.of("code", "flag"), unique.columns());
        assertTrue(unique.deferrable() && unique.initiallyDeferred());
        Constraint notValid = mixed.constraints().get(3);
        assertEquals("CHECK ((price > (0)::numeric))", notValid.definition());
        assertTrue(!notValid.validated());
        assertEquals(Constraint.Kind.EXCLUDE, mixed.constraints().get(2).kind());
        ForeignKey fk = mixed.foreignKeys().get(0);
        assertEquals(new ForeignKey("mixed_user_fk", List.of("user_id"), QName.of("public", "user"), List.of("id"),
                "CASCADE", "SET NULL", "SIMPLE", true, false, true), fk);
        assertTrue(!mixed.foreignKeys().get(1).validated());
    }

    @Test
    void indexesLeaveOutThoseThatBackConstraints() {
        assertEquals(List.of("user_created_idx", "user_lower_email_idx", "user_name_pattern", "user_name_trgm",
                "user_nick_collate", "user_nick_hash", "user_settings_gin"),
                table("public", "user").indexes().stream().map(Index::name).toList());
        Index created = table("public", "user").indexes().get(0);
        assertEquals("Newest first", created.comment());
        assertTrue(created.keys().get(0).descending());
        assertEquals("(price > (10)::numeric)", table("extra", "MixedCase").indexes().get(0).predicate());
    }

    @Test
    void partitionsNameTheirParentAndBoundAndKeepTheirOwnKeysAndIndexes() {
        Table events = table("public", "events");
        assertEquals("RANGE (created_at)", events.partitionBy());
        Table p2024 = table("public", "events_2024");
        assertEquals(QName.of("public", "events"), p2024.partitionOf());
        assertEquals("FOR VALUES FROM ('2024-01-01 00:00:00') TO ('2025-01-01 00:00:00')", p2024.partitionBound());
        assertEquals(List.of("events_2024_pkey"), p2024.constraints().stream().map(Constraint::name).toList());
        assertEquals(List.of("events_2024_payload_idx"), p2024.indexes().stream().map(Index::name).toList());
    }

    @Test
    void unloggedTablesAreMarked() {
        assertTrue(table("public", "cache_entries").unlogged());
        assertTrue(!table("public", "user").unlogged());
    }

    @Test
    void triggersAreTheServersDefinition() {
        assertEquals("CREATE TRIGGER user_touch BEFORE UPDATE OF email, name ON public.\"user\" FOR EACH ROW"
                + " WHEN (((old.email)::text IS DISTINCT FROM (new.email)::text))"
                + " EXECUTE FUNCTION public.touch_updated_at()",
                table("public", "user").triggers().get(0).definition());
    }

    @Test
    void viewsAndMaterializedViewsKeepTheirDefinitionWithoutTheSemicolon() {
        assertEquals(List.of(new View(QName.of("extra", "user_counts"), true,
                "SELECT \"user\".mood,\n    count(*) AS n\n   FROM public.\"user\"\n  GROUP BY \"user\".mood",
                "Counts per mood").withIndexes(List.of(new Index("user_counts_mood", false, "btree",
                        List.of(Index.IndexKey.column("mood")), List.of(), null, false, null))),
                new View(QName.of("public", "active_users"), false,
                "SELECT \"user\".id,\n    \"user\".email,\n    \"user\".\"order by\"\n   FROM public.\"user\"\n"
                        + "  WHERE \"user\".active", "Users who can log in")), schema.views());
    }

    @Test
    void routinesCarryPgDumpsAttributesAndBodies() {
        Routine count = routine("extra.user_count");
        assertEquals("min_score double precision DEFAULT 0", count.arguments());
        assertEquals("bigint", count.returns());
        assertEquals(List.of("COST 5", "PARALLEL SAFE", "STABLE", "STRICT"), count.attributes());
        assertEquals(" SELECT count(*) FROM public.\"user\" WHERE score >= min_score ", count.body());
        assertEquals("How many users score at least this", count.comment());
        assertEquals("RETURN (x + 1)", routine("public.add_one").body());
        Routine purge = routine("public.purge_cache");
        assertEquals("procedure", purge.kind());
        assertNull(purge.returns());
        assertEquals("IN older_than interval", purge.arguments());
        assertEquals(List.of("SECURITY DEFINER", "SET search_path TO 'public'"), purge.attributes());
        assertTrue(schema.routines().stream().noneMatch(r -> r.name().name().contains("trgm")),
                "extension functions are not user routines");
        assertEquals(List.of(), warnings);
    }

    @Test
    void theNamespaceFilterReadsOnlyTheSchemasAskedFor() {
        Schema extra = PostgresCatalogReader.read(LocalPostgres.url(DB), Set.of("extra"));
        assertEquals(schema.onlyNamespaces(Set.of("extra")), extra);
    }

    @Test
    void theCatalogReadEqualsTheDumpReadOfTheSameDatabase() {
        Schema fromDump = PgDumpReader.read(FEATURES_DUMP).schema();
        Schema fromCatalog = withoutExtensionVersions(schema);
        assertEquals(fromDump, fromCatalog, () -> SchemaDifference.describe(fromDump, fromCatalog));
    }

    /** A dump does not record extension versions; the model compares them only when both sides know them. */
    static Schema withoutExtensionVersions(Schema s) {
        return new Schema(s.engine(), s.serverVersion(), s.namespaces(),
                s.extensions().stream().map(e -> new Extension(e.name(), e.schema(), null)).toList(),
                s.enums(), s.sequences(), s.tables(), s.views(), s.routines(), s.domains());
    }

    private static Routine routine(String name) {
        return schema.routines().stream().filter(r -> r.name().toString().equals(name)).findFirst().orElseThrow();
    }
}
