package io.schemaplan.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schemaplan.model.Schema;
import io.schemaplan.read.PostgresCatalogReader;
import io.schemaplan.testing.LocalPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CREATE OR REPLACE FUNCTION/PROCEDURE (with ALTER FUNCTION … RENAME TO and DROP FUNCTION by argument types),
 * ALTER POLICY and ALTER SCHEMA … RENAME TO, moves and renames (ALTER TABLE on views, sequences and indexes too),
 * composite types' attributes, sequence options and what migration tools write are replayed as the server applies
 * them: a database is made from {@code from.sql} (or is empty), its catalog is the replay's start, the script runs on
 * it, and its catalog afterwards equals the replay's end. What the server refuses, statement by statement, is what
 * the replay does not apply.
 */
class ReplayRoutinesPoliciesSchemasServerTest {
    private static final Path DIR = Path.of("src/test/resources/scripts/replay-pg");
    /** The role the policy fixture grants a policy to: roles belong to the whole server, so it is made and dropped here. */
    private static final String ROLE = "sp_replay_app";

    @BeforeAll
    static void role() {
        LocalPostgres.exec("postgres", "DO $$ BEGIN CREATE ROLE " + ROLE + "; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
    }

    @AfterAll
    static void dropRole() {
        LocalPostgres.exec("postgres", "DROP ROLE IF EXISTS " + ROLE);
    }

    /** The replay of {@code scripts} on the catalog of a database made from from.sql, and that database's catalog after they ran. */
    private static List<String> replayedAgainstServer(String db, List<String> expectedNotApplied, String... scripts) {
        return replayedAgainstServer(db, expectedNotApplied, name -> { }, scripts);
    }

    /** As above; {@code afterScripts} is given the database once the scripts ran, to ask the server what the model does not hold. */
    private static List<String> replayedAgainstServer(String db, List<String> expectedNotApplied, Consumer<String> afterScripts,
                                                      String... scripts) {
        String name = LocalPostgres.freshDatabase(db);
        try {
            LocalPostgres.psqlFile(name, DIR.resolve("from.sql"));
            Schema from = PostgresCatalogReader.read(LocalPostgres.url(name), null);
            for (String s : scripts) LocalPostgres.psqlFile(name, DIR.resolve(s));
            afterScripts.accept(name);
            Schema live = PostgresCatalogReader.read(LocalPostgres.url(name), null);
            List<Script> read = java.util.Arrays.stream(scripts).map(s -> ScriptReader.read(DIR.resolve(s), null)).toList();
            Replayed replayed = Replay.run(from, read);
            assertEquals(expectedNotApplied, describe(replayed.findings()), "statements not applied");
            return describe(Replay.compare(replayed, live));
        } finally {
            LocalPostgres.dropDatabase(name);
        }
    }

    /** The replay of an inline script on an empty PostgreSQL 15 model. */
    private static Replayed replayedOnEmpty(String sql) {
        Schema empty = new Schema(io.schemaplan.model.Engine.POSTGRES, "15.0", List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of());
        return Replay.run(empty, inline(sql));
    }

    private static Script inline(String sql) {
        return ScriptReader.read("inline.sql", sql.getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
    }

    /** The numbers of the statements of an inline script that the server refuses, each run on its own in an empty database. */
    private static Set<Integer> refusedByServer(String db, String sql) {
        String name = LocalPostgres.freshDatabase(db);
        Set<Integer> refused = new TreeSet<>();
        try (Connection c = LocalPostgres.connect(name)) {
            for (ScriptStatement s : inline(sql).statements()) {
                try (Statement st = c.createStatement()) {
                    st.execute(s.sql());
                } catch (SQLException e) {
                    refused.add(s.number());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            LocalPostgres.dropDatabase(name);
        }
        return refused;
    }

    private static Set<Integer> notApplied(Replayed r) {
        return r.findings().stream().filter(f -> f.kind() == Finding.Kind.NOT_APPLIED).map(Finding::statement)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** What a statement on a composite type's attributes is listed as. */
    private static final String COMPOSITE = "composite and range types' attributes (the model holds their names, which columns of them print)";

    private static List<String> describe(List<Finding> findings) {
        return findings.stream().map(f -> f.kind() + " #" + f.statement() + " " + (f.change() == null ? f.message()
                : f.change().object())).sorted().collect(Collectors.toList());
    }

    /** A Flyway V2 that replaces a trigger function, replaces and adds overloads, renames one, drops one by its types. */
    @Test
    void createOrReplaceFunctionAndProcedure() {
        assertEquals(List.of(), replayedAgainstServer("sp_replay_routines", List.of(), "V2__replace_trigger_function.sql"));
    }

    /** A Django RunSQL that changes a policy's roles and expressions and renames another: only the expressions' spelling differs. */
    @Test
    void alterPolicy() {
        assertEquals(List.of("WRITTEN_DIFFERENTLY #2 public.accounts.accounts_owner",
                "WRITTEN_DIFFERENTLY #4 public.accounts.accounts_tenant_only"),
                replayedAgainstServer("sp_replay_policies", List.of(), "0007_account_policies.sql"));
    }

    /** Renaming a schema moves its tables, sequence, type, view, function, trigger and policy, and what refers to them. */
    @Test
    void alterSchemaRename() {
        assertEquals(List.of(), replayedAgainstServer("sp_replay_schema", List.of(), "V3__rename_billing_schema.sql"));
    }

    /** The three in a row, as one Flyway run applies them: the renamed schema keeps the policy the migration before changed. */
    @Test
    void allThreeInARow() {
        // compare() names a statement by its number in its own file (ALTER POLICY is statement 2 of 0007_…)
        assertEquals(List.of("WRITTEN_DIFFERENTLY #2 public.accounts.accounts_owner",
                "WRITTEN_DIFFERENTLY #4 public.accounts.accounts_tenant_only"),
                replayedAgainstServer("sp_replay_chain", List.of(), "V2__replace_trigger_function.sql",
                        "0007_account_policies.sql", "V3__rename_billing_schema.sql"));
    }

    /**
     * Moving tables to another schema takes their indexes, constraints, triggers, policies and owned sequences along,
     * and the foreign key, view and defaults that name them follow; so do a view, a free sequence and an enum moved.
     */
    @Test
    void setSchema() {
        assertEquals(List.of(), replayedAgainstServer("sp_replay2_set_schema", List.of(), "V4__archive_invoices.sql"));
    }

    /**
     * Renaming an enum, one of its labels (and adding others), a composite type, two triggers and a table: columns, defaults, policies,
     * the table's trigger and the view that reads it print the new names.
     */
    @Test
    void renameTypesLabelsAndTriggers() {
        assertEquals(List.of(), replayedAgainstServer("sp_replay2_renames", List.of(), "V5__rename_types_and_trigger.sql"));
    }

    /** The routines of V2, then the renames, then the schema rename: each statement finds what the ones before left. */
    @Test
    void renamesBetweenRoutinesAndSchemaRename() {
        assertEquals(List.of(), replayedAgainstServer("sp_replay2_chain", List.of(), "V2__replace_trigger_function.sql",
                "V5__rename_types_and_trigger.sql", "V3__rename_billing_schema.sql"));
    }

    /**
     * What the server refuses, the replay does not apply: a second CREATE without OR REPLACE, a DROP of an overload
     * that is not there, an ALTER of an ambiguous name, a policy or schema that does not exist, a move to a schema
     * that does not exist.
     */
    @Test
    void whatTheServerRefusesIsNotApplied() {
        Replayed r = replayedOnEmpty("CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS $$ SELECT a $$;\n"
                + "CREATE FUNCTION f(b integer) RETURNS int LANGUAGE sql AS $$ SELECT b $$;\n"
                + "CREATE FUNCTION f(a double precision) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n"
                + "DROP FUNCTION f(bigint);\n"
                + "ALTER FUNCTION f RENAME TO g;\n"
                + "DROP FUNCTION f(float8);\n"
                + "ALTER POLICY p ON t RENAME TO q;\n"
                + "ALTER SCHEMA nowhere RENAME TO somewhere;\n"
                + "DROP POLICY p ON t;\n"
                + "DROP DOMAIN IF EXISTS d;\n"
                + "CREATE TABLE u (a int);\n"
                + "ALTER TABLE u SET SCHEMA other;\n"
                + "CREATE FUNCTION f(a bigint) RETURNS int LANGUAGE sql AS $$ SELECT 2 $$;\n"
                + "DROP FUNCTION f;\n");
        assertEquals(Set.of(2, 4, 5, 7, 8, 9, 12, 14), r.findings().stream().map(Finding::statement).collect(Collectors.toSet()),
                String.join("\n", describe(r.findings())));
        assertEquals(Set.of("public.f(a integer)", "public.f(a bigint)"),
                r.end().routines().stream().map(x -> x.signature()).collect(Collectors.toSet()));
    }

    /**
     * Moves and renames of what does not exist are not applied, nor those the server refuses: a sequence a column
     * owns moved alone, a name already taken (an index's too), a label already there or not there; the model stays as it was.
     */
    @Test
    void movesAndRenamesOfWhatIsNotThereAreNotApplied() {
        Replayed r = replayedOnEmpty("CREATE SCHEMA other;\n"
                + "ALTER TABLE nowhere SET SCHEMA other;\n"
                + "ALTER SEQUENCE nowhere_seq SET SCHEMA other;\n"
                + "ALTER VIEW nowhere_view SET SCHEMA other;\n"
                + "ALTER TYPE nowhere_type RENAME TO somewhere;\n"
                + "ALTER TRIGGER nowhere_trigger ON nowhere RENAME TO somewhere;\n"
                + "CREATE TABLE t (id serial PRIMARY KEY);\n"
                + "CREATE TYPE mood AS ENUM ('sad', 'ok');\n"
                + "ALTER SEQUENCE t_id_seq SET SCHEMA other;\n"
                + "ALTER TYPE mood RENAME VALUE 'happy' TO 'glad';\n"
                + "ALTER TYPE mood RENAME VALUE 'sad' TO 'ok';\n"
                + "ALTER TRIGGER nowhere_trigger ON t RENAME TO somewhere;\n"
                + "CREATE TABLE other.t (a int);\n"
                + "ALTER TABLE t SET SCHEMA other;\n"
                + "ALTER TYPE mood SET SCHEMA other;\n"
                + "ALTER TYPE other.mood ADD VALUE 'ok';\n"
                + "ALTER TYPE other.mood ADD VALUE 'fine' AFTER 'great';\n"
                + "ALTER TYPE other.mood ADD VALUE IF NOT EXISTS 'sad';\n"
                + "ALTER TYPE nowhere_type ADD VALUE 'x';\n"
                + "ALTER DOMAIN nowhere_domain RENAME TO somewhere;\n"
                + "CREATE TABLE other.x (id int PRIMARY KEY);\n"
                + "CREATE TABLE y (id int CONSTRAINT x_pkey PRIMARY KEY);\n"
                + "ALTER TABLE y SET SCHEMA other;\n");
        assertEquals(Set.of(2, 3, 4, 5, 6, 9, 10, 11, 12, 14, 16, 17, 19, 20, 23), r.findings().stream().map(Finding::statement).collect(Collectors.toSet()),
                String.join("\n", describe(r.findings())));
        assertEquals(Set.of("public.t", "other.t", "other.x", "public.y"), r.end().tables().stream().map(x -> x.name().toString()).collect(Collectors.toSet()));
        assertEquals(Set.of("public.t_id_seq"), r.end().sequences().stream().map(x -> x.name().toString()).collect(Collectors.toSet()));
        assertEquals(List.of("other.mood [sad, ok]"), r.end().enums().stream().map(e -> e.name() + " " + e.labels()).toList());
    }

    /**
     * Flyway V6: a composite type's attributes added, dropped, retyped and renamed (outside the model: the column of the
     * address type still prints its name), a view, a materialized view, a sequence and an index renamed and moved with
     * ALTER TABLE, and a trigger on a partitioned table renamed: the server renames the clone on the partition too, and a
     * partition attached afterwards clones it under the new name; the catalog, like pg_dump, holds no clone.
     */
    @Test
    void compositeAttributesRelationsThroughAlterTableAndPartitionedTriggers() {
        List<String> outside = new ArrayList<>();
        for (int n = 1; n <= 8; n++) outside.add("OUTSIDE_MODEL #" + n + " " + COMPOSITE);
        List<String> clones = new ArrayList<>();
        // the materialized view the script makes is kept as written; the server prints its query its own way
        assertEquals(List.of("WRITTEN_DIFFERENTLY #16 public.account_totals"), replayedAgainstServer("sp_pgreplay_v6", outside, name -> {
            try (Connection c = LocalPostgres.connect(name); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT c.relname || ' ' || t.tgname || ' ' || (t.tgparentid <> 0) FROM pg_trigger t"
                    + " JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relname LIKE 'events%' ORDER BY 1")) {
                while (rs.next()) clones.add(rs.getString(1));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, "V6__types_relations_partitions.sql"));
        assertEquals(List.of("events events_audit false", "events_2025 events_audit true", "events_2026 events_audit true"), clones);
    }

    /**
     * What the server refuses of these forms, each statement run on its own in an empty database, is what the replay
     * does not apply: a retyped attribute under a column, attributes of an enum or of no type, a type whose name a
     * relation or type has, a trigger rename to a name a partition's own trigger has, a rename of a clone, an index moved
     * alone, a view renamed to a taken name or moved to no schema, a composite type through ALTER TABLE.
     */
    @Test
    void whatTheServerRefusesOfTypesRelationsAndTriggersIsNotApplied() {
        String sql = "CREATE TYPE address AS (street text, city text);\n"
                + "CREATE TABLE places (id int, at address);\n"
                + "ALTER TYPE address ALTER ATTRIBUTE city TYPE varchar(100);\n"
                + "ALTER TYPE address ADD ATTRIBUTE zip text;\n"
                + "ALTER TYPE address RENAME ATTRIBUTE city TO town;\n"
                + "ALTER TYPE address DROP ATTRIBUTE street;\n"
                + "CREATE VIEW towns AS SELECT (at).town FROM places;\n"
                + "ALTER TYPE address DROP ATTRIBUTE town;\n"
                + "CREATE TYPE mood AS ENUM ('ok');\n"
                + "ALTER TYPE mood ADD ATTRIBUTE x int;\n"
                + "ALTER TYPE nowhere ADD ATTRIBUTE x int;\n"
                + "CREATE TYPE places AS (a int);\n"
                + "CREATE TYPE address AS (a int);\n"
                + "CREATE TABLE events (id int, d date) PARTITION BY RANGE (d);\n"
                + "CREATE TABLE events_1 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');\n"
                + "CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n"
                + "CREATE TRIGGER a AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION noop();\n"
                + "CREATE TRIGGER b AFTER INSERT ON events_1 FOR EACH ROW EXECUTE FUNCTION noop();\n"
                + "ALTER TRIGGER a ON events RENAME TO b;\n"
                + "ALTER TRIGGER a ON events_1 RENAME TO c;\n"
                + "CREATE INDEX places_id ON places (id);\n"
                + "CREATE SCHEMA other;\n"
                + "ALTER TABLE places_id SET SCHEMA other;\n"
                + "ALTER TABLE places_id RENAME TO places_by_id;\n"
                + "CREATE VIEW v AS SELECT id FROM places;\n"
                + "ALTER TABLE v RENAME TO places;\n"
                + "ALTER TABLE v SET SCHEMA nowhere;\n"
                + "ALTER TABLE address RENAME TO addr;\n"
                + "CREATE TYPE free AS (a int);\n"
                + "ALTER TYPE free ALTER ATTRIBUTE a SET DATA TYPE bigint, ADD ATTRIBUTE b text;\n"
                + "DROP TYPE address;\n"
                + "CREATE TYPE gone AS (a int);\n"
                + "DROP TYPE gone;\n"
                + "CREATE TYPE gone AS (b int);\n"
                + "ALTER SEQUENCE IF EXISTS nowhere_seq AS bigint;\n"
                + "CREATE SEQUENCE tickets AS integer;\n"
                + "ALTER SEQUENCE tickets INCREMENT BY 10 MAXVALUE 5000000000;\n"
                + "ALTER SEQUENCE tickets AS smallint START WITH 40000;\n"
                + "CREATE TABLE people (id int, email text, tenant int);\n"
                + "CREATE VIEW mails AS SELECT email FROM people;\n"
                + "ALTER TABLE people ENABLE ROW LEVEL SECURITY;\n"
                + "CREATE POLICY own ON people USING (tenant > 0);\n"
                + "ALTER TABLE people ALTER COLUMN email TYPE varchar(100);\n"
                + "ALTER TABLE people ALTER COLUMN tenant TYPE bigint;\n"
                + "ALTER TABLE people ALTER COLUMN id TYPE bigint;\n"
                + "ALTER TABLE people ALTER COLUMN id SET GENERATED ALWAYS;\n"
                + "ALTER TABLE people ALTER COLUMN id DROP EXPRESSION;\n"
                + "ALTER TABLE people ALTER COLUMN id DROP EXPRESSION IF EXISTS;\n"
                + "CREATE INDEX people_email ON people (email);\n"
                + "ALTER TABLE people ADD CONSTRAINT people_email_key UNIQUE USING INDEX people_email;\n"
                + "CREATE UNIQUE INDEX people_upper_email ON people (upper(email));\n"
                + "ALTER TABLE people ADD CONSTRAINT people_upper_key UNIQUE USING INDEX people_upper_email;\n"
                + "ALTER TABLE events DETACH PARTITION people;\n"
                + "ALTER TABLE v SET SCHEMA other;\n"
                + "ALTER TABLE other.v RENAME TO w;\n";
        Replayed r = replayedOnEmpty(sql);
        assertEquals(refusedByServer("sp_pgreplay_refused", sql), notApplied(r), String.join("\n", describe(r.findings())));
        assertEquals(Set.of("public.places_by_id", "public.people_email", "public.people_upper_email"), r.end().tables().stream().flatMap(t -> t.indexes().stream()
                .map(i -> t.name().schema() + "." + i.name())).collect(Collectors.toSet()));
        assertEquals(List.of("other.w", "public.mails", "public.towns"), r.end().views().stream().map(v -> v.name().toString()).toList());
    }

    /**
     * What Django, Rails, Liquibase and Prisma write beyond creating tables (scripts/tools/postgres-shapes.sql: a serial key
     * made an identity and its sequence retyped, Rails' rename of a table with its key index and sequence, sequences
     * altered, a view renamed with ALTER TABLE, Prisma's enum recreated under its column), run on an empty database: the
     * catalog afterwards equals the replay on an empty model.
     */
    @Test
    void toolShapesReplayAsTheServerRunsThem() {
        Path file = Path.of("src/test/resources/scripts/tools/postgres-shapes.sql");
        String name = LocalPostgres.freshDatabase("sp_pgreplay_tools");
        try {
            LocalPostgres.psqlFile(name, file);
            Schema live = PostgresCatalogReader.read(LocalPostgres.url(name), null);
            Schema empty = new Schema(io.schemaplan.model.Engine.POSTGRES, "15.0", List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), List.of());
            Replayed replayed = Replay.run(empty, ScriptReader.read(file, null));
            assertEquals(List.of("OUTSIDE_MODEL #60 an identity column's sequence options (the model lists no identity sequence)"),
                    describe(replayed.findings()), "statements not applied");
            List<Finding> compared = Replay.compare(replayed, live);
            // the expressions the scripts write (a generated column, an index, a check, a view) the server prints its own way
            assertEquals(List.of("WRITTEN_DIFFERENTLY #13 public.shop_item.double_price", "WRITTEN_DIFFERENTLY #17 public.shop_item_upper_name",
                    "WRITTEN_DIFFERENTLY #27 public.users.users_role_present", "WRITTEN_DIFFERENTLY #41 public.member_users"),
                    describe(compared), compared.stream().map(f -> f.message() + " " + f.change())
                    .collect(Collectors.joining("\n")));
        } finally {
            LocalPostgres.dropDatabase(name);
        }
    }

    /**
     * The server prints a view's {@code (at).town} by the attribute's new name; the model does not hold whose attribute a
     * printed field is, so a rename of one that a definition selects is not applied rather than guessed.
     */
    @Test
    void renameOfAnAttributeADefinitionSelectsIsNotApplied() {
        Replayed r = replayedOnEmpty("CREATE TYPE address AS (street text, town text);\n"
                + "CREATE TABLE places (id int, at address);\n"
                + "CREATE VIEW towns AS SELECT (at).town FROM places;\n"
                + "ALTER TYPE address RENAME ATTRIBUTE street TO road;\n"
                + "ALTER TYPE address RENAME ATTRIBUTE town TO city;\n");
        assertEquals(Set.of(5), notApplied(r), String.join("\n", describe(r.findings())));
    }

    /** A composite type one Flyway file makes is known to the next, whose model holds no more than its name. */
    @Test
    void compositeTypeMadeByAnEarlierFileIsKnownToTheNext() {
        Schema empty = new Schema(io.schemaplan.model.Engine.POSTGRES, "15.0", List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of());
        Replayed r = Replay.run(empty, List.of(inline("CREATE TYPE pair AS (a int, b int);"),
                inline("ALTER TYPE pair ADD ATTRIBUTE c int;\nALTER TYPE pair RENAME TO couple;\nALTER TYPE couple DROP ATTRIBUTE a;")));
        assertEquals(List.of("OUTSIDE_MODEL #1 " + COMPOSITE, "OUTSIDE_MODEL #2 " + COMPOSITE, "OUTSIDE_MODEL #4 " + COMPOSITE),
                describe(r.findings()));
    }
}
