/**
 * The command line: thin picocli commands that parse options, call the library and render. Exit codes
 * live in {@link io.schemaplan.cli.ExitCodes}; user errors print one line, never a stack trace.
 */
package io.schemaplan.cli;
