package io.schemaplan.cli;

import io.schemaplan.read.ReadException;
import io.schemaplan.text.Printable;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code schemaplan} command: subcommands, and the one place that maps failures to exit codes. */
@Command(name = "schemaplan", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {DiffCommand.class, PlanCommand.class, GateCommand.class, StatsCommand.class, SnapshotCommand.class,
                CalibrateCommand.class, DifyCommand.class, PortabilityCommand.class, CommandLine.HelpCommand.class},
        description = "What a schema upgrade will change in a database, and what it will cost.",
        footer = {"", "Exit codes: 0 ran fine; 1 differences found (diff --exit-code), policy violated (gate) or PostgreSQL-only constructs found (portability);",
                "2 usage or input error; 3 internal error (a bug: please report it)."})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = commandLine();
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(Main::onException);
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("schemaplan: " + Printable.escape(e.getMessage()));
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE_OR_INPUT;
        });
        return cli;
    }

    /** User errors are one line; only a bug prints a stack trace, and only with SCHEMAPLAN_DEBUG set. */
    private static int onException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        // Messages name files and objects: escaped, so that a name cannot break the one line or drive the terminal.
        if (e instanceof ReadException || e instanceof UserException) {
            err.println("schemaplan: " + Printable.escape(e.getMessage()));
            return ExitCodes.USAGE_OR_INPUT;
        }
        if (e instanceof IOException io) {
            err.println("schemaplan: " + Printable.escape(io.getMessage()));
            return ExitCodes.USAGE_OR_INPUT;
        }
        err.println("schemaplan: internal error: " + Printable.escape(e.toString()) + " (set SCHEMAPLAN_DEBUG=1 for the stack trace, and please report it)");
        if (System.getenv("SCHEMAPLAN_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return ExitCodes.INTERNAL;
    }

    /** A mistake the user can fix (a bad option value, an output file that cannot be written). */
    static final class UserException extends RuntimeException {
        UserException(String message) {
            super(message);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"schemaplan " + (v == null ? "dev" : v)};
        }
    }
}
