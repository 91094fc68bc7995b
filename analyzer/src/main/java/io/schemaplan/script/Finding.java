package io.schemaplan.script;

import io.schemaplan.diff.Change;

/**
 * Something the replay of a script found: a statement it could not apply, or a difference between the schema the
 * replay ends with and the schema the script is meant to reach. {@code statement} and {@code line} name the
 * statement (0 when no statement is to blame: the target has something no statement makes); {@code revision}
 * is that statement's; {@code change} is the schema difference (from the replayed schema to the target's) for
 * the comparison kinds, null for {@link Kind#NOT_APPLIED} and {@link Kind#OUTSIDE_MODEL}.
 */
public record Finding(Kind kind, int statement, int line, String revision, String message, Change change) {

    public enum Kind {
        /** The replay could not apply the statement (unknown table, unsupported form): the model is not what it did. */
        NOT_APPLIED,
        /**
         * The statement changes only what the schema model does not hold (privileges, roles, owners, statistics,
         * explicit locks, functions): normal in a migration, planned like the others, nothing to replay or compare;
         * {@code message} says what it changes.
         */
        OUTSIDE_MODEL,
        /** The target has this and no statement makes it. */
        NOT_IN_SCRIPT,
        /** A statement made this and the target does not have it. */
        NOT_IN_TARGET,
        /** Both have the object, but not alike: the statement named last changed it. */
        DIFFERS,
        /**
         * Both have the object and differ only in how an expression is written (the script's text against the
         * server's rendering, see LooseForms): not a difference a replay can confirm or rule out.
         */
        WRITTEN_DIFFERENTLY
    }
}
