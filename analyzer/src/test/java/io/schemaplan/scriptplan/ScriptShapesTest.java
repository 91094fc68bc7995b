package io.schemaplan.scriptplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.impact.Estimate;
import io.schemaplan.impact.Profile;
import io.schemaplan.model.Engine;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Stats;
import io.schemaplan.read.MysqlDumpReader;
import io.schemaplan.read.PgDumpReader;
import io.schemaplan.read.StatsJson;
import io.schemaplan.script.Script;
import io.schemaplan.script.ScriptReader;
import io.schemaplan.scriptplan.ScriptPlan.StatementPlan;
import io.schemaplan.scriptplan.ScriptPlan.Transaction;
import io.schemaplan.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scripts in the shapes other migration tools print (fixtures of our own under src/test/resources/scriptplan):
 * Flyway V*.sql, Liquibase updateSQL, Django sqlmigrate, an ActiveRecord migration, and MySQL, where every DDL
 * statement commits on its own. Each reads and plans with no statement left unknown.
 */
class ScriptShapesTest {
    static final Path DIR = Path.of("src/test/resources/scriptplan");

    static ScriptPlan pg(String file, ScriptPlanner.Mode mode) {
        Schema schema = PgDumpReader.read(Samples.postgres("0.8.3")).schema();
        Script s = ScriptReader.read(DIR.resolve(file), Engine.POSTGRES);
        return ScriptPlanner.plan(new ScriptPlanner.Input("0.8.3", file, schema, SqlStatement.of(List.of(s)),
                StatsJson.read(Samples.root().resolve("stats/dify-large-install.json")), "large", null, null, null,
                mode, s.warnings()));
    }

    static List<String> operations(ScriptPlan plan) {
        return plan.statements().stream().flatMap(s -> s.items().stream()).map(i -> i.operation()).toList();
    }

    static void noneUnknown(ScriptPlan plan) {
        for (StatementPlan s : plan.statements()) {
            assertTrue(s.kind() != StatementKind.UNKNOWN, s.statement().sql() + ": " + s.notes());
            assertTrue(s.items().stream().noneMatch(i -> i.ruleId().equals(ScriptPlanner.StatementRules.UNKNOWN_RULE)),
                    s.statement().sql());
        }
    }

    @Test
    void flywayRunsTheFileInOneTransactionAndTheBackfillOfTheNewColumnTouchesEveryRow() {
        ScriptPlan plan = pg("V7__message_status.sql", ScriptPlanner.Mode.EACH);
        noneUnknown(plan);
        assertEquals(List.of("ADD_COLUMN", "UPDATE_ROWS", "SET_NOT_NULL", "CREATE_INDEX"), operations(plan));
        assertEquals(1, plan.transactions().size());
        assertEquals(Transaction.Kind.RUNNER, plan.transactions().get(0).kind());
        assertEquals(DataEffect.Rows.ALL, plan.statements().get(1).data().rows());
        assertTrue(plan.statements().get(2).recipeSql().contains("CHECK (review_status IS NOT NULL) NOT VALID"));
        assertTrue(plan.statements().get(3).recipeSql().contains("CREATE INDEX CONCURRENTLY message_review_status_idx"));
        ScriptPlan.Window w = plan.transactions().get(0).windows().get(0);
        assertEquals("ACCESS EXCLUSIVE", w.lock());
        assertEquals(1, w.from());
        assertEquals(4, w.until());
    }

    @Test
    void liquibaseBookkeepingIsToldApartAndEachStatementCommitsOnItsOwn() {
        ScriptPlan plan = pg("liquibase-updateSQL.sql", null);
        noneUnknown(plan);
        assertEquals(List.of("ADD_COLUMN_CONSTANT_DEFAULT", "CREATE_INDEX", "ADD_FOREIGN_KEY"), operations(plan));
        long bookkeeping = plan.statements().stream().filter(s -> s.kind() == StatementKind.BOOKKEEPING).count();
        assertEquals(3, bookkeeping, "lock, changelog row, unlock");
        assertEquals(plan.statements().size(), plan.transactions().size(), "no BEGIN: autocommit per statement");
        StatementPlan fk = plan.statements().stream().filter(s -> s.statement().sql().contains("FOREIGN KEY"))
                .findFirst().orElseThrow();
        assertEquals("public.apps", fk.items().get(0).other().toString());
        assertTrue(fk.recipeSql().contains("NOT VALID") && fk.recipeSql().contains("VALIDATE CONSTRAINT fk_conversation_app"),
                fk.recipeSql());
    }

    @Test
    void djangoSqlmigrateIsOneTransactionWithARewriteOfApps() {
        ScriptPlan plan = pg("django-sqlmigrate.sql", null);
        noneUnknown(plan);
        assertEquals(List.of("ADD_COLUMN_NOT_NULL_WITH_DEFAULT", "DROP_DEFAULT", "ALTER_TYPE_REWRITE", "CREATE_INDEX"),
                operations(plan));
        assertEquals(1, plan.transactions().size());
        assertEquals(Transaction.Kind.EXPLICIT, plan.transactions().get(0).kind());
    }

    @Test
    void anActiveRecordMigrationLocksTheReferencedTableToo() {
        ScriptPlan plan = pg("rails-structure-migration.sql", null);
        noneUnknown(plan);
        assertEquals(List.of("ADD_COLUMN", "CREATE_INDEX", "ADD_FOREIGN_KEY", "DELETE_ROWS"), operations(plan));
        Transaction tx = plan.transactions().get(0);
        assertTrue(tx.windows().stream().anyMatch(w -> w.table().name().equals("accounts")
                && w.lock().equals("SHARE ROW EXCLUSIVE")), tx.windows().toString());
        assertEquals(StatementKind.BOOKKEEPING, plan.statements().get(plan.statements().size() - 2).kind());
    }

    @Test
    void aMysqlScriptCommitsEachDdlStatementOnItsOwn() {
        Schema schema = MysqlDumpReader.read(Samples.mysql("1.11.4.patched-32196")).schema();
        Script s = ScriptReader.read(DIR.resolve("mysql-alembic-shape.sql"), Engine.MYSQL);
        ScriptPlan plan = ScriptPlanner.plan(new ScriptPlanner.Input("1.11.4", "mysql-alembic-shape.sql", schema,
                SqlStatement.of(List.of(s)), StatsJson.read(Samples.root().resolve("stats/dify-large-install-mysql.json")),
                "large", null, null, null, null, null));
        noneUnknown(plan);
        assertEquals(List.of("ADD_COLUMN_LAST", "UPDATE_ROWS", "CHANGE_TYPE", "ADD_INDEX"), operations(plan));
        assertEquals(5, plan.transactions().size());
        long ddl = plan.transactions().stream().filter(t -> t.kind() == Transaction.Kind.IMPLICIT_COMMIT).count();
        assertEquals(3, ddl);
        for (Transaction t : plan.transactions()) assertEquals(t.first(), t.last(), "one statement per window");
        StatementPlan update = plan.statements().get(1);
        assertEquals(DataEffect.Rows.ALL, update.data().rows());
        assertTrue(update.estimate().known() && update.estimate().highSeconds() > 1);
        assertTrue(plan.assumptions().stream().anyMatch(a -> a.startsWith("MySQL and MariaDB commit every DDL")));
    }

    /**
     * InnoDB writes a secondary index only where its entry changes: the backfill of an unindexed column is priced
     * without index work, an UPDATE of app_id (in three of messages' indexes) with two entries a row in each,
     * and the safer way is the batching procedure.
     */
    @Test
    void aMysqlUpdateIsPricedWithTheIndexesItsSetChanges() {
        Schema schema = MysqlDumpReader.read(Samples.mysql("1.11.4.patched-32196")).schema();
        Script s = ScriptReader.read("m.sql", ("UPDATE messages SET parent_message_id = '00000000-0000-0000-0000-000000000000';\n"
                + "UPDATE messages SET app_id = '00000000-0000-0000-0000-000000000000';\n").getBytes(StandardCharsets.UTF_8),
                Engine.MYSQL);
        ScriptPlan plan = ScriptPlanner.plan(new ScriptPlanner.Input("1.11.4", "m.sql", schema,
                SqlStatement.of(List.of(s)), StatsJson.read(Samples.root().resolve("stats/dify-large-install-mysql.json")),
                "large", null, null, null, null, null));
        long rows = 21_000_000;
        long heap = 66_571_993_088L;
        Estimate backfill = plan.statements().get(0).estimate();
        assertEquals((long) (5.0 * heap + rows * 100.0), backfill.walBytes(), 1_000);
        Estimate keys = plan.statements().get(1).estimate();
        assertEquals(rows * 3 * 1_600, keys.walBytes() - backfill.walBytes(), 1_000);
        assertTrue(plan.statements().get(0).recipeSql().contains("CREATE PROCEDURE `schemaplan_batches`()"));
        // The estimate assumes the index entries are written in the buffer pool, and says so where there are any.
        assertTrue(!plan.statements().get(0).items().get(0).message().contains("buffer pool"));
        assertTrue(plan.statements().get(1).items().get(0).message().contains("Priced with its 3 secondary indexes"),
                plan.statements().get(1).items().get(0).message());
    }

    /** With the buffer pool's size in the statistics, a DELETE whose indexes outgrow it pays for the misses. */
    @Test
    void aMysqlDeleteWhoseIndexesOutgrowTheBufferPoolIsPricedWithTheMisses() {
        Schema schema = MysqlDumpReader.read(Samples.mysql("1.11.4.patched-32196")).schema();
        Stats large = StatsJson.read(Samples.root().resolve("stats/dify-large-install-mysql.json"));
        Stats pooled = new Stats(large.serverVersion(), large.maintenanceWorkMemBytes(), 0, large.blockSize(),
                large.tables(), List.of(), 4L << 30);
        Script s = ScriptReader.read("m.sql", "DELETE FROM messages;\n".getBytes(StandardCharsets.UTF_8), Engine.MYSQL);
        StatementPlan unknown = ScriptPlanner.plan(new ScriptPlanner.Input("1.11.4", "m.sql", schema,
                SqlStatement.of(List.of(s)), large, "large", null, null, null, null, null)).statements().get(0);
        StatementPlan known = ScriptPlanner.plan(new ScriptPlanner.Input("1.11.4", "m.sql", schema,
                SqlStatement.of(List.of(s)), pooled, "large", null, null, null, null, null)).statements().get(0);
        // messages: 8.5 GB of indexes, 4 GB of pool: about half the 7 x 21 M entries miss it.
        assertTrue(known.estimate().expectedSeconds() > unknown.estimate().expectedSeconds() + 10_000,
                known.estimate() + " / " + unknown.estimate());
        assertTrue(known.items().get(0).message().contains("outgrow the buffer pool (4.0 GB)"), known.items().get(0).message());
        assertTrue(unknown.items().get(0).message().contains("the statistics do not say its size"));
    }

    /**
     * PostgreSQL: with shared_buffers in the statistics, the backfill of messages (six scattered indexes of
     * 5.8 GB, 11.6 GB once written, against 4 GB of cache) says how many of its entries miss it, and prices
     * each at half an away entry on top of its rows and away entries.
     */
    @Test
    void aPostgresUpdateWhoseScatteredIndexesOutgrowSharedBuffersSaysItsMisses() {
        Schema schema = PgDumpReader.read(Samples.postgres("0.8.3")).schema();
        Stats large = StatsJson.read(Samples.root().resolve("stats/dify-large-install.json"));
        // messages: 9 indexes, 3 heap-ordered (app_id then created_at; created_at; created_at, id).
        Stats cached = new Stats(large.serverVersion(), large.maintenanceWorkMemBytes(),
                large.maxParallelMaintenanceWorkers(), large.blockSize(), large.tables(), List.of(), 4L << 30,
                large.checkpoints());
        Script s = ScriptReader.read("u.sql", "UPDATE messages SET parent_message_id = uuid_nil();\n"
                .getBytes(StandardCharsets.UTF_8), Engine.POSTGRES);
        StatementPlan unknown = ScriptPlanner.plan(new ScriptPlanner.Input("0.8.3", "u.sql", schema,
                SqlStatement.of(List.of(s)), large, "large", null, null, null, null, null)).statements().get(0);
        StatementPlan known = ScriptPlanner.plan(new ScriptPlanner.Input("0.8.3", "u.sql", schema,
                SqlStatement.of(List.of(s)), cached, "large", null, null, null, null, null)).statements().get(0);
        // 6 x 21 M entries; averaged over the growth from 5.4 to 10.8 GB, (5.4 - 4 ln 2) / 5.4 = 0.49 of them
        // miss 4 GB: ~61 M, each half an away entry of the default profile more.
        String message = known.items().get(0).message();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("of their new entries \\(([\\d,]+)\\) miss it").matcher(message);
        assertTrue(m.find(), message);
        double missed = Double.parseDouble(m.group(1).replace(",", ""));
        assertTrue(missed > 55e6 && missed < 65e6, message);
        assertEquals(unknown.estimate().expectedSeconds() + missed * 0.5 * Profile.DEFAULT.updateEntryMicros() / 1e6,
                known.estimate().expectedSeconds(), 1);
        assertEquals(unknown.estimate().walBytes(), known.estimate().walBytes());
        assertTrue(message.contains("(priced at half an index entry each)"), message);
        assertTrue(message.contains("Its 6 scattered indexes (5.4 GB, 11 GB once written) outgrow shared_buffers (4.0 GB): 49 % "),
                message);
        assertTrue(message.matches(".* of their new entries \\([\\d,]+\\) miss it, .*"), message);
        assertTrue(!unknown.items().get(0).message().contains("shared_buffers"), unknown.items().get(0).message());
    }
}
