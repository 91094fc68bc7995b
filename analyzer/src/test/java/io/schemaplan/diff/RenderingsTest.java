package io.schemaplan.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.Constraint;
import io.schemaplan.model.QName;
import io.schemaplan.normalize.PgExpressions;
import io.schemaplan.report.ChangeText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A definition that differs only as two server versions print it is reported as possibly a rendering difference. */
class RenderingsTest {
    private static Change checkChanged(String from, String to) {
        return new Change.ConstraintChanged(QName.of("public", "t"),
                new Constraint("c", Constraint.Kind.CHECK, List.of(), from, false, false, true),
                new Constraint("c", Constraint.Kind.CHECK, List.of(), to, false, false, true));
    }

    @Test
    void theArrayCastOfPostgres17AndItsReparseOnPostgres15ReadAsOneText() {
        String pg17 = "CHECK (((phase)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])))";
        String pg15 = "CHECK (((phase)::text = ANY (ARRAY[('a'::character varying)::text, ('b'::character varying)::text])))";
        assertEquals(pg15, PgExpressions.sameRendering(pg17));
        assertEquals(pg15, PgExpressions.sameRendering(pg15));
    }

    @Test
    void castsParenthesesAndSchemasAloneMayBeARendering() {
        Change c = checkChanged("CHECK ((feeling = 'ok'::mood))", "CHECK (feeling = 'ok'::public.mood)");
        assertTrue(Renderings.mayBeRendering(c));
        assertEquals("constraint c: CHECK ((feeling = 'ok'::mood)) -> CHECK (feeling = 'ok'::public.mood)"
                + " (definition text differs; may be a rendering difference between server versions)", ChangeText.describe(c));
    }

    @Test
    void aDifferentValueIsARealChange() {
        Change c = checkChanged("CHECK ((a > 0))", "CHECK ((a > 1))");
        assertFalse(Renderings.mayBeRendering(c));
        assertFalse(ChangeText.describe(c).contains("rendering"));
        assertFalse(Renderings.mayBeRendering(checkChanged("CHECK ((a > 0))", "CHECK ((b > 0))")));
    }
}
