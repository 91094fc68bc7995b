package io.schemaplan.script;

import io.schemaplan.diff.Change;
import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.model.Schema;
import io.schemaplan.read.StatementApplier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Replays a script on the model of the schema it starts from, statement by statement, so that a column added by
 * statement 3 is known to statement 7. Transaction control, session settings and data statements leave the
 * model as it is; every other statement goes to the dump readers' handlers ({@link StatementApplier}). A
 * statement the replay cannot apply is a {@link Finding.Kind#NOT_APPLIED} finding naming it, never an error and
 * never a silent skip; one that changes only what the model does not hold (privileges, roles, owners, maintenance,
 * explicit locks, a sequence's current value) is an {@link Finding.Kind#OUTSIDE_MODEL} finding saying what it changes. On PostgreSQL, whose DDL is transactional, a ROLLBACK returns the model to its state at
 * the BEGIN; on MySQL/MariaDB, where every DDL statement commits, it does not.
 */
public final class Replay {
    private Replay() {
    }

    /**
     * Replays {@code script} on {@code from}.
     *
     * @throws IllegalArgumentException when the script's dialect is not the schema's (a PostgreSQL script on a MySQL schema)
     */
    public static Replayed run(Schema from, Script script) {
        return run(from, script, null);
    }

    /**
     * As {@link #run(Schema, Script)}; on MySQL/MariaDB a table the script creates without a collation gets
     * {@code defaultCollation}, the database's default (null: the most common among {@code from}'s tables, which
     * an empty schema does not have).
     */
    public static Replayed run(Schema from, Script script, String defaultCollation) {
        return run(from, script, defaultCollation, null).replayed();
    }

    /** A replay, and the applier it ended with: what it knows beyond the model (the composite types made) goes on to a next file. */
    private record Run(Replayed replayed, StatementApplier applier) {
    }

    /**
     * As {@link #run(Schema, Script, String)}; the applier starts on {@code from} knowing what {@code before} (the previous
     * file's, or null) knew beyond its model.
     */
    private static Run run(Schema from, Script script, String defaultCollation, StatementApplier before) {
        if (from.engine().isMysqlFamily() != script.dialect().isMysqlFamily()) {
            throw new IllegalArgumentException(script.file() + " is a " + dialect(script.dialect().isMysqlFamily())
                    + " script; the schema it is replayed on is " + dialect(from.engine().isMysqlFamily()));
        }
        boolean transactionalDdl = !from.engine().isMysqlFamily();
        StatementApplier applier = StatementApplier.startingFrom(from, script.file(), defaultCollation).knowing(before);
        Schema model = from;
        Schema atBegin = null;
        List<Replayed.Step> steps = new ArrayList<>(script.statements().size());
        List<Finding> findings = new ArrayList<>();
        for (ScriptStatement s : script.statements()) {
            steps.add(new Replayed.Step(s, model));
            switch (s.kind()) {
                case BEGIN -> atBegin = model;
                case COMMIT -> atBegin = null;
                case ROLLBACK -> {
                    if (transactionalDdl && atBegin != null && atBegin != model) {
                        model = atBegin;
                        applier = StatementApplier.startingFrom(model, script.file(), defaultCollation);
                    }
                    atBegin = null;
                }
                case SET -> applier.apply(s.sql(), s.line()); // SET search_path: the names after it resolve by it
                case DATA -> { }
                case DDL, OTHER -> {
                    String outside = outsideModel(s.sql());
                    if (outside == null && !transactionalDdl && MYSQL_DATABASES.getKey().matcher(s.sql()).find()) {
                        outside = MYSQL_DATABASES.getValue();
                    }
                    if (outside != null) {
                        findings.add(new Finding(Finding.Kind.OUTSIDE_MODEL, s.number(), s.line(), s.revision(), outside, null));
                        continue;
                    }
                    List<String> problems = applier.apply(s.sql(), s.line());
                    if (problems.isEmpty() && applier.outsideModel() != null) {
                        findings.add(new Finding(Finding.Kind.OUTSIDE_MODEL, s.number(), s.line(), s.revision(), applier.outsideModel(), null));
                    }
                    for (String problem : problems) {
                        // A MySQL routine kind the model does not hold (procedures, functions and events it does).
                        boolean routine = ROUTINE.matcher(s.sql()).find() && NOT_MODELLED.matcher(problem).find();
                        findings.add(routine ? new Finding(Finding.Kind.OUTSIDE_MODEL, s.number(), s.line(), s.revision(),
                                ROUTINES, null) : new Finding(Finding.Kind.NOT_APPLIED, s.number(), s.line(), s.revision(), problem, null));
                    }
                    model = applier.model();
                }
            }
        }
        return new Run(new Replayed(steps, model, findings), applier);
    }

    /**
     * Replays {@code scripts} one after the other, each on the model the previous one ended with: one step per
     * statement of all of them, findings numbered across them (statement 1 of the second file follows the last of
     * the first), as a run of several Flyway files numbers them.
     */
    public static Replayed run(Schema from, List<Script> scripts) {
        List<Replayed.Step> steps = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Schema model = from;
        StatementApplier applier = null;
        for (Script s : scripts) {
            Run run = run(model, s, null, applier);
            Replayed r = run.replayed();
            applier = run.applier();
            int offset = steps.size();
            steps.addAll(r.steps());
            for (Finding f : r.findings()) {
                findings.add(f.statement() == 0 ? f : new Finding(f.kind(), f.statement() + offset, f.line(), f.revision(),
                        f.message(), f.change()));
            }
            model = r.end();
        }
        return new Replayed(steps, model, findings);
    }

    /**
     * Statements migrations run all the time that change nothing the schema model holds, by leading words, with
     * what they change: a replay reports them as such, not as statements it could not apply.
     */
    private static final List<java.util.Map.Entry<java.util.regex.Pattern, String>> OUTSIDE = List.of(
            outside("(GRANT|REVOKE)\\b|ALTER\\s+DEFAULT\\s+PRIVILEGES\\b|FLUSH\\s+PRIVILEGES\\b", "privileges"),
            outside("(CREATE|ALTER|DROP|RENAME)\\s+(ROLE|USER|GROUP)\\b|(DROP|REASSIGN)\\s+OWNED\\b"
                    + "|SET\\s+(PASSWORD|DEFAULT\\s+ROLE)\\b", "roles and users"),
            outside("ALTER\\s+(TABLE|SEQUENCE|VIEW|MATERIALIZED\\s+VIEW|SCHEMA|FUNCTION|PROCEDURE|ROUTINE|TYPE|DOMAIN"
                    + "|DATABASE)\\s+(IF\\s+EXISTS\\s+)?(ONLY\\s+)?\\S+(\\s*\\([^)]*\\))?\\s+OWNER\\s+TO\\b", "owners"),
            outside("(ANALY[SZ]E|VACUUM|CLUSTER|REINDEX|CHECKPOINT|OPTIMIZE|CHECK\\s+TABLE|REPAIR\\s+((NO_WRITE_TO_BINLOG|LOCAL)\\s+)?TABLE"
                    + "|REFRESH\\s+MATERIALIZED\\s+VIEW)\\b", "statistics and physical storage (maintenance)"),
            outside("(LOCK|UNLOCK)\\b", "explicit locks"),
            outside("(SELECT|DO)\\s+((pg_catalog\\s*\\.\\s*)?(setval|nextval)\\s*\\(|NEXT\\s+VALUE\\s+FOR\\b)", "sequence values (setval, nextval: the model "
                    + "holds a sequence's start and increment, not its current value; a ROLLBACK does not undo them)"),
            outside("(DISCARD|LISTEN|UNLISTEN|NOTIFY|USE)\\b", "session commands"));

    /** MySQL's databases (CREATE SCHEMA is CREATE DATABASE there): its model is one database's schema. */
    private static final java.util.Map.Entry<java.util.regex.Pattern, String> MYSQL_DATABASES =
            outside("(CREATE|DROP)\\s+(DATABASE|SCHEMA)\\b", "databases (the model is one database's schema)");

    private static final java.util.regex.Pattern ROUTINE = java.util.regex.Pattern.compile("(?is)^\\s*(CREATE|DROP|ALTER)"
            + "\\s+(OR\\s+REPLACE\\s+)?(DEFINER\\s*=\\s*\\S+\\s+)?(FUNCTION|PROCEDURE|ROUTINE|EVENT|AGGREGATE)\\b");
    private static final java.util.regex.Pattern NOT_MODELLED = java.util.regex.Pattern.compile(
            ": not part of the MySQL schema model$");
    static final String ROUTINES = "functions, procedures and events";

    private static java.util.Map.Entry<java.util.regex.Pattern, String> outside(String leading, String what) {
        return java.util.Map.entry(java.util.regex.Pattern.compile("(?is)^\\s*(" + leading + ")"), what);
    }

    /** What a statement changes outside the schema model (privileges, roles, …), or null when it may change the model. */
    public static String outsideModel(String sql) {
        for (var e : OUTSIDE) if (e.getKey().matcher(sql).find()) return e.getValue();
        return null;
    }

    private static String dialect(boolean mysql) {
        return mysql ? "MySQL/MariaDB" : "PostgreSQL";
    }

    /**
     * The differences between the schema the replay ended with and {@code to}, the schema the script is meant to
     * reach, as findings: what {@code to} has and no statement made, what a statement made and {@code to} lacks,
     * what both have differently, and what both have alike but for how an expression is written (the script's
     * text against the server's rendering: {@link LooseForms}). Each names the statement that last changed the
     * object concerned (or its table), when one did.
     */
    public static List<Finding> compare(Replayed replayed, Schema to) {
        List<Finding> out = new ArrayList<>();
        List<Change> changes = SchemaDiff.diff(replayed.end(), to);
        Set<String> real = changes.isEmpty() ? Set.of() : SchemaDiff.diff(LooseForms.of(replayed.end()), LooseForms.of(to))
                .stream().map(c -> c.kind() + " " + c.object()).collect(Collectors.toSet());
        for (Change c : changes) {
            Replayed.Step by = lastToChange(replayed, c);
            Finding.Kind kind = switch (direction(c)) {
                case 1 -> Finding.Kind.NOT_IN_SCRIPT;
                case -1 -> Finding.Kind.NOT_IN_TARGET;
                default -> by == null ? Finding.Kind.NOT_IN_SCRIPT
                        : real.contains(c.kind() + " " + c.object()) ? Finding.Kind.DIFFERS : Finding.Kind.WRITTEN_DIFFERENTLY;
            };
            String message = switch (kind) {
                case NOT_IN_SCRIPT -> "the target has " + c.kind() + " " + c.object() + ", which no statement makes";
                case NOT_IN_TARGET -> "the replay has " + c.object() + ", which the target does not (" + c.kind() + ")";
                case WRITTEN_DIFFERENTLY -> c.object() + " (" + c.kind() + "): alike but for how the server prints an"
                        + " expression" + detail(c);
                default -> c.object() + " differs from the target (" + c.kind() + detail(c) + ")";
            };
            out.add(by == null ? new Finding(kind, 0, 0, null, message, c)
                    : new Finding(kind, by.statement().number(), by.statement().line(), by.statement().revision(), message, c));
        }
        return out;
    }

    /** For a column both have: what differs, replay first ({@code : default 'a' here, 'b' in the target}). */
    private static String detail(Change c) {
        if (!(c instanceof Change.ColumnChange cc) || cc.from() == null || cc.to() == null) return "";
        List<String> parts = new ArrayList<>();
        if (!cc.from().type().equals(cc.to().type())) parts.add("type " + cc.from().type() + " here, " + cc.to().type() + " in the target");
        if (!Objects.equals(cc.from().defaultExpr(), cc.to().defaultExpr())) {
            parts.add("default " + cc.from().defaultExpr() + " here, " + cc.to().defaultExpr() + " in the target");
        }
        if (cc.from().nullable() != cc.to().nullable()) parts.add(cc.from().nullable() ? "nullable here, NOT NULL in the target" : "NOT NULL here, nullable in the target");
        return parts.isEmpty() ? "" : ": " + String.join("; ", parts);
    }

    /** 1: the change adds something (the target has it), -1: it drops something (the replay has it), 0: it changes it. */
    private static int direction(Change c) {
        String k = c.kind();
        if (k.endsWith(".added")) return 1;
        if (k.endsWith(".dropped")) return -1;
        return 0;
    }

    /**
     * The statement to blame for a change: the last one after which the change's table (outside tables, the whole
     * model) is not what it was before, preferring among those the last one whose text names the object itself
     * (an index or view created by statement 2 is not blamed on an ADD COLUMN at statement 5).
     */
    private static Replayed.Step lastToChange(Replayed r, Change c) {
        List<Replayed.Step> steps = r.steps();
        String object = c.object();
        java.util.regex.Pattern own = java.util.regex.Pattern.compile("(?<![\\w$])" + java.util.regex.Pattern.quote(
                object.substring(object.lastIndexOf('.') + 1)) + "(?![\\w$])", java.util.regex.Pattern.CASE_INSENSITIVE);
        Replayed.Step last = null;
        for (int k = steps.size() - 1; k >= 0; k--) {
            Schema before = steps.get(k).before();
            Schema after = k + 1 < steps.size() ? steps.get(k + 1).before() : r.end();
            if (before == after) continue;
            if (c.table() == null ? !before.equals(after)
                    : !Objects.equals(before.table(c.table()).orElse(null), after.table(c.table()).orElse(null))) {
                if (last == null) last = steps.get(k);
                if (own.matcher(steps.get(k).statement().sql()).find()) return steps.get(k);
            }
        }
        return last;
    }
}
