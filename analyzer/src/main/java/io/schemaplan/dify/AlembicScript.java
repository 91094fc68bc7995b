package io.schemaplan.dify;

import io.schemaplan.read.ReadException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One Alembic migration file, as far as the revision graph needs it: the module-level assignments of
 * {@code revision}, {@code down_revision} (a string, None, or a tuple for a merge) and {@code branch_labels},
 * read as text. The Python is never executed.
 */
public record AlembicScript(String file, int line, String revision, List<String> downRevisions,
                            List<String> branchLabels) {
    public AlembicScript {
        downRevisions = List.copyOf(downRevisions);
        branchLabels = List.copyOf(branchLabels);
    }

    /** {@code name[: annotation] = value} at the start of a line (module level, not inside a function). */
    private static final Pattern ASSIGNMENT =
            Pattern.compile("^(revision|down_revision|branch_labels)\\s*(?::[^=]*)?=(?!=)\\s*(.*)$");
    private static final Pattern STRING = Pattern.compile("(['\"])(.*?)\\1");

    /**
     * Every {@code *.py} file of {@code dir} that assigns {@code revision}, by file name. Files without one
     * ({@code __init__.py}, helpers) are not migrations and are left out.
     *
     * @throws ReadException naming the directory or {@code file:line} of an assignment that cannot be read
     */
    public static List<AlembicScript> readDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ReadException(dir + ": not a directory (expected an Alembic versions/ directory)");
        }
        List<AlembicScript> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".py")).sorted().toList()) {
                AlembicScript s = parse(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
                if (s != null) scripts.add(s);
            }
        } catch (IOException e) {
            throw new ReadException(dir + ": cannot read: " + e.getMessage());
        }
        if (scripts.isEmpty()) {
            throw new ReadException(dir + ": no Alembic migration (*.py with a revision = '…' line) found");
        }
        return scripts;
    }

    /** The script's revision facts, or null when the text assigns no {@code revision}. */
    static AlembicScript parse(String file, String text) {
        String[] lines = text.split("\n", -1);
        String revision = null;
        int revisionLine = 0;
        List<String> down = List.of();
        List<String> labels = List.of();
        for (int i = 0; i < lines.length; i++) {
            Matcher m = ASSIGNMENT.matcher(lines[i]);
            if (!m.matches()) continue;
            StringBuilder value = new StringBuilder(stripComment(m.group(2)));
            int start = i;
            while (depth(value) > 0 && i + 1 < lines.length) {
                value.append(' ').append(stripComment(lines[++i]));
            }
            List<String> strings = strings(file, start + 1, m.group(1), value.toString().strip());
            switch (m.group(1)) {
                case "revision" -> {
                    if (strings.size() != 1) {
                        throw new ReadException(file + ":" + (start + 1) + ": revision must be one string, found: "
                                + value.toString().strip());
                    }
                    revision = strings.get(0);
                    revisionLine = start + 1;
                }
                case "down_revision" -> down = strings;
                default -> labels = strings;
            }
        }
        return revision == null ? null : new AlembicScript(file, revisionLine, revision, down, labels);
    }

    /** The string literals of a value: None is empty; anything else (a name, a call) cannot be read as text. */
    private static List<String> strings(String file, int line, String name, String value) {
        if (value.equals("None") || value.equals("()") || value.equals("[]")) return List.of();
        List<String> out = new ArrayList<>();
        Matcher m = STRING.matcher(value);
        while (m.find()) out.add(m.group(2));
        String rest = STRING.matcher(value).replaceAll("").replaceAll("[()\\[\\],\\s]", "");
        if (out.isEmpty() || !rest.isEmpty()) {
            throw new ReadException(file + ":" + line + ": cannot read " + name + " as text (a string, None or a tuple"
                    + " of strings): " + value);
        }
        return out;
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static int depth(CharSequence s) {
        int d = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[') d++;
            if (c == ')' || c == ']') d--;
        }
        return d;
    }
}
