package io.schemaplan.scriptplan;

import io.schemaplan.script.Script;
import io.schemaplan.script.ScriptStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * One statement of the run as the planner sees it: its number across all the scripts of the run (from 1;
 * a run may be several Flyway files), the line it starts on in its file, the migration revision it belongs
 * to (null when the script does not say), its SQL, and the file it comes from.
 */
public record SqlStatement(int number, int line, String revision, String sql, String file) {

    /**
     * The statements of the scripts, numbered across them in order. A statement without a revision comment
     * gets its file's name as revision when there are several files (a Flyway version is its file).
     */
    public static List<SqlStatement> of(List<Script> scripts) {
        List<SqlStatement> out = new ArrayList<>();
        for (Script s : scripts) {
            String fileRevision = scripts.size() > 1 ? baseName(s.file()) : null;
            for (ScriptStatement st : s.statements()) {
                out.add(new SqlStatement(out.size() + 1, st.line(), st.revision() != null ? st.revision() : fileRevision,
                        st.sql(), s.file()));
            }
        }
        return out;
    }

    private static String baseName(String file) {
        String name = file.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        return name.replaceFirst("(?i)\\.sql$", "");
    }
}
