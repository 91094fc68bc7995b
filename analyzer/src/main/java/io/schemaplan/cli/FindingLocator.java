package io.schemaplan.cli;

import io.schemaplan.diff.Change;
import io.schemaplan.gate.Verdict.Finding;
import io.schemaplan.read.DumpLines;
import io.schemaplan.read.Sources;
import io.schemaplan.report.GateLocator;
import io.schemaplan.read.InputFiles;
import io.schemaplan.read.ReadException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Points a finding at the line that defines its object: in the TO dump (the schema the upgrade produces), else
 * in the FROM dump (a dropped object), else at the policy check that raised it. Paths stay as the user gave
 * them, relative to the working directory when they are under it, as GitHub expects.
 */
final class FindingLocator implements GateLocator {
    private record Dump(String file, DumpLines lines) {
    }

    private final Dump to;
    private final Dump from;
    private final String policyFile;

    FindingLocator(String fromSpec, String toSpec, Path policy) {
        this.to = dump(toSpec);
        this.from = dump(fromSpec);
        this.policyFile = relative(policy.toString());
    }

    private static Dump dump(String spec) {
        if (Sources.kindOf(spec) != Sources.Kind.FILE) return null;
        // Only a regular file can be read a second time (a pipe was read once, by the reader).
        if (spec.equals("-") || !Files.isRegularFile(Path.of(spec))) return null;
        try {
            byte[] bytes = InputFiles.read(spec, InputFiles.Kind.DUMP).bytes();
            return new Dump(relative(spec), new DumpLines(new String(bytes, StandardCharsets.UTF_8)));
        } catch (ReadException e) {
            return null;
        }
    }

    static String relative(String file) {
        Path p = Path.of(file);
        Path cwd = Path.of("").toAbsolutePath();
        if (p.isAbsolute() && p.startsWith(cwd)) p = cwd.relativize(p);
        return p.toString().replace('\\', '/');
    }

    @Override
    public Location locate(Finding f) {
        for (Dump d : new Dump[] {to, from}) {
            if (d == null) continue;
            OptionalInt line = line(f, d.lines());
            if (line.isPresent()) return new Location(d.file(), line.getAsInt());
        }
        return new Location(policyFile, f.check().line());
    }

    private static OptionalInt line(Finding f, DumpLines lines) {
        if (f.item() == null) return f.window() == null ? OptionalInt.empty() : lines.table(f.window().table());
        Change c = f.item().change();
        Function<String, OptionalInt> orTable = name -> c.table() == null ? OptionalInt.empty() : lines.table(c.table());
        if (c instanceof Change.ColumnChange col) {
            return c.table() == null ? OptionalInt.empty()
                    : lines.column(c.table(), (col.to() != null ? col.to() : col.from()).name());
        }
        OptionalInt specific = OptionalInt.empty();
        if (c instanceof Change.IndexAdded x) specific = lines.index(x.index().name());
        else if (c instanceof Change.IndexDropped x) specific = lines.index(x.index().name());
        else if (c instanceof Change.ConstraintAdded x) specific = lines.constraint(x.constraint().name());
        else if (c instanceof Change.ConstraintDropped x) specific = lines.constraint(x.constraint().name());
        else if (c instanceof Change.ForeignKeyAdded x) specific = lines.constraint(x.foreignKey().name());
        else if (c instanceof Change.ForeignKeyDropped x) specific = lines.constraint(x.foreignKey().name());
        return specific.isPresent() ? specific : orTable.apply(null);
    }
}
