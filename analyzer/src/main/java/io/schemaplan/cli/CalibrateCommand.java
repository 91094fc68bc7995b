package io.schemaplan.cli;

import io.schemaplan.impact.Profile;
import io.schemaplan.impact.Units;
import io.schemaplan.read.PgCalibrator;
import io.schemaplan.read.PgUrl;
import io.schemaplan.read.ProfileJson;
import io.schemaplan.text.Printable;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code schemaplan calibrate URL --allow-write-scratch}: the only command that writes to a database, and
 * only with that flag, only in a schema it creates and drops ({@link PgCalibrator}).
 */
final class CalibrateCommand implements Callable<Integer> {
    static final String REFUSAL = "calibrate writes to the database (it creates and drops a scratch schema"
            + " schemaplan_calibrate_<random>); add --allow-write-scratch to let it";

    String url;
    boolean allowWrite;
    Path output;
    int rows = PgCalibrator.DEFAULT_ROWS;

    CommandSpec spec() {
        CommandSpec spec = Specs.command("calibrate", this, true, "Measure a PostgreSQL server's scan, rewrite, "
                + "index-build and foreign-key throughputs and save them as a profile for --profile.",
                "Writes: creates a temporary schema schemaplan_calibrate_<random> with a table of --rows rows,"
                        + " times ALTERs on it (each rolled back, each after a CHECKPOINT when the role may)"
                        + " and drops the schema, also when interrupted."
                        + " Needs CREATE on the database. Run it on the server that will run the upgrade,"
                        + " or one like it, when it is not busy.");
        spec.addPositional(Specs.positional("0", "1", "URL", String.class, () -> url, v -> url = v)
                .description("The PostgreSQL database to measure (postgresql://user@host:port/db).").build());
        spec.addOption(Specs.flag(() -> allowWrite, v -> allowWrite = v, "--allow-write-scratch")
                .description("Allow creating (and dropping) the scratch schema. Required.").build());
        spec.addOption(Specs.option(Path.class, () -> output, v -> output = v, "-o", "--output").paramLabel("FILE")
                .description("Where to write the profile JSON (default: stdout).").build());
        spec.addOption(Specs.option(int.class, () -> rows, v -> rows = v, "--rows").paramLabel("N")
                .description("Rows of the calibration table (default: ${DEFAULT-VALUE}; more is slower and steadier).").build());
        Specs.helpOptions(spec);
        return spec;
    }

    @Override
    public Integer call() {
        if (!allowWrite) throw new Main.UserException(REFUSAL);
        if (rows < 1000) throw new Main.UserException("--rows must be at least 1000, got " + rows);
        PgUrl target = PgUrl.parse(url);
        PgCalibrator.Result result;
        try {
            result = new PgCalibrator(target, rows, Terminal::progress).run();
        } finally {
            Terminal.clearProgress();
        }
        Output.write(output, ProfileJson.toJson(result.profile()));
        summary(System.err, result);
        return ExitCodes.OK;
    }

    /** What was measured and what it gave, on stderr so that stdout stays the profile JSON. */
    private static void summary(PrintStream err, PgCalibrator.Result r) {
        Profile p = r.profile();
        err.printf(Locale.ROOT, "calibrated on %s: %,d rows, table %s, %d indexes %s%n", Printable.escape(p.measuredOn()),
                r.table().rows(), Units.bytes(r.table().tableBytes()), r.table().indexCount(),
                Units.bytes(r.table().indexBytes()));
        for (PgCalibrator.Measurement m : r.measurements()) {
            err.printf(Locale.ROOT, "  %-58s %8.2f s%n", m.what(), m.seconds());
        }
        err.printf(Locale.ROOT, "  seq scan %s/s, rewrite %s/s, index build %s/s, index rebuild %s/s,"
                        + " foreign key %,.0f rows/s, row writes %s/s of WAL, UPDATE %.2f µs a row + %.2f µs an away entry%n",
                Units.bytes((long) p.seqScanBytesPerSecond()), Units.bytes((long) p.rewriteBytesPerSecond()),
                Units.bytes((long) p.indexBuildBytesPerSecond()), Units.bytes((long) p.indexRebuildBytesPerSecond()),
                p.foreignKeyRowsPerSecond(), Units.bytes((long) p.rowWriteBytesPerSecond()), p.updateRowMicros(),
                p.updateEntryMicros());
        for (String note : r.notes()) err.println("  note: " + note);
    }
}
