package io.schemaplan.dify;

/**
 * One entry of the release catalog: a Dify version on one engine, the dump in {@code samples/} it was built
 * from, the revision {@code alembic_version} holds after its migrations ran, and the bundled snapshot that
 * holds its schema (shared by releases whose schemas are identical).
 *
 * @param engine  {@code postgres} or {@code mysql}
 * @param variant null for the release as it installs; {@code unpatched} for the state the upstream
 *                migrations leave where they fail (MySQL 1.11.x/1.12.x, langgenius/dify#32196)
 * @param tables  tables in the schema, {@code alembic_version} excluded
 */
public record DifyRelease(String version, String engine, String variant, String dump, String revision,
                          String commit, String date, String note, String snapshot, int tables) {
    public static final String POSTGRES = "postgres";
    public static final String MYSQL = "mysql";

    /** The name in {@code dify:} sources: {@code 1.12.1/postgres}, {@code 1.12.1/mysql-unpatched}. */
    public String id() {
        return version + "/" + engine + (variant == null ? "" : "-" + variant);
    }

    /** The source spec users type: {@code dify:1.12.1} for PostgreSQL, {@code dify:1.12.1/mysql} otherwise. */
    public String spec() {
        return DifySourceProvider.PREFIX + (engine.equals(POSTGRES) && variant == null ? version : id());
    }

    /** A schema a release installs (not the state a failed upgrade leaves). */
    public boolean complete() {
        return variant == null;
    }

    DifyRelease withSnapshot(String file, int tableCount) {
        return new DifyRelease(version, engine, variant, dump, revision, commit, date, note, file, tableCount);
    }

    /** Orders versions numerically: 0.9.2 before 0.10.2. */
    static String versionKey(String version) {
        StringBuilder b = new StringBuilder();
        for (String part : version.split("\\.")) {
            String digits = part.replaceAll("\\D.*", "");
            // Six digits a part; a longer number (no Dify version has one) sorts last instead of overflowing.
            String n = digits.replaceFirst("^0+(?=.)", "");
            b.append(n.length() > 6 ? "999999" : "0".repeat(6 - n.length()) + n);
        }
        return b.toString();
    }
}
