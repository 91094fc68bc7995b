package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.model.Schema;
import io.schemaplan.read.MysqlDumpReader;
import io.schemaplan.testing.LocalMariadb;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SQL of the safer way a MySQL plan offers, run on the local MariaDB as a DBA would paste it. */
class MyPlanRecipesTest {
    private static final String DB = LocalMariadb.PREFIX + "myimpact_recipe";
    private static final String PARENT = "CREATE TABLE `par``ent` (\n  `id` int(11) NOT NULL,\n  PRIMARY KEY (`id`)\n"
            + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;\n";
    private static final String CHILD = "CREATE TABLE `child` (\n  `id` int(11) NOT NULL,\n  `parent id` int(11) DEFAULT NULL,\n"
            + "  PRIMARY KEY (`id`),\n  KEY `child_p` (`parent id`)%s\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 "
            + "COLLATE=utf8mb4_general_ci;\n";
    private static final String FK = ",\n  CONSTRAINT `child_fk` FOREIGN KEY (`parent id`) REFERENCES `par``ent` (`id`) "
            + "ON DELETE CASCADE";

    @BeforeAll
    static void database() {
        LocalMariadb.freshDatabase("myimpact_recipe");
    }

    @AfterAll
    static void dropDatabase() {
        LocalMariadb.exec("mysql", "DROP DATABASE IF EXISTS `" + DB + "`");
    }

    private static Schema read(String sql) {
        return MysqlDumpReader.read("t.sql", ("/*M!999999\\- enable the sandbox mode */\n" + sql)
                .getBytes(StandardCharsets.UTF_8)).schema();
    }

    @Test
    void aForeignKeyIsOfferedWithChecksOffAndTheSqlAddsItWithoutACopy() throws SQLException {
        Schema a = read(PARENT + String.format(CHILD, ""));
        Schema b = read(PARENT + String.format(CHILD, FK));
        Plan plan = Planner.plan(new Planner.Input("a", "b", a, b, SchemaDiff.diff(a, b), null, null, Profile.DEFAULT,
                null, false, MyEngine.MARIADB_10_11));
        PlanItem item = plan.items().stream().filter(i -> i.operation().equals("ADD_FOREIGN_KEY")).findFirst().orElseThrow();
        assertEquals("ALGORITHM=COPY, LOCK=SHARED", item.lock());
        assertTrue(item.recipe().contains("foreign_key_checks = 0"), item.recipe());
        String sql = item.recipeSql();
        assertNotNull(sql);
        assertTrue(sql.contains("ALGORITHM=INSTANT, LOCK=NONE") && sql.contains("ON DELETE CASCADE"), sql);

        LocalMariadb.exec(DB, "CREATE TABLE `par``ent` (id int PRIMARY KEY) ENGINE=InnoDB",
                "INSERT INTO `par``ent` SELECT seq FROM seq_1_to_3000",
                "CREATE TABLE child (id int PRIMARY KEY, `parent id` int, KEY child_p (`parent id`)) ENGINE=InnoDB",
                "INSERT INTO child SELECT seq, seq FROM seq_1_to_3000", "INSERT INTO child VALUES (0, NULL)");
        try (Connection c = LocalMariadb.connect(DB); Statement s = c.createStatement()) {
            long space = space(s, "child");
            boolean first = true;
            for (String statement : sql.replaceAll("(?m)^--.*\n", "").split(";\n")) {
                if (statement.isBlank()) continue;
                if (first) {
                    try (ResultSet rs = s.executeQuery(statement)) {
                        rs.next();
                        assertEquals(0, rs.getLong(1), "no orphan rows: " + statement);
                    }
                    first = false;
                } else {
                    s.execute(statement);
                }
            }
            assertEquals(space, space(s, "child"), "added without a rebuild");
            try (ResultSet rs = s.executeQuery("SELECT DELETE_RULE FROM information_schema.REFERENTIAL_CONSTRAINTS "
                    + "WHERE CONSTRAINT_SCHEMA = '" + DB + "' AND CONSTRAINT_NAME = 'child_fk'")) {
                assertTrue(rs.next(), "the key exists");
                assertEquals("CASCADE", rs.getString(1));
            }
            // The check query finds an orphan when there is one.
            s.execute("SET SESSION foreign_key_checks = 0");
            s.execute("INSERT INTO child VALUES (5000, 4000)");
            String check = sql.replaceAll("(?m)^--.*\n", "").split(";\n")[0];
            try (ResultSet rs = s.executeQuery(check)) {
                rs.next();
                assertEquals(1, rs.getLong(1));
            }
        }
    }

    @Test
    void aPossibleRenameOffersRenameColumnAndRenameIndexAndTheSqlKeepsTheData() throws SQLException {
        String t = "CREATE TABLE `r` (\n  `id` int(11) NOT NULL,\n  `%s` varchar(20) DEFAULT NULL,\n  PRIMARY KEY (`id`),\n"
                + "  KEY `%s` (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;\n";
        Schema a = read(String.format(t, "old name", "r_old"));
        Schema b = read(String.format(t, "new name", "r_new"));
        java.util.List<String> sql = new java.util.ArrayList<>();
        for (MyEngine profile : new MyEngine[] {MyEngine.MARIADB_10_11, MyEngine.MYSQL_8_0_12}) {
            Plan plan = Planner.plan(new Planner.Input("a", "b", a, b, SchemaDiff.diff(a, b), null, null,
                    Profile.DEFAULT, null, false, profile));
            for (String op : new String[] {"DROP_COLUMN", "DROP_INDEX"}) {
                PlanItem drop = plan.items().stream().filter(i -> i.operation().equals(op)).findFirst().orElseThrow();
                assertTrue(drop.recipe().startsWith("If old name was renamed") || drop.recipe().startsWith("If r_old"),
                        drop.recipe());
                assertNotNull(drop.recipeSql(), op);
                if (profile.isMariadb()) sql.add(drop.recipeSql());
                else assertTrue(!op.equals("DROP_COLUMN") || drop.recipeSql().contains("ALGORITHM=INPLACE"), drop.recipeSql());
            }
        }
        assertTrue(sql.get(0).contains("RENAME COLUMN `old name` TO `new name`, ALGORITHM=INSTANT, LOCK=NONE"), sql.get(0));
        assertTrue(sql.get(1).contains("RENAME INDEX `r_old` TO `r_new`, ALGORITHM=INSTANT, LOCK=NONE"), sql.get(1));
        LocalMariadb.exec(DB, "CREATE TABLE r (id int PRIMARY KEY, `old name` varchar(20), KEY r_old (id)) ENGINE=InnoDB",
                "INSERT INTO r SELECT seq, concat('v', seq) FROM seq_1_to_3000");
        try (Connection c = LocalMariadb.connect(DB); Statement s = c.createStatement()) {
            long before = space(s, "r");
            for (String statement : sql) {
                s.execute(statement.replaceAll("(?m)^--.*\n", ""));
            }
            assertEquals(before, space(s, "r"), "renamed without a rebuild");
            try (ResultSet rs = s.executeQuery("SELECT count(`new name`) FROM r FORCE INDEX (r_new)")) {
                rs.next();
                assertEquals(3000, rs.getLong(1), "the data is kept");
            }
        }
    }

    private static long space(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT SPACE FROM information_schema.INNODB_SYS_TABLES WHERE NAME = '"
                + DB + "/" + table + "'")) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }
}
