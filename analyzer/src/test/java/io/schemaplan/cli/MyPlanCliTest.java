package io.schemaplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan} on MySQL/MariaDB dumps: column changes that once crashed it, and the server profile it plans for. */
class MyPlanCliTest {
    private static final String HEADER = "/*M!999999\\- enable the sandbox mode */\n";
    private static final String TABLE = "CREATE TABLE `t` (\n  `id` int(11) NOT NULL,\n  `a` int(11) DEFAULT NULL%s,\n"
            + "  `b` varchar(60) DEFAULT NULL,\n%s  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 "
            + "COLLATE=utf8mb4_general_ci;\n";

    @TempDir
    Path tmp;

    private Path dump(String name, String header, String aSuffix, String extraColumns) throws IOException {
        return Files.writeString(tmp.resolve(name), header + String.format(TABLE, aSuffix, extraColumns));
    }

    @Test
    void makingAColumnInvisibleIsPlannedAsInstant() throws IOException {
        Path a = dump("a.sql", HEADER, "", "");
        Path b = dump("b.sql", HEADER, " INVISIBLE", "");
        Cli.Result r = Cli.run("plan", a.toString(), b.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"COLUMN_VISIBILITY\""), r.out());
        assertTrue(r.out().contains("ALGORITHM=INSTANT, LOCK=NONE"), r.out());
        // And back to visible.
        assertEquals(0, Cli.run("plan", b.toString(), a.toString()).exitCode());
    }

    // ---- which server's rules: --server-version, the dump header, and refusals ----

    private static final String MIDDLE = "  `m` int(11) DEFAULT NULL,\n";

    /** FROM has columns id, a, b; TO adds m before a (ADD COLUMN … AFTER id) and drops b. */
    private Cli.Result planMiddle(String header, String... options) throws IOException {
        Path a = dump("a.sql", header, "", "");
        Path b = Files.writeString(tmp.resolve("b.sql"), header + String.format(TABLE, "", "")
                .replace("  `id` int(11) NOT NULL,\n", "  `id` int(11) NOT NULL,\n" + MIDDLE)
                .replace("  `b` varchar(60) DEFAULT NULL,\n", ""));
        String[] args = new String[4 + options.length];
        args[0] = "plan";
        args[1] = a.toString();
        args[2] = b.toString();
        args[3] = "--format=json";
        System.arraycopy(options, 0, args, 4, options.length);
        return Cli.run(args);
    }

    private static String lockOf(Cli.Result r, String operation) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"operation\" ?: ?\"" + operation
                + "\"[^}]*?\"lock\" ?: ?\"([^\"]+)\"").matcher(r.out());
        assertTrue(m.find(), operation + " in " + r.out());
        return m.group(1);
    }

    @Test
    void addingAColumnInTheMiddleIsInstantOnlyFromMysql8029AndOnMariadb() throws IOException {
        Cli.Result old = planMiddle(HEADER, "--server-version", "mysql-8.0.28");
        assertEquals(0, old.exitCode(), old.err());
        assertEquals("ALGORITHM=INPLACE, LOCK=NONE", lockOf(old, "ADD_COLUMN_MIDDLE"));
        assertEquals("ALGORITHM=INPLACE, LOCK=NONE", lockOf(old, "DROP_COLUMN"));
        assertTrue(old.out().contains("\"engine\" : \"MySQL\"") && old.out().contains("\"serverVersion\" : \"8.0.28\""),
                old.out());
        assertTrue(old.out().contains("Rules for MySQL 8.0.28 (--server-version; the schemas were read from MariaDB)"),
                old.out());

        Cli.Result newer = planMiddle(HEADER, "--server-version", "mysql-8.4");
        assertEquals("ALGORITHM=INSTANT, LOCK=NONE", lockOf(newer, "ADD_COLUMN_MIDDLE"));
        assertEquals("ALGORITHM=INSTANT, LOCK=NONE", lockOf(newer, "DROP_COLUMN"));
        assertTrue(newer.out().contains("\"serverVersion\" : \"8.4 and later\""), newer.out());

        for (String mariadb : new String[] {"mariadb-10.6", "mariadb-11.4"}) {
            Cli.Result r = planMiddle(HEADER, "--server-version", mariadb);
            assertEquals("ALGORITHM=INSTANT, LOCK=NONE", lockOf(r, "ADD_COLUMN_MIDDLE"), mariadb);
            assertTrue(r.out().contains("\"engine\" : \"MariaDB\""), r.out());
        }
        assertTrue(planMiddle(HEADER, "--server-version", "mariadb-10.6").out()
                .contains("\"serverVersion\" : \"10.6 to 10.10\""));
    }

    @Test
    void withoutTheOptionTheVersionComesFromTheDumpHeader() throws IOException {
        String mysql = "-- MySQL dump 10.13  Distrib 8.0.28, for Linux (x86_64)\n--\n-- Host: localhost    "
                + "Database: dify\n-- ------------------------------------------------------\n"
                + "-- Server version\t8.0.28\n";
        Cli.Result r = planMiddle(mysql);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("ALGORITHM=INPLACE, LOCK=NONE", lockOf(r, "ADD_COLUMN_MIDDLE"));
        assertTrue(r.out().contains("Rules for MySQL 8.0.28, the server FROM was read from (8.0.28;"), r.out());

        // mariadb-dump writes "10.6.16-MariaDB-…"; the header's number alone must not read as a MySQL 10.6.
        String mariadb = "/*M!999999\\- enable the sandbox mode */\n-- MariaDB dump 10.19  Distrib 10.6.16-MariaDB, "
                + "for debian-linux-gnu (x86_64)\n--\n-- Host: localhost    Database: dify\n"
                + "-- ------------------------------------------------------\n-- Server version\t10.6.16-MariaDB-0+deb11u1\n";
        Cli.Result m = planMiddle(mariadb);
        assertEquals(0, m.exitCode(), m.err());
        assertTrue(m.out().contains("\"engine\" : \"MariaDB\"") && m.out().contains("\"serverVersion\" : \"10.6 to 10.10\""),
                m.out());

        // The option wins over the header.
        assertEquals("ALGORITHM=INSTANT, LOCK=NONE",
                lockOf(planMiddle(mysql, "--server-version", "mysql-8.0.29"), "ADD_COLUMN_MIDDLE"));
    }

    @Test
    void aServerVersionThatNamesNoProfileIsOneLineExit2ListingTheForms() throws IOException {
        Path a = dump("a.sql", HEADER, "", "");
        Path b = dump("b.sql", HEADER, " INVISIBLE", "");
        for (String bad : new String[] {"oracle-19", "mysql-8", "mysql-8.0", "mysql-5.7.44", "mariadb-10.4", "16", "x"}) {
            String err = Cli.badInput("plan", a.toString(), b.toString(), "--server-version", bad).err();
            assertTrue(err.contains("--server-version " + bad), err);
        }
        assertTrue(Cli.badInput("plan", a.toString(), b.toString(), "--server-version", "oracle-19").err()
                .contains("mysql-8.0.28, mysql-8.4") );
        assertTrue(Cli.badInput("plan", a.toString(), b.toString(), "--server-version", "16").err()
                .contains("is a PostgreSQL major"));
        assertTrue(Cli.badInput("plan", a.toString(), b.toString(), "--server-version", "mysql-8.0").err()
                .contains("8.0.28 and 8.0.29"));
        assertTrue(Cli.badInput("plan", a.toString(), b.toString(), "--server-version", "mariadb-10.4").err()
                .contains("oldest: MariaDB 10.6"));
        String pg = io.schemaplan.testing.Samples.postgres("0.14.2").toString();
        assertTrue(Cli.badInput("plan", pg, pg, "--server-version", "mysql-8.4").err()
                .contains("but the schemas are PostgreSQL"));
    }
}
