package io.schemaplan.script;

import io.schemaplan.model.Engine;
import java.util.ArrayList;
import java.util.List;

/**
 * A migration script read into statements. {@code file} names it in messages; {@code dialect} is the SQL
 * dialect it was read in ({@link Engine#POSTGRES}, or {@link Engine#MYSQL} / {@link Engine#MARIADB}, which are
 * read alike); {@code warnings} are one line each ({@code file:line: …}): what the migration tool wrote into the
 * script to say that it differs from what the tool runs online, and how the dialect was chosen when it was guessed.
 */
public record Script(String file, Engine dialect, List<ScriptStatement> statements, List<String> warnings) {
    public Script {
        java.util.Objects.requireNonNull(dialect, "dialect");
        statements = List.copyOf(statements);
        warnings = List.copyOf(warnings);
    }

    /** The revisions the statements belong to, in script order, each once (none for a script without revision comments). */
    public List<String> revisions() {
        List<String> out = new ArrayList<>();
        for (ScriptStatement s : statements) {
            if (s.revision() != null && (out.isEmpty() || !out.get(out.size() - 1).equals(s.revision()))
                    && !out.contains(s.revision())) out.add(s.revision());
        }
        return out;
    }

    /** The statements of one revision, in order. */
    public List<ScriptStatement> statementsOf(String revision) {
        return statements.stream().filter(s -> revision.equals(s.revision())).toList();
    }
}
