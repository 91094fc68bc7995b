package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Stats;
import io.schemaplan.read.MysqlDumpReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which MySQL/MariaDB profile a plan uses: the names users type, and versions read from the statistics. */
class MyPlanProfileTest {
    @Test
    void namedVersionsPickTheProfileWhereTheRulesChange() {
        assertEquals(MyEngine.MYSQL_8_0_12, MyEngine.named("mysql-8.0.12"));
        assertEquals(MyEngine.MYSQL_8_0_12, MyEngine.named("mysql-8.0.27"));
        assertEquals(MyEngine.MYSQL_8_0_28, MyEngine.named("mysql-8.0.28"));
        assertEquals(MyEngine.MYSQL_8_0_29, MyEngine.named("MySQL-8.0.29"));
        assertEquals(MyEngine.MYSQL_8_0_29, MyEngine.named("mysql-8.3"));
        assertEquals(MyEngine.MYSQL_8_4, MyEngine.named("mysql-8.4"));
        assertEquals(MyEngine.MYSQL_8_4, MyEngine.named("mysql-9.1"));
        assertEquals(MyEngine.MARIADB_10_6, MyEngine.named("mariadb-10.6"));
        assertEquals(MyEngine.MARIADB_10_6, MyEngine.named("mariadb-10.10.7"));
        assertEquals(MyEngine.MARIADB_10_11, MyEngine.named("mariadb-10.11"));
        assertEquals(MyEngine.MARIADB_11_4, MyEngine.named("mariadb-11.4"));
        for (String bad : new String[] {"mysql-8.0", "mysql-8.0.11", "mysql-5.7", "mariadb-10.5", "8.4", "mysql 8.4", ""}) {
            assertThrows(IllegalArgumentException.class, () -> MyEngine.named(bad), bad);
        }
    }

    @Test
    void aBareVersionFromAMariadbSourceIsMariadb() {
        assertEquals(MyEngine.MYSQL_8_4, MyEngine.parse("10.6.16"));
        assertEquals(MyEngine.MARIADB_10_6, MyEngine.parse("10.6.16", true));
        assertEquals(MyEngine.MARIADB_11_4, MyEngine.parse("11.4.2", true));
    }

    @Test
    void theStatisticsVersionDecidesWhenTheUserSaysNothingAndTheUserWins() {
        String t = "/*M!999999\\- enable the sandbox mode */\nCREATE TABLE `t` (\n  `id` int(11) NOT NULL,\n%s"
                + "  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;\n";
        Schema a = MysqlDumpReader.read("a.sql", String.format(t, "  `a` int(11) DEFAULT NULL,\n")
                .getBytes(StandardCharsets.UTF_8)).schema();
        Schema b = MysqlDumpReader.read("b.sql", String.format(t, "").getBytes(StandardCharsets.UTF_8)).schema();
        Stats stats = new Stats("10.6.16", 0, 0, 16384, List.of());
        Plan fromStats = Planner.plan(new Planner.Input("a", "b", a, b, SchemaDiff.diff(a, b), stats, "s",
                Profile.DEFAULT, null, false));
        assertEquals("MariaDB 10.6 to 10.10", fromStats.engine() + " " + fromStats.serverVersion());
        assertTrue(fromStats.assumptions().stream().anyMatch(s -> s.startsWith("Rules for MariaDB 10.6 to 10.10, the "
                + "server the statistics come from (10.6.16")), fromStats.assumptions().toString());
        Plan named = Planner.plan(new Planner.Input("a", "b", a, b, SchemaDiff.diff(a, b), stats, "s",
                Profile.DEFAULT, null, false, MyEngine.MYSQL_8_0_28));
        assertEquals("MySQL 8.0.28", named.engine() + " " + named.serverVersion());
        assertEquals("ALGORITHM=INPLACE, LOCK=NONE", named.items().get(0).lock(), "DROP COLUMN rebuilds before 8.0.29");
    }
}
