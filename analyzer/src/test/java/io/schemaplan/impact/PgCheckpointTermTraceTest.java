package io.schemaplan.impact;

import static io.schemaplan.impact.PgDataStatementsTraceTest.count;
import static io.schemaplan.impact.PgDataStatementsTraceTest.text;
import static io.schemaplan.impact.PgRulesTraceTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.QName;
import io.schemaplan.model.Stats;
import io.schemaplan.model.TableStats;
import io.schemaplan.read.PostgresStatsReader;
import io.schemaplan.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checkpoint term of a long UPDATE ({@link CostModel#checkpointWal}) against the server: a full-table
 * UPDATE in heap order, run as {@value #BATCHES} statements in one transaction with a CHECKPOINT from a
 * second session before each (a checkpoint cannot be forced in the middle of one statement; one
 * transaction keeps the old versions, so the indexes grow as under a single statement). pg_walinspect
 * counts the page images each batch logs per index, for the transaction's own id only. The table has a
 * uuid primary key, whose new entries scatter over every leaf, and an index on (grp, created_at) whose
 * key follows the heap's order after {@value #GROUPS} prefixes, which the statistics reader must say.
 * The same WAL also shows that an UPDATE writes one entry per row into every index, the count the UPDATE's
 * price rests on ({@link CostModel#awayEntries}). Database {@code sp_ckpt_pg}; a temporary replication slot
 * keeps the WAL until it is read.
 */
class PgCheckpointTermTraceTest {
    private static final String DB = "sp_ckpt_pg";
    private static final int ROWS = 60_000;
    private static final int BATCHES = 4;
    private static final int GROUPS = 20;

    @BeforeAll
    static void database() {
        LocalPostgres.freshDatabase(DB);
        LocalPostgres.exec(DB, "CREATE EXTENSION pg_walinspect");
        LocalPostgres.exec(DB, "CREATE TABLE ck (id uuid NOT NULL, grp int NOT NULL, created_at timestamp NOT NULL,"
                + " v text, e text) WITH (autovacuum_enabled = off);"
                + " INSERT INTO ck SELECT md5('k' || i)::uuid, i % " + GROUPS + ","
                + " timestamp '2024-01-01' + i * interval '1 second', repeat(md5('v' || i), 3), NULL"
                + " FROM generate_series(1, " + ROWS + ") i;"
                + " ALTER TABLE ck ADD CONSTRAINT ck_pkey PRIMARY KEY (id);"
                + " CREATE INDEX ck_grp_created ON ck (grp, created_at)");
        LocalPostgres.exec(DB, "VACUUM ANALYZE ck");
    }

    @AfterAll
    static void dropDatabase() {
        LocalPostgres.dropDatabase(DB);
    }

    @Test
    void eachCheckpointReImagesTheScatteredIndexWholeAndTheHeapOrderedOneOnlyWhereItsPrefixesGrow()
            throws Exception {
        Stats stats = PostgresStatsReader.read(LocalPostgres.url(DB));
        TableStats ts = stats.table(QName.of("public", "ck")).orElseThrow();
        assertEquals(Map.of("ck_grp_created", (long) GROUPS), ts.heapOrderedIndexes(), "the reader's heap order");
        Work work = Work.of(ts, stats, ts.rows());
        long pkey = ts.indexes().get("ck_pkey");
        long ordered = ts.indexes().get("ck_grp_created");
        int perBatch = ROWS / BATCHES;
        try (Connection a = LocalPostgres.connect(DB); Connection b = LocalPostgres.connect(DB)) {
            run(b, "SELECT pg_create_physical_replication_slot('sp_ckpt_' || pg_backend_pid(), true, true)");
            Map<String, Long> files = filenodes(b, "ck");
            a.setAutoCommit(false);
            long xid = count(a, "SELECT txid_current()");
            String[][] ranges = new String[BATCHES][];
            for (int i = 0; i < BATCHES; i++) {
                run(b, "CHECKPOINT");
                String start = text(b, "SELECT pg_current_wal_lsn()");
                run(a, "UPDATE ck SET e = 'x' WHERE created_at > timestamp '2024-01-01' + " + i * perBatch
                        + " * interval '1 second' AND created_at <= timestamp '2024-01-01' + " + (i + 1) * perBatch
                        + " * interval '1 second'");
                ranges[i] = new String[] {start, text(b, "SELECT pg_current_wal_lsn()")};
            }
            a.commit(); // flushes the WAL, which pg_walinspect reads only up to the flushed end
            Map<String, Long> again = new HashMap<>();
            for (int i = 0; i < BATCHES; i++) {
                Map<String, Long> images = btreeImages(b, ranges[i][0], ranges[i][1], xid, files);
                System.out.printf("[ckpt] batch %d: page images %s%n", i, images);
                // The first batch images every leaf for the first time: the model's own WAL counts that.
                if (i > 0) images.forEach((name, bytes) -> again.merge(name, bytes, Long::sum));
            }
            int crossed = BATCHES - 1;
            // The model: after each checkpoint, E(r) with r the rows between two; the heap-ordered index
            // also gets its first images of the leaves each batch's rows reach (1 / BATCHES of it), which
            // the model's own WAL holds and the measurement cannot tell apart.
            double modelScattered = crossed * pkey * -Math.expm1(-(double) perBatch / (pkey / 8192.0));
            double modelOrdered = crossed * (ordered * -Math.expm1(-GROUPS / (ordered / 8192.0)) + ordered / (double) BATCHES);
            double model = CostModel.reimaged(work.checkpoints(), perBatch) * crossed + crossed * ordered / (double) BATCHES;
            assertEquals(modelScattered + modelOrdered, model, model * 1e-9);
            System.out.printf("[ckpt] images again after %d checkpoints: pkey %,d (model %,.0f), ordered %,d (model %,.0f)%n",
                    crossed, again.get("ck_pkey"), modelScattered, again.get("ck_grp_created"), modelOrdered);
            assertWithin(modelScattered, again.get("ck_pkey"), 1.5, "uuid primary key imaged again");
            assertWithin(modelOrdered, again.get("ck_grp_created"), 1.5, "heap-ordered index imaged again");
            // The contrast the term rests on: each checkpoint re-images nearly all of the scattered index, and
            // well under half of the heap-ordered one.
            assertTrue(again.get("ck_pkey") > 0.8 * crossed * pkey, again.toString());
            assertTrue(again.get("ck_grp_created") < 0.5 * crossed * ordered, again.toString());
        }
    }

    /**
     * The entries {@link CostModel#awayEntries} counts are the server's: a full-table UPDATE of an unindexed
     * column on a packed table is not HOT, so every index gets one entry per row, counted here as the btree
     * records that add one (INSERT_LEAF, INSERT_POST, and the leaf splits that carry the new entry) of the
     * transaction's own WAL. Of its four indexes the reader sees created_at heap-ordered at 1 place (not away)
     * and (grp, created_at) at 500 places (away, past {@link CostModel#AWAY_PLACES}); the uuid primary key and
     * the md5 text are scattered: 3 away entries a row.
     */
    @Test
    void aFullTableUpdateWritesOneEntryPerRowInEveryIndexAndTheModelCountsTheAwayOnes() throws Exception {
        int rows = 10_000;
        LocalPostgres.exec(DB, "CREATE TABLE en (id uuid NOT NULL, grp int NOT NULL, created_at timestamp NOT NULL,"
                + " v text NOT NULL, e text) WITH (autovacuum_enabled = off);"
                + " INSERT INTO en SELECT md5('n' || i)::uuid, i % 500, timestamp '2024-01-01' + i * interval '1 second',"
                + " md5('v' || i), NULL FROM generate_series(1, " + rows + ") i;"
                + " ALTER TABLE en ADD CONSTRAINT en_pkey PRIMARY KEY (id);"
                + " CREATE INDEX en_grp_created ON en (grp, created_at); CREATE INDEX en_created ON en (created_at);"
                + " CREATE INDEX en_v ON en (v)");
        LocalPostgres.exec(DB, "VACUUM ANALYZE en");
        Stats stats = PostgresStatsReader.read(LocalPostgres.url(DB));
        TableStats ts = stats.table(QName.of("public", "en")).orElseThrow();
        assertEquals(Map.of("en_grp_created", 500L, "en_created", 1L), ts.heapOrderedIndexes(), "the reader's heap order");
        Work work = Work.of(ts, stats, ts.rows());
        assertEquals(4, work.indexCount());
        assertEquals(3, CostModel.awayEntries(work));
        try (Connection a = LocalPostgres.connect(DB); Connection b = LocalPostgres.connect(DB)) {
            run(b, "SELECT pg_create_physical_replication_slot('sp_ckpt_' || pg_backend_pid(), true, true)");
            Map<String, Long> files = filenodes(b, "en");
            a.setAutoCommit(false);
            long xid = count(a, "SELECT txid_current()");
            String start = text(b, "SELECT pg_current_wal_lsn()");
            run(a, "UPDATE en SET e = 'x'");
            a.commit();
            Map<String, Long> entries = btree(b, start, text(b, "SELECT pg_current_wal_lsn()"), xid, files, "count(*)",
                    "record_type IN ('INSERT_LEAF', 'INSERT_POST') OR record_type LIKE 'SPLIT_%' AND description LIKE 'level: 0,%'");
            System.out.printf("[entries] btree records adding an entry, per index: %s%n", entries);
            assertEquals(files.keySet(), entries.keySet(), "every index got entries");
            entries.forEach((name, n) -> assertWithin(rows, n, 1.05, name + ": one entry per row"));
            long hot = count(b, "SELECT n_tup_hot_upd FROM pg_stat_user_tables WHERE relname = 'en'");
            assertTrue(hot < rows / 50, "HOT updates " + hot);
        } finally {
            LocalPostgres.exec(DB, "DROP TABLE en");
        }
    }

    private static void assertWithin(double expected, long measured, double factor, String what) {
        assertTrue(measured >= expected / factor && measured <= expected * factor,
                what + ": measured " + measured + ", model " + (long) expected + " (within x" + factor + ")");
    }

    private static Map<String, Long> filenodes(Connection b, String table) throws SQLException {
        Map<String, Long> m = new HashMap<>();
        try (Statement s = b.createStatement(); ResultSet rs = s.executeQuery("SELECT i.relname, pg_relation_filenode(i.oid)"
                + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = '" + table + "'::regclass")) {
            while (rs.next()) m.put(rs.getString(1), rs.getLong(2));
        }
        return m;
    }

    /** The page-image bytes of btree records of transaction {@code xid} from {@code start} to {@code end}, per index. */
    private static Map<String, Long> btreeImages(Connection b, String start, String end, long xid,
                                                 Map<String, Long> files) throws SQLException {
        return btree(b, start, end, xid, files, "sum(fpi_length)", "true");
    }

    /** {@code aggregate} over the btree records of transaction {@code xid} that match {@code where}, per index. */
    private static Map<String, Long> btree(Connection b, String start, String end, long xid, Map<String, Long> files,
                                           String aggregate, String where) throws SQLException {
        Map<String, Long> m = new HashMap<>();
        try (PreparedStatement ps = b.prepareStatement("SELECT substring(block_ref from 'rel [0-9]+/[0-9]+/([0-9]+)')::bigint,"
                + " " + aggregate + "::bigint FROM pg_get_wal_records_info(?::pg_lsn, ?::pg_lsn)"
                + " WHERE xid = ?::xid AND resource_manager = 'Btree' AND (" + where + ") GROUP BY 1")) {
            ps.setString(1, start);
            ps.setString(2, end);
            ps.setString(3, String.valueOf(xid));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long node = rs.getLong(1);
                    for (Map.Entry<String, Long> f : files.entrySet()) {
                        if (f.getValue() == node) m.put(f.getKey(), rs.getLong(2));
                    }
                }
            }
        }
        return m;
    }
}
