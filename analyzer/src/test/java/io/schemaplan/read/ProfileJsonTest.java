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
}
