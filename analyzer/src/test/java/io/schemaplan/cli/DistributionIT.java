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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as a user gets it: schemaplan-VERSION.tar.gz, unpacked with tar into a temporary directory and
 * run through a symlink from a third directory. Runs after {@code mvn package} (failsafe, {@code mvn verify}),
 * which passes the pom's version and the tarball's path; a missing tarball fails here, it never skips.
 */
class DistributionIT {
    static final String VERSION = System.getProperty("schemaplan.version");
    static final Path TARBALL = Path.of(System.getProperty("schemaplan.tarball", "missing: run with mvn verify"));

    @TempDir
    static Path tmp;
    static Path home;

    @BeforeAll
    static void unpack() throws Exception {
        assertTrue(VERSION != null && !VERSION.isBlank(), "schemaplan.version is not set: run with mvn verify");
        assertTrue(Files.isRegularFile(TARBALL), "no tarball at " + TARBALL);
        Path into = Files.createDirectories(tmp.resolve("opt"));
        Run untar = run(into, Map.of(), "tar", "xzf", TARBALL.toString());
        assertEquals(0, untar.exitCode, untar.output);
        home = into.resolve("schemaplan-" + VERSION);
        assertTrue(Files.isDirectory(home), "the tarball unpacks into schemaplan-VERSION/: " + home);
    }

    @Test
    void holdsTheLauncherTheJarTheCompletionScriptTheManPagesAndTheReadme() throws IOException {
        assertTrue(Files.isExecutable(home.resolve("bin/schemaplan")), "bin/schemaplan is executable");
        assertTrue(Files.isRegularFile(home.resolve("lib/schemaplan.jar")));
        assertTrue(Files.isRegularFile(home.resolve("README.md")));
        assertTrue(Files.isRegularFile(home.resolve("LICENSE")));
        assertTrue(Files.isRegularFile(home.resolve("docs/config.md")), "the docs the README links to");
        String completion = Files.readString(home.resolve("completion/schemaplan.bash"));
        // picocli's script: a bash function registered with complete, zsh-compatible through bashcompinit.
        assertTrue(completion.contains("complete -F _complete_schemaplan"), completion.substring(0, 400));
        assertTrue(completion.contains("bashcompinit"), "zsh support missing");
        // Built from the whole command model, not only the subcommand a command line names.
        for (String word : List.of("diff", "plan", "gate", "calibrate", "portability", "--server-version", "--policy")) {
            assertTrue(completion.contains(word), "completion lacks " + word);
        }
        String man = Files.readString(home.resolve("man/man1/schemaplan.1"));
        assertTrue(man.contains(".TH \"SCHEMAPLAN\" \"1\""), "not a troff man page: " + man.substring(0, 300));
        assertTrue(man.contains("schemaplan " + VERSION), "the man page names the version");
        String plan = Files.readString(home.resolve("man/man1/schemaplan-plan.1"));
        assertTrue(plan.contains("server\\-version"), "the plan page documents its options");
        assertTrue(Files.isRegularFile(home.resolve("man/man1/schemaplan-dify-doctor.1")), "nested subcommands too");
    }

    @Test
    void bashCompletesASubcommandFromTheScript() throws Exception {
        String script = "source \"$1\"; COMP_WORDS=(schemaplan pl); COMP_CWORD=1; COMP_LINE='schemaplan pl'; "
                + "COMP_POINT=${#COMP_LINE}; _complete_schemaplan; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Run r = run(tmp, Map.of(), "bash", "-c", script, "bash", home.resolve("completion/schemaplan.bash").toString());
        assertEquals(0, r.exitCode, r.output);
        assertEquals("plan", r.output.strip());
    }

    @Test
    void runsThroughASymlinkFromAnotherDirectoryWithRelativeInputs() throws Exception {
        Path onPath = Files.createDirectories(tmp.resolve("path-bin"));
        Path link = onPath.resolve("schemaplan");
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, home.resolve("bin/schemaplan"));
        }
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.copy(Samples.postgres("0.14.2"), work.resolve("a.sql"));
        Files.copy(Samples.postgres("1.12.1"), work.resolve("b.sql"));
        Run r = run(work, Map.of(), link.toString(), "diff", "a.sql", "b.sql");
        assertEquals(0, r.exitCode, r.output);
        assertTrue(r.output.startsWith("from a.sql"), r.output);
        assertTrue(r.output.contains("+ table public.app_triggers"), r.output);

        Run version = run(work, Map.of(), link.toString(), "--version");
        assertEquals(0, version.exitCode, version.output);
        assertEquals("schemaplan " + VERSION, version.output.strip());
    }

    @Test
    void makesItsStartUpArchiveOnceAndThenLoadsClassesFromIt() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("cds"));
        Path jsa = home.resolve("lib/schemaplan.jsa");
        Path jdkFile = home.resolve("lib/schemaplan.jsa.jdk");
        Run first = run(work, Map.of(), home.resolve("bin/schemaplan").toString(), "--version");
        assertEquals(0, first.exitCode, first.output);
        assertTrue(Files.isRegularFile(jsa), "lib/schemaplan.jsa made on the first run");
        assertEquals(Path.of(System.getProperty("java.home")).toRealPath(),
                Path.of(Files.readString(jdkFile).strip()).toRealPath(), "the archive names the JDK that made it");

        // picocli is Java 5 bytecode: only a static archive holds it, and diff --help is where it shows.
        List<String> loaded = classesLoaded(work, "diff", "--help");
        for (String cls : List.of("io.schemaplan.cli.Main", "picocli.CommandLine")) {
            String line = loaded.stream().filter(l -> l.startsWith(cls + " ")).findFirst().orElse(cls + " not loaded");
            assertTrue(line.contains("shared objects file"), "came from the archive: " + line);
        }

        // An archive of another JDK is not passed to this one (which would start with no archive at all): it is
        // made anew for the JDK that runs.
        Files.writeString(jdkFile, tmp.resolve("some-other-jdk") + "\n");
        Run again = run(work, Map.of(), home.resolve("bin/schemaplan").toString(), "--version");
        assertEquals(0, again.exitCode, again.output);
        assertEquals(Path.of(System.getProperty("java.home")).toRealPath(),
                Path.of(Files.readString(jdkFile).strip()).toRealPath(), "made anew for this JDK");
    }

    private static List<String> classesLoaded(Path work, String... args) throws Exception {
        Path log = Files.createTempFile(tmp, "classes", ".log");
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/schemaplan").toString()));
        command.addAll(List.of(args));
        Run r = run(work, Map.of("SCHEMAPLAN_JAVA_OPTS", "-Xlog:class+load=info:file=" + log + ":none"),
                command.toArray(String[]::new));
        assertEquals(0, r.exitCode, r.output);
        return Files.readAllLines(log);
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(tmp, "out", ".txt");
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish in 120 s: " + List.of(command));
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }
}
