package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.QName;
import io.schemaplan.model.Schema;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.LocalMariadb;
import io.schemaplan.testing.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A database user that cannot see every table: the live readers stop with one line naming what cannot be
 * read and the GRANT that fixes it, or, with --partial, read the rest and say so in the label and a warning.
 * MariaDB hides tables without a grant (and every CHECK constraint, so json read as longtext) silently;
 * PostgreSQL lists every table in its catalog but refuses to lock one without SELECT.
 */
class PartialGrantsTest {
    static final String DB = "sp_live_grants";
    static final String SOME = "sp_live_some";
    static final String NO_VIEW = "sp_live_noview";
    static final String ALL = "sp_live_all";
    static final String ROLE = "sp_live_reader";

    static String mysqlUrl(String user) {
        return "mysql://" + user + ":sekret@" + LocalMariadb.HOST + ":" + LocalMariadb.PORT + "/" + DB;
    }

    static String pgUrl(String role) {
        return "postgresql://" + role + "@" + LocalPostgres.HOST + ":" + LocalPostgres.PORT + "/" + DB;
    }

    @BeforeAll
    static void databasesAndUsers() {
        dropAll();
        LocalMariadb.exec("mysql",
                "CREATE DATABASE " + DB + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci",
                "CREATE TABLE " + DB + ".apps (id char(36) PRIMARY KEY, config json)",
                "CREATE TABLE " + DB + ".messages (id int PRIMARY KEY, app_id char(36), body longtext)",
                "CREATE TABLE " + DB + ".secrets (id int PRIMARY KEY, token varchar(64))",
                "CREATE VIEW " + DB + ".app_ids AS SELECT id FROM " + DB + ".apps",
                "CREATE USER '" + SOME + "'@'%' IDENTIFIED BY 'sekret'",
                "GRANT SELECT ON " + DB + ".apps TO '" + SOME + "'@'%'",
                "GRANT SELECT ON " + DB + ".messages TO '" + SOME + "'@'%'",
                "CREATE USER '" + NO_VIEW + "'@'%' IDENTIFIED BY 'sekret'",
                "GRANT SELECT ON " + DB + ".* TO '" + NO_VIEW + "'@'%'",
                "CREATE USER '" + ALL + "'@'%' IDENTIFIED BY 'sekret'",
                "GRANT SELECT, SHOW VIEW ON " + DB + ".* TO '" + ALL + "'@'%'");
        LocalPostgres.freshDatabase(DB);
        LocalPostgres.exec(DB, "CREATE ROLE " + ROLE + " LOGIN;"
                + "CREATE TABLE public.apps (id uuid PRIMARY KEY, config jsonb);"
                + "CREATE TABLE public.secrets (id int PRIMARY KEY, token text);"
                + "CREATE SEQUENCE public.ticket_seq;"
                + "CREATE FUNCTION public.answer() RETURNS int LANGUAGE sql AS 'SELECT 42';"
                + "REVOKE ALL ON FUNCTION public.answer() FROM PUBLIC;"
                + "CREATE SCHEMA vault; CREATE TABLE vault.keys (id int);"
                + "GRANT SELECT ON public.apps TO " + ROLE + ";");
    }

    @AfterAll
    static void dropAll() {
        LocalMariadb.exec("mysql", "DROP USER IF EXISTS '" + SOME + "'@'%'", "DROP USER IF EXISTS '" + NO_VIEW + "'@'%'",
                "DROP USER IF EXISTS '" + ALL + "'@'%'", "DROP DATABASE IF EXISTS " + DB);
        LocalPostgres.exec("postgres", "DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
        LocalPostgres.exec("postgres", "DROP ROLE IF EXISTS " + ROLE);
    }

    @Test
    void mariadbUserWithSomeTablesIsOneLineNamingTheGrant() {
        Cli.Result r = Cli.badInput("snapshot", mysqlUrl(SOME));
        String line = r.errLines().get(0);
        assertTrue(line.startsWith("schemaplan: mysql://" + SOME + "@127.0.0.1:3306/" + DB + ": user '" + SOME
                + "'@'%' has privileges on some tables only (it sees 2), and the server hides the other tables and"
                + " every CHECK constraint from it: GRANT SELECT, SHOW VIEW, TRIGGER ON `" + DB + "`.* TO '" + SOME
                + "'@'%', or pass --partial"), line);
        assertFalse(r.err().contains("sekret"), "no password: " + r.err());
        // plan and diff read the same way, before anything is printed.
        Cli.badInput("plan", mysqlUrl(SOME), mysqlUrl(ALL));
        assertTrue(Cli.badInput("dify", "doctor", mysqlUrl(SOME)).err().contains("has privileges on some tables only"));
    }

    @Test
    void mariadbPartialReadSaysSoInTheLabelAndAWarning() {
        Cli.Result r = Cli.run("snapshot", mysqlUrl(SOME), "--partial");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"source\" : \"mysql://" + SOME + "@127.0.0.1:3306/" + DB + " (partial: user '"
                + SOME + "'@'%' sees only the 2 tables it has privileges on, and no CHECK constraints (json columns"
                + " read as longtext))\""), r.out());
        assertTrue(r.errLines().stream().anyMatch(l -> l.startsWith("warning: partial read (--partial): user '" + SOME)),
                r.err());

        Cli.Result diff = Cli.run("diff", mysqlUrl(SOME), mysqlUrl(ALL), "--partial", "--format", "json");
        assertEquals(0, diff.exitCode(), diff.err());
        assertTrue(diff.out().contains("(partial: user '" + SOME), diff.out());
        assertTrue(diff.out().contains("secrets"), "the hidden table shows as a difference: " + diff.out());
        Cli.Result text = Cli.run("diff", mysqlUrl(SOME), mysqlUrl(ALL), "--partial", "--color", "never");
        assertTrue(text.out().lines().findFirst().orElse("").contains("(partial: "), text.out());
    }

    @Test
    void mariadbViewsWithoutShowViewAreNamed() {
        String line = Cli.badInput("snapshot", mysqlUrl(NO_VIEW)).errLines().get(0);
        assertTrue(line.endsWith(": 1 view without a readable definition: app_ids (reading a view's definition needs"
                + " SHOW VIEW: GRANT SHOW VIEW ON `" + DB + "`.* TO '" + NO_VIEW + "'@'%'), or pass --partial to leave"
                + " them out"), line);
        Loaded partial = Sources.load(mysqlUrl(NO_VIEW), null, true);
        assertTrue(partial.schema().views().isEmpty());
        assertEquals(3, partial.schema().tables().size());
        assertTrue(partial.label().endsWith("(partial: 1 view without a readable definition: app_ids)"), partial.label());
    }

    @Test
    void mariadbDatabaseWideGrantsReadEverythingAsRootDoes() {
        Loaded user = Sources.load(mysqlUrl(ALL), null, false);
        Loaded root = Sources.load(LocalMariadb.url(DB), null, false);
        assertEquals(root.schema(), user.schema());
        assertEquals("json", user.schema().table(QName.of("", "apps")).orElseThrow().column("config").orElseThrow()
                .type().name(), "the json_valid() CHECK is visible");
        assertFalse(user.label().contains("partial"), user.label());
    }

    @Test
    void postgresRoleWithoutSelectOnSomeTablesIsOneLineNamingThemAll() {
        String line = Cli.badInput("snapshot", pgUrl(ROLE)).errLines().get(0);
        assertEquals("schemaplan: " + pgUrl(ROLE) + ": 2 of 3 tables not readable by role " + ROLE + ": public.secrets,"
                + " vault.keys (the reader needs SELECT on every table, and USAGE on its schema: GRANT USAGE ON SCHEMA"
                + " vault TO " + ROLE + "; GRANT SELECT ON ALL TABLES IN SCHEMA public, vault TO " + ROLE + "),"
                + " or pass --partial to read the others", line);
    }

    @Test
    void postgresPartialReadLeavesThemOutAndKeepsSequencesAndFunctions() {
        Loaded partial = Sources.load(pgUrl(ROLE), null, true);
        Schema s = partial.schema();
        assertEquals(1, s.tables().size(), s.tables().toString());
        assertTrue(s.table(QName.of("public", "apps")).isPresent());
        // The catalog shows sequences and functions to every role: they read whole, privileges or not.
        assertEquals(1, s.sequences().size());
        assertEquals(1, s.routines().size());
        assertTrue(partial.label().endsWith("(partial: 2 of 3 tables not readable by role " + ROLE
                + ": public.secrets, vault.keys)"), partial.label());
        assertTrue(partial.warnings().get(0).startsWith("partial read (--partial): 2 of 3 tables"), partial.warnings().toString());

        Cli.Result r = Cli.run("snapshot", pgUrl(ROLE), "--partial");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("(partial: 2 of 3 tables"), r.out());
        assertTrue(r.err().startsWith("warning: partial read"), r.err());
        // The --schema filter keeps its meaning: only the named schema's tables are checked.
        assertEquals(0, Cli.run("snapshot", pgUrl(ROLE), "--schema", "public", "--partial").exitCode());
    }
}
