package io.schemaplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.read.MysqlDumpReader;
import io.schemaplan.read.Snapshots;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.LocalMariadb;
import io.schemaplan.testing.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line with MySQL/MariaDB sources: dumps and live databases, and their one-line errors. */
class MysqlCliTest {
    static final String V1101 = Samples.mysql("1.10.1").toString();
    static final String V1121 = Samples.mysql("1.12.1.patched-32196").toString();

    @TempDir
    Path tmp;

    @Test
    void aLiveDatabaseAndTheDumpOfTheSameReleaseDiffToNothing() {
        String db = LocalMariadb.restoredDump(Samples.mysql("1.12.1.patched-32196"));
        Cli.Result r = Cli.run("diff", "--exit-code", "mysql://root@127.0.0.1:3306/" + db, V1121);
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("no differences"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void twoReleaseDumpsDiff() {
        Cli.Result r = Cli.run("diff", "--exit-code", V1101, V1121);
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().contains("+ table trial_apps ("), r.out());
    }

    @Test
    void aSnapshotOfALiveDatabaseRoundTrips() throws IOException {
        String url = LocalMariadb.url(LocalMariadb.restoredDump(Samples.mysql("1.10.1")));
        Path snap = tmp.resolve("live.json");
        Cli.Result made = Cli.run("snapshot", url, "-o", snap.toString());
        assertEquals(0, made.exitCode(), made.err());
        assertEquals(0, Cli.run("diff", "--exit-code", snap.toString(), url).exitCode());
        assertEquals(0, Cli.run("diff", "--exit-code", V1101, snap.toString()).exitCode());
        Path again = tmp.resolve("again.json");
        assertEquals(0, Cli.run("snapshot", snap.toString(), "-o", again.toString()).exitCode());
        assertEquals(Files.readString(snap), Files.readString(again));
        assertEquals(MysqlDumpReader.read(Samples.mysql("1.10.1")).schema().tables(),
                Snapshots.read(snap, Files.readString(snap)).schema().tables());
    }

    // ---- bad input: exit code 2 and one line ----

    private Cli.Result badInput(String... args) {
        Cli.Result r = Cli.badInput(args);
        assertFalse(r.err().contains("s3cret"), r.err());
        return r;
    }

    @Test
    void aTruncatedMysqlDump() throws IOException {
        String text = Files.readString(Path.of(V1121));
        Path f = Files.writeString(tmp.resolve("cut.sql"), text.substring(0, text.indexOf("CREATE TABLE `workflow_runs`") + 80));
        String err = badInput("diff", f.toString(), V1121).err();
        assertTrue(err.matches("(?s)schemaplan: " + java.util.regex.Pattern.quote(f.toString()) + ":\\d+: .*truncated\n"), err);
    }

    @Test
    void aPostgresDumpBehindAMysqlFirstLine() throws IOException {
        byte[] pg = Files.readAllBytes(Samples.postgres("1.12.1"));
        Path f = tmp.resolve("mixed.sql");
        Files.write(f, ("/*!40101 SET NAMES utf8mb4 */;\n" + new String(pg, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        String err = badInput("snapshot", f.toString()).err();
        assertTrue(err.contains(f + ":") && err.contains("this is a PostgreSQL dump"), err);
    }

    @Test
    void anEmptyOrBinaryFileNamedLikeAMysqlDump() throws IOException {
        Path empty = Files.write(tmp.resolve("mysql.sql"), new byte[0]);
        assertTrue(badInput("diff", empty.toString(), V1121).err().contains(empty + ":"));
        Path blob = Files.write(tmp.resolve("mysqldump.sql"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2});
        assertTrue(badInput("diff", V1121, blob.toString()).err().contains(blob + ":1:"));
    }

    @Test
    void anUnknownHost() {
        String err = badInput("diff", "mysql://root:s3cret@no-such-host.invalid:3306/dify", V1121).err();
        assertEquals("schemaplan: mysql://root@no-such-host.invalid:3306/dify: unknown host no-such-host.invalid\n", err);
    }

    @Test
    void aWrongPassword() {
        String db = LocalMariadb.restoredDump(Samples.mysql("1.10.1"));
        String err = badInput("snapshot", "mariadb://root:s3cret@127.0.0.1:3306/" + db).err();
        assertTrue(err.contains("mariadb://root@127.0.0.1:3306/" + db + ": access denied for user root"), err);
    }

    @Test
    void anUnknownDatabase() {
        String err = badInput("snapshot", "jdbc:mariadb://127.0.0.1:3306/sp_mysql_no_such_db?user=root&password=s3cret").err();
        assertTrue(err.contains("sp_mysql_no_such_db"), err);
    }

    @Test
    void aRefusedConnection() {
        String err = badInput("diff", "mysql://root:s3cret@127.0.0.1:1/dify", V1121).err();
        assertTrue(err.contains("mysql://root@127.0.0.1:1/dify: cannot connect to 127.0.0.1:1"), err);
    }
}
