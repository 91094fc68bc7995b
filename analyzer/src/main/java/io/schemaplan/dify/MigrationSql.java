package io.schemaplan.dify;

import io.schemaplan.read.ReadException;
import io.schemaplan.script.Script;
import io.schemaplan.script.ScriptStatement;
import io.schemaplan.script.ScriptStatement.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code flask db upgrade FROM:TO --sql} printed for a user's own Dify install, summed up: the revisions it
 * holds, the releases they come with (by the bundled migration scripts), per revision its statements by kind
 * and the notes Alembic wrote where offline is not online, and where an autocommit block ends the transaction
 * early. Pure: from a {@link Script} and the catalog.
 *
 * @param engine     {@code postgres} or {@code mysql}
 * @param from       the release the script starts from (the one before the first revision's), or null when unknown
 * @param to         the release of the last revision, or null when unknown
 * @param toComplete whether the last revision is that release's head (the script goes all the way to it)
 * @param unknown    revisions no bundled Dify script has (a newer release, or not Dify's)
 */
public record MigrationSql(String file, String engine, List<Revision> revisions, String from, String to,
                           boolean toComplete, List<String> unknown, List<String> warnings) {

    /**
     * One revision of the script: its release (null when unknown), its statements by kind ({@code data} without
     * the {@code alembic_version} bookkeeping), whether it holds an autocommit block, and Alembic's offline notes.
     */
    public record Revision(String revision, String release, int ddl, int data, int other, boolean autocommit,
                           List<String> notes) {
    }

    public MigrationSql {
        revisions = List.copyOf(revisions);
        unknown = List.copyOf(unknown);
        warnings = List.copyOf(warnings);
    }

    /**
     * Sums up {@code script}.
     *
     * @throws ReadException one line when it is not a Dify migration script: no Alembic revision marker, or none of
     *     its revisions is Dify's
     */
    public static MigrationSql of(Script script, ReleaseCatalog catalog) {
        String engine = script.dialect().isMysqlFamily() ? DifyRelease.MYSQL : DifyRelease.POSTGRES;
        List<String> revs = script.revisions();
        if (revs.isEmpty()) {
            throw new ReadException(script.file() + ": not a Dify migration script: no '-- Running upgrade X -> Y' line"
                    + " (print it with: flask db upgrade FROM:TO --sql)");
        }
        List<Revision> rows = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String r : revs) {
            String release = catalog.releaseIntroducing(r, engine);
            if (release == null) unknown.add(r);
            int ddl = 0;
            int data = 0;
            int other = 0;
            boolean commit = false;
            for (ScriptStatement s : script.statementsOf(r)) {
                switch (s.kind()) {
                    case DDL -> ddl++;
                    case DATA -> data += isBookkeeping(s) ? 0 : 1;
                    case SET, OTHER -> other++;
                    case COMMIT -> commit = true;
                    case BEGIN, ROLLBACK -> { }
                }
            }
            boolean autocommit = commit && script.statementsOf(r).stream().anyMatch(s -> s.kind() == Kind.BEGIN);
            List<String> notes = script.warnings().stream().filter(w -> w.contains("revision " + r + ": ")).toList();
            rows.add(new Revision(r, release, ddl, data, other, autocommit, notes));
        }
        if (unknown.size() == revs.size()) {
            throw new ReadException(script.file() + ": not a Dify migration script: none of its " + revs.size()
                    + " revision" + (revs.size() == 1 ? "" : "s") + " (" + String.join(", ", revs.subList(0, Math.min(3, revs.size())))
                    + (revs.size() > 3 ? ", …" : "") + ") is a Dify revision the catalog knows");
        }
        String first = rows.get(0).release();
        String last = rows.get(rows.size() - 1).release();
        String to = last;
        boolean complete = last != null && catalog.at(revs.get(revs.size() - 1), engine).stream()
                .anyMatch(DifyRelease::complete);
        String from = catalog.isFirstRevision(revs.get(0), engine) ? ReleaseCatalog.BASE
                : first == null || first.startsWith("<=") ? null : previous(catalog, engine, first);
        List<String> fileWarnings = script.warnings().stream().filter(w -> rows.stream()
                .noneMatch(row -> row.notes().contains(w))).toList();
        return new MigrationSql(script.file(), engine, rows, from, to, complete, unknown, fileWarnings);
    }

    /** {@code UPDATE alembic_version …}, {@code INSERT INTO alembic_version …}: Alembic's bookkeeping, not user data. */
    private static boolean isBookkeeping(ScriptStatement s) {
        return s.sql().toLowerCase(Locale.ROOT).matches("(?s)(update|insert\\s+into|delete\\s+from)\\s+alembic_version\\b.*");
    }

    /** The release before {@code release} on {@code engine}: the {@code from} of the bundled pair that ends at it. */
    private static String previous(ReleaseCatalog catalog, String engine, String release) {
        return catalog.migrations().stream().filter(m -> m.engine().equals(engine) && !m.fromBase() && m.to().equals(release))
                .map(ReleaseCatalog.Migration::from).findFirst().orElse(null);
    }
}
