package io.schemaplan.cli;

import io.schemaplan.read.ReadException;
import io.schemaplan.read.Redaction;
import io.schemaplan.text.Printable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code schemaplan} command: subcommands, and the one place that maps failures to exit codes. */
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            // What picocli would print, without loading it: --version costs a JVM start and no more.
            System.out.println(version());
            return ExitCodes.OK;
        }
        if (args.length >= 2 && "help".equals(args[0])) {
            // picocli's help command knows one level: 'help dify doctor' would print the group's help.
            String[] asked = java.util.Arrays.copyOfRange(args, 1, args.length + 1);
            asked[asked.length - 1] = "--help";
            return run(asked);
        }
        CommandLine cli = commandLine(args.length == 0 ? null : args[0]);
        if (args.length > 0 && ConfigFile.COMMANDS.contains(args[0])) {
            try {
                ConfigFile.apply(cli, args);
            } catch (ReadException e) {
                cli.getErr().println("schemaplan: " + Printable.escape(Redaction.arguments(e.getMessage(), args)));
                return ExitCodes.USAGE_OR_INPUT;
            }
        }
        return cli.execute(args);
    }

    /** The subcommands in the order {@code --help} lists them. */
    static final List<String> SUBCOMMANDS =
            List.of("diff", "plan", "gate", "stats", "snapshot", "calibrate", "dify", "portability", "help");

    /** The whole command, every subcommand included (for help, and for tests of the wiring). */
    static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command with only the subcommand {@code first} names when it names one, else with all of them (so that
     * {@code --help}, {@code help diff} and a mistyped name still list or suggest every subcommand).
     */
    static CommandLine commandLine(String first) {
        // Not executable (neither Callable nor Runnable): picocli then asks for a subcommand.
        CommandSpec spec = Specs.command("schemaplan", new Main(), true,
                "What a schema upgrade will change in a database, and what it will cost.");
        spec.usageMessage().footer("", "Exit codes: 0 ran fine; 1 differences found (diff --exit-code), policy violated "
                + "(gate) or PostgreSQL-only constructs found (portability);",
                "2 usage or input error; 3 internal error (a bug: please report it).");
        Version.provide(spec);
        Specs.helpOptions(spec);
        CommandLine cli = new CommandLine(spec);
        boolean one = first != null && !"help".equals(first) && SUBCOMMANDS.contains(first);
        for (String name : one ? List.of(first) : SUBCOMMANDS) {
            cli.addSubcommand(subcommand(name));
        }
        // After the subcommands: picocli applies these settings to the subcommands present when they are called.
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // 100 columns, as the reports: at picocli's 80 the longer descriptions broke mid-sentence.
        cli.setUsageHelpWidth(100);
        cli.setExecutionExceptionHandler(Main::onException);
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("schemaplan: " + Printable.escape(Redaction.arguments(e.getMessage(), args)));
            if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                // A typo ('--foramt') gets its likely meaning; suggestions are option and command names, never input.
                err.println("Did you mean: " + String.join(" or ", u.getSuggestions()) + "?");
            }
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE_OR_INPUT;
        });
        return cli;
    }

    /**
     * The model of the subcommand called {@code name}, on a new instance (a switch, so that naming one loads no other
     * class). Each builds its own in code (Specs): picocli reads no annotation of ours.
     */
    private static Object subcommand(String name) {
        return switch (name) {
            case "diff" -> new DiffCommand().spec();
            case "plan" -> new PlanCommand().spec();
            case "gate" -> new GateCommand().spec();
            case "stats" -> new StatsCommand().spec();
            case "snapshot" -> new SnapshotCommand().spec();
            case "calibrate" -> new CalibrateCommand().spec();
            case "dify" -> new DifyCommand().spec();
            case "portability" -> new PortabilityCommand().spec();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    /**
     * User errors are one line; only a bug prints a stack trace, and only with SCHEMAPLAN_DEBUG set. Every line
     * is scrubbed of the passwords in the arguments, whatever the code that threw put in its message.
     */
    private static int onException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        String[] args = parsed.originalArgs().toArray(String[]::new);
        // Messages name files and objects: escaped, so that a name cannot break the one line or drive the terminal.
        if (e instanceof ReadException || e instanceof UserException || e instanceof IOException) {
            err.println("schemaplan: " + Printable.escape(Redaction.arguments(e.getMessage(), args)));
            return ExitCodes.USAGE_OR_INPUT;
        }
        err.println("schemaplan: internal error: " + Printable.escape(Redaction.arguments(e.toString(), args))
                + " (set SCHEMAPLAN_DEBUG=1 for the stack trace, and please report it)");
        if (System.getenv("SCHEMAPLAN_DEBUG") != null) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(Redaction.arguments(trace.toString(), args));
        }
        return ExitCodes.INTERNAL;
    }

    /** A mistake the user can fix (a bad option value, an output file that cannot be written). */
    static final class UserException extends RuntimeException {
        UserException(String message) {
            super(message);
        }
    }

    /** {@code schemaplan 0.1.0}: the pom's version, written into {@code version.properties} by the build. */
    static String version() {
        java.util.Properties p = new java.util.Properties();
        try (java.io.InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // a jar without the file is a broken build, not a user error: say "unknown" rather than fail
        }
        return "schemaplan " + p.getProperty("version", "unknown");
    }

    static final class Version implements CommandLine.IVersionProvider {
        /** Here, not in Main: the verifier would load picocli's interface with Main, and --version loads no picocli. */
        static void provide(CommandSpec spec) {
            spec.versionProvider(new Version());
        }

        @Override
        public String[] getVersion() {
            return new String[] {version()};
        }
    }
}
