package io.schemaplan.diff;

import io.schemaplan.model.Column;
import io.schemaplan.model.Schema;
import io.schemaplan.normalize.CrossDialect;
import io.schemaplan.normalize.Portability;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The diff of a PostgreSQL schema with a MySQL/MariaDB schema (either way round): both are put in
 * {@link CrossDialect#portable portable form} and compared with {@link SchemaDiff#diff}, so what is left
 * are real differences. Two kinds of real difference are reported apart, because listing them one by one
 * would bury the rest: PostgreSQL-only defaults ({@link Portability}) that have no default on the MySQL
 * side, grouped by expression; and PostgreSQL objects that MySQL cannot have at all (extensions, sequences,
 * enum types, routines), summarized.
 */
public final class CrossDialectDiff {
    private CrossDialectDiff() {
    }

    /** A PostgreSQL-only default, and the columns ({@code table.column}) that have it on PostgreSQL and none on MySQL. */
    public record PgOnlyDefault(String expression, String reason, List<String> columns) {
        public PgOnlyDefault {
            columns = List.copyOf(columns);
        }
    }

    /**
     * @param changes        the real differences, in {@link SchemaDiff} order, between the portable forms
     * @param pgOnlyDefaults PostgreSQL-only defaults missing on MySQL, by expression
     * @param notCompared    one line per kind of object with no counterpart on the other side
     */
    public record Result(List<Change> changes, List<PgOnlyDefault> pgOnlyDefaults, List<String> notCompared) {
        public Result {
            changes = List.copyOf(changes);
            pgOnlyDefaults = List.copyOf(pgOnlyDefaults);
            notCompared = List.copyOf(notCompared);
        }

        /** True when the two schemas differ in something real. */
        public boolean differs() {
            return !changes.isEmpty() || !pgOnlyDefaults.isEmpty();
        }
    }

    /** True when one schema is PostgreSQL's and the other MySQL's or MariaDB's. */
    public static boolean applies(Schema a, Schema b) {
        return a.engine().isMysqlFamily() != b.engine().isMysqlFamily();
    }

    public static Result compare(Schema from, Schema to) {
        boolean pgFirst = !from.engine().isMysqlFamily();
        Schema pg = pgFirst ? from : to;
        List<Change> all = SchemaDiff.diff(CrossDialect.portable(from), CrossDialect.portable(to));
        List<Change> changes = new ArrayList<>();
        Map<String, List<String>> pgOnly = new TreeMap<>();
        for (Change c : all) {
            if (c instanceof Change.ColumnDefaultChanged d) {
                Column pgSide = pgFirst ? d.from() : d.to();
                Column mySide = pgFirst ? d.to() : d.from();
                if (mySide.defaultExpr() == null && !Portability.pgOnlyReasons(pgSide.defaultExpr(), pg).isEmpty()) {
                    pgOnly.computeIfAbsent(pgSide.defaultExpr(), k -> new ArrayList<>()).add(d.table().name() + "." + pgSide.name());
                    continue;
                }
            }
            changes.add(c);
        }
        List<PgOnlyDefault> defaults = pgOnly.entrySet().stream()
                .map(e -> new PgOnlyDefault(e.getKey(), Portability.pgOnlyReasons(e.getKey(), pg).get(0), e.getValue())).toList();
        return new Result(changes, defaults, notCompared(pg, pgFirst ? to : from));
    }

    private static List<String> notCompared(Schema pg, Schema my) {
        List<String> out = new ArrayList<>();
        if (!pg.extensions().isEmpty()) {
            out.add(count(pg.extensions().size(), "extension") + " (" + pg.extensions().stream().map(e -> e.name())
                    .collect(Collectors.joining(", ")) + "): MySQL has none");
        }
        if (!pg.sequences().isEmpty()) {
            out.add(count(pg.sequences().size(), "sequence") + " (" + pg.sequences().stream().map(s -> s.name().name())
                    .collect(Collectors.joining(", ")) + "): a column defaulting to nextval() is compared as AUTO_INCREMENT");
        }
        if (!pg.enums().isEmpty()) {
            out.add(count(pg.enums().size(), "enum type") + ": the columns that use one are compared as inline enum(…)");
        }
        if (!pg.routines().isEmpty()) {
            out.add(count(pg.routines().size(), "routine") + " (" + pg.routines().stream().map(r -> r.name().name())
                    .distinct().collect(Collectors.joining(", ")) + "): PostgreSQL code, not comparable");
        }
        if (!my.routines().isEmpty()) {
            out.add(count(my.routines().size(), "MySQL routine") + " (" + my.routines().stream().map(r -> r.name().name())
                    .distinct().collect(Collectors.joining(", ")) + "): MySQL code (procedures, functions, events), not comparable");
        }
        long triggers = pg.tables().stream().mapToLong(t -> t.triggers().size()).sum();
        if (!pg.views().isEmpty() || triggers > 0) {
            out.add("views and triggers: compared by name only (their bodies are dialect-specific)");
        }
        return out;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
