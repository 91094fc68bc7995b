package io.schemaplan.dify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.dify.DoctorReport.Finding;
import io.schemaplan.dify.DoctorReport.Severity;
import io.schemaplan.read.AlembicVersionReader;
import io.schemaplan.read.MysqlCatalogReader;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.LocalMariadb;
import io.schemaplan.testing.Samples;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * dify doctor on MariaDB: a database restored from the unpatched 1.11.4 MySQL dump, the state Dify's own
 * migrations leave when they stop at 7df29de0f6be (langgenius/dify#32196). The dump holds no rows, so
 * alembic_version is stamped as those migrations leave it: 03ea244985ce, the last revision they reach.
 */
class MysqlDoctorTest {
    static final String DB = "sp_xdialect_doctor_1114";

    static String restoredUnpatched() {
        LocalMariadb.exec("mysql", "DROP DATABASE IF EXISTS `" + DB + "`",
                "CREATE DATABASE `" + DB + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
        LocalMariadb.clientFile(DB, Samples.mysql("1.11.4"));
        LocalMariadb.exec(DB, "INSERT INTO alembic_version VALUES ('03ea244985ce')");
        return LocalMariadb.url(DB);
    }

    @Test
    void unpatched1114ReportsWhereItStoppedWhatIsMissingAndThePostgresOnlyDefault() {
        String url = restoredUnpatched();
        Optional<List<String>> rows = AlembicVersionReader.read(url);
        assertEquals(Optional.of(List.of("03ea244985ce")), rows);
        DoctorReport r = Doctor.examine(rows, MysqlCatalogReader.read(url), ReleaseCatalog.bundled());

        // The release it reached: the unpatched state of 1.11.4 (1.12.1's migrations stop at the same revision).
        assertEquals("mysql", r.engine());
        assertEquals(List.of("1.11.4/mysql-unpatched", "1.12.1/mysql-unpatched"), r.releases().stream().map(DifyRelease::id).toList());
        assertEquals(0, r.baselineDifferences());
        Finding stopped = only(r, "mysql.upgrade_stopped");
        assertTrue(stopped.message().contains("stop at migration 7df29de0f6be"), stopped.message());

        // What the complete 1.11.4 (the patched MySQL release) has and this database lacks: the table that
        // 7df29de0f6be creates, and the workflow_runs index of a migration after it.
        assertEquals(List.of("drift.missing.index workflow_runs", "drift.missing.table tenant_credit_pools"),
                r.findings().stream().filter(f -> f.code().startsWith("drift."))
                        .map(f -> f.code() + " " + f.change().table().name()).sorted().toList());
        assertTrue(r.findings().stream().anyMatch(f -> f.object().endsWith("workflow_run_created_at_id_idx")));

        // The PostgreSQL-only default that stopped it: tenant_credit_pools.id DEFAULT uuid_generate_v4().
        List<Finding> defaults = r.findings().stream().filter(f -> f.code().equals("mysql.pg_only_default")).toList();
        assertEquals(List.of("tenant_credit_pools.id"), defaults.stream().map(Finding::object).toList());
        assertTrue(defaults.get(0).message().contains("DEFAULT public.uuid_generate_v4()"), defaults.get(0).message());
        assertTrue(defaults.stream().allMatch(f -> f.severity() == Severity.ERROR));

        Cli.Result cli = Cli.run("dify", "doctor", url);
        assertEquals(1, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("tenant_credit_pools.id"), cli.out());
        assertTrue(cli.out().contains("uuid_generate_v4()"), cli.out());
    }

    private static Finding only(DoctorReport r, String code) {
        List<Finding> found = r.findings().stream().filter(f -> f.code().equals(code)).toList();
        assertEquals(1, found.size(), code + " in " + r.findings());
        return found.get(0);
    }
}
