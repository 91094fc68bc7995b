package io.schemaplan.script;

import io.schemaplan.model.Column;
import io.schemaplan.model.Constraint;
import io.schemaplan.model.Index;
import io.schemaplan.model.Policy;
import io.schemaplan.model.Routine;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Table;
import io.schemaplan.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Expressions as a script writes them against expressions as a server prints them. A replayed script keeps a
 * CHECK, an index expression or predicate, a policy's expressions, a view's query and a default as written ({@code a > 0 and b <> 'x'});
 * a dump of the database the script ran on has the server's rendering ({@code ((a > 0) AND (b <> 'x'::text))}).
 * Knowing the server's rendering takes the server, so a comparison of the two uses this loose form of both:
 * case folded outside string literals, identifiers unquoted and unqualified, casts ({@code ::type}) and
 * parentheses dropped, typed literals' types ({@code interval '1 day'}) dropped, PostgreSQL's operator spellings of LIKE and of an IN list ({@code ~~},
 * {@code = ANY (ARRAY[…])}) as written, MySQL's charset introducers ({@code _utf8mb4'x'}) and aliases that repeat
 * the column ({@code `id` AS `id`}) dropped, one space
 * between tokens; a MySQL event's {@code STARTS}, which the server fills in with the time of a CREATE EVENT that
 * names none, dropped.
 *
 * <p>Loose on purpose: {@code (a + b) * c} and {@code a + (b * c)} have the same loose form. It only decides
 * whether a difference is told as "written differently" or as a real one, never whether a statement is planned.
 */
final class LooseForms {
    private LooseForms() {
    }

    /** Words that continue a type name after {@code ::} ({@code character varying}, {@code time without time zone}). */
    private static final Set<String> TYPE_WORDS = Set.of("varying", "precision", "without", "with", "time", "zone");

    /** Types written before a literal ({@code interval '1 day'}). */
    private static final Set<String> TYPED_LITERALS = Set.of("interval", "date", "time", "timestamp", "timestamptz");

    /** The schema with every expression the model keeps as text in its loose form. */
    static Schema of(Schema s) {
        List<Table> tables = s.tables().stream().map(LooseForms::table).toList();
        List<View> views = s.views().stream().map(v -> new View(v.name(), v.materialized(), loose(v.definition()),
                v.comment(), v.indexes().stream().map(LooseForms::index).toList(), v.options())).toList();
        List<Routine> routines = s.routines().stream().map(r -> !r.kind().equals("event") ? r : new Routine(r.name(),
                r.kind(), r.arguments(), r.returns(), r.language(), r.attributes().stream()
                .map(a -> a.replaceFirst("^(ON SCHEDULE EVERY .*?) STARTS '[^']*'", "$1")).toList(), r.body(), r.comment())).toList();
        return new Schema(s.engine(), s.serverVersion(), s.namespaces(), s.extensions(), s.enums(), s.sequences(),
                tables, views, routines, s.domains());
    }

    private static Table table(Table t) {
        List<Column> columns = t.columns().stream().map(c -> c.withDefault(loose(c.defaultExpr())).withGenerated(loose(c.generatedExpr()))).toList();
        List<Constraint> constraints = t.constraints().stream().map(c -> c.kind() != Constraint.Kind.CHECK ? c
                : new Constraint(c.name(), c.kind(), c.columns(), loose(c.definition()), c.deferrable(),
                c.initiallyDeferred(), c.validated())).toList();
        List<Policy> policies = t.policies().stream().map(p -> new Policy(p.name(), p.restrictive(), p.command(), p.roles(),
                loose(p.using()), loose(p.withCheck()))).toList();
        return t.withColumnsAndConstraints(columns, constraints).withIndexes(t.indexes().stream().map(LooseForms::index).toList())
                .withPgFacts(t.options(), t.inherits(), t.replicaIdentity(), t.rowSecurity(), t.forceRowSecurity(), policies, t.rules());
    }

    private static Index index(Index i) {
        List<Index.IndexKey> keys = i.keys().stream().map(k -> !k.expression() ? k : new Index.IndexKey(loose(k.text()),
                true, k.collation(), k.opclass(), k.descending(), k.nulls(), k.prefixLength())).toList();
        return new Index(i.name(), i.unique(), i.method(), keys, i.include(), loose(i.predicate()),
                i.nullsNotDistinct(), i.comment());
    }

    /** The loose form of one expression (null stays null). */
    static String loose(String expr) {
        if (expr == null) return null;
        List<String> tokens = tokens(expr);
        return String.join(" ", inLists(tokens));
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '(' || c == ')' || c == ';') {
                i++;
            } else if (c == '\'') {
                int end = stringEnd(s, i);
                // A charset introducer (MySQL prints _utf8mb4'x' in CHECK constraints) is not part of the value, nor
                // is the type of a typed literal (interval '1 day', which PostgreSQL prints as '1 day'::interval).
                if (!out.isEmpty() && (out.get(out.size() - 1).startsWith("_") || TYPED_LITERALS.contains(out.get(out.size() - 1)))) {
                    out.remove(out.size() - 1);
                }
                out.add(s.substring(i, end));
                i = end;
            } else if (c == '"' || c == '`') {
                int end = s.indexOf(c, i + 1);
                end = end < 0 ? n : end;
                i = word(s, s.substring(i + 1, end).toLowerCase(java.util.Locale.ROOT), end + 1, out);
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_' || s.charAt(end) == '$')) end++;
                i = word(s, s.substring(i, end).toLowerCase(java.util.Locale.ROOT), end, out);
            } else if (Character.isDigit(c)) {
                int end = i;
                while (end < n && (Character.isDigit(s.charAt(end)) || s.charAt(end) == '.')) end++;
                out.add(s.substring(i, end));
                i = end;
            } else if (c == ':' && i + 1 < n && s.charAt(i + 1) == ':') {
                i = skipType(s, i + 2);
            } else if (c == ',' || c == '[' || c == ']') {
                out.add(String.valueOf(c));
                i++;
            } else {
                int end = i;
                while (end < n && "+-*/<>=~!@#%^&|?".indexOf(s.charAt(end)) >= 0) end++;
                if (end == i) end = i + 1;
                out.add(operator(s.substring(i, end)));
                i = end;
            }
        }
        return out;
    }

    /** Adds a word unless it qualifies the next name ({@code public.t}, {@code t.id}): only the last part counts. */
    private static int word(String s, String word, int end, List<String> out) {
        if (end < s.length() && s.charAt(end) == '.' && end + 1 < s.length()
                && (Character.isLetter(s.charAt(end + 1)) || "_\"`".indexOf(s.charAt(end + 1)) >= 0)) {
            return end + 1;
        }
        out.add(word);
        return end;
    }

    private static String operator(String op) {
        return switch (op) {
            case "~~" -> "like";
            case "!~~" -> "not like";
            case "~~*" -> "ilike";
            case "!~~*" -> "not ilike";
            case "!=" -> "<>";
            default -> op;
        };
    }

    private static int stringEnd(String s, int open) {
        int i = open + 1;
        while (i < s.length()) {
            if (s.charAt(i) == '\'') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    /** The index after the type name of a cast: words, dots, TYPE_WORDS, a {@code (n[,m])} modifier, {@code []}. */
    private static int skipType(String s, int i) {
        int n = s.length();
        boolean first = true;
        while (true) {
            int j = i;
            while (j < n && s.charAt(j) == ' ') j++;
            int end = j;
            if (end < n && s.charAt(end) == '"') {
                int close = s.indexOf('"', end + 1);
                end = close < 0 ? n : close + 1;
            } else {
                while (end < n && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_' || s.charAt(end) == '.')) end++;
            }
            if (end == j) break;
            String w = s.substring(j, end).toLowerCase(java.util.Locale.ROOT);
            if (!first && !TYPE_WORDS.contains(w)) break;
            first = false;
            i = end;
        }
        if (i < n && s.charAt(i) == '(') {
            int close = s.indexOf(')', i);
            if (close > 0 && s.substring(i + 1, close).matches("\\s*\\d+\\s*(,\\s*\\d+\\s*)?")) i = close + 1;
        }
        while (i + 1 < n && s.charAt(i) == '[' && s.charAt(i + 1) == ']') i += 2;
        return i;
    }

    /**
     * {@code = any array [ a , b ]} (PostgreSQL's rendering of an IN list) as {@code in a , b}, and
     * {@code id as id} (MySQL's alias of a view column named as its source) as {@code id}.
     */
    private static List<String> inLists(List<String> t) {
        List<String> out = new ArrayList<>(t.size());
        for (int i = 0; i < t.size(); i++) {
            if (i + 3 < t.size() && t.get(i).equals("=") && t.get(i + 1).equals("any") && t.get(i + 2).equals("array")
                    && t.get(i + 3).equals("[")) {
                int close = -1;
                for (int k = i + 4; k < t.size(); k++) {
                    if (t.get(k).equals("]")) {
                        close = k;
                        break;
                    }
                }
                if (close > i + 3) {
                    out.add("in");
                    out.addAll(t.subList(i + 4, close));
                    i = close;
                    continue;
                }
            }
            // MySQL names every output column of a view: `id` AS `id` for a plain id.
            if (t.get(i).equals("as") && i > 0 && i + 1 < t.size() && t.get(i + 1).equals(t.get(i - 1))) {
                i++;
                continue;
            }
            out.add(t.get(i));
        }
        return out;
    }
}
