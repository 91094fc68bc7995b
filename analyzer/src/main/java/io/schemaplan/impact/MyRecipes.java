package io.schemaplan.impact;

import io.schemaplan.diff.Change;
import io.schemaplan.model.Engine;
import io.schemaplan.model.ForeignKey;
import io.schemaplan.model.QName;
import io.schemaplan.sql.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The safer way of a MySQL/MariaDB plan item as SQL with the real names, where one exists. Today: a foreign
 * key added with {@code foreign_key_checks} off, which InnoDB adds without copying the table (INSTANT on
 * MariaDB, measured; in place on MySQL) instead of the COPY the checked form needs; the rows the server no
 * longer checks are checked first by a query. Pure.
 */
final class MyRecipes {
    private MyRecipes() {
    }

    static Optional<String> sql(Change change, MyOperation op, MyEngine profile) {
        if (op != MyOperation.ADD_FOREIGN_KEY) return Optional.empty();
        if (change instanceof Change.ForeignKeyAdded a) return Optional.of(foreignKey(a.table(), a.foreignKey(), profile));
        if (change instanceof Change.ForeignKeyChanged c) return Optional.of(foreignKey(c.table(), c.to(), profile));
        return Optional.empty();
    }

    /**
     * The rename a drop and an add of the same definition may be ({@link Change.PossibleRename}: the diff
     * found exactly one match each way), as one statement: RENAME COLUMN / RENAME INDEX keep the data and
     * are INSTANT (MariaDB, measured; MySQL 8.0.28+ for columns), where the drop loses the column's data.
     */
    static Optional<String> rename(Change.PossibleRename r, MyEngine profile) {
        MyOperation op = switch (r.objectKind()) {
            case "column" -> MyOperation.RENAME_COLUMN;
            case "index" -> MyOperation.RENAME_INDEX;
            default -> null;
        };
        if (op == null) return Optional.empty();
        MyRule rule = MyRules.forOperation(op, profile);
        // No name in the comment line: a name may hold a line break.
        return Optional.of("-- If it is a rename: one statement that keeps the data, instead of the drop and the add:\n"
                + "ALTER TABLE " + qualified(r.table()) + " RENAME " + r.objectKind().toUpperCase(java.util.Locale.ROOT)
                + " " + q(r.fromName()) + " TO " + q(r.toName())
                + ", ALGORITHM=" + rule.algorithm() + ", LOCK=" + rule.lock() + ";\n");
    }

    private static String foreignKey(QName table, ForeignKey fk, MyEngine profile) {
        MyRule off = MyRules.forOperation(MyOperation.ADD_FOREIGN_KEY_CHECKS_OFF, profile);
        List<String> on = new ArrayList<>();
        List<String> notNull = new ArrayList<>();
        for (int i = 0; i < fk.columns().size(); i++) {
            on.add("r." + q(fk.referencedColumns().get(i)) + " = c." + q(fk.columns().get(i)));
            notNull.add("c." + q(fk.columns().get(i)) + " IS NOT NULL");
        }
        String actions = action(" ON DELETE ", fk.onDelete()) + action(" ON UPDATE ", fk.onUpdate());
        // MATCH SIMPLE: a row with any NULL in the key is not checked by the server either.
        return "-- Rows the key would reject; must be 0 (the server does not check them with foreign_key_checks off):\n"
                + "SELECT count(*) FROM " + qualified(table) + " c LEFT JOIN " + qualified(fk.referencedTable())
                + " r ON " + String.join(" AND ", on) + "\n WHERE " + String.join(" AND ", notNull) + " AND r."
                + q(fk.referencedColumns().get(0)) + " IS NULL;\n"
                + "SET SESSION lock_wait_timeout = 5;\n"
                + "SET SESSION foreign_key_checks = 0;\n"
                + "ALTER TABLE " + qualified(table) + " ADD CONSTRAINT " + q(fk.name()) + " FOREIGN KEY ("
                + columns(fk.columns()) + ") REFERENCES " + qualified(fk.referencedTable()) + " ("
                + columns(fk.referencedColumns()) + ")" + actions + ", ALGORITHM=" + off.algorithm() + ", LOCK="
                + off.lock() + ";\n"
                + "SET SESSION foreign_key_checks = 1;\n";
    }

    private static String action(String clause, String action) {
        return action == null || action.equals(ForeignKey.NO_ACTION) ? "" : clause + action;
    }

    private static String columns(List<String> names) {
        return String.join(", ", names.stream().map(MyRecipes::q).toList());
    }

    private static String q(String name) {
        return Identifiers.quote(Engine.MYSQL, name);
    }

    private static String qualified(QName name) {
        return Identifiers.qualified(Engine.MYSQL, name);
    }
}
