package io.schemaplan.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;
import io.schemaplan.gate.Category;
import io.schemaplan.gate.Policy;
import io.schemaplan.gate.Policy.Action;
import io.schemaplan.gate.Policy.Allowance;
import io.schemaplan.gate.Policy.Check;
import io.schemaplan.gate.Policy.Scope;
import io.schemaplan.gate.Policy.WindowCap;
import io.schemaplan.gate.Quantities;
import io.schemaplan.impact.MyRule;
import io.schemaplan.impact.MyRules;
import io.schemaplan.impact.PgRule;
import io.schemaplan.impact.PgRules;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a gate policy from YAML (the format is in docs/gate.md; an example in the README, "CI gate"). The YAML is first read into a small
 * tree that keeps the line of every key and value, so that every mistake (bad YAML, an unknown key, a value
 * of the wrong type, an unknown rule id) is one {@link ReadException} naming the file, the line and the key.
 */
public final class PolicyReader {
    private static final YAMLFactory YAML = YAMLFactory.builder().loaderOptions(loaderOptions())
            .streamReadConstraints(InputFiles.readConstraints()).build();
    private static final Set<String> TOP = Set.of("unknown_size", "sizes", "checks", "windows", "allow");
    private static final Set<String> SCOPE = Set.of("min_rows", "min_bytes", "tables");
    private static final Set<String> CHECK = union(Set.of("name", "deny", "warn"), SCOPE);
    private static final Set<String> WINDOWS = union(Set.of("per_table", "total", "action", "estimate"), SCOPE);
    private static final Set<String> ALLOW = Set.of("table", "column", "check", "reason");
    private static final Set<String> SIZES = Set.of("default_rows", "tables");
    private static final Set<String> TABLE_SIZE = Set.of("rows", "bytes");

    /** Every rule id of both engines' tables: the ids a policy may name. */
    public static final Set<String> RULE_IDS = Stream.concat(PgRules.all().stream().map(PgRule::id),
            MyRules.all().stream().map(MyRule::id)).collect(Collectors.toCollection(TreeSet::new));

    private final String file;

    private PolicyReader(String file) {
        this.file = file;
    }

    /** Reads a policy file once, up to {@link InputFiles.Kind#POLICY}'s limit. */
    public static Policy read(Path path) {
        InputFiles.Content content = InputFiles.read(path.toString(), InputFiles.Kind.POLICY);
        return parse(content.label(), new String(content.bytes(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * SnakeYAML's own limits, as tight as a policy allows: the file limit in characters, no aliases (a policy
     * needs none, and they are how a small YAML grows huge), nesting as deep as JSON's limit.
     */
    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit((int) InputFiles.Kind.POLICY.limit());
        o.setMaxAliasesForCollections(0);
        o.setNestingDepthLimit(InputFiles.readConstraints().getMaxNestingDepth());
        o.setAllowRecursiveKeys(false);
        return o;
    }

    /** {@code file} names the source in messages. */
    public static Policy parse(String file, String yaml) {
        PolicyReader r = new PolicyReader(file);
        Node root;
        try (JsonParser p = YAML.createParser(yaml)) {
            JsonToken first = p.nextToken();
            if (first == null) throw ReadException.at(file, 1, "the policy is empty");
            root = r.node(p);
        } catch (JsonProcessingException e) {
            throw r.badYaml(e);
        } catch (IOException e) {
            throw new ReadException(file + ": cannot read the policy (" + e.getMessage() + ")");
        }
        return r.policy(r.map(root, "the policy", TOP));
    }

    /** The YAML parser's problem and where it is (SnakeYAML's problem mark), on one line. */
    private ReadException badYaml(JsonProcessingException e) {
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
            String context = m.getContext() == null ? "" : " (" + oneLine(m.getContext()) + ")";
            return ReadException.at(file, m.getProblemMark().getLine() + 1, "bad YAML: " + oneLine(m.getProblem())
                    + context);
        }
        int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
        return ReadException.at(file, line, "bad YAML: " + oneLine(e.getOriginalMessage()));
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    // ---- the located tree

    private sealed interface Node permits MapNode, ListNode, Scalar {
        int line();
    }

    private record Entry(String key, int line, Node value) {
    }

    private record MapNode(int line, Map<String, Entry> entries) implements Node {
    }

    private record ListNode(int line, List<Node> items) implements Node {
    }

    private record Scalar(int line, String text, boolean isNull) implements Node {
    }

    private Node node(JsonParser p) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = p.currentTokenLocation().getLineNr();
                p.nextToken();
                if (entries.containsKey(key)) throw ReadException.at(file, keyLine, "key '" + key + "': given twice");
                entries.put(key, new Entry(key, keyLine, node(p)));
            }
            return new MapNode(line, entries);
        }
        if (t == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) items.add(node(p));
            return new ListNode(line, items);
        }
        return new Scalar(line, t == JsonToken.VALUE_NULL ? null : p.getText(), t == JsonToken.VALUE_NULL);
    }

    // ---- typed access with one-line errors

    private ReadException error(int line, String key, String message) {
        return ReadException.at(file, line, "key '" + key + "': " + message);
    }

    private Map<String, Entry> map(Node n, String what, Set<String> allowed) {
        if (!(n instanceof MapNode m)) {
            throw ReadException.at(file, n.line(), what + " must be a mapping of keys to values");
        }
        for (Entry e : m.entries().values()) {
            if (!allowed.contains(e.key())) {
                throw error(e.line(), e.key(), "unknown key in " + what + " (known: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
        return m.entries();
    }

    private String text(Entry e) {
        if (e.value() instanceof Scalar s && !s.isNull()) return s.text();
        throw error(e.line(), e.key(), "must be a single value, not " + describe(e.value()));
    }

    private List<String> texts(Entry e) {
        if (e.value() instanceof Scalar s && !s.isNull()) return List.of(s.text());
        if (e.value() instanceof ListNode l) {
            List<String> out = new ArrayList<>();
            for (Node item : l.items()) {
                if (!(item instanceof Scalar s) || s.isNull()) {
                    throw error(item.line(), e.key(), "must be a list of names, not a list of " + describe(item) + "s");
                }
                out.add(s.text());
            }
            return out;
        }
        throw error(e.line(), e.key(), "must be a name or a list of names, not " + describe(e.value()));
    }

    private static String describe(Node n) {
        if (n instanceof MapNode) return "a mapping";
        if (n instanceof ListNode) return "a list";
        return ((Scalar) n).isNull() ? "empty" : "a value";
    }

    private <T> T quantity(Entry e, Function<String, T> parse) {
        try {
            return parse.apply(text(e));
        } catch (IllegalArgumentException x) {
            throw error(e.value().line(), e.key(), x.getMessage());
        }
    }

    // ---- the policy

    private Policy policy(Map<String, Entry> top) {
        boolean unknownMatches = true;
        if (top.containsKey("unknown_size")) {
            Entry e = top.get("unknown_size");
            String v = text(e);
            if (!v.equals("match") && !v.equals("skip")) throw error(e.value().line(), e.key(), "must be match or skip, not '" + v + "'");
            unknownMatches = v.equals("match");
        }
        List<Check> checks = new ArrayList<>();
        if (top.containsKey("checks")) {
            for (Node n : list(top.get("checks"))) checks.add(check(n));
        }
        Set<String> names = new LinkedHashSet<>();
        for (Check c : checks) {
            if (!names.add(c.name())) throw ReadException.at(file, c.line(), "key 'name': check '" + c.name() + "' is defined twice");
        }
        List<WindowCap> windows = top.containsKey("windows") ? windows(top.get("windows")) : List.of();
        windows.forEach(w -> names.add(w.name()));
        List<Allowance> allow = new ArrayList<>();
        if (top.containsKey("allow")) {
            for (Node n : list(top.get("allow"))) allow.add(allowance(n, names));
        }
        Policy.Sizes sizes = top.containsKey("sizes") ? sizes(top.get("sizes")) : Policy.Sizes.NONE;
        if (checks.isEmpty() && windows.isEmpty()) {
            throw ReadException.at(file, 1, "the policy has no checks and no windows: it would pass every upgrade");
        }
        return new Policy(file, checks, windows, allow, sizes, unknownMatches);
    }

    private List<Node> list(Entry e) {
        if (e.value() instanceof ListNode l) return l.items();
        throw error(e.line(), e.key(), "must be a list, not " + describe(e.value()));
    }

    private Check check(Node n) {
        Map<String, Entry> m = map(n, "a check", CHECK);
        Entry deny = m.get("deny");
        Entry warn = m.get("warn");
        if ((deny == null) == (warn == null)) {
            throw ReadException.at(file, n.line(), "a check needs exactly one of 'deny' or 'warn'");
        }
        Entry what = deny != null ? deny : warn;
        Set<String> ids = new LinkedHashSet<>();
        Set<Category> categories = new LinkedHashSet<>();
        for (String name : texts(what)) {
            var category = Category.byKey(name);
            if (category.isPresent()) categories.add(category.get());
            else if (RULE_IDS.contains(name)) ids.add(name);
            else throw error(what.line(), what.key(), "unknown rule id or category '" + name + "' (categories: "
                        + Arrays.stream(Category.values()).map(Category::key).collect(Collectors.joining(", "))
                        + "; rule ids as plan prints them, e.g. PG-REWRITE-TYPE, MY-COPY-TYPE)");
        }
        String name = m.containsKey("name") ? text(m.get("name")) : what.key() + " " + String.join(", ", texts(what));
        return new Check(name, deny != null ? Action.DENY : Action.WARN, ids, categories, scope(m), n.line());
    }

    private Scope scope(Map<String, Entry> m) {
        Long rows = m.containsKey("min_rows") ? quantity(m.get("min_rows"), Quantities::rows) : null;
        Long bytes = m.containsKey("min_bytes") ? quantity(m.get("min_bytes"), Quantities::bytes) : null;
        Set<String> tables = m.containsKey("tables") ? new LinkedHashSet<>(texts(m.get("tables"))) : Set.of();
        return new Scope(rows, bytes, tables);
    }

    private List<WindowCap> windows(Entry e) {
        Map<String, Entry> m = map(e.value(), "windows", WINDOWS);
        Action action = Action.DENY;
        if (m.containsKey("action")) {
            Entry a = m.get("action");
            String v = text(a);
            if (!v.equals("deny") && !v.equals("warn")) throw error(a.value().line(), a.key(), "must be deny or warn, not '" + v + "'");
            action = v.equals("deny") ? Action.DENY : Action.WARN;
        }
        boolean high = false;
        if (m.containsKey("estimate")) {
            Entry a = m.get("estimate");
            String v = text(a);
            if (!v.equals("expected") && !v.equals("high")) throw error(a.value().line(), a.key(), "must be expected or high, not '" + v + "'");
            high = v.equals("high");
        }
        List<WindowCap> out = new ArrayList<>();
        if (m.containsKey("per_table")) {
            Entry p = m.get("per_table");
            out.add(new WindowCap("blocking window per table ≤ " + text(p), action, WindowCap.Kind.PER_TABLE,
                    quantity(p, Quantities::seconds), high, scope(m), p.line()));
        }
        if (m.containsKey("total")) {
            Entry t = m.get("total");
            out.add(new WindowCap("blocking window of the upgrade ≤ " + text(t), action, WindowCap.Kind.TOTAL,
                    quantity(t, Quantities::seconds), high, Scope.ALL, t.line()));
        }
        if (out.isEmpty()) throw ReadException.at(file, e.line(), "key 'windows': needs per_table, total or both");
        return out;
    }

    private Allowance allowance(Node n, Set<String> checkNames) {
        Map<String, Entry> m = map(n, "an allowance", ALLOW);
        for (String required : List.of("table", "reason")) {
            if (!m.containsKey(required)) {
                throw ReadException.at(file, n.line(), "key '" + required + "': missing (an allowance names a table "
                        + "and the reason it is accepted)");
            }
        }
        String reason = text(m.get("reason"));
        if (reason.isBlank()) throw error(m.get("reason").line(), "reason", "must say why the change is accepted");
        String check = null;
        if (m.containsKey("check")) {
            Entry c = m.get("check");
            check = text(c);
            if (!checkNames.contains(check) && !RULE_IDS.contains(check) && Category.byKey(check).isEmpty()) {
                throw error(c.value().line(), c.key(), "'" + check + "' is no check name, rule id or category of this policy");
            }
        }
        return new Allowance(text(m.get("table")), m.containsKey("column") ? text(m.get("column")) : null, check,
                reason, n.line());
    }

    private Policy.Sizes sizes(Entry e) {
        Map<String, Entry> m = map(e.value(), "sizes", SIZES);
        Long defaultRows = m.containsKey("default_rows") ? quantity(m.get("default_rows"), Quantities::rows) : null;
        Map<String, Policy.TableSize> tables = new LinkedHashMap<>();
        if (m.containsKey("tables")) {
            for (Entry t : map(m.get("tables").value(), "sizes.tables", new AnyKey()).values()) {
                Map<String, Entry> s = map(t.value(), "the size of " + t.key(), TABLE_SIZE);
                if (!s.containsKey("rows")) throw error(t.line(), t.key(), "needs rows (and optionally bytes)");
                tables.put(t.key(), new Policy.TableSize(quantity(s.get("rows"), Quantities::rows),
                        s.containsKey("bytes") ? quantity(s.get("bytes"), Quantities::bytes) : null));
            }
        }
        return new Policy.Sizes(defaultRows, tables);
    }

    /** The keys of a mapping whose keys are names (tables), not policy words. */
    private static final class AnyKey extends java.util.AbstractSet<String> {
        @Override
        public boolean contains(Object o) {
            return true;
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Collections.emptyIterator();
        }

        @Override
        public int size() {
            return 0;
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }
}
