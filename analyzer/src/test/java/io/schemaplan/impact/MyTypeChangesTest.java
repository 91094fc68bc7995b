package io.schemaplan.impact;

import static io.schemaplan.impact.MyOperation.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.schemaplan.model.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The VARCHAR length-prefix boundary in bytes per character set, integers, ENUM/SET storage steps. */
class MyTypeChangesTest {

    @ParameterizedTest(name = "varchar({0}) to varchar({1}) in {2}: {3}")
    @CsvSource({
            // utf8mb4: 4 bytes per character; the 1-byte prefix holds up to 255 bytes = 63 characters.
            "63, 64, utf8mb4_general_ci, VARCHAR_WIDEN_CROSSES_255",
            "50, 63, utf8mb4_general_ci, VARCHAR_WIDEN",
            "64, 100, utf8mb4_general_ci, VARCHAR_WIDEN",
            "255, 512, utf8mb4_unicode_ci, VARCHAR_WIDEN",
            "32, 64, utf8mb4_general_ci, VARCHAR_WIDEN_CROSSES_255",
            "31, 100, utf8mb4_general_ci, VARCHAR_WIDEN_FROM_SHORT",
            "100, 60, utf8mb4_general_ci, NARROW_TYPE",
            // utf8mb3: 3 bytes; 85 characters = 255 bytes.
            "60, 85, utf8mb3_general_ci, VARCHAR_WIDEN",
            "60, 86, utf8_general_ci, VARCHAR_WIDEN_CROSSES_255",
            // latin1: 1 byte; 255 characters.
            "200, 255, latin1_swedish_ci, VARCHAR_WIDEN",
            "200, 256, latin1_swedish_ci, VARCHAR_WIDEN_CROSSES_255",
            "100, 256, latin1_swedish_ci, VARCHAR_WIDEN_FROM_SHORT"})
    void varcharWideningDependsOnBytesNotCharacters(int from, int to, String collation, MyOperation expected) {
        assertEquals(expected, MyTypeChanges.classify(DataType.of("varchar", from), DataType.of("varchar", to),
                MyTypeChanges.bytesPerChar(collation)));
    }

    @Test
    void varbinaryCountsBytesWhateverTheTableCharset() {
        assertEquals(VARCHAR_WIDEN, MyTypeChanges.classify(DataType.of("varbinary", 100), DataType.of("varbinary", 255), 4));
    }

    @Test
    void integersAndTexts() {
        DataType integer = DataType.of("integer");
        assertEquals(INT_WIDEN, MyTypeChanges.classify(integer, DataType.of("bigint"), 4));
        assertEquals(NARROW_TYPE, MyTypeChanges.classify(DataType.of("bigint"), integer, 4));
        assertEquals(SIGNEDNESS, MyTypeChanges.classify(integer, new DataType("integer", null, null, 0, true, List.of()), 4));
        assertEquals(VARCHAR_TO_TEXT, MyTypeChanges.classify(DataType.of("varchar", 255), DataType.of("text"), 4));
        assertEquals(VARCHAR_TO_TEXT, MyTypeChanges.classify(DataType.of("text"), DataType.of("longtext"), 4));
        assertEquals(NARROW_TYPE, MyTypeChanges.classify(DataType.of("longtext"), DataType.of("text"), 4));
        assertEquals(CHANGE_TYPE, MyTypeChanges.classify(DataType.of("datetime"), DataType.of("datetime", 6), 4));
        assertEquals(CHANGE_TYPE, MyTypeChanges.classify(DataType.of("char", 36), DataType.of("varchar", 36), 4));
        assertThrows(IllegalArgumentException.class, () -> MyTypeChanges.classify(integer, integer, 4));
    }

    @Test
    void enumAndSetMembers() {
        assertEquals(ENUM_APPEND, members("enum", List.of("a", "b"), List.of("a", "b", "c")));
        assertEquals(ENUM_REORDER, members("enum", List.of("a", "b"), List.of("a", "c", "b")));
        assertEquals(ENUM_REORDER, members("enum", List.of("a", "b"), List.of("b", "a")));
        assertEquals(ENUM_REORDER, members("enum", List.of("a", "b", "c"), List.of("a", "b")));
        assertEquals(ENUM_STORAGE_GROWS, members("enum", labels(255), labels(256)));
        assertEquals(ENUM_APPEND, members("enum", labels(200), labels(255)));
        assertEquals(ENUM_STORAGE_GROWS, members("set", labels(8), labels(9)));
        assertEquals(ENUM_APPEND, members("set", labels(9), labels(16)));
        assertEquals(ENUM_STORAGE_GROWS, members("set", labels(32), labels(33)));
        assertEquals(8, MyTypeChanges.storageBytes("set", 33));
    }

    @Test
    void charsetsOfCollations() {
        assertEquals("utf8mb4", MyTypeChanges.charset("utf8mb4_0900_ai_ci"));
        assertEquals("utf8mb3", MyTypeChanges.charset("utf8_general_ci"));
        assertEquals("utf8mb3", MyTypeChanges.charset("utf8mb3_unicode_ci"));
        assertEquals(1, MyTypeChanges.bytesPerChar("latin1_swedish_ci"));
        assertEquals(1, MyTypeChanges.bytesPerChar("binary"));
        assertEquals(4, MyTypeChanges.bytesPerChar("madeup_ci"));
    }

    private static MyOperation members(String kind, List<String> from, List<String> to) {
        return MyTypeChanges.classify(new DataType(kind, null, null, 0, false, from),
                new DataType(kind, null, null, 0, false, to), 4);
    }

    private static List<String> labels(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> "v" + i).toList();
    }
}
