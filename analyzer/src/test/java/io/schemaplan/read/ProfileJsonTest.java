package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.impact.Profile;
import org.junit.jupiter.api.Test;

/** The schemaplan-profile/1 file: what calibrate writes reads back equal, and older profiles still read. */
class ProfileJsonTest {
    @Test
    void aProfileReadsBackEqual() {
        Profile p = new Profile("calibrated", "db, PostgreSQL 15.20, 2026-12-07", 9e8, 1e8, 3.5e7, 2e7, 5e6, 1.5);
        String json = ProfileJson.toJson(p);
        assertTrue(json.contains("\"format\" : \"schemaplan-profile/1\""), json);
        assertTrue(json.contains("\"indexRebuildBytesPerSecond\" : 2.0E7"), json);
        assertEquals(p, ProfileJson.parse("p.json", json));
    }

    @Test
    void aProfileFromBeforeTheRebuildThroughputUsesItsIndexThroughputForBoth() {
        Profile p = ProfileJson.parse("old.json", """
                {"format": "schemaplan-profile/1", "name": "calibrated", "measuredOn": "db",
                 "seqScanBytesPerSecond": 9.0E8, "rewriteBytesPerSecond": 1.0E8, "indexBuildBytesPerSecond": 3.0E7,
                 "foreignKeyRowsPerSecond": 2.0E7, "spread": 1.5}""");
        assertEquals(3.0e7, p.indexBuildBytesPerSecond());
        assertEquals(3.0e7, p.indexRebuildBytesPerSecond());
        assertEquals(Profile.DEFAULT_ROW_WRITE_BYTES_PER_SECOND, p.rowWriteBytesPerSecond(),
                "a profile from before row writes were measured prices them with the default");
    }

    @Test
    void theRowWriteThroughputIsWrittenReadBackAndChecked() {
        Profile p = new Profile("calibrated", "db", 9e8, 1e8, 3.5e7, 2e7, 5e6, 7.5e7, 1.5);
        String json = ProfileJson.toJson(p);
        assertTrue(json.contains("\"rowWriteBytesPerSecond\" : 7.5E7"), json);
        assertEquals(p, ProfileJson.parse("p.json", json));
        ReadException e = org.junit.jupiter.api.Assertions.assertThrows(ReadException.class,
                () -> ProfileJson.parse("p.json", json.replace("7.5E7", "-1")));
        assertEquals("p.json: invalid profile: rowWriteBytesPerSecond must be positive, got -1", e.getMessage());
    }

    @Test
    void theUpdateCostsAreWrittenReadBackCheckedAndDefaultedInOlderFiles() {
        Profile p = new Profile("calibrated", "db", 9e8, 1e8, 3.5e7, 2e7, 5e6, 7.5e7, 3.5, 12.25, 1.5);
        String json = ProfileJson.toJson(p);
        assertTrue(json.contains("\"updateRowMicros\" : 3.5"), json);
        assertTrue(json.contains("\"updateEntryMicros\" : 12.25"), json);
        assertEquals(p, ProfileJson.parse("p.json", json));
        // A file calibrate wrote before UPDATE was priced per index entry: the defaults, its throughput kept.
        Profile older = ProfileJson.parse("older.json", """
                {"format": "schemaplan-profile/1", "name": "calibrated", "measuredOn": "db",
                 "seqScanBytesPerSecond": 9.0E8, "rewriteBytesPerSecond": 1.0E8, "indexBuildBytesPerSecond": 3.0E7,
                 "indexRebuildBytesPerSecond": 2.0E7, "foreignKeyRowsPerSecond": 2.0E7,
                 "rowWriteBytesPerSecond": 2.45E7, "spread": 1.5}""");
        assertEquals(2.45e7, older.rowWriteBytesPerSecond());
        assertEquals(Profile.DEFAULT_UPDATE_ROW_MICROS, older.updateRowMicros());
        assertEquals(Profile.DEFAULT_UPDATE_ENTRY_MICROS, older.updateEntryMicros());
        ReadException e = org.junit.jupiter.api.Assertions.assertThrows(ReadException.class,
                () -> ProfileJson.parse("p.json", json.replace("12.25", "0")));
        assertEquals("p.json: invalid profile: updateEntryMicros must be positive, got 0", e.getMessage());
        ReadException big = org.junit.jupiter.api.Assertions.assertThrows(ReadException.class,
                () -> ProfileJson.parse("p.json", json.replace("3.5,", "1e9,")));
        assertTrue(big.getMessage().startsWith("p.json: invalid profile: updateRowMicros must be at most 1000000"),
                big.getMessage());
    }
}
