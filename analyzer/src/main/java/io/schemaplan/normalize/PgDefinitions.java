package io.schemaplan.normalize;

import io.schemaplan.model.Constraint;
import io.schemaplan.model.ForeignKey;
import io.schemaplan.model.Index;
import io.schemaplan.model.Index.IndexKey;
import io.schemaplan.model.QName;
import io.schemaplan.sql.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Parses the definitions PostgreSQL prints with {@code pg_get_indexdef} and {@code pg_get_constraintdef}
 * (which is also what {@code pg_dump} writes) into model records.
 */
public final class PgDefinitions {
    private PgDefinitions() {
    }

    /** An index definition and the table it is on. */
    public record ParsedIndex(QName table, Index index) {
    }

    /** What a constraint definition turned out to be: exactly one of the two is non-null. */
    public record ParsedConstraint(Constraint constraint, ForeignKey foreignKey) {
    }

    private static final Map<String, Constraint.Kind> KINDS = Map.of(
            "PRIMARY", Constraint.Kind.PRIMARY_KEY, "UNIQUE", Constraint.Kind.UNIQUE,
            "CHECK", Constraint.Kind.CHECK, "EXCLUDE", Constraint.Kind.EXCLUDE);

    /**
     * Parses {@code CREATE [UNIQUE] INDEX name ON [ONLY] schema.table USING method (keys) [INCLUDE (…)]
     * [NULLS NOT DISTINCT] [WITH (…)] [WHERE predicate]}. A trailing {@code ;} (as in a dump) is allowed.
     * Key texts are column names (unquoted) or expressions as printed; the predicate is the text after
     * {@code WHERE} as printed.
     *
     * @throws IllegalArgumentException when the text is not an index definition
     */
    public static ParsedIndex parseIndex(String indexdef) {
        return parseIndex(indexdef, PgDefinitions::qname);
    }

    /** As {@link #parseIndex(String)}, with the table's name parts resolved by {@code names} (a dump's search_path). */
    public static ParsedIndex parseIndex(String indexdef, Function<List<String>, QName> names) {
        SqlTokens t = SqlTokens.of(withoutSemicolon(indexdef));
        int i = t.expect(0, "CREATE");
        boolean unique = t.isWord(i, "UNIQUE");
        i = t.expect(unique ? i + 1 : i, "INDEX");
        if (t.isWord(i, "CONCURRENTLY")) i++;
        if (t.isWord(i, "IF", "NOT", "EXISTS")) i += 3;
        String name = t.ident(i);
        i = t.expect(i + 1, "ON");
        if (t.isWord(i, "ONLY")) i++;
        int end = t.nameEnd(i);
        QName table = names.apply(t.nameParts(i, end));
        i = end;
        String method = "btree";
        if (t.isWord(i, "USING")) {
            method = t.ident(i + 1);
            i += 2;
        }
        if (!t.isGroup(i)) throw new IllegalArgumentException("expected the index keys at '" + Excerpts.of(t.rest(i)) + "'");
        List<IndexKey> keys = SqlTokens.splitTopLevel(t.inner(i++)).stream().map(PgDefinitions::indexKey).toList();
        List<String> include = List.of();
        boolean nullsNotDistinct = false;
        String predicate = null;
        while (i < t.size()) {
            if (t.isWord(i, "INCLUDE") && t.isGroup(i + 1)) {
                include = SqlTokens.identList(t.inner(i + 1));
                i += 2;
            } else if (t.isWord(i, "NULLS", "NOT", "DISTINCT")) {
                nullsNotDistinct = true;
                i += 3;
            } else if (t.isWord(i, "WITH") && t.isGroup(i + 1) || t.isWord(i, "TABLESPACE")) {
                i += 2; // storage, not structure
            } else if (t.isWord(i, "WHERE")) {
                predicate = PgExpressions.sameRendering(t.rest(i + 1));
                break;
            } else {
                throw new IllegalArgumentException("unexpected '" + Excerpts.of(t.rest(i)) + "' in index " + name);
            }
        }
        return new ParsedIndex(table, new Index(name, unique, method, keys, include, predicate, nullsNotDistinct, null));
    }

    /** One key: a column or an expression, then [COLLATE c] [opclass] [ASC|DESC] [NULLS FIRST|LAST]. */
    private static IndexKey indexKey(String text) {
        SqlTokens t = SqlTokens.of(text);
        int i;
        if (t.isGroup(0)) {
            i = 1;
        } else {
            int end = t.nameEnd(0);
            i = t.isGroup(end) ? end + 1 : 1; // a function call, or a plain column
        }
        boolean expression = i > 1 || t.isGroup(0);
        String keyText = expression ? PgExpressions.sameRendering(t.slice(0, i)) : t.ident(0);
        String collation = null;
        String opclass = null;
        boolean descending = false;
        String nulls = null;
        while (i < t.size()) {
            if (t.isWord(i, "COLLATE")) {
                int end = t.nameEnd(i + 1);
                collation = t.dottedName(i + 1, end);
                i = end;
            } else if (t.isWord(i, "ASC") || t.isWord(i, "DESC")) {
                descending = t.isWord(i++, "DESC");
            } else if (t.isWord(i, "NULLS")) {
                nulls = t.text(i + 1).toUpperCase(java.util.Locale.ROOT);
                i += 2;
            } else {
                int end = t.nameEnd(i);
                if (t.isGroup(end)) end++; // opclass parameters, e.g. gist_trgm_ops (siglen=32)
                opclass = t.slice(i, end);
                i = end;
            }
        }
        return new IndexKey(keyText, expression, collation, opclass, descending, nulls);
    }

    /**
     * Parses the text after {@code CONSTRAINT name} : {@code PRIMARY KEY (…)}, {@code UNIQUE [NULLS NOT
     * DISTINCT] (…)}, {@code CHECK (…) [NO INHERIT] [NOT VALID]}, {@code EXCLUDE USING …},
     * {@code FOREIGN KEY (…) REFERENCES t(…) [MATCH FULL] [ON UPDATE …] [ON DELETE …] [DEFERRABLE
     * [INITIALLY DEFERRED]] [NOT VALID]}.
     *
     * @throws IllegalArgumentException when the text is not a constraint definition
     */
    public static ParsedConstraint parseConstraint(String name, String constraintdef) {
        return parseConstraint(name, constraintdef, PgDefinitions::qname);
    }

    /** As {@link #parseConstraint(String, String)}, with a foreign key's target resolved by {@code names}. */
    public static ParsedConstraint parseConstraint(String name, String constraintdef, Function<List<String>, QName> names) {
        SqlTokens t = SqlTokens.of(withoutSemicolon(constraintdef));
        int n = t.size();
        boolean validated = !(n >= 2 && t.isWord(n - 2, "NOT", "VALID"));
        if (!validated) n -= 2;
        String definition = PgExpressions.sameRendering(t.slice(0, n));
        boolean deferrable = false;
        boolean initiallyDeferred = false;
        for (int i = 0; i < n; i++) {
            deferrable |= t.isWord(i, "DEFERRABLE") && !t.isWord(i - 1, "NOT");
            initiallyDeferred |= t.isWord(i, "INITIALLY", "DEFERRED");
        }
        if (t.isWord(0, "FOREIGN", "KEY")) {
            return new ParsedConstraint(null, foreignKey(name, t, n, deferrable, initiallyDeferred, validated, names));
        }
        Constraint.Kind kind = t.kind(0) == SqlTokens.Kind.WORD ? KINDS.get(t.text(0).toUpperCase(java.util.Locale.ROOT)) : null;
        if (kind == null) throw new IllegalArgumentException("not a constraint definition: " + Excerpts.of(constraintdef));
        List<String> columns = List.of();
        if (kind == Constraint.Kind.PRIMARY_KEY || kind == Constraint.Kind.UNIQUE) {
            int i = 1;
            while (i < n && !t.isGroup(i)) i++; // KEY, NULLS NOT DISTINCT
            if (i == n) throw new IllegalArgumentException("no column list in " + Excerpts.of(constraintdef));
            columns = SqlTokens.identList(t.inner(i));
            definition = keyDefinition(t, i, n, columns);
        }
        return new ParsedConstraint(new Constraint(name, kind, columns, definition, deferrable, initiallyDeferred,
                validated), null);
    }

    /** Words that may follow a key's column lists, which pg_get_constraintdef prints in capitals. */
    private static final java.util.Set<String> KEY_TAIL = java.util.Set.of("DEFERRABLE", "NOT", "INITIALLY", "DEFERRED", "IMMEDIATE");

    /**
     * A primary key or unique constraint as {@code pg_get_constraintdef} prints it, whatever the script's case and quoting:
     * {@code PRIMARY KEY (id)}, {@code UNIQUE NULLS NOT DISTINCT (code) INCLUDE (a)} (a dump's text comes out as it was).
     */
    private static String keyDefinition(SqlTokens t, int group, int n, List<String> columns) {
        StringBuilder b = new StringBuilder(t.slice(0, group).toUpperCase(java.util.Locale.ROOT)).append(" (")
                .append(String.join(", ", columns.stream().map(Identifiers::quoteIdent).toList())).append(')');
        int k = group + 1;
        if (t.isWord(k, "INCLUDE") && t.isGroup(k + 1)) {
            b.append(" INCLUDE (").append(String.join(", ", SqlTokens.identList(t.inner(k + 1)).stream()
                    .map(Identifiers::quoteIdent).toList())).append(')');
            k += 2;
        }
        boolean words = true;
        for (int j = k; j < n; j++) words &= t.kind(j) == SqlTokens.Kind.WORD && KEY_TAIL.contains(t.text(j).toUpperCase(java.util.Locale.ROOT));
        if (k < n) b.append(' ').append(words ? t.slice(k, n).toUpperCase(java.util.Locale.ROOT) : t.slice(k, n));
        return PgExpressions.sameRendering(b.toString());
    }

    private static ForeignKey foreignKey(String name, SqlTokens t, int n, boolean deferrable,
                                         boolean initiallyDeferred, boolean validated, Function<List<String>, QName> names) {
        if (!t.isGroup(2)) throw new IllegalArgumentException("no column list in FOREIGN KEY " + name);
        List<String> columns = SqlTokens.identList(t.inner(2));
        int i = t.expect(3, "REFERENCES");
        int end = t.nameEnd(i);
        QName target = names.apply(t.nameParts(i, end));
        i = end;
        List<String> refColumns = List.of();
        if (t.isGroup(i)) refColumns = SqlTokens.identList(t.inner(i++));
        String match = "SIMPLE";
        String onUpdate = ForeignKey.NO_ACTION;
        String onDelete = ForeignKey.NO_ACTION;
        for (; i < n; i++) {
            if (t.isWord(i, "MATCH")) {
                match = t.text(++i).toUpperCase(java.util.Locale.ROOT);
            } else if (t.isWord(i, "ON")) {
                boolean update = t.isWord(i + 1, "UPDATE");
                int from = i + 2;
                i = from + (t.isWord(from, "NO") || t.isWord(from, "SET") ? 1 : 0);
                if (t.isGroup(i + 1)) i++; // SET NULL (col, …)
                String action = t.slice(from, i + 1);
                if (update) onUpdate = action;
                else onDelete = action;
            }
        }
        return new ForeignKey(name, columns, target, refColumns, onUpdate, onDelete, match, deferrable,
                initiallyDeferred, validated);
    }

    /** {@code schema.name} from unquoted parts; an unqualified name is in {@code public}. */
    public static QName qname(List<String> parts) {
        List<String> p = new ArrayList<>(parts);
        if (p.isEmpty()) throw new IllegalArgumentException("expected a name");
        return p.size() == 1 ? QName.of("public", p.get(0)) : QName.of(p.get(p.size() - 2), p.get(p.size() - 1));
    }

    private static String withoutSemicolon(String s) {
        String t = s.trim();
        return t.endsWith(";") ? t.substring(0, t.length() - 1).trim() : t;
    }
}
