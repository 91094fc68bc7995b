package io.schemaplan.read;

import io.schemaplan.sql.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of a function or procedure, spelled as pg_dump prints them after the LANGUAGE clause
 * ({@code IMMUTABLE}, {@code STRICT}, {@code COST 5}, {@code SET search_path TO 'public', 'pg_temp'}, …),
 * defaults left out. Pure: it takes the pg_proc values and returns strings.
 */
final class PgRoutineAttributes {
    private PgRoutineAttributes() {
    }

    /** The pg_proc columns the options come from; cost and rows as the server prints them. */
    record ProcOptions(char kind, String language, char volatility, boolean strict, boolean securityDefiner,
                       boolean leakproof, char parallel, String cost, String rows, boolean returnsSet,
                       List<String> config) {
    }

    private static final Map<Character, String> VOLATILITY = Map.of('i', "IMMUTABLE", 's', "STABLE");
    private static final Map<Character, String> PARALLEL = Map.of('s', "PARALLEL SAFE", 'r', "PARALLEL RESTRICTED");

    /** Languages whose default COST is 1 (pg_dump's rule); every other language defaults to 100. */
    private static final Set<String> COST_ONE_LANGUAGES = Set.of("internal", "c");

    /** Settings whose value the server stores as a quoted list (pg_dump's variable_is_guc_list_quote). */
    private static final Set<String> LIST_SETTINGS = Set.of("local_preload_libraries", "search_path",
            "session_preload_libraries", "shared_preload_libraries", "temp_tablespaces", "unix_socket_directories");

    static List<String> of(ProcOptions p) {
        List<String> out = new ArrayList<>();
        if (p.kind() == 'w') out.add("WINDOW");
        if (VOLATILITY.containsKey(p.volatility())) out.add(VOLATILITY.get(p.volatility()));
        if (p.strict()) out.add("STRICT");
        if (p.securityDefiner()) out.add("SECURITY DEFINER");
        if (p.leakproof()) out.add("LEAKPROOF");
        String defaultCost = COST_ONE_LANGUAGES.contains(p.language()) ? "1" : "100";
        if (!p.cost().equals("0") && !p.cost().equals(defaultCost)) out.add("COST " + p.cost());
        if (p.returnsSet() && !p.rows().equals("0") && !p.rows().equals("1000")) out.add("ROWS " + p.rows());
        if (PARALLEL.containsKey(p.parallel())) out.add(PARALLEL.get(p.parallel()));
        for (String item : p.config()) {
            int eq = item.indexOf('=');
            if (eq < 0) continue;
            String name = item.substring(0, eq);
            String value = item.substring(eq + 1);
            List<String> values = LIST_SETTINGS.contains(name) ? splitList(value) : List.of(value);
            out.add("SET " + Identifiers.quoteIdent(name) + " TO "  // as pg_dump's fmtId prints it
                    + String.join(", ", values.stream().map(PgRoutineAttributes::literal).toList()));
        }
        return out;
    }

    /**
     * Splits a stored list setting ({@code public, "$user"}) as pg_dump's SplitGUCList does: commas
     * separate, blanks around items go, double quotes protect and {@code ""} is a quote.
     */
    static List<String> splitList(String value) {
        List<String> items = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(value.charAt(i))) i++;
            StringBuilder item = new StringBuilder();
            if (i < n && value.charAt(i) == '"') {
                i++;
                while (i < n) {
                    char c = value.charAt(i++);
                    if (c == '"') {
                        if (i < n && value.charAt(i) == '"') {
                            item.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        item.append(c);
                    }
                }
            } else {
                while (i < n && value.charAt(i) != ',' && !Character.isWhitespace(value.charAt(i))) {
                    item.append(value.charAt(i++));
                }
            }
            items.add(item.toString());
            while (i < n && Character.isWhitespace(value.charAt(i))) i++;
            if (i < n && value.charAt(i) == ',') i++;
        }
        return items;
    }

    /** A setting's value as pg_dump quotes it. */
    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
