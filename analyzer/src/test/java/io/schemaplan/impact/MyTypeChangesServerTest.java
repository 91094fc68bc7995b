package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schemaplan.impact.MariadbProbe.Observed;
import io.schemaplan.model.DataType;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The classifier on the server: a column of one type in one character set becomes another, and what the
 * local MariaDB accepts must be the rule of the operation {@link MyTypeChanges} names. The cases sit on
 * both sides of each length-prefix boundary.
 */
class MyTypeChangesServerTest {

    @BeforeAll
    static void database() throws SQLException {
        MariadbProbe.freshDatabase();
    }

    @ParameterizedTest(name = "{0}({1}) to {0}({2}) {3}")
    @CsvSource({
            "varchar, 63, 64, utf8mb4", "varchar, 50, 63, utf8mb4", "varchar, 64, 100, utf8mb4",
            "varchar, 31, 100, utf8mb4", "varchar, 32, 100, utf8mb4", "varchar, 100, 99, utf8mb4",
            "varchar, 60, 85, utf8mb3", "varchar, 60, 86, utf8mb3", "varchar, 200, 255, latin1",
            "varchar, 200, 256, latin1", "varchar, 100, 256, latin1", "varbinary, 200, 300, binary"})
    void lengthPrefixBoundaries(String type, int from, int to, String charset) throws SQLException {
        String cs = type.equals("varbinary") ? "" : " CHARACTER SET " + charset;
        MyOperation op = MyTypeChanges.classify(DataType.of(type, from), DataType.of(type, to),
                MyTypeChanges.bytesPerChar(charset));
        Observed observed = MariadbProbe.cheapestAccepted(
                "CREATE TABLE t (id int PRIMARY KEY, v " + type + "(" + from + ")" + cs + ") ENGINE=InnoDB;"
                        + " INSERT INTO t VALUES (1, 'x'), (2, NULL);",
                "", "MODIFY v " + type + "(" + to + ")" + cs, "t");
        assertEquals(Observed.predictedBy(MyRules.forOperation(op, MariadbProbe.profile())), observed, op.toString());
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource(delimiter = ';', value = {
            "int; bigint", "bigint; int", "int; int unsigned", "varchar(255); text", "text; longtext",
            "enum('a','b'); enum('a','b','c')", "enum('a','b'); enum('b','a')",
            "set('a','b','c','d','e','f','g','h'); set('a','b','c','d','e','f','g','h','i')",
            "datetime; datetime(6)", "char(36); varchar(36)"})
    void otherTypeChanges(String from, String to) throws SQLException {
        MyOperation op = MyTypeChanges.classify(parse(from), parse(to), 4);
        Observed observed = MariadbProbe.cheapestAccepted(
                "CREATE TABLE t (id int PRIMARY KEY, v " + from + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;"
                        + " INSERT INTO t (id) VALUES (1), (2);",
                "", "MODIFY v " + to, "t");
        assertEquals(Observed.predictedBy(MyRules.forOperation(op, MariadbProbe.profile())), observed, op.toString());
    }

    /** Just enough of MySQL's type syntax for the cases above. */
    private static DataType parse(String sql) {
        boolean unsigned = sql.endsWith(" unsigned");
        String s = unsigned ? sql.substring(0, sql.length() - " unsigned".length()) : sql;
        int open = s.indexOf('(');
        String name = open < 0 ? s : s.substring(0, open);
        name = name.equals("int") ? "integer" : name;
        if (open < 0) return new DataType(name, null, null, 0, unsigned, java.util.List.of());
        String inside = s.substring(open + 1, s.length() - 1);
        if (name.equals("enum") || name.equals("set")) {
            return new DataType(name, null, null, 0, false, java.util.List.of(inside.replace("'", "").split(",")));
        }
        return new DataType(name, Integer.parseInt(inside), null, 0, unsigned, java.util.List.of());
    }
}
