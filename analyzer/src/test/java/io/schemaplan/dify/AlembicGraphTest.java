package io.schemaplan.dify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.read.ReadException;
import io.schemaplan.testing.Cli;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The revision graph of an Alembic versions/ directory, read as text from small fixture directories. */
class AlembicGraphTest {
    static Path fixture(String name) {
        return Path.of("src/test/resources/alembic", name);
    }

    static AlembicGraph graph(String name) {
        return AlembicGraph.of(AlembicScript.readDirectory(fixture(name)));
    }

    @Test
    void linearHistoryHasOneHeadAndAnOrderedPath() {
        AlembicGraph g = graph("linear");
        assertEquals(List.of("aaa111", "bbb222", "ccc333"), g.scripts().stream().map(AlembicScript::revision).toList(),
                "__init__.py and helpers.py are not migrations; an indented revision = … is a local, not the module's");
        assertEquals(List.of("ccc333"), g.heads());
        assertEquals(List.of("aaa111"), g.bases());
        assertEquals(List.of(), g.merges());
        assertEquals(List.of(), g.branchPoints());
        assertEquals(List.of(), g.problems());
        assertEquals(List.of("bbb222", "ccc333"), g.path("aaa111", "head"));
        assertEquals(List.of("aaa111", "bbb222"), g.path("base", "bbb"), "a unique prefix names a revision");
        ReadException backwards = assertThrows(ReadException.class, () -> g.path("ccc333", "aaa111"));
        assertTrue(backwards.getMessage().contains("ccc333 is not an ancestor of aaa111"), backwards.getMessage());
    }

    @Test
    void twoHeadsAreDiagnosedWithTheirForkAndTheFix() {
        AlembicGraph g = graph("two-heads");
        assertEquals(List.of("ccc333", "ddd444"), g.heads());
        assertEquals(List.of("bbb222"), g.branchPoints());
        assertEquals(1, g.problems().size());
        AlembicGraph.Problem p = g.problems().get(0);
        assertEquals("several_heads", p.kind());
        assertTrue(p.message().contains("they part at bbb222"), p.message());
        assertTrue(p.message().contains("Multiple head revisions are present"), p.message());
        assertTrue(p.message().contains("alembic merge -m \"merge heads\" ccc333 ddd444"), p.message());
        ReadException ambiguous = assertThrows(ReadException.class, () -> g.path("base", "head"));
        assertTrue(ambiguous.getMessage().contains("'head' is ambiguous: 2 heads"), ambiguous.getMessage());
    }

    @Test
    void mergeRevisionJoinsTwoBranchesAndThePathCoversBoth() {
        AlembicGraph g = graph("merge");
        assertEquals(List.of("eee555"), g.heads());
        assertEquals(List.of("ddd444"), g.merges());
        assertEquals(List.of("aaa111"), g.branchPoints());
        assertEquals(List.of("bbb222", "ccc333"), g.script("ddd444").downRevisions(), "a multi-line tuple with a comment");
        assertEquals(List.of("core"), g.script("aaa111").branchLabels(), "typed assignments, double quotes, a tuple");
        assertEquals(List.of(), g.problems());
        assertEquals(List.of("bbb222", "ccc333", "ddd444", "eee555"), g.path("aaa111", "eee555"));
        assertEquals(List.of("ccc333", "ddd444"), g.path("bbb222", "ddd444"),
                "from one side of the merge, only the other side and the merge remain");
    }

    @Test
    void unreadableAssignmentIsAOneLineErrorWithFileAndLine() {
        ReadException e = assertThrows(ReadException.class,
                () -> AlembicScript.parse("x.py", "revision = 'a1'\ndown_revision = compute_parent()\n"));
        assertEquals("x.py:2: cannot read down_revision as text (a string, None or a tuple of strings): compute_parent()",
                e.getMessage());
    }

    @Test
    void cliReportsHeadsPathAndExitCodes() {
        Cli.Result linear = Cli.run("dify", "migrations", fixture("linear").toString(), "--from", "aaa111", "--to", "ccc333");
        assertEquals(0, linear.exitCode(), linear.err());
        assertTrue(linear.out().contains("heads:          ccc333 (2024_03_01_0000-ccc333_add_index.py)"), linear.out());
        assertTrue(linear.out().contains("upgrade aaa111 -> ccc333: 2 revisions in order\n  bbb222"), linear.out());

        Cli.Result twoHeads = Cli.run("dify", "migrations", fixture("two-heads").toString());
        assertEquals(1, twoHeads.exitCode(), "two heads are a problem");
        assertTrue(twoHeads.out().contains("several_heads: 2 heads"), twoHeads.out());

        Cli.Result json = Cli.run("dify", "migrations", fixture("merge").toString(), "--format", "json");
        assertEquals(0, json.exitCode(), json.err());
        assertTrue(json.out().contains("\"mergePoints\" : [ \"ddd444\" ]"), json.out());

        Cli.Result missing = Cli.run("dify", "migrations", "no/such/dir");
        assertEquals(2, missing.exitCode());
        assertEquals(List.of("schemaplan: no/such/dir: not a directory (expected an Alembic versions/ directory)"),
                missing.errLines());
    }
}
