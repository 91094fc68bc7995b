package io.schemaplan.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run of the class-data-sharing archive that {@code mvn package} writes beside the jar
 * ({@code schemaplan.jsa}, see analyzer/pom.xml and docs/performance.md): runs the commands users run most, on the
 * bundled samples (the text paths: see main), in one JVM started with {@code -XX:DumpLoadedClassList}. A second
 * JVM ({@code -Xshare:dump}) turns that list into a static archive, and every class in it is then mapped from the
 * archive instead of being read, parsed and verified from the jar at each start. Not a user command.
 *
 * <p>A static archive, not a dynamic one ({@code -XX:ArchiveClassesAtExit}): on Java 17 only the static dump
 * archives classes of class-file version 49 and older, and picocli is compiled for Java 5.
 *
 * <p>Usage: {@code java -XX:DumpLoadedClassList=schemaplan.classlist -cp schemaplan.jar
 * io.schemaplan.cli.CdsTraining SAMPLES_DIR [JDK_FILE]}. JDK_FILE, when given, receives this JVM's
 * {@code java.home}: a static archive replaces the JDK's own, and when another JDK runs the jar the JVM would
 * reject it and start with no archive at all, so the launchers pass it only to the JDK named there. The classes
 * of a live PostgreSQL read, which needs a database neither a build machine nor the distribution's launcher has,
 * are loaded without running them, by name ({@code live-read-classes.txt} beside this class, in the jar).
 */
final class CdsTraining {
    private CdsTraining() {
    }

    /** Loads (without initializing) every class named in the resource {@code list}; names no longer found are skipped. */
    static void loadListed(String list) {
        int missing = 0;
        try (java.io.InputStream in = CdsTraining.class.getResourceAsStream(list)) {
            if (in == null) throw new IOException("not in the jar");
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) continue;
                try {
                    Class.forName(name, false, CdsTraining.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    missing++;
                }
            }
        } catch (IOException e) {
            System.err.println("schemaplan CDS training: cannot read " + list + ": " + e.getMessage());
        }
        if (missing > 0) {
            System.err.println("schemaplan CDS training: " + missing + " classes of " + list + " not found (refresh the list)");
        }
    }

    public static void main(String[] args) {
        Path samples = Path.of(args.length > 0 ? args[0] : "samples");
        if (args.length > 1) {
            try {
                Files.writeString(Path.of(args[1]), System.getProperty("java.home") + "\n");
            } catch (IOException e) {
                System.err.println("schemaplan CDS training: cannot write " + args[1] + ": " + e.getMessage());
            }
        }
        loadListed("live-read-classes.txt");
        String pgFrom = samples.resolve("postgres/dify-0.14.2.sql").toString();
        String pgTo = samples.resolve("postgres/dify-1.12.1.sql").toString();
        String myFrom = samples.resolve("mysql/dify-1.10.1.sql").toString();
        String myTo = samples.resolve("mysql/dify-1.12.1.sql").toString();
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"--help"});
        commands.add(new String[] {"diff", "--help"});
        commands.add(new String[] {"diff", pgFrom, pgTo});
        commands.add(new String[] {"diff", myFrom, myTo});
        commands.add(new String[] {"plan", pgFrom, pgTo});
        commands.add(new String[] {"plan", myFrom, myTo});
        // Deliberately not the commands that load Jackson, JTE or SnakeYAML (-f json, -f html, gate, dify:…): this
        // JDK relocates the whole archive at every start (ArchiveRelocationMode=1), so each archived class costs
        // every command a little; with them the archive is 12 MB instead of about 3, and --version takes ~50 ms
        // and 9 MB of RSS more (docs/performance.md).

        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        List<String> failed = new ArrayList<>();
        try {
            System.setOut(nowhere);
            System.setErr(nowhere);
            for (String[] command : commands) {
                boolean inputsExist = true;
                for (String arg : command) {
                    if (arg.startsWith(samples.toString()) && !Files.exists(Path.of(arg))) {
                        inputsExist = false;
                    }
                }
                // 0 and 1 (differences found, policy violated) are both a normal run.
                if (!inputsExist || Main.run(command) > ExitCodes.FOUND) {
                    failed.add(String.join(" ", command));
                }
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        // The archive is still written for what did run: a start-up aid must not break the build.
        for (String f : failed) {
            err.println("schemaplan CDS training: command failed, its classes are not archived: " + f);
        }
    }
}
