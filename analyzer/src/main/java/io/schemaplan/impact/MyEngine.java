package io.schemaplan.impact;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MySQL or MariaDB server profile: a range of versions whose InnoDB online-DDL behaviour is the same.
 * The steps are where the manuals say behaviour changed: MySQL 8.0.12 (INSTANT ADD COLUMN, last position
 * only), 8.0.28 (INSTANT RENAME COLUMN), 8.0.29 (INSTANT ADD COLUMN anywhere and DROP COLUMN), 8.4 (the
 * LTS line, also 9.x); MariaDB 10.6, 10.11 and 11.4 (the LTS lines; the instant operations of 10.3–10.5
 * are in all three). Profiles of one family are declared oldest first, so a rule can name a range.
 */
public enum MyEngine {
    MYSQL_8_0_12(false, "MySQL 8.0.12 to 8.0.27"),
    MYSQL_8_0_28(false, "MySQL 8.0.28"),
    MYSQL_8_0_29(false, "MySQL 8.0.29 to 8.3"),
    MYSQL_8_4(false, "MySQL 8.4 and later"),
    MARIADB_10_6(true, "MariaDB 10.6 to 10.10"),
    MARIADB_10_11(true, "MariaDB 10.11 to 11.3"),
    MARIADB_11_4(true, "MariaDB 11.4 and later");

    /** "8.0.36", "10.11.19-MariaDB-0+deb12u1", and the "5.5.5-" prefix MariaDB sends over the protocol. */
    private static final Pattern VERSION = Pattern.compile("^(?:5\\.5\\.5-)?(\\d+)\\.(\\d+)\\.(\\d+)(.*)$");

    private final boolean mariadb;
    private final String label;

    MyEngine(boolean mariadb, String label) {
        this.mariadb = mariadb;
        this.label = label;
    }

    public boolean isMariadb() {
        return mariadb;
    }

    /** The versions the profile covers, for reports: "MySQL 8.0.29 to 8.3". */
    public String label() {
        return label;
    }

    public MyEngine oldestOfFamily() {
        return mariadb ? MARIADB_10_6 : MYSQL_8_0_12;
    }

    public MyEngine newestOfFamily() {
        return mariadb ? MARIADB_11_4 : MYSQL_8_4;
    }

    /**
     * The profile of a server version string as {@code SELECT version()} prints it. A version naming
     * MariaDB (anywhere after the number) is MariaDB; any other is MySQL. Versions older than the oldest
     * profile (MySQL before 8.0.12, MariaDB before 10.6) are refused: their online-DDL rules differ.
     */
    public static MyEngine parse(String version) {
        return parse(version, false);
    }

    /**
     * As {@link #parse(String)}, for a version read from a source known to be MariaDB: Navicat headers and
     * some stats files give MariaDB's number without the "-MariaDB" suffix ("10.6.11"), which would
     * otherwise read as a MySQL 10.x that does not exist.
     */
    public static MyEngine parse(String version, boolean mariadbSource) {
        Matcher m = VERSION.matcher(version == null ? "" : version.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a MySQL or MariaDB server version: \"" + version + "\"");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        int patch = Integer.parseInt(m.group(3));
        int v = major * 10_000 + minor * 100 + patch;
        if (m.group(4).toLowerCase(java.util.Locale.ROOT).contains("mariadb") || mariadbSource && major >= 10) {
            if (v < 10_06_00) throw tooOld(version, "MariaDB 10.6");
            return v >= 11_04_00 ? MARIADB_11_4 : v >= 10_11_00 ? MARIADB_10_11 : MARIADB_10_6;
        }
        if (v < 8_00_12) throw tooOld(version, "MySQL 8.0.12");
        if (v >= 8_04_00) return MYSQL_8_4;
        if (v >= 8_00_29) return MYSQL_8_0_29;
        return v == 8_00_28 ? MYSQL_8_0_28 : MYSQL_8_0_12;
    }

    /** The forms {@link #named} accepts, for error messages. */
    public static final String NAMED_FORMS = "mysql-8.0.28, mysql-8.4 (MySQL "
            + "8.0.12 or later; 8.0 needs its patch release) or mariadb-10.6, mariadb-10.11, mariadb-11.4 (MariaDB 10.6 "
            + "or later)";

    private static final Pattern NAMED = Pattern.compile("(?i)(mysql|mariadb)-(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /**
     * The profile of a version as a user names it: {@code mysql-8.0.28}, {@code mysql-8.4},
     * {@code mariadb-10.6}, {@code mariadb-11.4.5}; the family is part of the name because the numbers
     * overlap in meaning nowhere. MySQL 8.0 needs its patch release, since 8.0.28 and 8.0.29 changed the
     * rules. Throws IllegalArgumentException naming the accepted forms.
     */
    public static MyEngine named(String spec) {
        Matcher m = NAMED.matcher(spec == null ? "" : spec.trim());
        if (!m.matches()) throw new IllegalArgumentException("expected " + NAMED_FORMS);
        boolean mariadb = m.group(1).equalsIgnoreCase("mariadb");
        String patch = m.group(4);
        if (!mariadb && patch == null && m.group(2).equals("8") && m.group(3).equals("0")) {
            throw new IllegalArgumentException("say which MySQL 8.0 release (mysql-8.0.28): the rules change at "
                    + "8.0.28 and 8.0.29");
        }
        String version = m.group(2) + "." + m.group(3) + "." + (patch == null ? "0" : patch);
        return parse(mariadb ? version + "-MariaDB" : version);
    }

    private static IllegalArgumentException tooOld(String version, String oldest) {
        return new IllegalArgumentException("server version " + version + " is not supported (oldest: " + oldest + ")");
    }
}
