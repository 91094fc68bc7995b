package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.Schemaplan;
import io.schemaplan.diff.Change;
import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.impact.Plan;
import io.schemaplan.model.QName;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Sequence;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.LocalMariadb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MariaDB sequences in both readers: our own dumps in the shapes of mariadb-dump 10.5 ({@code SELECT SETVAL}) and
 * 10.11 ({@code DO SETVAL}, the sandbox line), each restored with the {@code mariadb} client into the database its
 * header names (its sequence defaults name it: {@code nextval(`db`.`s`)}), read alike live and dumped; a database
 * made with script-form statements (options left out) reads as its own mariadb-dump does; a changed sequence is a
 * change; a sequence option the server refuses is a one-line error naming file and line.
 */
class MysqlSequencesReadTest {
    static final Path DIR = Path.of("src/test/resources/mysql/shapes");
    static final List<String> DATABASES = List.of("sp_myseq_shapes_105", "sp_myseq_shapes_1011", "sp_myseq_read_live",
            "sp_myseq_read_changed", "sp_myseq_invalid");

    @BeforeAll
    static void restore() {
        for (String v : List.of("105", "1011")) {
            String db = "sp_myseq_shapes_" + v;
            fresh(db);
            LocalMariadb.clientFile(db, file(v));
        }
    }

    @AfterAll
    static void dropDatabases() {
        DATABASES.forEach(db -> LocalMariadb.exec("mysql", "DROP DATABASE IF EXISTS `" + db + "`"));
    }

    static void fresh(String db) {
        LocalMariadb.exec("mysql", "DROP DATABASE IF EXISTS `" + db + "`",
                "CREATE DATABASE `" + db + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
    }

    static Path file(String version) {
        return DIR.resolve("mariadb-dump-" + (version.equals("105") ? "10.5" : "10.11") + "-sequences.sql");
    }

    static Sequence sequence(Schema s, String name) {
        return s.sequences().stream().filter(q -> q.name().equals(QName.of("", name))).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"105", "1011"})
    void theDumpAndTheDatabaseRestoredFromItReadTheSameSequences(String version) {
        Loaded dump = MysqlDumpReader.read(file(version));
        Loaded live = MysqlCatalogReader.read(LocalMariadb.url("sp_myseq_shapes_" + version));
        assertEquals(4, dump.schema().sequences().size(), dump.schema().sequences().toString());
        assertEquals(dump.schema().sequences(), live.schema().sequences());
        assertEquals(dump.schema().tables(), live.schema().tables(), () -> SchemaDifference.describe(dump.schema(), live.schema()));
        assertEquals(List.of(), SchemaDiff.diff(dump.schema(), live.schema()));
        assertEquals(List.of(), SchemaDiff.diff(live.schema(), dump.schema()));
        assertEquals(List.of(), dump.warnings(), "a sequence's SETVAL is its current value, not a data statement");
        assertEquals(List.of(), live.warnings());
        Cli.Result r = Cli.run("diff", "--exit-code", file(version).toString(), LocalMariadb.url("sp_myseq_shapes_" + version));
        assertEquals(0, r.exitCode(), r.out() + r.err());
    }

    @Test
    void optionsAsTheServerPrintsThem() {
        Schema s = MysqlDumpReader.read(file("1011")).schema();
        assertEquals(new Sequence(QName.of("", "ticket_numbers"), "bigint", 1, 1, null, null, 1000, false, null, null),
                sequence(s, "ticket_numbers"), "minvalue 1 and maxvalue 9223372036854775806 are the defaults");
        assertEquals(new Sequence(QName.of("", "invoice_numbers"), "bigint", 5000, 1, null, 99_999_999L, 20, true, null,
                "one per invoice, wraps"), sequence(s, "invoice_numbers"));
        assertEquals(new Sequence(QName.of("", "countdown"), "bigint", -1, -1, null, null, 1000, false, null, null),
                sequence(s, "countdown"), "a descending sequence's defaults are its own");
        assertEquals(0, sequence(s, "batch_ids").cache(), "nocache");
        assertEquals("nextval(`ticket_numbers`)", s.table(QName.of("", "tickets")).orElseThrow().column("id")
                .orElseThrow().defaultExpr(), "the dump's own database is no part of the default");
    }

    /** Statements with options left out, as a script writes them: the live read and the server's own dump agree. */
    @Test
    void aDatabaseMadeWithoutOptionsReadsAsItsOwnDump(@TempDir Path tmp) {
        String db = "sp_myseq_read_live";
        fresh(db);
        LocalMariadb.exec(db, "CREATE SEQUENCE plain", "CREATE SEQUENCE down INCREMENT BY -5 MAXVALUE 1000 NOCACHE",
                "CREATE SEQUENCE wide START 7 MINVALUE=-10 MAXVALUE 100 INCREMENT 3 CACHE 5 CYCLE COMMENT 'x'",
                "CREATE SEQUENCE flipped", "ALTER SEQUENCE flipped INCREMENT BY -1",
                "CREATE TABLE t (id bigint NOT NULL DEFAULT NEXT VALUE FOR plain PRIMARY KEY, b int DEFAULT nextval(wide))");
        Loaded live = MysqlCatalogReader.read(LocalMariadb.url(db));
        Loaded dump = MysqlDumpReader.read(LocalMariadb.dump(db, tmp.resolve("d.sql")));
        assertEquals(dump.schema().sequences(), live.schema().sequences());
        assertEquals(List.of(), SchemaDiff.diff(dump.schema(), live.schema()));
        assertEquals(new Sequence(QName.of("", "down"), "bigint", 1000, -5, null, 1000L, 0, false, null, null),
                sequence(live.schema(), "down"));
        // ALTER keeps the ascending bounds: after it they are no longer the defaults of the direction
        assertEquals(new Sequence(QName.of("", "flipped"), "bigint", 1, -1, 1L, 9_223_372_036_854_775_806L, 1000,
                false, null, null), sequence(live.schema(), "flipped"));
        assertEquals("nextval(`wide`)", live.schema().table(QName.of("", "t")).orElseThrow().column("b").orElseThrow()
                .defaultExpr());
    }

    @Test
    void aChangedSequenceIsAChange(@TempDir Path tmp) throws java.io.IOException {
        String db = "sp_myseq_read_changed";
        fresh(db);
        // Restored under another name, the dump's defaults would still name sp_myseq_shapes_1011's sequences.
        LocalMariadb.clientFile(db, java.nio.file.Files.writeString(tmp.resolve("d.sql"),
                java.nio.file.Files.readString(file("1011")).replace("sp_myseq_shapes_1011", db)));
        LocalMariadb.exec(db, "ALTER SEQUENCE invoice_numbers MAXVALUE 500000000 CACHE 50", "DROP SEQUENCE countdown",
                "CREATE SEQUENCE refunds START WITH 10");
        Loaded from = MysqlDumpReader.read(file("1011"));
        Loaded to = MysqlCatalogReader.read(LocalMariadb.url(db));
        List<Change> changes = SchemaDiff.diff(from.schema(), to.schema());
        assertEquals(java.util.Set.of("sequence.dropped countdown", "sequence.changed invoice_numbers",
                "sequence.added refunds"), changes.stream().map(c -> c.kind() + " " + c.object())
                .collect(java.util.stream.Collectors.toSet()));
        assertEquals(3, changes.size());
        Change.SequenceChanged c = changes.stream().filter(Change.SequenceChanged.class::isInstance)
                .map(Change.SequenceChanged.class::cast).findFirst().orElseThrow();
        assertEquals(500_000_000L, c.to().maxValue());
        assertEquals(50, c.to().cache());
        Plan plan = Schemaplan.plan(from, to, Schemaplan.Options.defaults());
        assertEquals(List.of("ALTER_SEQUENCE EXCLUSIVE invoice_numbers", "CREATE_SEQUENCE NONE null",
                "DROP_SEQUENCE EXCLUSIVE countdown"), plan.items().stream().map(i -> i.operation() + " "
                + (i.lock() == null ? "NONE" : i.lock().replaceAll(".*LOCK=", "")) + " " + (i.table() == null ? null
                : i.table().name())).sorted().toList());
        String text = Schemaplan.render(plan, Schemaplan.Format.TEXT);
        assertTrue(text.contains("sequence invoice_numbers"), text);
    }

    /** MariaDB 11.5+ writes a sequence's type ({@code AS int unsigned}); 10.11 cannot restore it, so the model is asserted. */
    @Test
    void aTypedSequenceOfMariadb115() {
        String dump = "-- MariaDB dump 10.19-11.8.3-MariaDB, for debian-linux-gnu (x86_64)\n-- Server version\t11.8.3-MariaDB\n"
                + "CREATE SEQUENCE `small` as smallint start with 1 minvalue 1 maxvalue 32766 increment by 1 cache 1000 "
                + "nocycle ENGINE=InnoDB;\nDO SETVAL(`small`, 1, 0);\n"
                + "CREATE SEQUENCE `big` as bigint unsigned start with 1 minvalue 1 maxvalue 18446744073709551614 "
                + "increment by 1 cache 1000 nocycle ENGINE=InnoDB;\n-- Dump completed on 2026-12-08  0:38:55\n";
        Schema s = MysqlDumpReader.read("typed.sql", dump.getBytes(StandardCharsets.UTF_8)).schema();
        assertEquals(new Sequence(QName.of("", "small"), "smallint", 1, 1, null, null, 1000, false, null, null),
                sequence(s, "small"), "32766 is smallint's default maximum");
        assertEquals(new Sequence(QName.of("", "big"), "bigint unsigned", 1, 1, null, null, 1000, false, null, null),
                sequence(s, "big"), "a maximum past a long is the type's default, held as none");
    }

    @Test
    void anOptionTheServerRefusesIsOneLineNamingFileAndLine() {
        Path bad = DIR.resolve("invalid/sequence-unknown-option.sql");
        Cli.Result r = Cli.badInput("diff", bad.toString(), bad.toString());
        assertEquals("schemaplan: " + bad + ":4: cannot parse CREATE SEQUENCE `label_numbers`: unknown sequence option "
                + "'no cycle ENGINE=InnoDB'", r.errLines().get(0));
        fresh("sp_myseq_invalid");
        LocalMariadb.ClientRun server = LocalMariadb.run(bad, "--database=sp_myseq_invalid");
        assertNotEquals(0, server.exitCode(), "MariaDB accepted " + bad + ": " + server.output());
        assertTrue(server.output().contains("ERROR 1064"), server.output());
        ReadException e = assertThrows(ReadException.class, () -> MysqlDumpReader.read("x.sql",
                "CREATE SEQUENCE s start with 5 minvalue 10;\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("x.sql:1: cannot parse CREATE SEQUENCE s: sequence s: MINVALUE 10"),
                e.getMessage());
    }
}
