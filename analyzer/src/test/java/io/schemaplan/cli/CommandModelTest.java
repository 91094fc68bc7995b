package io.schemaplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The picocli model Main builds in code (Specs): the one it builds for a command line naming a subcommand is the
 * one --help, help and the man pages show, and nothing in the package is read from annotations.
 */
class CommandModelTest {
    @Test
    void aSubcommandBuiltAloneIsTheOneInTheWholeCommand() {
        CommandLine whole = Main.commandLine();
        for (String name : Main.SUBCOMMANDS) {
            if (name.equals("help")) continue;
            CommandLine alone = Main.commandLine(name);
            assertEquals(List.of(name), List.copyOf(alone.getSubcommands().keySet()), "only " + name + " is built");
            assertSame(whole.getSubcommands().get(name), alone.getSubcommands().get(name));
        }
        assertEquals(Main.SUBCOMMANDS, List.copyOf(whole.getSubcommands().keySet()));
    }

    /** Option by option, recursively (dify's subcommands), with the settings Main applies to every command. */
    private static void assertSame(CommandLine expected, CommandLine actual) {
        CommandSpec e = expected.getCommandSpec();
        CommandSpec a = actual.getCommandSpec();
        String where = a.qualifiedName();
        assertEquals(describe(e), describe(a), where);
        assertEquals(expected.getUsageHelpWidth(), actual.getUsageHelpWidth(), where);
        assertTrue(actual.isCaseInsensitiveEnumValuesAllowed(), where);
        assertEquals(expected.getUsageMessage(), actual.getUsageMessage(), where);
        assertEquals(expected.getSubcommands().keySet(), actual.getSubcommands().keySet(), where);
        for (String sub : expected.getSubcommands().keySet()) {
            assertSame(expected.getSubcommands().get(sub), actual.getSubcommands().get(sub));
        }
    }

    /** Each argument as a line of what defines it. */
    private static List<String> describe(CommandSpec spec) {
        List<String> out = new ArrayList<>();
        out.add(spec.name() + " " + Arrays.toString(spec.usageMessage().description()) + " sort="
                + spec.usageMessage().sortOptions() + " footer=" + Arrays.toString(spec.usageMessage().footer()));
        for (ArgSpec arg : spec.args()) {
            String id = arg instanceof OptionSpec o ? Arrays.toString(o.names()) + " usageHelp=" + o.usageHelp()
                    + " versionHelp=" + o.versionHelp() : "positional " + ((PositionalParamSpec) arg).index();
            out.add(id + " arity=" + arg.arity() + " type=" + arg.type().getName() + " aux="
                    + Arrays.stream(arg.auxiliaryTypes()).map(Class::getName).toList() + " label=" + arg.paramLabel()
                    + " description=" + Arrays.toString(arg.description()) + " hidden=" + arg.hidden() + " required="
                    + arg.required() + " default=" + arg.defaultValue() + " initial=" + arg.initialValue() + " split="
                    + arg.splitRegex());
        }
        return out;
    }

    @Test
    void theModelHasWhatTheCommandsDeclare() {
        CommandSpec diff = Main.commandLine("diff").getSubcommands().get("diff").getCommandSpec();
        assertTrue(diff.findOption("--timings").hidden());
        assertEquals(Terminal.ColorMode.AUTO, diff.findOption("--color").initialValue());
        assertEquals(",", diff.findOption("--schema").splitRegex());
        assertTrue(diff.positionalParameters().get(1).required(), "TO is required");
        CommandSpec gate = Main.commandLine("gate").getSubcommands().get("gate").getCommandSpec();
        assertTrue(gate.findOption("--policy").required());
        assertFalse(gate.positionalParameters().get(1).required(), "TO is optional with --script");
        assertEquals(List.of(String.class, String.class), List.of(gate.findOption("--assume-rows").auxiliaryTypes()));
        CommandSpec migrations = Main.commandLine("dify").getSubcommands().get("dify").getSubcommands()
                .get("migrations").getCommandSpec();
        assertTrue(migrations.findOption("--config") != null && migrations.findOption("-h").usageHelp());
    }

    /** Options bound to fields: parsing sets the command's own field, which is what its call() reads. */
    @Test
    void parsingSetsTheCommandsFields() {
        CommandLine cli = Main.commandLine("diff");
        cli.parseArgs("diff", "--color", "never", "--schema", "a,b", "-f", "JSON", "x.sql", "y.sql");
        DiffCommand diff = cli.getSubcommands().get("diff").getCommand();
        assertEquals(Terminal.ColorMode.NEVER, diff.color);
        assertEquals(List.of("a", "b"), diff.sources.schemas);
        assertTrue(diff.report.json());
        assertEquals("y.sql", diff.to);
    }

    /** No class of the package carries a picocli annotation (reading one costs the start-up ~25 ms: Specs). */
    @Test
    void noPicocliAnnotationIsLeftInThePackage() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("io/schemaplan/cli");
        List<String> annotated = new ArrayList<>();
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".class")).toList();
        }
        assertTrue(names.contains("DiffCommand.class") && names.contains("DifyCommand$Migrations.class"), names.toString());
        for (String file : names) {
            Class<?> c = Class.forName("io.schemaplan.cli." + file.substring(0, file.length() - ".class".length()));
            List<AnnotatedElement> elements = new ArrayList<>(List.of(c));
            elements.addAll(List.of(c.getDeclaredFields()));
            elements.addAll(List.of(c.getDeclaredMethods()));
            for (AnnotatedElement element : elements) {
                Arrays.stream(element.getAnnotations()).filter(x -> x.annotationType().getName().startsWith("picocli."))
                        .forEach(x -> annotated.add(element + ": " + x.annotationType().getSimpleName()));
            }
        }
        assertEquals(List.of(), annotated);
    }
}
