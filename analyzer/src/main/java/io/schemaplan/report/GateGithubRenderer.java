package io.schemaplan.report;

import io.schemaplan.gate.Verdict;
import io.schemaplan.gate.Verdict.Finding;
import io.schemaplan.text.Printable;
import java.util.ArrayList;
import java.util.List;

/**
 * The verdict as GitHub Actions workflow commands ({@code ::error file=…,line=…,title=…::message}), one per
 * violation ({@code error}) and warning ({@code warning}). GitHub's escaping: in the message {@code %},
 * CR and LF become {@code %25}, {@code %0D}, {@code %0A}; in a property also {@code :} and {@code ,}
 * ({@code %3A}, {@code %2C}). Names are {@linkplain Printable#escape escaped} first, as in every text
 * output: GitHub's escaping keeps a name inside its command, not ESC or U+202E out of the log.
 */
public final class GateGithubRenderer {
    private GateGithubRenderer() {
    }

    public static String render(Verdict v, GateLocator locator) {
        StringBuilder b = new StringBuilder();
        for (Finding f : v.violations()) annotation(b, "error", f, locator);
        for (Finding f : v.warnings()) annotation(b, "warning", f, locator);
        return b.toString();
    }

    private static void annotation(StringBuilder b, String command, Finding f, GateLocator locator) {
        List<String> props = new ArrayList<>();
        GateLocator.Location at = locator.locate(f);
        if (at != null) {
            props.add("file=" + property(at.file()));
            if (at.line() > 0) props.add("line=" + at.line());
        }
        props.add("title=" + property(Printable.escape(f.ruleId() + " (" + f.check().name() + ")")));
        String message = Printable.escape(GateText.message(f)) + (f.item() != null && !f.item().recipe().isEmpty()
                ? "\nSafer: " + Printable.escape(f.item().recipe()) : "");
        b.append("::").append(command).append(' ').append(String.join(",", props)).append("::")
                .append(data(message)).append('\n');
    }

    /** Escapes a command's message. */
    public static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a command's property value. */
    public static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
