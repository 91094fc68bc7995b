package io.schemaplan.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -f text|json} and {@code -o FILE}, for commands that print a report (a mixin, so each declares nothing). */
final class ReportOptions {
    enum Format { text, json }

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "text (default) or json.")
    Format format = Format.text;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    boolean json() {
        return format == Format.json;
    }

    void write(String text) {
        Output.write(output, text);
    }
}
