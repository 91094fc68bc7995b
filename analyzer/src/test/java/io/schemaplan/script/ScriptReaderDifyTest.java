package io.schemaplan.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.Engine;
import io.schemaplan.script.ScriptStatement.Kind;
import io.schemaplan.testing.Samples;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dify's offline Alembic scripts read into the statements, revisions and kinds that an independent splitter
 * counted when the scripts were rendered (the table in dify-schemas/migrations/README.md: statements without
 * BEGIN/COMMIT; DDL = CREATE/ALTER/DROP/COMMENT; UPDATE, INSERT, DELETE with alembic_version's included).
 */
class ScriptReaderDifyTest {

    static Path script(String engine, String pair) {
        return Samples.root().resolve("dify-migrations/" + engine + "/dify-" + pair + ".sql");
    }

    static Stream<Arguments> counted() {
        return Stream.of(
                Arguments.of("postgres", "0.6.16-to-0.7.2", 5, 14, 9, 5, 0, 0),
                Arguments.of("postgres", "0.7.2-to-0.8.3", 3, 13, 10, 3, 0, 0),
                Arguments.of("postgres", "0.8.3-to-0.9.2", 4, 18, 12, 6, 0, 0),
                Arguments.of("postgres", "0.9.2-to-0.10.2", 3, 16, 11, 5, 0, 0),
                Arguments.of("postgres", "0.10.2-to-0.11.2", 6, 28, 16, 12, 0, 0),
                Arguments.of("postgres", "0.11.2-to-0.12.1", 0, 0, 0, 0, 0, 0),
                Arguments.of("postgres", "0.12.1-to-0.13.2", 0, 0, 0, 0, 0, 0),
                Arguments.of("postgres", "0.13.2-to-0.14.2", 4, 6, 2, 4, 0, 0),
                Arguments.of("postgres", "0.14.2-to-0.15.3", 3, 10, 7, 3, 0, 0),
                Arguments.of("postgres", "0.15.3-to-1.0.1", 6, 17, 11, 6, 0, 0),
                Arguments.of("postgres", "1.0.1-to-1.1.3", 1, 12, 11, 1, 0, 0),
                Arguments.of("postgres", "1.1.3-to-1.2.0", 1, 5, 4, 1, 0, 0),
                Arguments.of("postgres", "1.2.0-to-1.3.1", 0, 0, 0, 0, 0, 0),
                Arguments.of("postgres", "1.3.1-to-1.4.3", 3, 7, 4, 3, 0, 0),
                Arguments.of("postgres", "1.4.3-to-1.5.1", 1, 3, 2, 1, 0, 0),
                Arguments.of("postgres", "1.5.1-to-1.6.0", 1, 3, 2, 1, 0, 0),
                Arguments.of("postgres", "1.6.0-to-1.7.2", 6, 22, 16, 6, 0, 0),
                Arguments.of("postgres", "1.7.2-to-1.8.1", 5, 20, 15, 5, 0, 0),
                Arguments.of("postgres", "1.8.1-to-1.9.2", 5, 42, 37, 5, 0, 0),
                Arguments.of("postgres", "1.9.2-to-1.10.1", 3, 43, 40, 3, 0, 0),
                Arguments.of("postgres", "1.10.1-to-1.11.4", 5, 16, 11, 5, 0, 0),
                Arguments.of("postgres", "1.11.4-to-1.12.1", 6, 30, 22, 8, 0, 0),
                Arguments.of("postgres", "base-to-1.12.1", 161, 711, 537, 171, 2, 1),
                Arguments.of("mysql", "1.10.1-to-1.11.4", 5, 16, 11, 5, 0, 0),
                Arguments.of("mysql", "1.11.4-to-1.12.1", 6, 30, 22, 8, 0, 0),
                Arguments.of("mysql", "base-to-1.10.1", 150, 628, 467, 158, 2, 1));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("counted")
    void readsEveryDifyScriptAsTheIndependentCountSays(String engine, String pair, int revisions, int statements,
            int ddl, int updates, int inserts, int deletes) {
        Script s = ScriptReader.read(script(engine, pair), null);
        assertEquals(engine.equals("postgres") ? Engine.POSTGRES : Engine.MYSQL, s.dialect(), "sniffed dialect");
        List<ScriptStatement> body = s.statements().stream()
                .filter(x -> x.kind() != Kind.BEGIN && x.kind() != Kind.COMMIT).toList();
        assertEquals(statements, body.size(), "statements without BEGIN/COMMIT");
        assertEquals(ddl, body.stream().filter(x -> x.kind() == Kind.DDL).count(), "DDL");
        assertEquals(updates, count(body, "UPDATE"), "UPDATE");
        assertEquals(inserts, count(body, "INSERT"), "INSERT");
        assertEquals(deletes, count(body, "DELETE"), "DELETE");
        assertEquals(revisions, s.revisions().size(), "revisions " + s.revisions());
        for (int k = 0; k < s.statements().size(); k++) assertEquals(k + 1, s.statements().get(k).number());
        // every statement after the first revision marker belongs to a revision; Alembic ends each with its version
        for (String r : s.revisions()) {
            List<ScriptStatement> of = s.statementsOf(r);
            String last = of.stream().filter(x -> x.kind() == Kind.DATA).reduce((a, b) -> b).orElseThrow().sql();
            assertTrue(last.contains("alembic_version") && last.contains("'" + r + "'"), r + " ends with " + last);
        }
        if (engine.equals("postgres") && statements > 0) {
            assertEquals(Kind.BEGIN, s.statements().get(0).kind());
            assertEquals(Kind.COMMIT, s.statements().get(s.statements().size() - 1).kind());
        }
    }

    private static long count(List<ScriptStatement> body, String verb) {
        return body.stream().filter(x -> x.sql().regionMatches(true, 0, verb, 0, verb.length())).count();
    }

    @Test
    void theAutocommitBlockIsACommitAndABeginInsideItsRevision() {
        Script s = ScriptReader.read(script("postgres", "1.3.1-to-1.4.3"), Engine.POSTGRES);
        List<ScriptStatement> of = s.statementsOf("4474872b0ee6");
        // the script's last COMMIT follows the last revision marker, so it counts to that revision
        assertEquals(List.of(Kind.COMMIT, Kind.DDL, Kind.BEGIN, Kind.DDL, Kind.DATA, Kind.COMMIT), of.stream().map(ScriptStatement::kind).toList());
        assertTrue(of.get(1).sql().startsWith("CREATE INDEX CONCURRENTLY workflow_node_executions_tenant_id_idx"), of.get(1).sql());
        assertEquals(40, of.get(1).line());
        assertNull(s.statements().get(0).revision(), "BEGIN comes before the first revision marker");
        assertEquals("d28f2004b072", s.statements().get(1).revision());
    }

    @Test
    void offlineNotesBecomeWarningsOfTheirRevision() {
        Script s = ScriptReader.read(script("postgres", "1.7.2-to-1.8.1"), null);
        assertEquals(2, s.warnings().size(), s.warnings().toString());
        assertTrue(s.warnings().get(0).contains(":35: revision e8446f481c1e: ")
                && s.warnings().get(0).contains("migrate_existing_providers_data"), s.warnings().get(0));
        assertTrue(s.warnings().get(1).contains("revision 0e154742a5fa: ")
                && s.warnings().get(1).contains("migrate_existing_provider_models_data"), s.warnings().get(1));
        // the note's own ';' (Alembic ends the comment with one) makes no statement
        assertTrue(s.statements().stream().noneMatch(x -> x.sql().isBlank() || x.sql().startsWith("--")));
        Script base = ScriptReader.read(script("postgres", "base-to-1.12.1"), null);
        // two skipped data migrations, two inspections answered by assumption (bbadea11becb, d7999dfa4aae)
        assertEquals(4, base.warnings().size(), base.warnings().toString());
        assertTrue(base.warnings().stream().anyMatch(w -> w.contains("revision d7999dfa4aae: ") && w.contains("retry_index")));
    }

    @Test
    void aDollarQuotedFunctionBodyWithCommentsIsOneStatement() {
        Script s = ScriptReader.read(script("postgres", "1.6.0-to-1.7.2"), null);
        ScriptStatement f = s.statements().stream().filter(x -> x.sql().startsWith("CREATE FUNCTION uuidv7()")).findFirst().orElseThrow();
        assertEquals("1c9ba48be8e4", f.revision());
        assertEquals(Kind.DDL, f.kind());
        assertTrue(f.sql().contains("set_bit(") && f.sql().endsWith("$$ LANGUAGE SQL VOLATILE PARALLEL SAFE"), f.sql());
    }
}
