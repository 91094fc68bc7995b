package io.schemaplan.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** {@code -f text|json} and {@code -o FILE}, for commands that print a report (a mixin, so each declares nothing). */
final class ReportOptions {
    enum Format { text, json }

    Format format = Format.text;
    Path output;

    void addTo(CommandSpec spec) {
        spec.addOption(Specs.option(Format.class, () -> format, v -> format = v, "-f", "--format").paramLabel("FORMAT")
                .description("text (default) or json.").build());
        spec.addOption(Specs.option(Path.class, () -> output, v -> output = v, "-o", "--output").paramLabel("FILE")
                .description("Write to FILE instead of stdout.").build());
    }

    boolean json() {
        return format == Format.json;
    }

    void write(String text) {
        Output.write(output, text);
    }
}
