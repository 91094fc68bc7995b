package io.schemaplan.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.Engine;
import io.schemaplan.model.Schema;
import io.schemaplan.model.QName;
import io.schemaplan.script.ScriptStatement.Kind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Scripts in the shapes other migration tools write (our own fixtures under src/test/resources/scripts: Flyway
 * {@code V*__*.sql}, Liquibase {@code updateSQL}, Django {@code sqlmigrate}, a Rails {@code structure.sql} delta,
 * Prisma {@code migrate diff --script}) read without error in the dialect they are in, and replay on an empty schema
 * with every statement applied.
 */
class ScriptsInTheWildTest {
    private static final Path SCRIPTS = Path.of("src/test/resources/scripts");

    private static Schema empty(Engine engine) {
        return new Schema(engine, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static List<String> notApplied(Replayed r) {
        return r.findings().stream().map(f -> "#" + f.statement() + " line " + f.line() + ": " + f.message()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "liquibase/postgres-updateSQL.sql, POSTGRES, 1, invoices",
            "liquibase/mysql-updateSQL.sql, MYSQL, 1, invoices",
            "django/postgres-sqlmigrate.sql, POSTGRES, 0, library_book",
            "django/mysql-sqlmigrate.sql, MYSQL, 0, library_book",
            "rails/postgres-structure-delta.sql, POSTGRES, 0, accounts",
            "prisma/postgres-migrate-diff.sql, POSTGRES, 0, Post",
            "prisma/mysql-migrate-diff.sql, MYSQL, 0, Post"})
    void readsInItsDialectAndReplaysOnAnEmptySchema(String file, Engine dialect, int liquibaseBookkeeping, String table) {
        Script s = ScriptReader.read(SCRIPTS.resolve(file), null);
        assertEquals(dialect, s.dialect(), "sniffed dialect");
        assertEquals(List.of(), s.warnings());
        Replayed r = Replay.run(empty(dialect), s, dialect == Engine.MYSQL ? "utf8mb4_general_ci" : null);
        assertEquals(List.of(), notApplied(r));
        String schema = dialect == Engine.POSTGRES ? "public" : "";
        assertTrue(r.end().table(QName.of(schema, table)).isPresent(), r.end().tables().toString());
        assertEquals(liquibaseBookkeeping, s.statements().stream().filter(x -> x.kind() == Kind.DATA)
                .filter(x -> x.sql().toLowerCase().contains("databasechangelog (")).count() > 0 ? 1 : 0);
    }

    @Test
    void liquibaseChangesetsAreTheRevisions() {
        Script s = ScriptReader.read(SCRIPTS.resolve("liquibase/postgres-updateSQL.sql"), null);
        assertEquals(List.of("db/changelog/001-invoices.yaml::1::dba", "db/changelog/002-invoice-index.yaml::2::dba"), s.revisions());
        assertEquals(List.of(Kind.DATA, Kind.DDL, Kind.DATA, Kind.DDL, Kind.DDL, Kind.DATA, Kind.DATA),
                s.statements().stream().map(ScriptStatement::kind).toList());
    }

    @Test
    void djangoWrapsOneMigrationInOneTransaction() {
        Script s = ScriptReader.read(SCRIPTS.resolve("django/postgres-sqlmigrate.sql"), null);
        assertEquals(Kind.BEGIN, s.statements().get(0).kind());
        assertEquals(Kind.COMMIT, s.statements().get(s.statements().size() - 1).kind());
        Replayed r = Replay.run(empty(Engine.POSTGRES), s);
        var isbn = r.end().table(QName.of("public", "library_book")).orElseThrow().column("isbn").orElseThrow();
        assertEquals(null, isbn.defaultExpr(), "Django adds the column with a default and drops it at once");
        assertTrue(!isbn.nullable());
    }

    /** Flyway's versions run in order; each file's version is the revision of its statements. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"postgres, POSTGRES", "mysql, MYSQL"})
    void flywayVersionsReplayInOrder(String dir, Engine dialect) {
        Script v1 = ScriptReader.read(SCRIPTS.resolve("flyway/" + dir + "/V1__create_orders.sql"), null);
        Script v2 = ScriptReader.read(SCRIPTS.resolve("flyway/" + dir + "/V2__add_order_status.sql"), null);
        assertEquals(dialect, v1.dialect());
        assertEquals(dialect, v2.dialect());
        assertEquals(List.of("1"), v1.revisions());
        assertEquals(List.of("2"), v2.revisions());
        String collation = dialect == Engine.MYSQL ? "utf8mb4_general_ci" : null;
        Replayed first = Replay.run(empty(dialect), v1, collation);
        Replayed second = Replay.run(first.end(), v2, collation);
        assertEquals(List.of(), notApplied(first));
        assertEquals(List.of(), notApplied(second));
        String schema = dialect == Engine.POSTGRES ? "public" : "";
        var orders = second.end().table(QName.of(schema, "orders")).orElseThrow();
        assertEquals("bigint", orders.column("total_cents").orElseThrow().type().name());
        assertTrue(orders.column("status").isPresent());
        // the model before V2's UPDATE already has the column V2 added two statements earlier
        Replayed.Step update = second.steps().stream().filter(x -> x.statement().kind() == Kind.DATA).findFirst().orElseThrow();
        assertTrue(update.before().table(QName.of(schema, "orders")).orElseThrow().column("status").isPresent());
    }
}
