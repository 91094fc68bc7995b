package io.schemaplan.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.read.PolicyReader;
import io.schemaplan.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The README's "CI gate" section: its example policy reads, and it names every category; docs/gate.md has the
 * table saying what each matches.
 */
class GateReadmeTest {
    static String section() throws IOException {
        String readme = Files.readString(Samples.root().getParent().resolve("README.md"));
        int start = readme.indexOf("\n## CI gate\n");
        assertTrue(start >= 0, "README has no CI gate section");
        int end = readme.indexOf("\n## ", start + 5);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    @Test
    void theExamplePolicyReads() throws IOException {
        String s = section();
        int from = s.indexOf("```yaml\n") + 8;
        Policy p = PolicyReader.parse("README.md", s.substring(from, s.indexOf("```", from)));
        assertEquals(2, p.checks().size());
        assertEquals(2, p.windows().size());
        assertEquals(1, p.allow().size());
    }

    @Test
    void everyCategoryIsDocumented() throws IOException {
        String s = section();
        String gateDoc = Files.readString(Samples.root().getParent().resolve("docs/gate.md"));
        for (Category c : Category.values()) {
            assertTrue(s.contains("`" + c.key() + "`"), c.key() + " is missing from the README's category list");
            assertTrue(gateDoc.contains("| `" + c.key() + "` |"), c.key() + " is missing from docs/gate.md's category table");
        }
    }
}
