package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.Column;
import io.schemaplan.model.Column.Identity;
import io.schemaplan.model.Constraint;
import io.schemaplan.model.DataType;
import io.schemaplan.model.EnumType;
import io.schemaplan.model.Extension;
import io.schemaplan.model.ForeignKey;
import io.schemaplan.model.Index;
import io.schemaplan.model.Index.IndexKey;
import io.schemaplan.model.QName;
import io.schemaplan.model.Routine;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Sequence;
import io.schemaplan.model.Table;
import io.schemaplan.model.View;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dump of features.sql (one of everything in the model) reads into exactly the facts features.sql declares. */
class PgDumpReaderFeaturesTest {
    static final Path DUMP = Path.of("src/test/resources/pg/features.dump.sql");
    static Loaded result;
    static Schema schema;

    @BeforeAll
    static void read() {
        result = PgDumpReader.read(DUMP);
        schema = result.schema();
    }

    private static Table table(String schemaName, String name) {
        return schema.table(QName.of(schemaName, name)).orElseThrow();
    }

    private static Column column(Table t, String name) {
        return t.column(name).orElseThrow(() -> new AssertionError(t.name() + " has no column " + name));
    }

    private static Index index(Table t, String name) {
        return t.indexes().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    private static Routine routine(String schemaName, String name) {
        return schema.routines().stream().filter(r -> r.name().equals(QName.of(schemaName, name))).findFirst().orElseThrow();
    }

    @Test
    void headerNamespacesExtensionsAndNoWarnings() {
        assertEquals(List.of(), result.warnings());
        assertEquals("15.20", schema.serverVersion());
        assertEquals(List.of("extra"), schema.namespaces());
        assertEquals(List.of(new Extension("pg_trgm", "public", null)), schema.extensions());
    }

    @Test
    void enumsKeepTheirLabelOrderAndQuotedNames() {
        assertEquals(List.of(new EnumType(QName.of("extra", "Level"), List.of("low", "High"), null),
                new EnumType(QName.of("public", "mood"), List.of("sad", "ok", "happy"), "How a user feels")), schema.enums());
    }

    @Test
    void sequencesWithBoundsOwnersAndDefaults() {
        assertEquals(List.of(
                new Sequence(QName.of("extra", "MixedCase_big_seq"), "bigint", 1, 1, null, null, 1, false, "extra.MixedCase.big", null),
                new Sequence(QName.of("extra", "MixedCase_serial_no_seq"), "integer", 1, 1, null, null, 1, false,
                        "extra.MixedCase.serial_no", null),
                new Sequence(QName.of("extra", "plain_seq"), "bigint", 1, 1, null, null, 1, false, null, null),
                new Sequence(QName.of("public", "scratch_seq"), "bigint", 1, 1, null, null, 1, false, null, null),
                new Sequence(QName.of("public", "ticket_seq"), "integer", 100, 5, 10L, 100000L, 20, true,
                        "public.user.ticket", "Ticket numbers")), schema.sequences());
    }

    @Test
    void columnsOfTheUserTable() {
        Table user = table("public", "user");
        assertEquals("People who log in", user.comment());
        assertEquals(17, user.columns().size());
        assertEquals(new Column("id", 1, DataType.of("bigint"), false, null, Identity.ALWAYS, null, null, null), column(user, "id"));
        assertEquals(new Column("email", 2, DataType.of("varchar", 255), false, null, null, null, null, "Login, unique"),
                column(user, "email"));
        assertEquals("pg_catalog.C", column(user, "name").collation());
        assertEquals("'anon'", column(user, "nick").defaultExpr());
        assertEquals(DataType.of("public.mood"), column(user, "mood").type());
        assertEquals("'ok'", column(user, "mood").defaultExpr());
        assertEquals(new DataType("text", null, null, 1), column(user, "tags").type());
        assertEquals("'{}'", column(user, "tags").defaultExpr());
        assertEquals(new DataType("integer", null, null, 1), column(user, "grid").type());
        assertEquals("'{}'", column(user, "settings").defaultExpr());
        assertEquals(new DataType("numeric", 10, 2, 0), column(user, "balance").type());
        assertEquals("0.00", column(user, "balance").defaultExpr());
        assertEquals(DataType.of("timestamptz", 3), column(user, "created_at").type());
        assertEquals("now()", column(user, "created_at").defaultExpr());
        assertEquals("CURRENT_TIMESTAMP(0)", column(user, "updated_at").defaultExpr());
        assertEquals("'-1'::integer", column(user, "score").defaultExpr());
        assertEquals("nextval('public.ticket_seq'::regclass)", column(user, "ticket").defaultExpr());
        assertEquals("gen_random_uuid()", column(user, "uid").defaultExpr());
        Column generated = column(user, "email_lower");
        assertEquals("lower((email)::text)", generated.generatedExpr());
        assertNull(generated.defaultExpr());
        assertEquals("A column with a space", column(user, "order by").comment());
        assertEquals(17, column(user, "order by").position());
    }

    @Test
    void constraintsOfTheUserTable() {
        Table user = table("public", "user");
        assertEquals(List.of(
                new Constraint("user_balance_check", Constraint.Kind.CHECK, List.of(), "CHECK ((balance >= (0)::numeric))",
                        false, false, true),
                new Constraint("user_email_key", Constraint.Kind.UNIQUE, List.of("email"), "UNIQUE (email)", false, false, true),
                new Constraint("user_pkey", Constraint.Kind.PRIMARY_KEY, List.of("id"), "PRIMARY KEY (id)", false, false, true)),
                user.constraints());
    }

    @Test
    void indexesOfTheUserTable() {
        Table user = table("public", "user");
        assertEquals(List.of("user_created_idx", "user_lower_email_idx", "user_name_pattern", "user_name_trgm",
                "user_nick_collate", "user_nick_hash", "user_settings_gin"), user.indexes().stream().map(Index::name).toList());
        assertEquals(new Index("user_created_idx", false, "btree",
                List.of(new IndexKey("created_at", false, null, null, true, "LAST")), List.of(), null, false, "Newest first"),
                index(user, "user_created_idx"));
        assertEquals(new Index("user_lower_email_idx", true, "btree",
                List.of(new IndexKey("lower((email)::text)", true, null, null, false, null)), List.of(), "active", false, null),
                index(user, "user_lower_email_idx"));
        assertEquals(List.of(new IndexKey("name", false, null, "text_pattern_ops", false, null)),
                index(user, "user_name_pattern").keys());
        assertEquals(List.of("email"), index(user, "user_name_pattern").include());
        assertEquals("public.gin_trgm_ops", index(user, "user_name_trgm").keys().get(0).opclass());
        assertEquals(List.of(new IndexKey("nick", false, "C", null, false, null), IndexKey.column("order by")),
                index(user, "user_nick_collate").keys());
        assertEquals("hash", index(user, "user_nick_hash").method());
        assertEquals("gin", index(user, "user_settings_gin").method());
    }

    @Test
    void theTriggerIsKeptAsPgGetTriggerdefPrintsIt() {
        Table user = table("public", "user");
        assertEquals(1, user.triggers().size());
        assertEquals("user_touch", user.triggers().get(0).name());
        assertEquals("CREATE TRIGGER user_touch BEFORE UPDATE OF email, name ON public.\"user\" FOR EACH ROW WHEN "
                + "(((old.email)::text IS DISTINCT FROM (new.email)::text)) EXECUTE FUNCTION public.touch_updated_at()",
                user.triggers().get(0).definition());
    }

    @Test
    void theMixedCaseTable() {
        Table mixed = table("extra", "MixedCase");
        assertEquals(Identity.BY_DEFAULT, column(mixed, "Id").identity());
        assertEquals("nextval('extra.\"MixedCase_serial_no_seq\"'::regclass)", column(mixed, "serial_no").defaultExpr());
        assertEquals(DataType.of("char", 3), column(mixed, "code").type());
        assertEquals(DataType.of("bit", 1), column(mixed, "flag").type());
        assertEquals("'it''s, (odd)'", column(mixed, "note").defaultExpr());
        assertEquals(List.of(
                new Constraint("MixedCase_pkey", Constraint.Kind.PRIMARY_KEY, List.of("Id"), "PRIMARY KEY (\"Id\")", false, false, true),
                new Constraint("mixed_code_uniq", Constraint.Kind.UNIQUE, List.of("code", "flag"),
                        "UNIQUE (code, flag) DEFERRABLE INITIALLY DEFERRED", true, true, true),
                new Constraint("mixed_no_overlap", Constraint.Kind.EXCLUDE, List.of(), "EXCLUDE USING gist (area WITH &&)",
                        false, false, true),
                new Constraint("mixed_price_positive", Constraint.Kind.CHECK, List.of(), "CHECK ((price > (0)::numeric))",
                        false, false, false)), mixed.constraints());
        QName user = QName.of("public", "user");
        assertEquals(List.of(
                new ForeignKey("mixed_user_fk", List.of("user_id"), user, List.of("id"), "CASCADE", "SET NULL", "SIMPLE",
                        true, false, true),
                new ForeignKey("mixed_user_fk2", List.of("user_id"), user, List.of("id"), "NO ACTION", "CASCADE", "FULL",
                        false, false, false)), mixed.foreignKeys());
        Index expr = index(mixed, "mixed_expr_idx");
        assertEquals(List.of(new IndexKey("((COALESCE(note, ''::text) || ','::text))", true, null, null, false, null)), expr.keys());
        assertEquals("(price > (10)::numeric)", expr.predicate());
    }

    @Test
    void partitionsAndUnloggedTables() {
        Table events = table("public", "events");
        assertEquals("RANGE (created_at)", events.partitionBy());
        assertEquals(List.of("events_payload_idx"), events.indexes().stream().map(Index::name).toList());
        Table p2024 = table("public", "events_2024");
        assertEquals(QName.of("public", "events"), p2024.partitionOf());
        assertEquals("FOR VALUES FROM ('2024-01-01 00:00:00') TO ('2025-01-01 00:00:00')", p2024.partitionBound());
        assertEquals(3, p2024.columns().size());
        assertEquals(QName.of("public", "events"), table("public", "events_2025").partitionOf());
        assertTrue(table("public", "cache_entries").unlogged());
        assertFalse(events.unlogged());
    }

    @Test
    void viewsAndMaterializedViewsWithTheIndexesOfMaterializedViews() {
        assertEquals(List.of(
                new View(QName.of("extra", "user_counts"), true,
                        "SELECT \"user\".mood,\n    count(*) AS n\n   FROM public.\"user\"\n  GROUP BY \"user\".mood", "Counts per mood")
                        .withIndexes(List.of(new Index("user_counts_mood", false, "btree",
                                List.of(Index.IndexKey.column("mood")), List.of(), null, false, null))),
                new View(QName.of("public", "active_users"), false,
                        "SELECT \"user\".id,\n    \"user\".email,\n    \"user\".\"order by\"\n   FROM public.\"user\"\n  WHERE \"user\".active",
                        "Users who can log in")), schema.views());
        assertTrue(schema.tables().stream().flatMap(t -> t.indexes().stream()).noneMatch(i -> i.name().equals("user_counts_mood")));
    }

    @Test
    void routines() {
        assertEquals(new Routine(QName.of("extra", "user_count"), "function", "min_score double precision DEFAULT 0", "bigint",
                "sql", List.of("STABLE", "STRICT", "PARALLEL SAFE", "COST 5"),
                " SELECT count(*) FROM public.\"user\" WHERE score >= min_score ", "How many users score at least this"),
                routine("extra", "user_count"));
        assertEquals(new Routine(QName.of("public", "add_one"), "function", "x integer", "integer", "sql", List.of("IMMUTABLE"),
                "RETURN (x + 1)", null), routine("public", "add_one"));
        // A BEGIN ATOMIC body with several statements (and a CASE … END) is one statement of the dump.
        String atomic = routine("public", "add_two").body();
        assertTrue(atomic.startsWith("BEGIN ATOMIC") && atomic.endsWith("END"), atomic);
        assertTrue(atomic.contains("SELECT (x + 1);") && atomic.contains("ELSE 0"), atomic);
        assertEquals(new Routine(QName.of("public", "purge_cache"), "procedure", "IN older_than interval", null, "plpgsql",
                List.of("SECURITY DEFINER", "SET search_path TO 'public'"),
                "\nBEGIN\n    DELETE FROM public.cache_entries WHERE expires_at < now() - older_than;\nEND;\n",
                "Drop expired entries"), routine("public", "purge_cache"));
        Routine touch = routine("public", "touch_updated_at");
        assertEquals("trigger", touch.returns());
        assertEquals(List.of(), touch.attributes());
        assertTrue(touch.body().contains("-- it's a comment; with a quote"));
    }
}
