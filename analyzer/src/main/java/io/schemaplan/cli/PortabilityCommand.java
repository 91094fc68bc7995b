package io.schemaplan.cli;

import io.schemaplan.normalize.Portability;
import io.schemaplan.read.Loaded;
import io.schemaplan.report.PortabilityRenderer;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

final class PortabilityCommand implements Callable<Integer> {
    enum Target { mysql, mariadb }

    String source;
    Target target = Target.mysql;
    final ReportOptions report = new ReportOptions();
    final SourceOptions sources = new SourceOptions();

    CommandSpec spec() {
        CommandSpec spec = Specs.command("portability", this, false,
                "Flag PostgreSQL-only constructs in a schema meant for MySQL or MariaDB.",
                "uuid_generate_v4(), gen_random_uuid(), '…'::type casts, now() forms with time zones, nextval(), "
                        + "jsonb operators, partial and GIN/GiST indexes, arrays, enum types, extensions, functions; "
                        + "each with the objects it is on and a reason.");
        spec.usageMessage().footer("", "Exit codes: 0 nothing found; 1 PostgreSQL-only constructs found; 2 usage or input error.");
        spec.addPositional(Specs.positional("0", "1", "SOURCE", String.class, () -> source, v -> source = v)
                .description("A pg_dump -s file, a database URL, a snapshot or dify:VERSION.").build());
        spec.addOption(Specs.option(Target.class, () -> target, v -> target = v, "--target").paramLabel("SERVER").description(
                "mysql (default) or mariadb (accepts literal defaults on TEXT/JSON columns, and sequences).").build());
        report.addTo(spec);
        sources.addTo(spec);
        Specs.helpOptions(spec);
        return spec;
    }

    @Override
    public Integer call() {
        Loaded loaded = sources.load(source);
        Portability.Target server = target == Target.mysql ? Portability.Target.MYSQL : Portability.Target.MARIADB;
        List<Portability.Finding> findings = Portability.check(loaded.schema(), server);
        report.write(report.json() ? PortabilityRenderer.json(loaded.label(), server, findings)
                : PortabilityRenderer.text(loaded.label(), server, findings));
        Output.warnings(loaded);
        return findings.isEmpty() ? ExitCodes.OK : ExitCodes.FOUND;
    }
}
