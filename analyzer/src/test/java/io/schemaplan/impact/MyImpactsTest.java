package io.schemaplan.impact;

import static io.schemaplan.impact.MyOperation.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.schemaplan.diff.Change;
import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.model.EnumType;
import io.schemaplan.model.QName;
import io.schemaplan.model.Schema;
import io.schemaplan.read.MysqlDumpReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which operations a change needs, decided with the two schemas as context. Each case is a table in a
 * mysqldump before and after; the operations of every change of the diff are listed in diff order.
 */
class MyImpactsTest {
    private static final String OPTIONS = " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;";
    private static final String T = "CREATE TABLE `t` (\n  `id` int(11) NOT NULL,\n  `a` int(11) DEFAULT NULL,\n"
            + "  `b` varchar(63) DEFAULT NULL,\n  `c` varchar(60) CHARACTER SET utf8mb3 COLLATE utf8mb3_general_ci DEFAULT NULL,\n"
            + "  `e` enum('x','y') DEFAULT NULL,\n%s  PRIMARY KEY (`id`),\n  KEY `t_a` (`a`)%s\n)" + OPTIONS;

    /** Table t with extra column lines (before the keys) and extra key lines. */
    private static String t(String columns, String keys) {
        return String.format(T, columns, keys);
    }

    private static List<MyOperation> ops(String before, String after) {
        Schema from = read(before);
        Schema to = read(after);
        List<MyOperation> out = new ArrayList<>();
        for (Change c : SchemaDiff.diff(from, to)) {
            out.addAll(MyImpacts.operations(c, from, to));
        }
        return out;
    }

    private static Schema read(String sql) {
        return MysqlDumpReader.read("test.sql", sql.getBytes(StandardCharsets.UTF_8)).schema();
    }

    @Test
    void aColumnAddedLastIsInstantEverywhereButOneAddedInTheMiddleIsNotOnOlderMysql() {
        String base = t("", "");
        assertEquals(List.of(ADD_COLUMN_LAST), ops(base, t("  `z` int(11) DEFAULT NULL,\n", "")));
        assertEquals(List.of(ADD_COLUMN_WITH_DEFAULT), ops(base, t("  `z` int(11) DEFAULT 5,\n", "")));
        assertEquals(List.of(ADD_COLUMN_NOT_NULL), ops(base, t("  `z` int(11) NOT NULL DEFAULT 0,\n", "")));
        String middle = base.replace("  `a` int(11)", "  `z` int(11) DEFAULT NULL,\n  `a` int(11)");
        assertEquals(List.of(ADD_COLUMN_MIDDLE), ops(base, middle));
        assertEquals(List.of(ADD_COLUMN_VIRTUAL), ops(base, t("  `z` int(11) GENERATED ALWAYS AS (`a` + 1) VIRTUAL,\n", "")));
        assertEquals(List.of(ADD_COLUMN_STORED), ops(base, t("  `z` int(11) GENERATED ALWAYS AS (`a` + 1) STORED,\n", "")));
    }

    @Test
    void aFulltextIndexChangesWhatLaterChangesCost() {
        String withFulltext = t("", ",\n  FULLTEXT KEY `t_ft` (`b`)");
        assertEquals(List.of(ADD_FULLTEXT_FIRST), ops(t("", ""), withFulltext));
        assertEquals(List.of(ADD_FULLTEXT), ops(withFulltext, t("", ",\n  FULLTEXT KEY `t_ft` (`b`),\n  FULLTEXT KEY `t_ft2` (`c`)")));
        assertEquals(List.of(ADD_COLUMN_TO_FULLTEXT_TABLE),
                ops(withFulltext, t("  `z` int(11) DEFAULT NULL,\n", ",\n  FULLTEXT KEY `t_ft` (`b`)")));
    }

    @Test
    void typeChangesUseTheColumnsCharset() {
        // b is utf8mb4 (from the table): 63 -> 64 characters crosses 255 bytes.
        assertEquals(List.of(VARCHAR_WIDEN_CROSSES_255), ops(t("", ""), t("", "").replace("varchar(63)", "varchar(64)")));
        // c is utf8mb3: 60 -> 85 characters stays within 255 bytes.
        assertEquals(List.of(VARCHAR_WIDEN), ops(t("", ""), t("", "").replace("varchar(60)", "varchar(85)")));
        assertEquals(List.of(INT_WIDEN), ops(t("", ""), t("", "").replace("`a` int(11)", "`a` bigint(20)")));
        assertEquals(List.of(ENUM_APPEND), ops(t("", ""), t("", "").replace("enum('x','y')", "enum('x','y','z')")));
        assertEquals(List.of(ENUM_REORDER), ops(t("", ""), t("", "").replace("enum('x','y')", "enum('y','x')")));
    }

    @Test
    void charsetAndCollationChanges() {
        String toMb4 = t("", "").replace("CHARACTER SET utf8mb3 COLLATE utf8mb3_general_ci ", "");
        assertEquals(List.of(COLUMN_CHARSET_TO_UTF8MB4), ops(t("", ""), toMb4));
        String unicode = t("", "").replace("`b` varchar(63)", "`b` varchar(63) COLLATE utf8mb4_unicode_ci");
        assertEquals(List.of(COLUMN_COLLATION), ops(t("", ""), unicode));
        String aIndexed = t("", ",\n  KEY `t_b` (`b`)");
        assertEquals(List.of(COLUMN_COLLATION_INDEXED),
                ops(aIndexed, aIndexed.replace("`b` varchar(63)", "`b` varchar(63) COLLATE utf8mb4_unicode_ci")));
        // The table's collation changes and b, e follow it: CONVERT TO (c keeps its own utf8mb3); the ENUM e is
        // re-encoded, so the table is copied (measured on MariaDB 10.11).
        String unicodeTable = "COLLATE=utf8mb4_unicode_ci";
        assertEquals(List.of(CONVERT_CHARSET), ops(t("", ""), t("", "").replace("COLLATE=utf8mb4_general_ci", unicodeTable)));
        // Without the ENUM only b follows; unindexed, only its sort order changes (INSTANT); indexed, NOCOPY.
        String noEnum = t("", "").replace("  `e` enum('x','y') DEFAULT NULL,\n", "");
        assertEquals(List.of(CONVERT_COLLATION), ops(noEnum, noEnum.replace("COLLATE=utf8mb4_general_ci", unicodeTable)));
        String noEnumIndexed = aIndexed.replace("  `e` enum('x','y') DEFAULT NULL,\n", "");
        assertEquals(List.of(CONVERT_COLLATION_INDEXED),
                ops(noEnumIndexed, noEnumIndexed.replace("COLLATE=utf8mb4_general_ci", unicodeTable)));
        // An ENUM's own collation: COPY.
        assertEquals(List.of(COLUMN_CHARSET_CHANGE), ops(t("", ""),
                t("", "").replace("`e` enum('x','y')", "`e` enum('x','y') COLLATE utf8mb4_unicode_ci")));
        assertEquals(List.of(CONVERT_CHARSET), ops(t("", ""), t("", "").replace("CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci", "CHARSET=latin1")));
        String onlyNumbers = "CREATE TABLE `n` (\n  `id` int(11) NOT NULL,\n  PRIMARY KEY (`id`)\n)" + OPTIONS;
        assertEquals(List.of(TABLE_DEFAULT_CHARSET),
                ops(onlyNumbers, onlyNumbers.replace("COLLATE=utf8mb4_general_ci", "COLLATE=utf8mb4_unicode_ci")));
    }

    @Test
    void columnsKeysAndConstraints() {
        String base = t("", "");
        assertEquals(List.of(DROP_COLUMN), ops(base, base.replace("  `e` enum('x','y') DEFAULT NULL,\n", "")));
        assertEquals(List.of(DROP_INDEXED_COLUMN, DROP_INDEX),
                ops(base, base.replace("  `a` int(11) DEFAULT NULL,\n", "").replace(",\n  KEY `t_a` (`a`)", "")));
        assertEquals(List.of(SET_NOT_NULL), ops(base, base.replace("`a` int(11) DEFAULT NULL", "`a` int(11) NOT NULL")));
        assertEquals(List.of(SET_DEFAULT), ops(base, base.replace("`a` int(11) DEFAULT NULL", "`a` int(11) DEFAULT 3")));
        assertEquals(List.of(REPLACE_PRIMARY_KEY), ops(base, base.replace("PRIMARY KEY (`id`)", "PRIMARY KEY (`id`,`a`)")));
        assertEquals(List.of(ADD_UNIQUE), ops(base, t("", ",\n  UNIQUE KEY `t_u` (`b`)")));
        assertEquals(List.of(DROP_INDEX, ADD_INDEX, RENAME_INDEX), ops(base, base.replace("KEY `t_a`", "KEY `t_a2`")));
        assertEquals(List.of(ADD_CHECK), ops(base, t("", ",\n  CONSTRAINT `t_k` CHECK (`a` >= 0)")));
        String parent = "CREATE TABLE `p` (\n  `id` int(11) NOT NULL,\n  PRIMARY KEY (`id`)\n)" + OPTIONS;
        assertEquals(List.of(ADD_FOREIGN_KEY), ops(parent + base,
                parent + t("", ",\n  CONSTRAINT `t_f` FOREIGN KEY (`a`) REFERENCES `p` (`id`)")));
    }

    @Test
    void objectsMysqlDoesNotHaveAreRefused() {
        EnumType mood = new EnumType(QName.of("public", "mood"), List.of("a"), null);
        assertThrows(IllegalArgumentException.class, () -> MyImpacts.operations(new Change.EnumAdded(mood), null, null));
    }
}
