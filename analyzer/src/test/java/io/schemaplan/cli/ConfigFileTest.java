package io.schemaplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.testing.Cli;
import io.schemaplan.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** schemaplan.yaml and --config: each key, flags over the file, and one-line errors for a bad file. */
class ConfigFileTest {
    static final String V0142 = Samples.postgres("0.14.2").toString();
    static final String V0153 = Samples.postgres("0.15.3").toString();
    static final String PROFILE = "{\"format\": \"schemaplan-profile/1\", \"name\": \"%s\", \"measuredOn\": null,"
            + " \"seqScanBytesPerSecond\": 1000000, \"rewriteBytesPerSecond\": 1000000, \"indexBuildBytesPerSecond\": 1000000,"
            + " \"foreignKeyRowsPerSecond\": 1000, \"spread\": 2}";

    @TempDir
    Path tmp;

    /** A config directory with a profile and a copy of the large-install statistics, named relative to it. */
    private Path configDir() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("conf"));
        Files.writeString(dir.resolve("nvme.json"), PROFILE.formatted("nvme-from-config"));
        Files.copy(Samples.root().resolve("stats/dify-large-install.json"), dir.resolve("large.json"));
        return dir;
    }

    private static String header(Cli.Result r) {
        return r.out().lines().skip(2).findFirst().orElse("");
    }

    @Test
    void eachKeyOfTheFileSetsItsOptionsDefault() throws IOException {
        Path dir = configDir();
        Path config = Files.writeString(dir.resolve("team.yaml"), """
                # defaults for every plan of this team
                stats: large.json
                profile: nvme.json
                server-version: 14
                transaction: each
                """);
        Cli.Result without = Cli.run("plan", V0142, V0153);
        assertEquals("PostgreSQL 15 · profile default · no statistics · one transaction", header(without));

        Cli.Result r = Cli.run("plan", "--config", config.toString(), V0142, V0153);
        assertEquals(0, r.exitCode(), r.err());
        // File names in the file are relative to the file, not to the working directory.
        assertEquals("PostgreSQL 14 · profile nvme-from-config · statistics " + dir.resolve("large.json")
                + " · a transaction per migration", header(r));
        assertTrue(r.out().contains("public.workflow_runs: column total_tokens: integer -> bigint"), r.out());
    }

    @Test
    void flagsOverrideTheFile() throws IOException {
        Path dir = configDir();
        Files.writeString(dir.resolve("ssd.json"), PROFILE.formatted("ssd-from-flag"));
        Path config = Files.writeString(dir.resolve("team.yaml"),
                "stats: large.json\nprofile: nvme.json\nserver-version: 14\ntransaction: each\n");
        Cli.Result r = Cli.run("plan", "--config=" + config, V0142, V0153, "--server-version", "16",
                "--transaction", "single", "--profile", dir.resolve("ssd.json").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("PostgreSQL 16 · profile ssd-from-flag · statistics " + dir.resolve("large.json")
                + " · one transaction", header(r));
    }

    @Test
    void theGatesPolicyCanComeFromTheFile() throws IOException {
        Path config = Files.writeString(tmp.resolve("ci.yaml"),
                "policy: " + Samples.root().resolve("ci/dify-policy.yaml") + "\n");
        Cli.Result r = Cli.run("gate", "--config", config.toString(), V0142, V0153, "--color", "never");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().contains("policy " + Samples.root().resolve("ci/dify-policy.yaml")), r.out());
        assertTrue(r.out().contains("FAILED"), r.out());

        Cli.Result none = Cli.run("gate", V0142, V0153);
        assertEquals(2, none.exitCode(), none.err());
        assertTrue(none.err().contains("--policy"), none.err());
    }

    @Test
    void aBadFileIsOneLineNamingTheFileTheLineAndTheKey() throws IOException {
        String[][] cases = {
                {"stats: a.json\nserver_version: 16\n", ":2: key 'server_version': unknown key (known: stats, profile, server-version, transaction, policy)"},
                {"transaction: both\n", ":1: key 'transaction': must be single or each, not 'both'"},
                {"\nserver-version: oracle-19\n", ":2: key 'server-version': 'oracle-19': expected a PostgreSQL major"},
                {"server-version: 9\n", ":1: key 'server-version': the rules cover PostgreSQL 11 and later"},
                {"profile:\n  - a.json\n", ":1: key 'profile': must be a single value"},
                {"profile:\n", ":1: key 'profile': must be a single value"},
                {"stats: a.json\nstats: b.json\n", ":2: key 'stats': given twice"},
                {"stats: \"a.json\n", ":2: bad YAML: found unexpected end of stream"},
                {"- stats\n", ":1: expected keys and values"},
        };
        for (String[] c : cases) {
            Path file = Files.writeString(tmp.resolve("bad.yaml"), c[0]);
            for (String command : new String[] {"plan", "gate"}) {
                // The file is checked even where flags would override every key it sets.
                Cli.Result r = Cli.run(command, "--config", file.toString(), V0142, V0153, "--policy", "p.yaml",
                        "--stats", "s.json", "--profile", "p.json", "--server-version", "16", "--transaction", "single");
                assertEquals(2, r.exitCode(), c[0]);
                assertEquals(1, r.errLines().size(), r.err());
                assertTrue(r.err().startsWith("schemaplan: " + file + c[1]), c[0] + " -> " + r.err());
            }
        }
        Cli.Result missing = Cli.run("plan", "--config", tmp.resolve("nope.yaml").toString(), V0142, V0153);
        assertEquals(2, missing.exitCode());
        assertEquals("schemaplan: " + tmp.resolve("nope.yaml") + ": no such config file", missing.err().strip());
    }

    @Test
    void schemaplanYamlInTheWorkingDirectoryIsReadByPlanAndGateOnly() throws IOException {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.writeString(work.resolve("schemaplan.yaml"), "server-version: 13\ntransaction: each\n");
        Map<String, String> env = Map.of("WORK", work.toString(), "A", V0142, "B", V0153);
        Cli.Result plan = Cli.shell("cd \"$WORK\" && schemaplan plan \"$A\" \"$B\"", env, 120);
        assertEquals(0, plan.exitCode(), plan.err());
        assertTrue(plan.out().contains("PostgreSQL 13 · profile default · no statistics · a transaction per migration"),
                plan.out());

        // diff takes none of these options: a broken schemaplan.yaml beside it is not even read.
        Files.writeString(work.resolve("schemaplan.yaml"), "nonsense: [\n");
        Cli.Result diff = Cli.shell("cd \"$WORK\" && schemaplan diff \"$A\" \"$B\"", env, 120);
        assertEquals(0, diff.exitCode(), diff.err());
        assertTrue(diff.out().contains("public.workflow_runs"), diff.out());
        Cli.Result broken = Cli.shell("cd \"$WORK\" && schemaplan plan \"$A\" \"$B\"", env, 120);
        assertEquals(2, broken.exitCode(), broken.out());
        assertTrue(broken.err().startsWith("schemaplan: schemaplan.yaml:"), broken.err());
    }
}
