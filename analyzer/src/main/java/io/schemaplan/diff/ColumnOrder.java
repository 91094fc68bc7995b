package io.schemaplan.diff;

import io.schemaplan.model.Column;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which columns moved between two versions of a table. Only columns on both sides count (an added or
 * dropped column shifts positions but moves nothing); the columns kept in order are the longest common
 * subsequence of the two orders, and the rest are the fewest moves that turn one order into the other.
 */
final class ColumnOrder {
    private ColumnOrder() {
    }

    static Set<String> moved(List<Column> from, List<Column> to) {
        Set<String> before = new HashSet<>();
        from.forEach(c -> before.add(c.name()));
        Set<String> after = new HashSet<>();
        to.forEach(c -> after.add(c.name()));
        List<String> a = from.stream().map(Column::name).filter(after::contains).toList();
        List<String> b = to.stream().map(Column::name).filter(before::contains).toList();
        if (a.equals(b)) return Set.of();
        // Classic LCS table; tables have tens of columns, and this runs only when the order differs.
        int[][] len = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                len[i][j] = a.get(i).equals(b.get(j)) ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
            }
        }
        Set<String> kept = new HashSet<>();
        for (int i = 0, j = 0; i < a.size() && j < b.size(); ) {
            if (a.get(i).equals(b.get(j))) {
                kept.add(a.get(i));
                i++;
                j++;
            } else if (len[i + 1][j] >= len[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        Set<String> moved = new HashSet<>(b);
        moved.removeAll(kept);
        return moved;
    }

    /** The column {@code c} follows in {@code to}, or null when it is first. */
    static String predecessor(List<Column> to, Column c) {
        int i = to.indexOf(c);
        return i <= 0 ? null : to.get(i - 1).name();
    }
}
