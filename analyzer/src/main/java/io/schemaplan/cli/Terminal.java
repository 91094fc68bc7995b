package io.schemaplan.cli;

import io.schemaplan.text.Printable;
import java.io.PrintStream;

/**
 * What the process knows about its terminal: colours only when stdout is a terminal (and NO_COLOR is
 * unset, and TERM is not dumb), a progress line on stderr only when a person is watching.
 */
final class Terminal {
    enum ColorMode { AUTO, ALWAYS, NEVER }

    private Terminal() {
    }

    static boolean interactive() {
        return System.console() != null;
    }

    static boolean colors(ColorMode mode) {
        return switch (mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> interactive() && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
        };
    }

    /** Prints a transient status line on stderr ("reading …"); nothing when stderr is not watched. */
    static void progress(String message) {
        if (interactive()) {
            PrintStream err = System.err;
            err.print("\r\033[K" + Printable.escape(message));
            err.flush();
        }
    }

    static void clearProgress() {
        if (interactive()) {
            System.err.print("\r\033[K");
            System.err.flush();
        }
    }
}
