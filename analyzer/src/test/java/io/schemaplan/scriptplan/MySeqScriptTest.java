package io.schemaplan.scriptplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.Schemaplan;
import io.schemaplan.impact.MyRules;
import io.schemaplan.impact.PlanItem;
import io.schemaplan.model.Engine;
import io.schemaplan.model.QName;
import io.schemaplan.read.Loaded;
import io.schemaplan.script.Finding;
import io.schemaplan.script.Script;
import io.schemaplan.script.ScriptReader;
import io.schemaplan.scriptplan.ScriptPlan.StatementPlan;
import io.schemaplan.testing.LocalMariadb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A MariaDB migration script with sequence statements, planned on the live database, then run there with the
 * {@code mariadb} client: the replay of CREATE, ALTER and DROP SEQUENCE ends where the server does (no finding
 * against the database read afterwards); SETVAL, DO SETVAL and NEXTVAL are planned as sequence writes that a
 * ROLLBACK keeps, inside the transaction they do not commit; ALTER and DROP SEQUENCE commit on their own. The
 * statements after the COMMIT are forms whose effect only the server can say (IF NOT EXISTS on an existing sequence,
 * an ALTER that turns a sequence around, OR REPLACE, DROP TABLE of a table and a dropped sequence's name).
 */
class MySeqScriptTest {
    static final String DB = "sp_myseq_script";
    static final String SCRIPT = """
            CREATE SEQUENCE refunds START WITH 10 INCREMENT BY 5;
            ALTER SEQUENCE invoice_numbers MAXVALUE 500000000 CACHE 50;
            DROP SEQUENCE countdown;
            CREATE TABLE refund_log (id bigint NOT NULL DEFAULT NEXT VALUE FOR refunds PRIMARY KEY, note varchar(20));
            START TRANSACTION;
            UPDATE tickets SET subject = 'x' WHERE id = 1;
            SELECT SETVAL(ticket_numbers, 5000);
            DO SETVAL(invoice_numbers, 9000);
            SELECT NEXTVAL(refunds);
            COMMIT;
            CREATE SEQUENCE IF NOT EXISTS refunds MAXVALUE 5;
            ALTER SEQUENCE batch_ids INCREMENT BY -1 NOCACHE;
            ALTER SEQUENCE IF EXISTS nothing_here CACHE 5;
            CREATE OR REPLACE SEQUENCE ticket_numbers START WITH 100 MINVALUE=-10 INCREMENT 2 CYCLE;
            DROP TABLE IF EXISTS refund_log, countdown;
            """;

    static ScriptPlan plan;

    @BeforeAll
    static void planThenRun(@TempDir Path tmp) throws IOException {
        LocalMariadb.exec("mysql", "DROP DATABASE IF EXISTS " + DB,
                "CREATE DATABASE " + DB + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
        String dump = Files.readString(Path.of("src/test/resources/mysql/shapes/mariadb-dump-10.11-sequences.sql"))
                .replace("sp_myseq_shapes_1011", DB);
        LocalMariadb.clientFile(DB, Files.writeString(tmp.resolve("dump.sql"), dump));
        Loaded before = Schemaplan.read(LocalMariadb.url(DB));
        LocalMariadb.ClientRun run = LocalMariadb.run(Files.writeString(tmp.resolve("m.sql"), SCRIPT), "--database=" + DB);
        assertEquals(0, run.exitCode(), run.output());
        Loaded after = Schemaplan.read(LocalMariadb.url(DB));
        Script s = ScriptReader.read("m.sql", SCRIPT.getBytes(StandardCharsets.UTF_8), Engine.MARIADB);
        plan = Schemaplan.planScript(before, List.of(s), "m.sql", after, Schemaplan.Options.defaults());
    }

    @AfterAll
    static void drop() {
        LocalMariadb.exec("mysql", "DROP DATABASE IF EXISTS " + DB);
    }

    static StatementPlan statement(int number) {
        return plan.statements().get(number - 1);
    }

    @Test
    void theReplayOfSequenceStatementsEndsWhereTheServerDid() {
        List<Finding> compared = plan.replay().stream().filter(f -> f.kind() != Finding.Kind.OUTSIDE_MODEL).toList();
        assertEquals(List.of(), compared);
        List<Integer> outside = plan.replay(Finding.Kind.OUTSIDE_MODEL).stream().map(Finding::statement).toList();
        assertEquals(List.of(7, 8, 9), outside, "a sequence's current value is no part of the model");
    }

    @Test
    void setvalAndNextvalAreSequenceWritesThatARollbackKeeps() {
        for (int n : new int[] {7, 8, 9}) {
            StatementPlan p = statement(n);
            assertEquals(StatementKind.SEQUENCE, p.kind(), p.firstLine());
            PlanItem i = p.items().get(0);
            assertEquals(MyRules.SEQUENCE_WRITE, i.ruleId());
            assertEquals("NONE", i.lock(), "other sessions' NEXTVAL goes on");
            assertTrue(p.notes().stream().anyMatch(x -> x.contains("ROLLBACK")), p.notes().toString());
        }
        assertEquals(QName.of("", "invoice_numbers"), statement(8).items().get(0).table());
        ScriptPlan.Transaction t = plan.transactions().stream().filter(x -> x.first() == 5).findFirst().orElseThrow();
        assertEquals(10, t.last(), "SETVAL and NEXTVAL commit nothing: the transaction runs to its COMMIT");
        assertTrue(t.onFailure().contains("but not the sequence values statements 7, 8, 9 set"), t.onFailure());
    }

    @Test
    void alterAndDropSequenceCommitOnTheirOwnUnderAnExclusiveMetadataLock() {
        for (int n : new int[] {2, 3}) {
            StatementPlan p = statement(n);
            assertEquals(StatementKind.DDL, p.kind());
            assertEquals("EXCLUSIVE", p.items().get(0).lock(), p.firstLine());
            int number = n;
            assertEquals(ScriptPlan.Transaction.Kind.IMPLICIT_COMMIT, plan.transactions().stream()
                    .filter(x -> x.first() == number).findFirst().orElseThrow().kind());
        }
        assertEquals("ALTER_SEQUENCE", statement(2).items().get(0).operation());
        assertTrue(statement(3).items().get(0).destructive(), "DROP SEQUENCE loses the sequence's position");
        assertEquals("CREATE_SEQUENCE", statement(1).items().get(0).operation());
    }
}
