package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.impact.MyRule.Algorithm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The closing-note table of docs/mysql-impact.md is {@link MyRules} itself: every operation with its rule
 * on MariaDB 10.11 (what the local server was asked), its MySQL 8.x rules per release and the manual section
 * they are cited from. When the rules change, this test fails and writes the table it expects to
 * {@code target/mysql-impact-rule-table.md}, to be pasted between the markers.
 */
class MyRulesDocTest {
    private static final Path DOC = Path.of("../docs/mysql-impact.md");
    static final String BEGIN = "<!-- BEGIN rule table (MyRulesDocTest) -->";
    static final String END = "<!-- END rule table -->";

    @Test
    void theDocumentedRuleTableIsTheRuleTable() throws IOException {
        String doc = Files.readString(DOC);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "docs/mysql-impact.md has no rule table between the markers");
        String documented = doc.substring(begin + BEGIN.length(), end).strip();
        String expected = table();
        if (!documented.equals(expected)) {
            Files.writeString(Path.of("target/mysql-impact-rule-table.md"), expected + "\n");
        }
        assertEquals(expected, documented, "docs/mysql-impact.md drifted from MyRules; the expected table is in "
                + "analyzer/target/mysql-impact-rule-table.md");
    }

    @Test
    void everyOperationHasARowAndEveryMariadbRuleSaysHowItIsVerified() {
        String t = table();
        for (MyOperation op : MyOperation.values()) assertTrue(t.contains("| `" + op + "` |"), op.name());
        assertTrue(t.lines().filter(l -> l.startsWith("| `")).allMatch(l -> l.contains("server") || l.contains("manual")));
    }

    /** The table as the doc must hold it. */
    static String table() {
        List<String> rows = new ArrayList<>();
        rows.add("| operation | example clause | MariaDB 10.11 | verified | MySQL 8.x (cited) | MySQL manual section |");
        rows.add("|---|---|---|---|---|---|");
        for (MyOperation op : MyOperation.values()) {
            MyRule maria = MyRules.forOperation(op, MyEngine.MARIADB_10_11);
            List<MyRule> mysql = MyRules.all().stream().filter(r -> r.operation() == op && !r.from().isMariadb()).toList();
            List<String> cited = new ArrayList<>();
            for (MyRule r : mysql) cited.add((mysql.size() == 1 ? "" : range(r) + ": ") + effect(r));
            rows.add("| `" + op + "` | `" + op.clause() + "`" + (op.condition().isEmpty() ? "" : " (" + op.condition() + ")")
                    + " | " + effect(maria) + " | " + verified(op) + " | " + String.join("; ", cited) + " | "
                    + mysql.get(0).source().section().replace("MySQL 8.0, ", "") + " |");
        }
        return String.join("\n", rows);
    }

    /** How the MariaDB rule is checked on the local server. */
    private static String verified(MyOperation op) {
        if (MyTraces.ACCEPTED_CHEAPER_THAN_DONE.contains(op)) return "server: rows copied (MyTableOptionsMeasuredTest)";
        if (MyAdminStatementsServerTest.VERIFIED.contains(op)) return "server (MyAdminStatementsServerTest)";
        if (MyTableMaintenanceServerTest.VERIFIED.contains(op)) return "server (MyTableMaintenanceServerTest)";
        if (MySeqServerTest.VERIFIED.contains(op)) return "server (MySeqServerTest)";
        if (MyRoutinesServerTest.VERIFIED.contains(op)) return "server (MyRoutinesServerTest)";
        if (MyTraces.NOT_ALTER_CLAUSES.contains(op)) {
            return op.name().contains("PARTITION") ? "server: refuses ALGORITHM/LOCK; manual" : "manual (not an ALTER clause)";
        }
        return "server (MyRulesServerTest)";
    }

    private static String effect(MyRule r) {
        String s = r.algorithm() + " / " + r.lock();
        return r.rebuildsTable() && r.algorithm() != Algorithm.COPY ? s + ", rebuilt" : s;
    }

    /** "8.0.12 to 8.0.27", "8.0.29 and later". */
    private static String range(MyRule r) {
        String start = r.from().label().replace("MySQL ", "").split(" to ")[0];
        if (r.to() == MyEngine.MYSQL_8_4) return start + " and later";
        String last = r.to().label().replace("MySQL ", "");
        last = last.contains(" to ") ? last.substring(last.indexOf(" to ") + 4) : last;
        return start.equals(last) ? start : start + " to " + last;
    }
}
