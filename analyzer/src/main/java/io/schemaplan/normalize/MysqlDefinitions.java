package io.schemaplan.normalize;

import io.schemaplan.model.Column;
import io.schemaplan.model.Constraint;
import io.schemaplan.model.DataType;
import io.schemaplan.model.Engine;
import io.schemaplan.model.ForeignKey;
import io.schemaplan.model.Index.IndexKey;
import io.schemaplan.model.Trigger;
import io.schemaplan.sql.Identifiers;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Canonical MySQL/MariaDB key, constraint and collation facts shared by the dump and the catalog reader.
 *
 * <ul>
 *   <li>A PRIMARY KEY is the constraint {@code PRIMARY} with definition {@code PRIMARY KEY (a, b)}; a UNIQUE
 *       key is a UNIQUE constraint named after the key, {@code UNIQUE (a, b(191), c DESC)}: names unquoted,
 *       prefix lengths and DESC kept.</li>
 *   <li>A CHECK is {@code CHECK (<expression as the server prints it>)}.</li>
 *   <li>Foreign-key actions: RESTRICT and an absent clause are {@code NO ACTION} (InnoDB checks all three
 *       immediately, so they are one behaviour; MariaDB reports RESTRICT, MySQL 8 NO ACTION).</li>
 *   <li>MariaDB's JSON is {@code longtext} (collation utf8mb4_bin) with a column CHECK named after the column,
 *       {@code json_valid(`col`)}: such a column is type {@code json}, without that collation, and the CHECK
 *       goes (MySQL stores a real {@code json} type; one Dify schema must read the same on both).</li>
 * </ul>
 */
public final class MysqlDefinitions {
    private MysqlDefinitions() {
    }

    public static final String PRIMARY = "PRIMARY";

    /** The default collation of each character set where it is not {@code <charset>_general_ci}. */
    private static final Map<String, String> DEFAULT_COLLATIONS = Map.of(
            "latin1", "latin1_swedish_ci", "binary", "binary", "utf8", "utf8mb3_general_ci",
            "latin2", "latin2_general_ci", "cp1250", "cp1250_general_ci", "hebrew", "hebrew_general_ci");

    public static String keyDefinition(Constraint.Kind kind, List<IndexKey> keys) {
        String prefix = kind == Constraint.Kind.PRIMARY_KEY ? "PRIMARY KEY" : "UNIQUE";
        return prefix + " (" + keys.stream().map(MysqlDefinitions::keyPart).collect(Collectors.joining(", ")) + ")";
    }

    public static Constraint keyConstraint(String name, Constraint.Kind kind, List<IndexKey> keys) {
        List<String> columns = keys.stream().filter(k -> !k.expression()).map(IndexKey::text).toList();
        return new Constraint(name, kind, columns, keyDefinition(kind, keys), false, false, true);
    }

    private static String keyPart(IndexKey k) {
        String text = k.expression() ? "(" + k.text() + ")" : k.text();
        return text + (k.prefixLength() == null ? "" : "(" + k.prefixLength() + ")") + (k.descending() ? " DESC" : "");
    }

    public static Constraint check(String name, String expression) {
        return check(name, expression, true);
    }

    /** A CHECK; MySQL 8's {@code NOT ENFORCED} one is not {@code validated} (the server never checks it). */
    public static Constraint check(String name, String expression, boolean enforced) {
        return new Constraint(name, Constraint.Kind.CHECK, List.of(), "CHECK (" + expression.trim() + ")", false, false,
                enforced);
    }

    /** {@code NO ACTION}, {@code CASCADE}, {@code SET NULL} or {@code SET DEFAULT}. */
    public static String foreignKeyAction(String rule) {
        if (rule == null || rule.isBlank()) return ForeignKey.NO_ACTION;
        String r = rule.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        return r.equals("RESTRICT") ? ForeignKey.NO_ACTION : r;
    }

    /** The collation a character set means when no COLLATE is given (on MySQL 8 and MariaDB 10.x). */
    public static String defaultCollation(String charset, Engine engine) {
        return defaultCollation(charset, engine, null);
    }

    /**
     * The collation a character set means when no COLLATE is given, on the server version a dump names
     * (null: MySQL 8 / MariaDB 10.x): MySQL 8.0 made {@code utf8mb4_0900_ai_ci} utf8mb4's default, MySQL 5.x
     * and MariaDB use {@code utf8mb4_general_ci} (a 5.7 dump says {@code DEFAULT CHARSET=utf8mb4} alone).
     */
    public static String defaultCollation(String charset, Engine engine, String serverVersion) {
        String cs = charset.toLowerCase(Locale.ROOT);
        if (cs.equals("utf8mb4") && engine == Engine.MYSQL && !beforeMysql8(serverVersion)) return "utf8mb4_0900_ai_ci";
        return collation(DEFAULT_COLLATIONS.getOrDefault(cs, cs + "_general_ci"));
    }

    private static boolean beforeMysql8(String serverVersion) {
        if (serverVersion == null) return false;
        String major = serverVersion.split("\\.")[0];
        return major.chars().allMatch(Character::isDigit) && !major.isEmpty() && Integer.parseInt(major) < 8;
    }

    /**
     * A collation's canonical name: lower case, and {@code utf8} spelled {@code utf8mb3}. MySQL 5.7 and
     * MariaDB before 10.6 print {@code utf8_bin}; MariaDB 10.6+ and MySQL 8.0.30+ print {@code utf8mb3_bin}
     * for the very same collation (with MariaDB's default {@code old_mode=UTF8_IS_UTF8MB3}).
     */
    public static String collation(String name) {
        if (name == null) return null;
        String c = name.toLowerCase(Locale.ROOT);
        return c.startsWith("utf8_") ? "utf8mb3_" + c.substring(5) : c;
    }

    /** Whether {@code check} is MariaDB's JSON check on {@code column} (see the class comment). */
    public static boolean isJsonCheck(Constraint check, Column column) {
        return check.kind() == Constraint.Kind.CHECK && check.name().equals(column.name())
                && column.type().name().equals("longtext")
                && check.definition().replaceAll("\\s+", "").equals(
                        "CHECK(json_valid(" + Identifiers.quote(Engine.MYSQL, column.name()) + "))");
    }

    /**
     * A trigger's definition, the same from a dump and from {@code information_schema.TRIGGERS}:
     * {@code BEFORE INSERT ON t FOR EACH ROW <body as the server keeps it>} (no DEFINER, no quotes).
     */
    public static Trigger trigger(String name, String timing, String event, String table, String body) {
        return new Trigger(name, timing.toUpperCase(Locale.ROOT) + " " + event.toUpperCase(Locale.ROOT) + " ON " + table
                + " FOR EACH ROW " + body.trim());
    }

    /** The column as MySQL's {@code json} type. */
    public static Column asJson(Column c) {
        return c.withType(DataType.of("json"), null);
    }
}
