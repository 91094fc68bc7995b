package io.schemaplan.cli;

import io.schemaplan.impact.MyEngine;
import io.schemaplan.impact.Profile;
import io.schemaplan.impact.PgRules;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Stats;
import io.schemaplan.read.Redaction;
import io.schemaplan.read.PostgresStatsReader;
import io.schemaplan.read.ProfileJson;
import io.schemaplan.read.Sources;
import io.schemaplan.read.StatsJson;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** Options of every command that estimates: where sizes and throughputs come from, and how migrations run. */
final class PlanOptions {
    enum Transaction { single, each, script }

    String stats;
    boolean exactCounts;
    Path profile;
    String serverVersion;
    Transaction transaction;
    Path config;

    void addTo(CommandSpec spec) {
        spec.addOption(Specs.option(String.class, () -> stats, v -> stats = v, "--stats").paramLabel("FILE|URL").description(
                "Table sizes: a schemaplan-stats/1 file (schemaplan stats, scripts/stats-postgres.sql or stats-mysql.sql) or a database URL.",
                "Default: the FROM database when FROM is a URL, else none (durations unknown).").build());
        spec.addOption(Specs.flag(() -> exactCounts, v -> exactCounts = v, "--exact-counts").description("With a URL for "
                + "--stats: count rows with count(*) (reads every table, takes ACCESS SHARE locks) instead of the catalog's estimate.").build());
        spec.addOption(Specs.option(Path.class, () -> profile, v -> profile = v, "--profile").paramLabel("FILE")
                .description("Throughputs from schemaplan calibrate (default: the built-in profile).").build());
        spec.addOption(Specs.option(String.class, () -> serverVersion, v -> serverVersion = v, "--server-version")
                .paramLabel("VERSION").description("The server whose rules apply: a PostgreSQL major (16), or mysql-8.0.28, "
                        + "mysql-8.4, mariadb-10.6, mariadb-11.4 and the like.", "Default: from the statistics, else from FROM, "
                        + "else PostgreSQL " + io.schemaplan.impact.Planner.ASSUMED_MAJOR + ", MySQL 8.4 or MariaDB 10.11.").build());
        spec.addOption(Specs.option(Transaction.class, () -> transaction, v -> transaction = v, "--transaction").paramLabel("MODE")
                .description("single (default: all migrations in one transaction, as Alembic and Dify run them), each (a "
                        + "commit per migration) or, with --script, script (the default there: as the script's own BEGIN/COMMIT say).").build());
        // Read by Main before parsing (ConfigFile.find): defaults must be known before the options are. Declared here
        // so that picocli accepts it and help, completion and the man pages show it.
        spec.addOption(Specs.option(Path.class, () -> config, v -> config = v, "--config").paramLabel("FILE").description(
                "Defaults for --stats, --profile, --server-version, --transaction and gate's --policy (default: "
                        + ConfigFile.DEFAULT_NAME + " when the working directory has one).").build());
    }

    Profile profile() {
        return profile == null ? Profile.DEFAULT : ProfileJson.read(profile);
    }

    /** The label of the statistics used, or null. */
    String statsLabel(String from) {
        String spec = statsSpec(from);
        return spec == null ? null : Redaction.url(spec) + (exactCounts ? " (exact counts)" : "");
    }

    /** Reads the statistics, or returns null when there are none to read. */
    Stats readStats(String from) {
        String spec = statsSpec(from);
        if (spec == null) {
            if (exactCounts) throw new Main.UserException("--exact-counts needs --stats URL (or FROM as a URL)");
            return null;
        }
        Sources.Kind kind = Sources.kindOf(spec);
        if (kind == Sources.Kind.FILE) {
            if (exactCounts) throw new Main.UserException("--exact-counts needs a database URL, not a file: " + Redaction.url(spec));
            return StatsJson.read(spec);
        }
        if (exactCounts && kind != Sources.Kind.POSTGRES_URL) {
            throw new Main.UserException("--exact-counts is implemented for PostgreSQL only");
        }
        Terminal.progress("reading statistics of " + Redaction.url(spec) + " …");
        try {
            return kind == Sources.Kind.POSTGRES_URL ? PostgresStatsReader.read(spec, exactCounts) : Sources.stats(spec);
        } finally {
            Terminal.clearProgress();
        }
    }

    private String statsSpec(String from) {
        if (stats != null) return stats;
        return Sources.kindOf(from) == Sources.Kind.FILE ? null : from;
    }

    /** An upgrade stays on one engine; a PostgreSQL schema against a MySQL one is a comparison (diff). */
    static void requireOneEngine(io.schemaplan.read.Loaded a, io.schemaplan.read.Loaded b) {
        if (a.schema().engine().isMysqlFamily() != b.schema().engine().isMysqlFamily()) {
            throw new Main.UserException("cannot plan an upgrade from " + a.schema().engine() + " to "
                    + b.schema().engine() + ": compare them with schemaplan diff instead");
        }
    }

    /** The --server-version value as a PostgreSQL major for a PostgreSQL schema, checked against the rule table. */
    Integer serverMajor(Schema from) {
        if (serverVersion == null || from.engine().isMysqlFamily()) return null;
        if (!serverVersion.trim().matches("\\d{1,4}")) {
            if (serverVersion.trim().toLowerCase(java.util.Locale.ROOT).matches("(mysql|mariadb)-.*")) {
                throw new Main.UserException("--server-version " + serverVersion + " names a MySQL/MariaDB server, "
                        + "but the schemas are PostgreSQL: give a PostgreSQL major such as 16");
            }
            throw badVersion();
        }
        int major = Integer.parseInt(serverVersion.trim());
        if (major < PgRules.OLDEST) {
            throw new Main.UserException("--server-version " + serverVersion + ": the rules cover PostgreSQL "
                    + PgRules.OLDEST + " and later");
        }
        return major;
    }

    /** The --server-version value as a MySQL/MariaDB profile for a MySQL-family schema, else null. */
    MyEngine mysqlServer(Schema from) {
        if (serverVersion == null || !from.engine().isMysqlFamily()) return null;
        if (serverVersion.trim().matches("\\d{1,4}")) {
            throw new Main.UserException("--server-version " + serverVersion + " is a PostgreSQL major, but the "
                    + "schemas are " + from.engine() + ": give " + MyEngine.NAMED_FORMS);
        }
        try {
            return MyEngine.named(serverVersion);
        } catch (IllegalArgumentException e) {
            if (!serverVersion.trim().toLowerCase(java.util.Locale.ROOT).matches("(mysql|mariadb)-.*")) throw badVersion();
            throw new Main.UserException("--server-version " + serverVersion + ": " + e.getMessage());
        }
    }

    private Main.UserException badVersion() {
        return new Main.UserException("--server-version " + serverVersion + ": expected a PostgreSQL major (e.g. 16), "
                + MyEngine.NAMED_FORMS);
    }

    boolean singleTransaction() {
        return transaction != Transaction.each;
    }

    /** How a script's statements outside its own BEGIN/COMMIT are grouped (default: as the script says). */
    io.schemaplan.scriptplan.ScriptPlanner.Mode scriptMode() {
        if (transaction == null || transaction == Transaction.script) return io.schemaplan.scriptplan.ScriptPlanner.Mode.SCRIPT;
        return transaction == Transaction.single ? io.schemaplan.scriptplan.ScriptPlanner.Mode.SINGLE
                : io.schemaplan.scriptplan.ScriptPlanner.Mode.EACH;
    }

    /** The options of the library facade, with the statistics already read. */
    io.schemaplan.Schemaplan.Options facade(Stats stats, String from, Schema schema) {
        return io.schemaplan.Schemaplan.Options.defaults().withStats(stats, statsLabel(from)).withProfile(profile())
                .withServer(serverMajor(schema), mysqlServer(schema)).withTransactions(singleTransaction(), scriptMode());
    }

}
