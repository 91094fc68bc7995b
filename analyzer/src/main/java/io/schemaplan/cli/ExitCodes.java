package io.schemaplan.cli;

/** The process exit codes, documented in the README; scripts and CI jobs rely on them. */
public final class ExitCodes {
    /** The command ran (for {@code diff --exit-code}: no differences). */
    public static final int OK = 0;
    /** {@code diff --exit-code}: differences found; {@code gate}: the policy was violated. */
    public static final int FOUND = 1;
    /** Usage error or unreadable input (bad option, bad file, unreachable database). */
    public static final int USAGE_OR_INPUT = 2;
    /** A bug in schemaplan: the message asks for a report. */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
