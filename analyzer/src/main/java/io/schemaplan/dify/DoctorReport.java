package io.schemaplan.dify;

import io.schemaplan.diff.Change;
import java.util.List;

/**
 * What {@code dify doctor} found about one database: the state of {@code alembic_version}, the release it
 * was compared with, and every problem with its consequence for the next upgrade.
 *
 * @param rows        the rows of alembic_version; null when the table does not exist
 * @param releases    the catalog releases the (current) revision corresponds to; empty when none
 * @param baseline    the release whose pristine schema the database was compared with (null: nothing to compare)
 * @param basis       why that one: {@code alembic_version} or {@code closest schema}
 * @param closest     the catalog release whose schema differs least from the database
 */
public record DoctorReport(String source, String engine, List<String> rows, List<DifyRelease> releases,
                           DifyRelease baseline, String basis, int baselineDifferences,
                           DifyRelease closest, int closestDifferences, List<Finding> findings) {
    public DoctorReport {
        rows = rows == null ? null : List.copyOf(rows);
        releases = List.copyOf(releases);
        findings = List.copyOf(findings);
    }

    /** No problem at all: alembic_version names one known release and the schema is exactly that release's. */
    public boolean healthy() {
        return findings.isEmpty();
    }

    public enum Severity {
        /** The next upgrade will fail, or the application is broken now. */
        ERROR,
        /** A difference that known upgrades survive, but someone should know about. */
        WARNING
    }

    /**
     * One problem. {@code change} is the schema difference behind a drift finding (from the pristine release
     * to the database), null for alembic_version findings; {@code fix} is a statement or step, or null.
     */
    public record Finding(Severity severity, String code, String object, String message, String consequence,
                          String fix, Change change) {
    }
}
