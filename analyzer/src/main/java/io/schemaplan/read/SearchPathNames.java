package io.schemaplan.read;

import io.schemaplan.normalize.SqlTokens;
import io.schemaplan.sql.Identifiers;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Qualifies the unqualified names in definition text of a dump written by pg_dump 10.2 or older, which set
 * {@code search_path = public, pg_catalog} and printed names relative to it. The server a dump is restored into
 * prints them qualified (the catalog reader, like pg_dump 10.3+, runs with an empty search_path), so the dump's
 * text is given the same qualification: a user type after {@code ::}, a {@code 'relation'::regclass} literal, a
 * call of a user function, and (in views and triggers) a relation after FROM, JOIN or ON. The resolver answers
 * the schema of a name the dump has declared so far (null for anything else: built-ins stay as they are).
 */
final class SearchPathNames {
    private SearchPathNames() {
    }

    /** What a bare name is looked up as. */
    enum Kind { TYPE, RELATION, ROUTINE }

    /** The schema that holds {@code name} as a {@code kind}, by the dump's search_path; null when none does. */
    interface Resolver {
        String schemaOf(String name, Kind kind);
    }

    private static final Set<String> BEFORE_RELATION = Set.of("FROM", "JOIN", "ON");

    /**
     * The text with every bare name that the resolver knows given its schema. {@code relations} also
     * qualifies relations after FROM / JOIN / ON (view definitions and trigger definitions).
     */
    static String qualify(String text, Resolver resolver, boolean relations) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        String previous = ""; // the last token before the current one: an upper-case word or a symbol
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'') {
                int end = SqlTokens.quoteEnd(text, i);
                if (end < 0) end = n;
                String literal = text.substring(i, end);
                String value = literal.substring(1, Math.max(1, literal.length() - 1));
                String schema = text.startsWith("::regclass", end) && value.matches("[A-Za-z_][A-Za-z0-9_$]*")
                        ? resolver.schemaOf(value, Kind.RELATION) : null;
                out.append(schema == null ? literal : "'" + quoteIdent(schema) + "." + value + "'");
                previous = "'";
                i = end;
            } else if (c == '"' || Character.isLetter(c) || c == '_') {
                int end = c == '"' ? SqlTokens.quoteEnd(text, i) : wordEnd(text, i);
                if (end < 0) end = n;
                String raw = text.substring(i, end);
                String name = SqlTokens.unquote(raw); // folds a bare name as the server does
                boolean bare = (i == 0 || text.charAt(i - 1) != '.') && (end >= n || text.charAt(end) != '.');
                String schema = null;
                if (bare) {
                    if (previous.equals("::")) schema = resolver.schemaOf(name, Kind.TYPE);
                    else if (nextNonSpace(text, end) == '(') schema = resolver.schemaOf(name, Kind.ROUTINE);
                    else if (relations && BEFORE_RELATION.contains(previous)) schema = resolver.schemaOf(name, Kind.RELATION);
                }
                if (schema != null) out.append(quoteIdent(schema)).append('.');
                out.append(raw);
                previous = c == '"' ? "\"" : raw.toUpperCase(Locale.ROOT);
                i = end;
            } else if (c == ':' && i + 1 < n && text.charAt(i + 1) == ':') {
                out.append("::");
                previous = "::";
                i += 2;
            } else {
                out.append(c);
                if (!Character.isWhitespace(c)) previous = String.valueOf(c);
                i++;
            }
        }
        return out.toString();
    }

    /** A type as written in a column or argument list ({@code mood}, {@code mood[]}): qualified when it is a user type. */
    static String qualifyType(String type, Function<String, String> typeSchema) {
        String t = type.trim();
        int end = t.startsWith("\"") ? SqlTokens.quoteEnd(t, 0) : wordEnd(t, 0);
        if (end <= 0 || end < t.length() && t.charAt(end) == '.') return type;
        String raw = t.substring(0, end);
        String schema = typeSchema.apply(SqlTokens.unquote(raw));
        return schema == null ? type : quoteIdent(schema) + "." + t;
    }

    private static int wordEnd(String text, int i) {
        int end = i;
        while (end < text.length() && SqlTokens.identChar(text.charAt(end))) end++;
        return end;
    }

    private static char nextNonSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        return i < text.length() ? text.charAt(i) : 0;
    }

    /** The name as the server prints it (quote_ident). */
    private static String quoteIdent(String name) {
        return Identifiers.quoteIdent(name);
    }
}
