package io.schemaplan.normalize;

import static io.schemaplan.normalize.MysqlExpressions.viewDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * A view's text as MySQL prints it, as MariaDB prints it, with and without charset introducers, reads as
 * one text; parentheses that change the meaning stay, so a real change of a view is never hidden.
 */
class MysqlViewTextTest {

    @Test
    void charsetIntroducersGoOutsideStringsButBinaryStays() {
        assertEquals("select concat(`a`,' ','x') AS `c` from `t`",
                viewDefinition("select concat(`a`,_utf8mb3' ',_utf8mb4 'x') AS `c` from `t`"));
        assertEquals("select _binary'x' AS `b`, '_utf8''y' AS `s`, `_latin1` AS `n` from `t`",
                viewDefinition("select _binary'x' AS `b`, '_utf8''y' AS `s`, `_latin1` AS `n` from `t`"));
    }

    @Test
    void mysqlsParenthesesAroundEveryConditionAreMariadbsPrint() {
        String mysql = "select `t`.`a` AS `a` from (`t` join `u` on((`u`.`id` = `t`.`u_id`)))"
                + " where ((`t`.`a` = 1) and ((`t`.`b` > 2) or (`t`.`c` between 1 and 3)))";
        String mariadb = "select `t`.`a` AS `a` from (`t` join `u` on(`u`.`id` = `t`.`u_id`))"
                + " where `t`.`a` = 1 and (`t`.`b` > 2 or `t`.`c` between 1 and 3)";
        assertEquals(viewDefinition(mariadb), viewDefinition(mysql));
        assertEquals("select `t`.`a` AS `a` from (`t` join `u` on `u`.`id` = `t`.`u_id`)"
                + " where `t`.`a` = 1 and (`t`.`b` > 2 or `t`.`c` between 1 and 3)", viewDefinition(mysql));
    }

    @Test
    void parenthesesThatChangeTheMeaningStay() {
        assertNotEquals(viewDefinition("select 1 from t where (a or b) and c"), viewDefinition("select 1 from t where a or b and c"));
        assertEquals("select 1 from t where (a or b) and c", viewDefinition("select 1 from t where ((a or b) and c)"));
        assertEquals("select 1 from t where not (a and b)", viewDefinition("select 1 from t where not (a and b)"));
        assertEquals("select (a = 1) + 1 AS x from t", viewDefinition("select (a = 1) + 1 AS x from t"));
        assertEquals("select 1 from t where a in (1,2) and f(b)", viewDefinition("select 1 from t where (a in (1,2)) and f((b))"));
        assertEquals("select 1 from t where (select 1 limit 1) = 1", viewDefinition("select 1 from t where ((select 1 limit 1) = 1)"));
        assertEquals("select 1 from t where (x, y) = (1, 2)", viewDefinition("select 1 from t where ((x, y) = (1, 2))"));
    }
}
