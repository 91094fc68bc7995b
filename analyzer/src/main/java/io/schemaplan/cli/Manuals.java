package io.schemaplan.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build-time tool, not a user command: writes the bash/zsh completion script and the man pages (AsciiDoc, which
 * the build turns into troff) from the same picocli model the CLI parses with, so that neither can drift from the
 * options. Run by {@code mvn package} (analyzer/pom.xml) with picocli-codegen on the class path; that library is
 * a build dependency only and is not in the jar, so this class cannot run from it.
 *
 * <p>Usage: {@code java -cp CLASSES:picocli-codegen.jar io.schemaplan.cli.Manuals OUT_DIR}
 */
final class Manuals {
    private Manuals() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Path completion = out.resolve("completion/schemaplan.bash");
        Files.createDirectories(completion.getParent());
        // Every subcommand: Main otherwise builds only the one a command line names.
        CommandLine cli = Main.commandLine();
        Files.writeString(completion, AutoComplete.bash("schemaplan", cli), StandardCharsets.UTF_8);
        Path adoc = out.resolve("adoc");
        Files.createDirectories(adoc);
        int rc = ManPageGenerator.generateManPage(adoc.toFile(), (File) null, new boolean[0], false, cli.getCommandSpec());
        if (rc != 0) {
            throw new IOException("picocli's ManPageGenerator failed with exit code " + rc);
        }
    }
}
