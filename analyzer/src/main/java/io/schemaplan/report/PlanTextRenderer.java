package io.schemaplan.report;

import io.schemaplan.impact.Plan;
import io.schemaplan.impact.PlanItem;
import io.schemaplan.impact.Risk;
import io.schemaplan.impact.TableWindow;
import io.schemaplan.impact.Timeline;
import io.schemaplan.impact.Units;
import io.schemaplan.text.Printable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan on a terminal, {@value TextWrap#WIDTH} columns wide (wrapped, never cut): a verdict first (the
 * longest blocking window, the whole upgrade, the riskiest items), then the operations that need attention
 * (critical, high, medium) with lock, effects, estimate, the safer way and what it locks, one line per
 * low-risk change, the blocking windows per table, and the assumptions. A recipe's SQL is printed in full
 * with {@code --recipes} (or when it is a few short lines); otherwise one line says how long it is. Colours
 * only when asked; names {@linkplain Printable#escape escaped}.
 */
public final class PlanTextRenderer {
    private static final String RED = "\033[31m";
    private static final String YELLOW = "\033[33m";
    private static final String BOLD = "\033[1m";
    private static final String DIM = "\033[2m";
    private static final String RESET = "\033[0m";
    /** Items the verdict names. */
    static final int RISKIEST = 3;
    /** A recipe this short (lines that fit) is printed even without --recipes: it is the answer itself. */
    static final int SHORT_RECIPE_LINES = 3;
    /** The riskiest items whose recipe SQL is printed without --recipes, when it is short. */
    static final int TOP_SQL = 3;
    /** Blocking windows whose own work is known to stay under this are summed up in one paragraph. */
    static final double BRIEF_SECONDS = 1;

    private final boolean colors;
    private final boolean recipes;

    public PlanTextRenderer(boolean colors) {
        this(colors, false);
    }

    /** {@code recipes}: print every recipe's SQL in full, as it is (SQL lines are not wrapped, so they paste). */
    public PlanTextRenderer(boolean colors, boolean recipes) {
        this.colors = colors;
        this.recipes = recipes;
    }

    public String render(Plan plan) {
        StringBuilder b = new StringBuilder();
        para(b, "from " + Printable.escape(plan.from()), "", "     ", null);
        para(b, "to   " + Printable.escape(plan.to()), "", "     ", null);
        para(b, plan.engine() + ' ' + plan.serverVersion() + " · profile " + plan.profile() + " · "
                + (plan.statsSource() == null ? "no statistics" : "statistics " + Printable.escape(plan.statsSource()))
                + " · " + (plan.singleTransaction() ? "one transaction" : "a transaction per migration"), "", "  ", null);
        b.append('\n');
        if (plan.items().isEmpty()) {
            return b.append("no differences: nothing to do\n").toString();
        }
        verdict(b, plan);
        Map<String, String> seen = new java.util.HashMap<>();
        int shown = 0;
        for (Risk r : PlanText.ATTENTION) {
            if (plan.count(r) == 0) continue;
            b.append('\n').append(paint(r == Risk.MEDIUM ? YELLOW : RED, r.name())).append('\n');
            for (PlanItem i : plan.items()) {
                if (i.risk() == r) detailed(b, i, seen, shown++ < TOP_SQL);
            }
        }
        lowAndNone(b, plan);
        windows(b, plan);
        b.append('\n').append(paint(BOLD, "Assumptions")).append('\n');
        plan.assumptions().forEach(a -> para(b, Printable.escape(a), "  - ", "    ", null));
        return b.toString();
    }

    /** Five to ten lines a DBA reads first: what blocks longest, how long the whole upgrade takes, what is riskiest. */
    private void verdict(StringBuilder b, Plan plan) {
        b.append(paint(BOLD, "Verdict")).append(": ").append(PlanText.riskCounts(plan)).append('\n');
        para(b, "Longest block: " + Printable.escape(TimelineChart.headline(Timeline.of(plan))), "  ", "    ", null);
        para(b, "Whole upgrade: " + PlanText.estimate(plan.total()), "  ", "    ", null);
        long unreadable = plan.windows().stream().filter(TableWindow::blocksReads).count();
        long readOnly = plan.windows().stream().filter(w -> !w.blocksReads() && w.blocksWrites()).count();
        long brief = plan.windows().stream().filter(PlanTextRenderer::brief).count();
        if (!plan.windows().isEmpty()) {
            para(b, "Blocked: " + ChangeText.count((int) (unreadable + readOnly), "table") + " (" + unreadable
                    + " unreadable, " + readOnly + " read-only)" + (brief == 0 ? "" : "; " + brief + " of them for catalog work only"), "  ", "    ",
                    null);
        }
        List<PlanItem> top = plan.items().stream().filter(i -> i.risk().compareTo(Risk.HIGH) <= 0).limit(RISKIEST)
                .toList();
        String label = "  Riskiest: ";
        for (PlanItem i : top) {
            para(b, Printable.escape(PlanText.shortTitle(i.change())) + " (" + PlanReport.riskName(i.risk())
                    + ", " + Units.range(i.estimate()) + ")", label, " ".repeat(label.length() + 4), null);
            label = " ".repeat(label.length());
        }
    }

    /**
     * One operation. A rule's message and recipe are printed in full the first time the rule comes up; the
     * next items of the same rule say "as above" and add only what differs (the advice to prune a big table).
     */
    private void detailed(StringBuilder b, PlanItem i, Map<String, String> seen, boolean top) {
        para(b, Printable.escape(PlanText.title(i)), "  ", "      ", BOLD);
        para(b, i.ruleId() + " · " + Printable.escape(PlanText.lock(i)), "    ", "      ", null);
        para(b, PlanText.effects(i) + " · " + PlanText.estimate(i.estimate()), "    ", "      ", null);
        String before = seen.get(i.ruleId());
        if (before == null) {
            para(b, Printable.escape(i.message()), "    ", "    ", null);
            if (!i.recipe().isEmpty()) para(b, "Safer: " + Printable.escape(i.recipe()), "    ", "    ", null);
            seen.put(i.ruleId(), i.recipe());
        } else if (!i.recipe().isEmpty()) {
            int same = sameSentences(before, i.recipe());
            para(b, "Safer: " + (same > 0 ? "as above. " : "") + Printable.escape(i.recipe().substring(same).strip()),
                    "    ", "    ", null);
        }
        String locks = i.saferWay() == null ? "Safer way" : "Safer way locks: " + PlanText.saferWay(i.saferWay());
        if (i.recipeSql() == null) {
            if (i.saferWay() != null) para(b, locks, "    ", "    ", null);
            return;
        }
        List<String> sql = recipes || top ? sqlLines(i.recipeSql()) : null;
        if (sql != null) {
            if (i.saferWay() != null) para(b, locks, "    ", "    ", null);
            sql.forEach(l -> b.append(paint(DIM, l)).append('\n'));
        } else {
            para(b, locks + "; its SQL (" + ChangeText.count((int) i.recipeSql().lines().count(), "line")
                    + ") with --recipes, -f markdown or -f html", "    ", "    ", null);
        }
    }

    /** The length of the whole sentences {@code b} starts with that {@code a} starts with too. */
    static int sameSentences(String a, String b) {
        int same = 0;
        for (int k = b.indexOf('.'); k >= 0; k = b.indexOf('.', k + 1)) {
            boolean end = k + 1 == b.length() || b.charAt(k + 1) == ' ';
            if (end && a.startsWith(b.substring(0, k + 1))) same = k + 1;
        }
        return same;
    }

    /**
     * A recipe's SQL, indented, or null when it is left to --recipes: longer than a few lines, or a line too
     * long that cannot be wrapped safely. Names in a recipe are written U&"…" when they hold control
     * characters, so its lines are its own. A long line is wrapped only where that cannot change the SQL (no
     * comment, quote or dollar sign on it: SQL reads a line break as a space); with --recipes lines stay
     * whole, so that they paste as they are.
     */
    List<String> sqlLines(String sql) {
        List<String> lines = sql.lines().map(Printable::escape).toList();
        if (recipes) return lines.stream().map(l -> "      " + l).toList();
        if (lines.size() > SHORT_RECIPE_LINES) return null;
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (TextWrap.columns(l) + 6 <= TextWrap.WIDTH) {
                out.add("      " + l);
            } else if (l.startsWith("-- ")) {
                out.addAll(TextWrap.wrap(l, "      ", "      -- "));
            } else if (!l.contains("--") && l.indexOf('\'') < 0 && l.indexOf('"') < 0 && l.indexOf('$') < 0) {
                out.addAll(TextWrap.wrap(l, "      ", "          "));
            } else {
                return null;
            }
        }
        return out;
    }

    /** One line per change (two rules for one change read as one line), added objects in one paragraph. */
    private void lowAndNone(StringBuilder b, Plan plan) {
        if (plan.count(Risk.LOW) + plan.count(Risk.NONE) == 0) return;
        b.append('\n').append(paint(BOLD, "LOW and NONE")).append('\n');
        para(b, "Catalog only. LOW takes a lock that queues behind long queries: run it under a lock timeout.",
                "  ", "  ", DIM);
        Map<String, List<String>> added = new LinkedHashMap<>();
        // Changes of one kind on one table under the same rules (nine columns added to datasets) share a line;
        // Markdown and HTML keep a row per change with its whole definition.
        Map<List<Object>, List<PlanText.LowRow>> groups = new LinkedHashMap<>();
        for (PlanText.LowRow row : PlanText.lowRows(plan)) {
            if (row.risk() == Risk.NONE && row.lock() == null && ChangeText.sign(row.change()) == '+') {
                String subject = ChangeText.subject(row.change());
                int space = subject.indexOf(' ');
                added.computeIfAbsent(space < 0 ? "" : subject.substring(0, space), k -> new ArrayList<>())
                        .add(Printable.escape(space < 0 ? subject : subject.substring(space + 1)));
                continue;
            }
            String kind = kind(row.change());
            List<Object> key = kind == null ? List.of(row) : List.of(row.risk(), row.change().table(),
                    ChangeText.sign(row.change()), row.rules(), kind);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        for (List<PlanText.LowRow> rows : groups.values()) {
            PlanText.LowRow first = rows.get(0);
            String text;
            if (rows.size() == 1) {
                text = first.title();
            } else {
                String kind = kind(first.change());
                // A changed object keeps what changed (type, nullability); an added or dropped one its name.
                List<String> names = rows.stream().map(r -> (ChangeText.sign(r.change()) == '~'
                        ? ChangeText.describe(r.change()) : ChangeText.subject(r.change())).substring(kind.length() + 1))
                        .toList();
                text = ChangeText.sign(first.change()) + " " + first.change().table() + ": "
                        + ChangeText.verb(first.change()) + " " + ChangeText.count(rows.size(), kind,
                        kind.endsWith("x") ? kind + "es" : kind + "s") + ": " + String.join(", ", names);
            }
            para(b, (first.risk() == Risk.LOW ? "low " : "none") + "  " + Printable.escape(text) + "  ["
                    + String.join(", ", first.rules()) + "]", "  ", "          ", null);
        }
        if (!added.isEmpty()) {
            List<String> parts = new ArrayList<>();
            added.forEach((kind, names) -> parts.add(kind.isEmpty() ? String.join(", ", names)
                    : ChangeText.count(names.size(), kind, kind.endsWith("x") ? kind + "es" : kind + "s") + " "
                    + String.join(", ", names)));
            para(b, "none  + added, locking no existing table: " + String.join("; ", parts), "  ", "          ", null);
        }
    }

    /**
     * The kind of object a table-level change is about ({@code column}, {@code index}, {@code foreign key}), or
     * null when it has no short subject to group by.
     */
    private static String kind(io.schemaplan.diff.Change c) {
        if (c.table() == null) return null;
        String subject = ChangeText.subject(c);
        for (String kind : List.of("foreign key", "column", "index", "constraint")) {
            if (subject.startsWith(kind + " ")) return kind;
        }
        return null;
    }

    /** Tables blocked for real work one by one; those locked only for catalog work in one paragraph. */
    private void windows(StringBuilder b, Plan plan) {
        if (plan.windows().isEmpty()) return;
        b.append('\n').append(paint(BOLD, "Blocking windows")).append(plan.singleTransaction()
                ? " (locks are held until the upgrade commits)" : "").append('\n');
        List<String> brief = new ArrayList<>();
        for (TableWindow w : plan.windows()) {
            if (brief(w)) {
                brief.add(Printable.escape(w.table().toString()));
                continue;
            }
            para(b, Printable.escape(w.table().toString()) + ": " + w.lock() + ", "
                    + PlanText.blocks(w.blocksReads(), w.blocksWrites()) + "; own work " + Units.range(w.work())
                    + ", held " + PlanText.held(w) + " · " + PlanText.size(w.stats()), "  ", "      ", null);
        }
        if (!brief.isEmpty()) {
            para(b, ChangeText.count(brief.size(), "more table") + " locked for under a second of own work"
                    + (plan.singleTransaction() ? ", each held until the upgrade commits" : "") + ": "
                    + String.join(", ", brief), "  ", "      ", null);
        }
    }

    private static boolean brief(TableWindow w) {
        return w.work().known() && w.work().highSeconds() < BRIEF_SECONDS;
    }

    /** Wrapped text, each line painted on its own (a colour must not run into the next line's indent). */
    private void para(StringBuilder b, String text, String indent, String hanging, String color) {
        for (String line : TextWrap.wrap(text, indent, hanging)) {
            if (color == null) {
                b.append(line);
            } else {
                int lead = line.length() - line.stripLeading().length();
                b.append(line, 0, lead).append(paint(color, line.substring(lead)));
            }
            b.append('\n');
        }
    }

    private String paint(String color, String text) {
        return colors ? color + text + RESET : text;
    }
}
