package io.schemaplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.testing.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up guard (not a timing): the commands that must start fast load none of the heavy libraries. Each runs in
 * a child JVM with {@code -Xlog:class+load}, and the test reads which classes it loaded. Loading Jackson, JTE,
 * a JDBC driver, SnakeYAML or java-diff-utils costs tens to hundreds of milliseconds of a process that otherwise
 * lives well under a second (docs/performance.md); a later change that pulls one in on these paths fails here,
 * with the class loaded just before the first offender as the lead to what pulled it in.
 */
class StartupClassLoadTest {
    /** Libraries that only the commands needing them may load. */
    static final List<String> HEAVY = List.of("com.fasterxml.", "gg.jte.", "org.postgresql.", "com.mysql.", "org.yaml.",
            "com.github.difflib.");

    @TempDir
    Path tmp;

    @Test
    void aTextDiffOfTwoPgDumpsLoadsNoHeavyLibrary() throws Exception {
        Run run = run("diff", Samples.postgres("0.14.2").toString(), Samples.postgres("1.12.1").toString());
        assertEquals(0, run.exitCode, run.output);
        assertTrue(run.output.contains("public.workflow_runs"), run.output);
        // The path really ran: the dump reader, the diff and the text renderer were loaded.
        assertLoaded(run, "io.schemaplan.read.PgDumpReader", "io.schemaplan.diff.SchemaDiff", "io.schemaplan.report.DiffTextRenderer");
        assertNoHeavyLibrary(run);
        assertNoAnnotationRead(run);
        assertNoRecordMethodBootstrap(run);
    }

    @Test
    void aTextDiffOfTwoMysqlDumpsLoadsNoHeavyLibrary() throws Exception {
        Run run = run("diff", Samples.mysql("1.10.1").toString(), Samples.mysql("1.12.1").toString());
        assertEquals(0, run.exitCode, run.output);
        assertTrue(run.output.contains("changes in"), run.output);
        assertLoaded(run, "io.schemaplan.read.MysqlDumpReader", "io.schemaplan.diff.SchemaDiff");
        assertNoHeavyLibrary(run);
        assertNoRecordMethodBootstrap(run);
    }

    /** The config file's YAML is read only where there is one (the working directory here has none). */
    @Test
    void aTextPlanWithoutAConfigFileLoadsNoHeavyLibrary() throws Exception {
        Run run = run("plan", Samples.postgres("0.14.2").toString(), Samples.postgres("0.15.3").toString());
        assertEquals(0, run.exitCode, run.output);
        assertTrue(run.output.contains("public.workflow_runs"), run.output);
        assertLoaded(run, "io.schemaplan.cli.ConfigFile", "io.schemaplan.impact.Planner");
        assertNoHeavyLibrary(run);
        assertNoRecordMethodBootstrap(run);
    }

    @Test
    void versionLoadsNeitherPicocliNorAnyHeavyLibrary() throws Exception {
        Run run = run("--version");
        assertEquals(0, run.exitCode, run.output);
        assertTrue(run.output.startsWith("schemaplan "), run.output);
        assertLoaded(run, "io.schemaplan.cli.Main");
        assertNoHeavyLibrary(run);
        assertTrue(run.classes.stream().noneMatch(c -> c.startsWith("picocli.")),
                "--version printed without picocli: " + run.classes.stream().filter(c -> c.startsWith("picocli.")).toList());
    }

    @Test
    void aDiffCommandLineBuildsNoOtherSubcommand() throws Exception {
        Run run = run("diff", "--help");
        assertEquals(0, run.exitCode, run.output);
        assertTrue(run.output.contains("Usage: schemaplan diff"), run.output);
        assertLoaded(run, "io.schemaplan.cli.DiffCommand");
        for (String other : List.of("PlanCommand", "GateCommand", "StatsCommand", "SnapshotCommand", "CalibrateCommand",
                "DifyCommand", "PortabilityCommand")) {
            assertTrue(!run.classes.contains("io.schemaplan.cli." + other), other + " was loaded for 'diff --help'");
        }
    }

    /** The guard itself: a command that does need Jackson (a snapshot) is seen loading it. */
    @Test
    void theGuardSeesJacksonWhenACommandNeedsIt() throws Exception {
        Path snapshot = tmp.resolve("a.json");
        Run run = run("snapshot", "-o", snapshot.toString(), Samples.postgres("0.14.2").toString());
        assertEquals(0, run.exitCode, run.output);
        assertTrue(Files.size(snapshot) > 0);
        assertTrue(run.classes.stream().anyMatch(c -> c.startsWith("com.fasterxml.jackson.databind.")), "Jackson not seen");
    }

    private static void assertLoaded(Run run, String... classes) {
        for (String c : classes) {
            assertTrue(run.classes.contains(c), c + " not loaded: is the class-load log read right?");
        }
    }

    private static void assertNoHeavyLibrary(Run run) {
        List<String> heavy = run.classes.stream().filter(c -> HEAVY.stream().anyMatch(c::startsWith)).toList();
        if (!heavy.isEmpty()) {
            int first = run.classes.indexOf(heavy.get(0));
            List<String> before = run.classes.subList(Math.max(0, first - 5), first);
            throw new AssertionError(heavy.size() + " classes of heavy libraries loaded, first " + heavy.get(0)
                    + " right after " + before + "; all: " + heavy);
        }
    }

    /**
     * picocli's model is built in code (Specs): reading its annotations instead spins a dynamic proxy class per
     * annotation type (jdk.proxy1.$Proxy0 …), ~25 ms that no Java 17 archive keeps.
     */
    private static void assertNoAnnotationRead(Run run) {
        List<String> proxies = run.classes.stream().filter(c -> c.contains("$Proxy")).toList();
        assertTrue(proxies.isEmpty(), "annotation proxies on the diff path (an annotated command or mixin?): " + proxies);
    }

    /**
     * No record's own equals, hashCode or toString is linked: each first call of one bootstraps through
     * ObjectMethods and spins method-handle classes no archive keeps, ~4 ms a record type (the model package's
     * documentation). A record newly compared or hashed on these paths fails here: write out its equals and
     * hashCode as the model's are (RecordEqualityTest then checks them).
     */
    private static void assertNoRecordMethodBootstrap(Run run) {
        assertTrue(run.classes.stream().noneMatch(c -> c.equals("java.lang.runtime.ObjectMethods")),
                "a record's generated equals/hashCode/toString was linked, right after "
                        + (run.classes.contains("java.lang.runtime.ObjectMethods")
                        ? run.classes.subList(Math.max(0, run.classes.indexOf("java.lang.runtime.ObjectMethods") - 5),
                        run.classes.indexOf("java.lang.runtime.ObjectMethods")) : List.of()));
    }

    private record Run(int exitCode, String output, List<String> classes) {
    }

    /** Runs the CLI in a child JVM on the test class path, logging every class it loads to a file. */
    private Run run(String... args) throws IOException, InterruptedException {
        Path log = tmp.resolve("classes-" + System.nanoTime() + ".log");
        Path out = tmp.resolve("out-" + System.nanoTime() + ".txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                // Decorations off: one "name source: …" per line.
                "-Xlog:class+load=info:file=" + log + ":none",
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the child JVM did not finish in 120 s: " + command);
        }
        List<String> classes = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .map(l -> l.split(" ", 2)[0])
                .filter(n -> !n.isEmpty())
                .toList();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), classes);
    }
}
