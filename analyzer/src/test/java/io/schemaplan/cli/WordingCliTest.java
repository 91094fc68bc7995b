package io.schemaplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.testing.Cli;
import io.schemaplan.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help a new user reads whole, and plain words for a file that is not a dump. */
class WordingCliTest {
    @TempDir
    Path tmp;

    @Test
    void helpLinesFitAHundredColumnsAndSentencesAreNotCut() {
        for (List<String> args : List.of(List.of("--help"), List.of("dify", "--help"), List.of("plan", "--help"),
                List.of("snapshot", "--help"), List.of("portability", "--help"), List.of("dify", "doctor", "--help"))) {
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertEquals(0, r.exitCode(), r.err());
            r.out().lines().forEach(l -> assertTrue(l.length() <= 100, args + ": " + l));
        }
        String dify = PlanTextCliTest.unwrapped(Cli.run("dify", "--help").out());
        assertTrue(dify.contains("how the schema differs from that release's pristine schema, with what each difference"
                + " means for the next upgrade."), dify);
        assertTrue(dify.contains("(revision, down_revision and branch_labels as text; nothing is executed)"), dify);
        String main = PlanTextCliTest.unwrapped(Cli.run("--help").out());
        assertTrue(main.contains("Flag PostgreSQL-only constructs in a schema meant for MySQL or MariaDB."), main);
        for (String command : List.of("plan", "snapshot")) {
            String help = PlanTextCliTest.unwrapped(Cli.run(command, "--help").out());
            assertTrue(help.contains("mysqldump --no-data") && help.contains("dify:1.12.1"), command + ": " + help);
        }
    }

    @Test
    void aFileThatIsNeitherDumpSaysSoOnOneLine() throws Exception {
        Path notes = Files.writeString(tmp.resolve("NOTES.md"), "# Upgrade notes\n\nRun `schemaplan plan` first.\n");
        Cli.Result r = Cli.run("plan", notes.toString(), Samples.postgres("0.15.3").toString());
        assertEquals(2, r.exitCode());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("schemaplan: " + notes + ":1: not a schema dump: this line is not SQL"), r.err());
        assertFalse(r.err().contains("MySQL/MariaDB dump (a backquoted name)"), r.err());

        // A real dump with a fault is still told by what the reader found.
        Path cut = Files.writeString(tmp.resolve("cut.sql"), "SET statement_timeout = 0;\nCREATE TABLE public.t (id integer\n");
        Cli.Result c = Cli.run("plan", cut.toString(), Samples.postgres("0.15.3").toString());
        assertEquals(2, c.exitCode());
        assertFalse(c.err().contains("not a schema dump"), c.err());
    }
}
