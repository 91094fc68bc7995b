package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schemaplan.model.QName;
import io.schemaplan.model.Routine;
import io.schemaplan.model.Schema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A rename walks the whole model (Snapshots.withObjectsMoved) but leaves routines their names: a function may share a
 * renamed table's name, and the server keeps the function's. Here the rename would also change the routines' order
 * (they are sorted by signature), so a name restored by position would land on the other routine.
 */
class MovedObjectsRoutinesTest {
    @Test
    void aRoutineNamedLikeARenamedTableKeepsItsNameAndBody() {
        String sql = """
                CREATE TABLE public.zz (id integer NOT NULL);
                CREATE VIEW public.v AS SELECT zz.id FROM public.zz;
                CREATE FUNCTION public.mm() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;
                CREATE FUNCTION public.zz() RETURNS integer LANGUAGE sql AS $$ SELECT 2 $$;
                ALTER TABLE public.zz RENAME TO aa;
                """;
        Schema s = PgDumpReader.read("moves.sql", sql.getBytes(StandardCharsets.UTF_8)).schema();
        assertEquals(List.of(QName.of("public", "aa")), s.tables().stream().map(t -> t.name()).toList());
        assertEquals(List.of("public.mm", "public.zz"), s.routines().stream().map(r -> r.name().toString()).toList());
        Routine zz = s.routines().get(1);
        assertEquals("SELECT 2", zz.body().strip(), "public.zz keeps its own body");
        assertEquals("SELECT 1", s.routines().get(0).body().strip(), "public.mm keeps its own body");
    }
}
