package io.schemaplan.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schemaplan.model.Schema;
import io.schemaplan.read.PostgresCatalogReader;
import io.schemaplan.testing.LocalPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CREATE OR REPLACE FUNCTION/PROCEDURE (with ALTER FUNCTION … RENAME TO and DROP FUNCTION by argument types),
 * ALTER POLICY and ALTER SCHEMA … RENAME TO are replayed as the server applies them: a database is made from
 * {@code from.sql}, its catalog is the replay's start, the script runs on it, and its catalog afterwards equals the
 * replay's end.
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
        String name = LocalPostgres.freshDatabase(db);
        try {
            LocalPostgres.psqlFile(name, DIR.resolve("from.sql"));
            Schema from = PostgresCatalogReader.read(LocalPostgres.url(name), null);
            for (String s : scripts) LocalPostgres.psqlFile(name, DIR.resolve(s));
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
        return Replay.run(empty, ScriptReader.read("inline.sql", sql.getBytes(java.nio.charset.StandardCharsets.UTF_8), null));
    }

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
}
