package io.schemaplan.diff;

import io.schemaplan.diff.Change.ColumnDefaultChanged;
import io.schemaplan.diff.Change.ConstraintChanged;
import io.schemaplan.diff.Change.IndexChanged;
import io.schemaplan.diff.Change.TriggerChanged;
import io.schemaplan.diff.Change.ViewChanged;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Whether a changed definition may be the same expression as another server version prints it. Readers keep
 * one rendering where a rewrite is safe (see {@code PgExpressions.sameRendering}); what is left is reported as
 * a change, and this says when the two texts differ only in casts, parentheses, schema names, case or spacing,
 * so that the report can say "may be a rendering difference" instead of claiming a real change.
 */
public final class Renderings {
    private Renderings() {
    }

    /** A cast as the server prints it: {@code ::character varying(20)}, {@code ::public.mood}, {@code ::text[]}. */
    private static final Pattern CAST = Pattern.compile("::[a-z_\"][a-z0-9_ .\"]*?(\\(\\d+(,\\d+)?\\))?(\\[\\])*(?=[^a-z0-9_ .\"\\[(]|$)");
    private static final Pattern NOISE = Pattern.compile("[()\\s]+|\\bpublic\\.|\\bpg_catalog\\.");

    /** True when {@code a} and {@code b} differ, but not once casts, parentheses, schemas, case and spaces are left out. */
    public static boolean mayBeRendering(String a, String b) {
        if (a == null || b == null || a.equals(b)) return false;
        return loose(a).equals(loose(b));
    }

    private static String loose(String s) {
        String lower = s.toLowerCase(Locale.ROOT).replace(" procedure ", " function ");
        return NOISE.matcher(CAST.matcher(lower).replaceAll("")).replaceAll("");
    }

    /** For a change of definition text (constraint, index, view, default, trigger): whether it may be only a rendering. */
    public static boolean mayBeRendering(Change c) {
        if (c instanceof ConstraintChanged x) {
            return x.from().kind() == x.to().kind() && x.from().validated() == x.to().validated()
                    && x.from().deferrable() == x.to().deferrable() && mayBeRendering(x.from().definition(), x.to().definition());
        }
        if (c instanceof ViewChanged x) {
            return x.from().materialized() == x.to().materialized() && mayBeRendering(x.from().definition(), x.to().definition());
        }
        if (c instanceof ColumnDefaultChanged x) return mayBeRendering(x.from().defaultExpr(), x.to().defaultExpr());
        if (c instanceof TriggerChanged x) return mayBeRendering(x.from().definition(), x.to().definition());
        if (c instanceof IndexChanged x) {
            var f = x.from();
            var t = x.to();
            return f.unique() == t.unique() && f.method().equals(t.method()) && f.keys().size() == t.keys().size()
                    && f.include().equals(t.include()) && f.nullsNotDistinct() == t.nullsNotDistinct()
                    && mayBeRendering(f.keys().toString() + " WHERE " + f.predicate(), t.keys().toString() + " WHERE " + t.predicate())
                    && Objects.equals(f.predicate() == null, t.predicate() == null);
        }
        return false;
    }
}
