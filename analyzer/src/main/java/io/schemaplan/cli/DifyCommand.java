package io.schemaplan.cli;

import io.schemaplan.dify.AlembicGraph;
import io.schemaplan.dify.AlembicScript;
import io.schemaplan.dify.Doctor;
import io.schemaplan.dify.DoctorReport;
import io.schemaplan.dify.MigrationSql;
import io.schemaplan.dify.ReleaseCatalog;
import io.schemaplan.read.AlembicVersionReader;
import io.schemaplan.read.Loaded;
import io.schemaplan.read.ReadException;
import io.schemaplan.read.Sources;
import io.schemaplan.report.DifyRenderer;
import io.schemaplan.report.MigrationSqlRenderer;
import io.schemaplan.script.ScriptReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code schemaplan dify …}: the Dify release catalog, the doctor, and Alembic migration graphs. */
final class DifyCommand implements Runnable {
    CommandSpec spec() {
        CommandSpec spec = Specs.command("dify", this, true,
                "Dify-aware commands: the bundled release catalog, a database check, migration graphs.");
        spec.usageMessage().footer("", "Exit codes: 0 healthy (doctor) / one head and no problem (migrations); 1 problems found;",
                "2 usage or input error.");
        Specs.helpOptions(spec);
        spec.addSubcommand("releases", new Releases().spec());
        spec.addSubcommand("doctor", new DoctorCommand().spec());
        spec.addSubcommand("migrations", new Migrations().spec());
        return spec;
    }

    @Override
    public void run() {
        throw new Main.UserException("dify needs a subcommand: releases, doctor or migrations (see schemaplan dify --help)");
    }

    static final class Releases implements Callable<Integer> {
        CommandSpec spec() {
            CommandSpec spec = Specs.command("releases", this, true, "List the bundled Dify releases: version, engine, "
                    + "Alembic head, tables, releases with the same schema.");
            Specs.helpOptions(spec);
            return spec;
        }

        @Override
        public Integer call() {
            Output.write(null, DifyRenderer.releases(ReleaseCatalog.bundled()));
            return ExitCodes.OK;
        }
    }

    static final class DoctorCommand implements Callable<Integer> {
        String url;
        final ReportOptions report = new ReportOptions();
        final SourceOptions sources = new SourceOptions();

        CommandSpec spec() {
            CommandSpec spec = Specs.command("doctor", this, false, "Check a Dify database: its alembic_version rows, the "
                    + "release they name, and how the schema differs from that release's pristine schema, with what each "
                    + "difference means for the next upgrade.", "Reads only (a read-only transaction with short timeouts).");
            spec.addPositional(Specs.positional("0", "1", "URL", String.class, () -> url, v -> url = v).description(
                    "The Dify database: postgresql://user@host:port/dify or mysql://user@host:port/dify").build());
            report.addTo(spec);
            sources.addTo(spec);
            Specs.helpOptions(spec);
            return spec;
        }

        @Override
        public Integer call() {
            if (Sources.kindOf(url) == Sources.Kind.FILE) {
                throw new Main.UserException(io.schemaplan.read.Redaction.url(url)
                        + ": dify doctor needs a database URL (postgresql://user@host:port/db or mysql://user@host:port/db)");
            }
            Optional<List<String>> rows = AlembicVersionReader.read(url);
            Loaded live = sources.load(url);
            if (rows.isEmpty()) {
                Doctor.DifyTables seen = Doctor.difyTables(live, ReleaseCatalog.bundled());
                if (!seen.looksLikeDify()) {
                    throw new Main.UserException(live.label() + ": not a Dify database (no alembic_version, "
                            + seen.present() + " of " + seen.expected() + " Dify tables)");
                }
            }
            DoctorReport found = Doctor.examine(rows, live, ReleaseCatalog.bundled());
            report.write(report.json() ? DifyRenderer.doctorJson(found) : DifyRenderer.doctorText(found));
            Output.warnings(live);
            return found.healthy() ? ExitCodes.OK : ExitCodes.FOUND;
        }
    }

    static final class Migrations implements Callable<Integer> {
        Path dir;
        String from;
        String to;
        Path sql;
        String dialect;
        final ReportOptions report = new ReportOptions();
        final PlanOptions planOptions = new PlanOptions();
        final SourceOptions sources = new SourceOptions();

        CommandSpec spec() {
            CommandSpec spec = Specs.command("migrations", this, false, "Read an Alembic versions/ directory (revision, "
                    + "down_revision and branch_labels as text; nothing is executed): heads, bases, merge and branch points, "
                    + "and the upgrade path between two revisions.",
                    "With --sql FILE instead: read what 'flask db upgrade FROM:TO --sql' printed for your install and name "
                    + "its revisions, the releases they come with, statements per revision (DDL / data), Alembic's offline "
                    + "notes and autocommit blocks.",
                    "With --sql FILE --from SOURCE (a dump, a URL or dify:A): plan the script statement by statement on "
                    + "SOURCE, as 'plan SOURCE --script FILE --to dify:B' with B the release it ends at.");
            spec.addPositional(Specs.positional("0", "0..1", "DIR", Path.class, () -> dir, v -> dir = v)
                    .description("The versions/ directory, e.g. api/migrations/versions").build());
            spec.addOption(Specs.option(String.class, () -> from, v -> from = v, "--from").paramLabel("REV").description(
                    "Start of the path (a revision, a unique prefix, or base); with --sql: the schema the script runs on "
                            + "(a dump, a URL or dify:A), to plan it statement by statement.").build());
            spec.addOption(Specs.option(String.class, () -> to, v -> to = v, "--to").paramLabel("REV")
                    .description("End of the path (a revision, a unique prefix, or head).").build());
            spec.addOption(Specs.option(Path.class, () -> sql, v -> sql = v, "--sql").paramLabel("FILE")
                    .description("A migration script printed by 'flask db upgrade FROM:TO --sql' (- for stdin).").build());
            spec.addOption(Specs.option(String.class, () -> dialect, v -> dialect = v, "--dialect").paramLabel("DIALECT")
                    .description("postgres or mysql (default: told from the script).").build());
            report.addTo(spec);
            planOptions.addTo(spec);
            sources.addTo(spec);
            Specs.helpOptions(spec);
            return spec;
        }

        @Override
        public Integer call() {
            if (sql != null) return sqlScript();
            if (dir == null) throw new Main.UserException("dify migrations needs a versions/ directory or --sql FILE");
            if ((from == null) != (to == null)) {
                throw new Main.UserException("--from and --to go together");
            }
            List<AlembicScript> scripts = AlembicScript.readDirectory(dir);
            AlembicGraph graph = AlembicGraph.of(scripts);
            List<String> path = null;
            if (from != null) {
                try {
                    path = graph.path(from, to);
                } catch (ReadException e) {
                    throw new ReadException(dir + ": " + e.getMessage());
                }
            }
            report.write(report.json() ? DifyRenderer.migrationsJson(graph, path, from, to)
                    : DifyRenderer.migrationsText(graph, path, from, to));
            return graph.problems().isEmpty() ? ExitCodes.OK : ExitCodes.FOUND;
        }

        private Integer sqlScript() {
            if (dir != null || to != null) {
                throw new Main.UserException("--sql FILE reads a script: leave out DIR and --to (--from SOURCE plans it on SOURCE)");
            }
            io.schemaplan.model.Engine engine = dialect == null ? null : switch (dialect.toLowerCase(java.util.Locale.ROOT)) {
                case "postgres", "postgresql", "pg" -> io.schemaplan.model.Engine.POSTGRES;
                case "mysql" -> io.schemaplan.model.Engine.MYSQL;
                case "mariadb" -> io.schemaplan.model.Engine.MARIADB;
                default -> throw new Main.UserException("--dialect " + dialect + ": expected postgres or mysql");
            };
            io.schemaplan.script.Script script = ScriptReader.read(sql, engine);
            MigrationSql summary = MigrationSql.of(script, ReleaseCatalog.bundled());
            if (from != null) return plan(script, summary);
            report.write(report.json() ? MigrationSqlRenderer.json(summary) : MigrationSqlRenderer.text(summary));
            return ExitCodes.OK;
        }

        /**
         * The script planned on {@code --from}, compared with the release it ends at when it goes all the way to
         * one (a script that stops between releases is planned without a comparison).
         */
        private Integer plan(io.schemaplan.script.Script script, MigrationSql summary) {
            String release = summary.to() != null && summary.toComplete() ? "dify:" + summary.to()
                    + (summary.engine().equals(io.schemaplan.dify.DifyRelease.MYSQL) ? "/mysql" : "") : null;
            Loaded a;
            Loaded b = null;
            if (release == null) {
                a = sources.load(from);
            } else {
                List<Loaded> sides = sources.load(from, release);
                a = sides.get(0);
                b = sides.get(1);
                PlanOptions.requireOneEngine(a, b);
            }
            io.schemaplan.model.Stats stats = planOptions.readStats(from);
            io.schemaplan.scriptplan.ScriptPlan plan;
            try {
                plan = io.schemaplan.Schemaplan.planScript(a, List.of(script), script.file(), b,
                        planOptions.facade(stats, from, a.schema()));
            } catch (IllegalArgumentException dialects) { // a MySQL script on a PostgreSQL source, or the reverse
                throw new Main.UserException(dialects.getMessage() + " (" + io.schemaplan.read.Redaction.url(from) + ")");
            }
            report.write(report.json() ? io.schemaplan.report.ScriptPlanJsonRenderer.render(plan)
                    : io.schemaplan.report.ScriptPlanTextRenderer.render(plan));
            Output.warnings(a);
            return ExitCodes.OK;
        }
    }
}
