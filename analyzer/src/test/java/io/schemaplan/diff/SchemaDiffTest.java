package io.schemaplan.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.diff.Change.*;
import io.schemaplan.model.Column;
import io.schemaplan.model.Constraint;
import io.schemaplan.model.DataType;
import io.schemaplan.model.Engine;
import io.schemaplan.model.EnumType;
import io.schemaplan.model.Extension;
import io.schemaplan.model.ForeignKey;
import io.schemaplan.model.Index;
import io.schemaplan.model.QName;
import io.schemaplan.model.Routine;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Sequence;
import io.schemaplan.model.Table;
import io.schemaplan.model.Trigger;
import io.schemaplan.model.View;
import io.schemaplan.report.ChangeText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The differ, specified on small hand-built schemas: one case per kind of change. */
class SchemaDiffTest {
    static final QName RUNS = QName.of("public", "workflow_runs");

    static Column col(String name, int pos, String type) {
        return new Column(name, pos, DataType.of(type), true, null, null, null, null, null);
    }

    static Table runs(UnaryOperator<List<Column>> cols, List<Index> indexes) {
        List<Column> base = new ArrayList<>(List.of(
                col("id", 1, "uuid").withNullable(false),
                col("total_tokens", 2, "integer").withNullable(false).withDefault("0"),
                col("status", 3, "varchar")));
        return new Table(RUNS, cols.apply(base),
                List.of(new Constraint("workflow_run_pkey", Constraint.Kind.PRIMARY_KEY, List.of("id"), "PRIMARY KEY (id)", false, false, true)),
                List.of(), indexes, List.of(), false, null, null, null, null);
    }

    static Index index(String name, String... cols) {
        return new Index(name, false, "btree", Arrays.stream(cols).map(Index.IndexKey::column).toList(), List.of(), null, false, null);
    }

    static Schema schema(Table... tables) {
        return new Schema(Engine.POSTGRES, "15", List.of(), List.of(), List.of(), List.of(), List.of(tables), List.of(), List.of());
    }

    static Schema withTable(Table t, UnaryOperator<Table> f) {
        return schema(f.apply(t));
    }

    static final Table BASE = runs(c -> c, List.of(index("workflow_run_tenant_idx", "id")));

    static List<String> kinds(List<Change> changes) {
        return changes.stream().map(Change::kind).toList();
    }

    @Test
    void equalSchemasHaveNoDifferences() {
        assertEquals(List.of(), SchemaDiff.diff(schema(BASE), schema(BASE)));
    }

    @Test
    void aTypeChangeIsOneChangeCarryingBothColumns() {
        Table after = runs(c -> replace(c, 1, c.get(1) == null ? null : new Column("total_tokens", 2, DataType.of("bigint"), false, "0", null, null, null, null)),
                BASE.indexes());
        List<Change> changes = SchemaDiff.diff(schema(BASE), schema(after));
        assertEquals(List.of("column.type_changed"), kinds(changes));
        ColumnTypeChanged c = assertInstanceOf(ColumnTypeChanged.class, changes.get(0));
        assertEquals("integer", c.from().type().sql());
        assertEquals("bigint", c.to().type().sql());
        assertEquals("public.workflow_runs.total_tokens", c.object());
        assertEquals("column total_tokens: integer -> bigint", ChangeText.describe(c));
    }

    @Test
    void eachColumnAspectIsItsOwnChange() {
        Column old = BASE.columns().get(2);
        Column changed = new Column("status", 3, DataType.of("varchar", 64), false, "'new'", Column.Identity.BY_DEFAULT,
                null, "pg_catalog.C", "run status");
        Table after = runs(c -> replace(c, 2, changed), BASE.indexes());
        List<Change> changes = SchemaDiff.diff(schema(BASE), schema(after));
        assertEquals(List.of("column.type_changed", "column.default_changed", "column.nullability_changed",
                "column.identity_changed", "column.collation_changed", "column.comment_changed"), kinds(changes));
        assertTrue(changes.stream().allMatch(ch -> ((ColumnChange) ch).from().equals(old)));
    }

    @Test
    void addedAndDroppedColumnsAndTables() {
        Table after = runs(c -> { List<Column> l = new ArrayList<>(c); l.remove(2); l.add(col("elapsed", 4, "double precision")); return l; },
                BASE.indexes());
        Table other = new Table(QName.of("public", "messages"), List.of(col("id", 1, "uuid")), List.of(), List.of(), List.of(), List.of(), false, null, null, null, null);
        List<Change> changes = SchemaDiff.diff(schema(BASE, other), schema(after));
        assertEquals(List.of("table.dropped", "column.added", "column.dropped"), kinds(changes));
        assertEquals("public.messages", changes.get(0).object());
    }

    @Test
    void aDroppedAndAnAddedColumnWithTheSameDefinitionIsAPossibleRenameButStaysADropAndAnAdd() {
        Table after = runs(c -> replace(c, 2, c.get(2).renamed("state")), BASE.indexes());
        List<Change> changes = SchemaDiff.diff(schema(BASE), schema(after));
        assertEquals(List.of("column.added", "column.dropped", "possible_rename"), kinds(changes));
        PossibleRename r = (PossibleRename) changes.get(2);
        assertEquals(List.of("column", "status", "state"), List.of(r.objectKind(), r.fromName(), r.toName()));
    }

    @Test
    void ambiguousRenamesAreNotSuggested() {
        Table before = runs(c -> { List<Column> l = new ArrayList<>(c); l.add(col("a", 4, "text")); l.add(col("b", 5, "text")); return l; }, List.of());
        Table after = runs(c -> { List<Column> l = new ArrayList<>(c); l.add(col("x", 4, "text")); l.add(col("y", 5, "text")); return l; }, List.of());
        List<Change> changes = SchemaDiff.diff(schema(before), schema(after));
        assertEquals(List.of("column.added", "column.added", "column.dropped", "column.dropped"), kinds(changes));
    }

    @Test
    void indexesAreAddedDroppedChangedAndRenamed() {
        Table renamed = runs(c -> c, List.of(index("workflow_runs_tenant_idx", "id")));
        List<Change> changes = SchemaDiff.diff(schema(BASE), schema(renamed));
        assertEquals(List.of("index.dropped", "index.added", "possible_rename"), kinds(changes));

        Table changed = runs(c -> c, List.of(index("workflow_run_tenant_idx", "id", "status")));
        IndexChanged ic = assertInstanceOf(IndexChanged.class, SchemaDiff.diff(schema(BASE), schema(changed)).get(0));
        assertEquals("USING btree (id, status)", ChangeText.indexDef(ic.to()));
    }

    @Test
    void constraintsForeignKeysAndTriggersAreComparedByName() {
        Constraint check = new Constraint("tokens_positive", Constraint.Kind.CHECK, List.of(), "CHECK ((total_tokens >= 0))", false, false, false);
        ForeignKey fk = new ForeignKey("runs_app_fkey", List.of("id"), QName.of("public", "apps"), List.of("id"), "NO ACTION", "CASCADE", "SIMPLE", false, false, true);
        Trigger trg = new Trigger("runs_touch", "CREATE TRIGGER runs_touch BEFORE UPDATE ON public.workflow_runs FOR EACH ROW EXECUTE FUNCTION public.touch()");
        Table after = new Table(RUNS, BASE.columns(), List.of(BASE.constraints().get(0), check), List.of(fk), BASE.indexes(), List.of(trg), false, null, null, null, null);
        List<Change> changes = SchemaDiff.diff(schema(BASE), schema(after));
        assertEquals(List.of("constraint.added", "foreign_key.added", "trigger.added"), kinds(changes));
        assertEquals("constraint tokens_positive CHECK ((total_tokens >= 0)) NOT VALID", ChangeText.describe(changes.get(0)));
        assertEquals("foreign key runs_app_fkey (id) REFERENCES public.apps(id) ON DELETE CASCADE", ChangeText.describe(changes.get(1)));

        Constraint validated = new Constraint("tokens_positive", Constraint.Kind.CHECK, List.of(), "CHECK ((total_tokens >= 0))", false, false, true);
        Table later = new Table(RUNS, BASE.columns(), List.of(BASE.constraints().get(0), validated), List.of(fk), BASE.indexes(), List.of(trg), false, null, null, null, null);
        assertEquals(List.of("constraint.changed"), kinds(SchemaDiff.diff(schema(after), schema(later))));
    }

    @Test
    void tablePropertiesChange() {
        Table unlogged = new Table(RUNS, BASE.columns(), BASE.constraints(), List.of(), BASE.indexes(), List.of(), true, null, null, null, "runs");
        List<Change> changes = SchemaDiff.diff(schema(BASE), schema(unlogged));
        assertEquals(List.of("table.changed"), kinds(changes));
        assertEquals("table public.workflow_runs: SET UNLOGGED; comment changed", ChangeText.describe(changes.get(0)));
    }

    @Test
    void objectsOutsideTablesComeFirstAndViewsAndRoutinesLast() {
        Schema a = schema(BASE);
        EnumType mood = new EnumType(QName.of("public", "mood"), List.of("sad", "ok"), null);
        Schema b = new Schema(Engine.POSTGRES, "15", List.of("extra"), List.of(new Extension("pg_trgm", "public", null)),
                List.of(mood), List.of(new Sequence(QName.of("public", "s"), "bigint", 1, 1, null, null, 1, false, null, null)),
                List.of(BASE), List.of(new View(QName.of("public", "v"), false, "SELECT 1", null)),
                List.of(new Routine(QName.of("public", "f"), "function", "", "integer", "sql", List.of("STABLE"), "SELECT 1", null)));
        List<Change> changes = SchemaDiff.diff(a, b);
        assertEquals(List.of("extension.added", "namespace.added", "enum.added", "sequence.added", "view.added", "routine.added"), kinds(changes));
        assertEquals(List.of("extension.dropped", "namespace.dropped", "enum.dropped", "sequence.dropped", "view.dropped", "routine.dropped"),
                kinds(SchemaDiff.diff(b, a)));
    }

    @Test
    void extensionVersionsAreComparedOnlyWhenBothSidesKnowThem() {
        Schema dump = schemaWithExtension(new Extension("uuid-ossp", "public", null));
        Schema live = schemaWithExtension(new Extension("uuid-ossp", "public", "1.1"));
        Schema newer = schemaWithExtension(new Extension("uuid-ossp", "public", "1.2"));
        assertEquals(List.of(), SchemaDiff.diff(dump, live));
        assertEquals(List.of("extension.changed"), kinds(SchemaDiff.diff(live, newer)));
    }

    @Test
    void enumLabelChangesSayHowTheLabelsMoved() {
        assertEquals(LabelChange.APPENDED, LabelChange.between(List.of("a", "b"), List.of("a", "b", "c")));
        assertEquals(LabelChange.INSERTED, LabelChange.between(List.of("a", "b"), List.of("a", "x", "b")));
        assertEquals(LabelChange.REMOVED_OR_REORDERED, LabelChange.between(List.of("a", "b"), List.of("b", "a")));
        assertEquals(LabelChange.REMOVED_OR_REORDERED, LabelChange.between(List.of("a", "b"), List.of("a")));
    }

    @Test
    void everyKindOfChangeHasADescription() {
        // Java 17 has no exhaustive pattern switch: this keeps ChangeText and the JSON renderer complete.
        for (Class<?> k : Change.class.getPermittedSubclasses()) {
            if (k.isInterface()) {
                for (Class<?> sub : k.getPermittedSubclasses()) assertTrue(sub.isRecord(), sub.getName());
            }
        }
        long records = Arrays.stream(Change.class.getPermittedSubclasses())
                .flatMap(k -> k.isInterface() ? Arrays.stream(k.getPermittedSubclasses()) : java.util.stream.Stream.of(k)).count();
        assertEquals(61, records, "a new Change kind needs a description in ChangeText and a case in DiffJsonRenderer");
    }

    private static Schema schemaWithExtension(Extension e) {
        return new Schema(Engine.POSTGRES, "15", List.of(), List.of(e), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static List<Column> replace(List<Column> cols, int i, Column c) {
        List<Column> l = new ArrayList<>(cols);
        l.set(i, c);
        return l;
    }
}
