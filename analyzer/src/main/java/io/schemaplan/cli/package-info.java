/**
 * The command line: thin picocli commands that parse options, call the library and render. Each command
 * builds its picocli model in code ({@link io.schemaplan.cli.Specs}), not from annotations. Exit codes
 * live in {@link io.schemaplan.cli.ExitCodes}; user errors print one line, never a stack trace. Defaults
 * for plan and gate may come from {@code schemaplan.yaml} ({@link io.schemaplan.cli.ConfigFile}). Two
 * classes are build-time tools run by {@code mvn package}, not commands: {@code CdsTraining} (the start-up
 * archive) and {@code Manuals} (completion script and man pages).
 */
package io.schemaplan.cli;
