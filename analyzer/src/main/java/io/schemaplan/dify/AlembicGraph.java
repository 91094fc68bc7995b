package io.schemaplan.dify;

import io.schemaplan.read.ReadException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The revision graph of an Alembic {@code versions/} directory: heads, bases, merge points (several
 * parents), branch points (several children), problems (a revision defined twice, a parent that no file
 * defines, a cycle), and the ordered path {@code alembic upgrade} takes between two revisions.
 */
public final class AlembicGraph {
    /** Something that stops {@code alembic upgrade head}, with the file that causes it. */
    public record Problem(String kind, String revision, String file, String message) {
    }

    private final Map<String, AlembicScript> scripts = new LinkedHashMap<>();
    private final Map<String, List<String>> children = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private AlembicGraph(List<AlembicScript> all) {
        for (AlembicScript s : all) {
            AlembicScript first = scripts.putIfAbsent(s.revision(), s);
            if (first != null) {
                problems.add(new Problem("duplicate_revision", s.revision(), s.file(), "revision " + s.revision()
                        + " is defined twice: " + first.file() + " and " + s.file() + "; Alembic refuses to load the directory"));
            }
            children.putIfAbsent(s.revision(), new ArrayList<>());
        }
        for (AlembicScript s : scripts.values()) {
            for (String parent : s.downRevisions()) {
                if (!scripts.containsKey(parent)) {
                    problems.add(new Problem("unknown_parent", s.revision(), s.file(), s.file() + ": down_revision "
                            + parent + " is not defined by any file here; Alembic fails with \"Revision " + parent
                            + " referenced from " + s.revision() + " is not present\""));
                } else {
                    children.get(parent).add(s.revision());
                }
            }
        }
        if (problems.isEmpty() && order(scripts.keySet()).size() < scripts.size()) {
            problems.add(new Problem("cycle", null, null, "the down_revision links form a cycle"));
        }
        List<String> heads = heads();
        if (heads.size() > 1 && problems.isEmpty()) {
            problems.add(severalHeads(heads));
        }
    }

    /** Two or more heads: where they part, what Alembic says, and the two ways out. */
    private Problem severalHeads(List<String> heads) {
        StringBuilder b = new StringBuilder(heads.size() + " heads: ");
        b.append(heads.stream().map(h -> h + " (" + scripts.get(h).file() + ")").collect(java.util.stream.Collectors.joining(", ")));
        String fork = branchPoint(heads.get(0), heads.get(1));
        if (fork != null) {
            b.append("; they part at ").append(fork).append(" (").append(scripts.get(fork).file()).append("), which ")
                    .append(children.get(fork).size()).append(" revisions name as down_revision: ")
                    .append(String.join(", ", children.get(fork)));
        }
        b.append(". 'alembic upgrade head' (flask db upgrade) fails with \"Multiple head revisions are present for given"
                + " argument 'head'\". Fix: if one migration was meant to follow the other, set its down_revision to the"
                + " other head; if both lines are wanted, add a merge revision: alembic merge -m \"merge heads\" ")
                .append(String.join(" ", heads));
        return new Problem("several_heads", heads.get(heads.size() - 1), scripts.get(heads.get(heads.size() - 1)).file(),
                b.toString());
    }

    public static AlembicGraph of(List<AlembicScript> scripts) {
        return new AlembicGraph(scripts);
    }

    public List<AlembicScript> scripts() {
        return List.copyOf(scripts.values());
    }

    public AlembicScript script(String revision) {
        return scripts.get(revision);
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** Revisions no other revision names as its parent, in file order. */
    public List<String> heads() {
        return scripts.keySet().stream().filter(r -> children.get(r).isEmpty()).toList();
    }

    public List<String> bases() {
        return scripts.values().stream().filter(s -> s.downRevisions().isEmpty()).map(AlembicScript::revision).toList();
    }

    /** Revisions with several parents (merge revisions). */
    public List<String> merges() {
        return scripts.values().stream().filter(s -> s.downRevisions().size() > 1).map(AlembicScript::revision).toList();
    }

    /** Revisions with several children: where the history forks. */
    public List<String> branchPoints() {
        return scripts.keySet().stream().filter(r -> children.get(r).size() > 1).toList();
    }

    /** {@code revision} and everything it descends from. */
    public Set<String> ancestry(String revision) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(revision));
        while (!todo.isEmpty()) {
            String r = todo.pop();
            if (scripts.containsKey(r) && seen.add(r)) {
                todo.addAll(scripts.get(r).downRevisions());
            }
        }
        return seen;
    }

    /** The newest revision both descend from (where their branches part), or null. */
    public String branchPoint(String a, String b) {
        Set<String> common = ancestry(a);
        common.retainAll(ancestry(b));
        // The common ancestor that is not an ancestor of another common ancestor.
        for (String r : order(common)) {
            if (children.get(r).stream().noneMatch(common::contains)) return r;
        }
        return null;
    }

    /**
     * The revisions {@code alembic upgrade TO} applies to a database at {@code FROM}, in order. FROM may be
     * {@code base}; TO may be {@code head} when there is one head.
     *
     * @throws ReadException when a revision is unknown or FROM is not an ancestor of TO
     */
    public List<String> path(String from, String to) {
        String target = resolve(to);
        Set<String> wanted = ancestry(target);
        if (!from.equals("base")) {
            String start = resolve(from);
            if (!wanted.contains(start)) {
                throw new ReadException(from + " is not an ancestor of " + to
                        + ": upgrading from it to " + to + " is not a path Alembic can take (a downgrade, or another branch)");
            }
            wanted.removeAll(ancestry(start));
        }
        return order(wanted);
    }

    private String resolve(String revision) {
        if (revision.equals("head")) {
            if (heads().size() != 1) {
                throw new ReadException("'head' is ambiguous: " + heads().size() + " heads (" + String.join(", ", heads()) + ")");
            }
            return heads().get(0);
        }
        List<String> matches = scripts.keySet().stream().filter(r -> r.startsWith(revision)).toList();
        if (scripts.containsKey(revision)) return revision;
        if (matches.size() == 1) return matches.get(0);  // Alembic accepts a unique prefix too
        throw new ReadException("revision " + revision + (matches.isEmpty() ? " is not in this directory"
                : " is ambiguous: " + String.join(", ", matches)));
    }

    /** {@code subset} in upgrade order: parents first, ties in file order (Kahn's algorithm). */
    private List<String> order(Set<String> subset) {
        List<String> fileOrder = new ArrayList<>(scripts.keySet());
        Map<String, Integer> waiting = new LinkedHashMap<>();
        PriorityQueue<String> ready = new PriorityQueue<>((x, y) -> fileOrder.indexOf(x) - fileOrder.indexOf(y));
        for (String r : subset) {
            int n = (int) scripts.get(r).downRevisions().stream().filter(subset::contains).count();
            waiting.put(r, n);
            if (n == 0) ready.add(r);
        }
        List<String> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (!ready.isEmpty()) {
            String r = ready.poll();
            if (!done.add(r)) continue;
            out.add(r);
            for (String c : children.get(r)) {
                if (subset.contains(c) && waiting.merge(c, -1, Integer::sum) == 0) ready.add(c);
            }
        }
        return out;
    }
}
