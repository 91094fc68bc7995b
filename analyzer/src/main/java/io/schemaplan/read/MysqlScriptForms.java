package io.schemaplan.read;

import io.schemaplan.normalize.Excerpts;
import io.schemaplan.normalize.SqlTokens;
import java.util.Locale;
import java.util.Set;

/**
 * A script's column defaults on MySQL/MariaDB: {@code TRUE} / {@code FALSE} as the server stores them ({@code 1} /
 * {@code 0}), and what MySQL and MariaDB reject in a script that a PostgreSQL-first migration tool wrote for them: a column
 * default with PostgreSQL's {@code ::} cast, or one that calls a PostgreSQL function ({@code DEFAULT
 * (uuid_generate_v4())}: MariaDB's ERROR 1901, "cannot be used in the DEFAULT clause"). The replay reports the
 * statement as not applied, as the server would leave it. Verified on MariaDB 10.11 (MysqlScriptFormsTest).
 */
final class MysqlScriptForms {
    private MysqlScriptForms() {
    }

    /** PostgreSQL functions that ORMs put in defaults and that MySQL and MariaDB do not have. */
    static final Set<String> POSTGRES_FUNCTIONS = Set.of("uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v3",
            "uuid_generate_v4", "uuid_generate_v5", "gen_random_uuid", "nextval", "to_jsonb", "jsonb_build_object",
            "jsonb_build_array", "clock_timestamp", "statement_timestamp", "transaction_timestamp", "gen_random_bytes");

    /**
     * The default as the server prints it: a boolean literal is the number it stands for; a number for a
     * {@code decimal(p,s)} column has {@code s} decimals ({@code 0.001} in {@code decimal(10,7)} is {@code 0.0010000}).
     */
    static String asServerPrints(String text, io.schemaplan.model.DataType type) {
        String t = text.trim();
        // (0.001): a literal in parentheses is the literal (the server folds the constant expression)
        while (t.startsWith("(") && t.endsWith(")") && t.substring(1, t.length() - 1).trim()
                .matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)|'[^']*'|(?i)true|false|null")) {
            t = t.substring(1, t.length() - 1).trim();
            text = t;
        }
        if (t.equalsIgnoreCase("true")) return "1";
        if (t.equalsIgnoreCase("false")) return "0";
        boolean decimal = type.name().equals("decimal") || type.name().equals("numeric");
        String number = t.length() > 1 && t.startsWith("'") && t.endsWith("'") ? t.substring(1, t.length() - 1) : t;
        if (decimal && type.scale() != null && number.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)")) {
            try {
                return new java.math.BigDecimal(number).setScale(type.scale(), java.math.RoundingMode.HALF_UP).toPlainString();
            } catch (ArithmeticException e) {
                return text;
            }
        }
        return text;
    }

    /** Fails, naming the column and the reason, when the server would reject the default {@code text}. */
    static void checkDefault(String column, String text) {
        SqlTokens t = SqlTokens.mysql(text);
        check(column, text, t);
    }

    /** MariaDB's {@code nextval(s)} names its sequence; PostgreSQL's {@code nextval('s')} quotes it as a string. */
    private static boolean mariadbNextval(SqlTokens t, int i) {
        if (!t.isWord(i, "NEXTVAL")) return false;
        SqlTokens a = SqlTokens.mysql(t.inner(i + 1));
        return a.size() > 0 && a.isName(0);
    }

    private static void check(String column, String text, SqlTokens t) {
        for (int i = 0; i < t.size(); i++) {
            if (t.isSymbol(i, "::") || t.isSymbol(i, ":") && t.isSymbol(i + 1, ":")) {
                throw new IllegalArgumentException("the default of column " + column + ", " + Excerpts.of(text.trim())
                        + ", uses '::', PostgreSQL's cast: MySQL and MariaDB reject the statement");
            }
            if (t.kind(i) == SqlTokens.Kind.WORD && t.isGroup(i + 1)
                    && POSTGRES_FUNCTIONS.contains(t.text(i).toLowerCase(Locale.ROOT)) && !mariadbNextval(t, i)) {
                throw new IllegalArgumentException("the default of column " + column + ", " + Excerpts.of(text.trim())
                        + ", calls " + t.text(i) + "(), a PostgreSQL function that MySQL and MariaDB do not have:"
                        + " the server rejects the statement");
            }
            if (t.isGroup(i)) check(column, text, SqlTokens.mysql(t.inner(i)));
        }
    }
}
