package io.schemaplan.script;

import io.schemaplan.model.Engine;
import io.schemaplan.read.InputFiles;
import io.schemaplan.read.ScriptText;
import io.schemaplan.script.ScriptStatement.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a migration script statement by statement, with the dump statement readers (so quotes, dollar quotes,
 * comments, psql meta-lines, backquotes, {@code DELIMITER} and version comments are understood exactly as in
 * dumps). Bad input (binary, not UTF-8, empty, an unterminated quote or statement, over the size limit) is a
 * {@link io.schemaplan.read.ReadException} of one line naming the file and line.
 *
 * <p>The dialect is the caller's, or sniffed from the head of the file: backquoted names, {@code ENGINE=},
 * {@code AUTO_INCREMENT}, {@code DELIMITER}, MySQL-only types say MySQL; {@code ::} casts, {@code $$} bodies,
 * psql meta-lines, PostgreSQL-only types say PostgreSQL; the side with more signs wins, and a file with none
 * is read as PostgreSQL with a warning that says so.
 */
public final class ScriptReader {
    private ScriptReader() {
    }

    /**
     * Alembic's marker before each revision's statements: {@code -- Running upgrade X -> Y} (X empty from base;
     * {@code X1, X2 -> Y} for a merge revision).
     */
    private static final Pattern ALEMBIC_REVISION = Pattern.compile("^--\\s*Running upgrade\\s+(.*?)\\s*->\\s*(\\S+)\\s*$");

    /** Liquibase's {@code updateSQL} marker before each changeset's statements: {@code -- Changeset file::id::author}. */
    private static final Pattern LIQUIBASE_CHANGESET = Pattern.compile("^--\\s*Changeset\\s+(\\S+)");

    /** A Flyway versioned migration's file name, {@code V2__add_status.sql}: its version is the revision of every statement. */
    private static final Pattern FLYWAY_FILE = Pattern.compile("(?:^|.*[/\\\\])V(\\d[0-9._]*)__[^/\\\\]+\\.sql$");

    /**
     * Text by which a migration tool says in the script that the script is not what it runs online: Alembic's
     * offline-mode notes (a data migration skipped, an inspection answered by assumption).
     */
    private static final List<String> OFFLINE_NOTES = List.of("data migration skipped", "executing in offline mode",
            "may differ from what will actually be executed");

    /** Reads the script at {@code file} ({@code -} is stdin); {@code dialect} null: sniffed. */
    public static Script read(Path file, Engine dialect) {
        InputFiles.Content content = InputFiles.read(file.toString(), InputFiles.Kind.SCRIPT);
        return read(content.label(), content.bytes(), dialect);
    }

    /**
     * Reads the script at {@code file} to run on a schema of {@code schemaDialect}: the script's own signs decide its
     * dialect, the schema's only when it has none; a script of the other dialect is a one-line error (planned as
     * the schema's dialect, a PostgreSQL script would split into nonsense without a word).
     */
    public static Script readFor(Path file, Engine schemaDialect) {
        InputFiles.Content content = InputFiles.read(file.toString(), InputFiles.Kind.SCRIPT);
        byte[] bytes = content.bytes();
        Engine wanted = schemaDialect.isMysqlFamily() ? Engine.MYSQL : Engine.POSTGRES;
        Engine seen = sniff(new String(bytes, 0, Math.min(bytes.length, SNIFF_BYTES), java.nio.charset.StandardCharsets.UTF_8));
        if (seen != null && seen != wanted) {
            ScriptText.requireSql(content.label(), bytes); // a README given by mistake says so first
            throw io.schemaplan.read.ReadException.at(content.label(), 1, "this is a " + name(seen) + " migration script;"
                    + " the schema it runs on is " + name(wanted));
        }
        return read(content.label(), bytes, wanted);
    }

    private static String name(Engine dialect) {
        return dialect == Engine.MYSQL ? "MySQL/MariaDB" : "PostgreSQL";
    }

    /** Reads script bytes; {@code file} names them in messages; {@code dialect} null: sniffed. */
    public static Script read(String file, byte[] bytes, Engine dialect) {
        List<String> warnings = new ArrayList<>();
        Engine chosen = dialect;
        if (chosen == null) {
            String head = new String(bytes, 0, Math.min(bytes.length, SNIFF_BYTES), java.nio.charset.StandardCharsets.UTF_8);
            chosen = sniff(head);
            if (chosen == null) {
                chosen = Engine.POSTGRES;
                warnings.add(file + ":1: nothing in the script says PostgreSQL or MySQL; read as PostgreSQL"
                        + " (name the dialect to read it otherwise)");
            }
        }
        ScriptText.Split split = chosen == Engine.POSTGRES ? ScriptText.postgres(file, bytes) : ScriptText.mysql(file, bytes);
        return assemble(file, chosen, split, warnings);
    }

    /** Statements numbered, classified and given the revision the comments before them name; notes become warnings. */
    private static Script assemble(String file, Engine dialect, ScriptText.Split split, List<String> warnings) {
        List<ScriptText.Comment> comments = split.comments();
        List<ScriptStatement> statements = new ArrayList<>(split.statements().size());
        Matcher flyway = FLYWAY_FILE.matcher(file);
        String revision = flyway.matches() ? flyway.group(1) : null;
        int c = 0;
        for (int k = 0; k <= split.statements().size(); k++) {
            // the comments before statement k (and inside the one before it): revision markers, tool notes
            int from = c;
            while (c < comments.size() && comments.get(c).statementsBefore() <= k) {
                String comment = comments.get(c).text().strip();
                Matcher m = ALEMBIC_REVISION.matcher(comment);
                Matcher changeset = LIQUIBASE_CHANGESET.matcher(comment);
                if (m.matches()) revision = m.group(2);
                else if (changeset.lookingAt()) revision = changeset.group(1);
                c++;
            }
            notes(file, comments.subList(from, c), revision, warnings);
            if (k == split.statements().size()) break;
            ScriptText.Statement s = split.statements().get(k);
            statements.add(new ScriptStatement(k + 1, s.line(), revision, s.text(), kindOf(s.text())));
        }
        return new Script(file, dialect, statements, warnings);
    }

    /**
     * One warning per block of consecutive comment lines that holds a tool's offline note, with the block's text
     * (Alembic writes the function to run by hand and the migration file on the lines after its marker).
     */
    private static void notes(String file, List<ScriptText.Comment> comments, String revision, List<String> warnings) {
        int k = 0;
        while (k < comments.size()) {
            int end = k + 1;
            while (end < comments.size() && comments.get(end).line() == comments.get(end - 1).line() + 1) end++;
            List<ScriptText.Comment> block = comments.subList(k, end);
            String lower = block.stream().map(ScriptText.Comment::text).reduce("", String::concat).toLowerCase(Locale.ROOT);
            if (OFFLINE_NOTES.stream().anyMatch(lower::contains)) {
                StringBuilder text = new StringBuilder();
                for (ScriptText.Comment x : block) {
                    String line = x.text().strip().replaceFirst("^--\\s*", "").replaceFirst(";$", "");
                    if (!line.isEmpty()) text.append(text.length() == 0 ? "" : " ").append(line);
                }
                warnings.add(file + ":" + block.get(0).line() + ": " + (revision == null ? "" : "revision " + revision + ": ")
                        + "the migration tool notes that this script differs from what it runs online: " + text);
            }
            k = end;
        }
    }

    /** The leading words of each kind; the longest match wins (two words before one). */
    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("BEGIN", Kind.BEGIN), Map.entry("START TRANSACTION", Kind.BEGIN),
            Map.entry("COMMIT", Kind.COMMIT), Map.entry("END", Kind.COMMIT),
            Map.entry("ROLLBACK", Kind.ROLLBACK), Map.entry("ABORT", Kind.ROLLBACK), Map.entry("ROLLBACK TO", Kind.OTHER),
            Map.entry("SET", Kind.SET), Map.entry("RESET", Kind.SET),
            Map.entry("CREATE", Kind.DDL), Map.entry("ALTER", Kind.DDL), Map.entry("DROP", Kind.DDL),
            Map.entry("COMMENT", Kind.DDL), Map.entry("RENAME", Kind.DDL),
            Map.entry("UPDATE", Kind.DATA), Map.entry("DELETE", Kind.DATA), Map.entry("INSERT", Kind.DATA),
            Map.entry("MERGE", Kind.DATA), Map.entry("COPY", Kind.DATA), Map.entry("TRUNCATE", Kind.DATA),
            Map.entry("REPLACE", Kind.DATA), Map.entry("LOAD", Kind.DATA));

    private static final Pattern WORDS = Pattern.compile("^\\(*\\s*([A-Za-z]+)(?:\\s+([A-Za-z]+))?");
    /** A data-changing verb at the top of a {@code WITH} statement's main query. */
    private static final Pattern WITH_DATA = Pattern.compile("(?i)\\b(INSERT|UPDATE|DELETE|MERGE)\\b");

    /** The kind of a statement by its leading words. */
    static Kind kindOf(String sql) {
        Matcher m = WORDS.matcher(sql);
        if (!m.find()) return Kind.OTHER;
        String first = m.group(1).toUpperCase(Locale.ROOT);
        if (first.equals("WITH")) return WITH_DATA.matcher(sql).find() ? Kind.DATA : Kind.OTHER;
        if (m.group(2) != null) {
            Kind two = KINDS.get(first + " " + m.group(2).toUpperCase(Locale.ROOT));
            if (two != null) return two;
        }
        return KINDS.getOrDefault(first, Kind.OTHER);
    }

    private static final int SNIFF_BYTES = 256 * 1024;

    private static final List<Pattern> MYSQL_SIGNS = List.of(Pattern.compile("`"),
            Pattern.compile("(?i)\\bENGINE\\s*="), Pattern.compile("(?i)\\bAUTO_INCREMENT\\b"),
            Pattern.compile("(?im)^DELIMITER\\s"), Pattern.compile("/\\*!\\d"),
            Pattern.compile("(?i)\\b(DATETIME|TINYINT|MEDIUMINT|LONGTEXT|MEDIUMTEXT|TINYTEXT|LONGBLOB|MEDIUMBLOB)\\b"),
            Pattern.compile("(?i)\\bUNSIGNED\\b"), Pattern.compile("(?i)\\bMODIFY\\s+(COLUMN\\s+)?\\w"),
            Pattern.compile("(?i)\\bCHANGE\\s+COLUMN\\b"), Pattern.compile("(?i)\\bDEFAULT\\s+CHARSET\\b"));
    private static final List<Pattern> POSTGRES_SIGNS = List.of(Pattern.compile("::"), Pattern.compile("\\$\\$"),
            Pattern.compile("(?m)^\\\\[a-z]"),
            Pattern.compile("(?i)\\b(JSONB|BYTEA|TIMESTAMPTZ|SERIAL|BIGSERIAL|UUID|TSVECTOR)\\b"),
            Pattern.compile("(?i)\\bWITHOUT TIME ZONE\\b"), Pattern.compile("(?i)\\bCONCURRENTLY\\b"),
            Pattern.compile("(?i)\\bUSING\\s+(btree|gin|gist|hash|brin)\\b"), Pattern.compile("(?i)\\bpg_catalog\\."),
            Pattern.compile("(?i)\\bALTER\\s+COLUMN\\s+\\S+\\s+(SET\\s+DATA\\s+)?TYPE\\b"),
            Pattern.compile("(?i)\\bCREATE\\s+(OR\\s+REPLACE\\s+)?FUNCTION\\b[^;]*\\bLANGUAGE\\b"),
            Pattern.compile("(?i)\\bAS\\s+IDENTITY\\b"), Pattern.compile("(?i)\\bDEFERRABLE\\b"),
            Pattern.compile("(?i)\\b\\w+_pattern_ops\\b"), Pattern.compile("(?i)\\bpublic\\."),
            Pattern.compile("(?:CREATE TABLE|ALTER TABLE|INDEX|ON|REFERENCES)\\s+\"[A-Za-z_][\\w$]*\""));

    /** Comments a sniff ignores (a tool's header may quote a command in backquotes); MySQL's version comments are kept. */
    private static final Pattern COMMENTS = Pattern.compile("(?m)(--|#)[^\\n]*$|/\\*(?![!M])(?s:.*?)\\*/");

    /** POSTGRES or MYSQL by the signs in {@code head} outside comments; null when it has none of either. */
    static Engine sniff(String head) {
        String code = COMMENTS.matcher(head).replaceAll(" ");
        int mysql = count(MYSQL_SIGNS, code);
        int postgres = count(POSTGRES_SIGNS, code);
        if (mysql == 0 && postgres == 0) return null;
        return mysql > postgres ? Engine.MYSQL : Engine.POSTGRES;
    }

    private static int count(List<Pattern> signs, String text) {
        int n = 0;
        for (Pattern p : signs) {
            Matcher m = p.matcher(text);
            while (m.find()) n++;
        }
        return n;
    }
}
