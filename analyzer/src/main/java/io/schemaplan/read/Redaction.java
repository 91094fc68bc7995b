package io.schemaplan.read;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way a source is shown in a label or a message: {@link #url} for what a user typed, {@link #scrub}
 * for text that may echo a password (a driver's message, a command-line error). A database URL is shown as
 * the reader understood it ({@link PgUrl#redacted}, {@link MysqlUrl#redacted}: the same parse that connects),
 * so no other rule can cut it somewhere else; what does not parse is blanked conservatively.
 */
public final class Redaction {
    private Redaction() {
    }

    static final String MASK = "***";

    /**
     * A {@code password=} / {@code pwd=} / {@code sslpassword=} parameter, in any case: in a query string its
     * value runs to the next {@code &}; in a libpq keyword/value string to the next blank, or is quoted.
     */
    private static final List<Pattern> SECRET_PARAMS = List.of(
            Pattern.compile("(?i)([?&][\\w.-]*(?:password|pwd)\\w*=)[^&]*"),
            Pattern.compile("(?i)((?:^|\\s)[\\w.-]*(?:password|pwd)\\w*\\s*=\\s*)('(?:[^'\\\\]|\\\\.)*'?|\\S*)"));

    /**
     * How {@code spec} (a source argument: URL, file, release) appears in labels and messages. A database URL
     * is re-printed from its parse without the password ({@code postgresql://user@host:port/db}); any other
     * text, or a URL that does not parse, goes through {@link #conservative}. Idempotent.
     */
    public static String url(String spec) {
        if (spec == null) return null;
        try {
            return switch (Sources.kindOf(spec)) {
                case POSTGRES_URL -> PgUrl.parse(spec).redacted();
                case MYSQL_URL -> MysqlUrl.parse(spec).redacted();
                case FILE -> conservative(spec);
            };
        } catch (ReadException e) {
            return conservative(spec);
        }
    }

    /**
     * For text that did not parse as a URL: everything between {@code ://} and the last {@code @} is blanked
     * (a password may hold any character, so no earlier {@code @} can be trusted to end it), and so is the
     * value of every password parameter.
     */
    static String conservative(String text) {
        // Parameters first: an '@' inside a password parameter's value must not become the cut.
        String out = text;
        for (Pattern secret : SECRET_PARAMS) {
            out = secret.matcher(out).replaceAll(r -> Matcher.quoteReplacement(r.group(1) + MASK));
        }
        int start = out.indexOf("://");
        int at = out.lastIndexOf('@');
        return start >= 0 && at > start ? out.substring(0, start + 3) + MASK + out.substring(at) : out;
    }

    /**
     * {@code text} with every occurrence of {@code password} blanked: as typed, and as it appears
     * percent-encoded in a URL (either hex case, a blank as {@code +} or {@code %20}), since a driver may echo
     * either.
     */
    public static String scrub(String text, String password) {
        if (text == null || password == null || password.isEmpty()) return text;
        String out = text;
        for (String form : forms(password)) {
            out = out.replace(form, MASK);
        }
        return out;
    }

    /**
     * A message about the command line with every argument that holds a password replaced by its
     * {@link #url} form, and that password scrubbed wherever else it appears (a parser may quote part of it).
     */
    public static String arguments(String message, String... args) {
        if (message == null || args == null) return message;
        String out = message;
        for (String arg : args) {
            if (arg == null) continue;
            String shown = url(arg);
            int eq = arg.indexOf('=');
            if (shown.equals(arg) && arg.startsWith("-") && eq > 0) {
                shown = arg.substring(0, eq + 1) + url(arg.substring(eq + 1)); // --stats=postgresql://…
            }
            if (!shown.equals(arg)) {
                out = out.replace(arg, shown);
                out = scrub(out, passwordOf(arg.startsWith("-") && eq > 0 ? arg.substring(eq + 1) : arg));
            }
        }
        return out;
    }

    /** The password a reader would take from {@code spec}, or null; for scrubbing only. */
    private static String passwordOf(String spec) {
        try {
            return switch (Sources.kindOf(spec)) {
                case POSTGRES_URL -> PgUrl.parse(spec).password();
                case MYSQL_URL -> MysqlUrl.parse(spec).password();
                case FILE -> null;
            };
        } catch (ReadException e) {
            return null;
        }
    }

    private static Set<String> forms(String password) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(password);
        String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8);
        forms.add(encoded);
        forms.add(encoded.replace("+", "%20"));
        forms.add(lowerHex(encoded));
        forms.add(lowerHex(encoded.replace("+", "%20")));
        return forms;
    }

    private static String lowerHex(String encoded) {
        Matcher m = Pattern.compile("%[0-9A-F]{2}").matcher(encoded);
        return m.replaceAll(r -> r.group().toLowerCase(Locale.ROOT));
    }
}
