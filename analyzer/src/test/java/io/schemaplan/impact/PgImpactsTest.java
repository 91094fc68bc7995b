package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.diff.Change;
import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.model.Column;
import io.schemaplan.model.Constraint;
import io.schemaplan.model.DataType;
import io.schemaplan.model.EnumType;
import io.schemaplan.model.Engine;
import io.schemaplan.model.ForeignKey;
import io.schemaplan.model.Index;
import io.schemaplan.model.QName;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Stats;
import io.schemaplan.model.Table;
import io.schemaplan.model.TableStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Change to operations, on hand-built schemas: what a migration tool issues for each end state. */
class PgImpactsTest {
    static final QName T = QName.of("public", "t");
    static final QName P = QName.of("public", "p");
    static final Column ID = new Column("id", 1, DataType.of("integer"), false, null, null, null, null, null);
    static final Column A = new Column("a", 2, DataType.of("integer"), true, null, null, null, null, null);
    static final Stats STATS = new Stats("15.4", 64 << 20, 2, 8192, List.of(
            new TableStats(T, 1_000_000, 100L << 20, 0, 30L << 20, Map.of("t_pkey", 30L << 20)),
            new TableStats(P, 100, 8192, 0, 8192, Map.of("p_pkey", 8192L))));

    static Table table(QName name, List<Column> columns, List<Constraint> constraints, List<ForeignKey> fks,
                       List<Index> indexes) {
        return new Table(name, columns, constraints, fks, indexes, List.of(), false, null, null, null, null);
    }

    static Table base(Column... extra) {
        List<Column> cols = new ArrayList<>(List.of(ID, A));
        cols.addAll(List.of(extra));
        return table(T, cols, List.of(new Constraint("t_pkey", Constraint.Kind.PRIMARY_KEY, List.of("id"),
                "PRIMARY KEY (id)", false, false, true)), List.of(), List.of());
    }

    static Schema schema(Table... tables) {
        return schema(List.of(), tables);
    }

    static Schema schema(List<EnumType> enums, Table... tables) {
        return new Schema(Engine.POSTGRES, "15.4", List.of(), List.of(), enums, List.of(), List.of(tables),
                List.of(), List.of());
    }

    static List<PgOperation> ops(Schema from, Schema to) {
        PgImpacts impacts = new PgImpacts(from, to, STATS);
        return SchemaDiff.diff(from, to).stream().flatMap(c -> impacts.steps(c).stream())
                .map(PgImpacts.Step::operation).toList();
    }

    static Column col(String name, String type, boolean nullable, String def) {
        return new Column(name, 3, DataType.of(type), nullable, def, null, null, null, null);
    }

    @Test
    void addedColumnsByDefault() {
        assertEquals(List.of(PgOperation.ADD_COLUMN), ops(schema(base()), schema(base(col("z", "integer", true, null)))));
        assertEquals(List.of(PgOperation.ADD_COLUMN_CONSTANT_DEFAULT),
                ops(schema(base()), schema(base(col("z", "integer", true, "0")))));
        assertEquals(List.of(PgOperation.ADD_COLUMN_NOT_NULL_WITH_DEFAULT),
                ops(schema(base()), schema(base(col("z", "timestamp", false, "CURRENT_TIMESTAMP(0)")))));
        assertEquals(List.of(PgOperation.ADD_COLUMN_VOLATILE_DEFAULT),
                ops(schema(base()), schema(base(col("z", "uuid", false, "public.uuid_generate_v4()")))));
        assertEquals(List.of(PgOperation.ADD_COLUMN_SERIAL),
                ops(schema(base()), schema(base(col("z", "integer", false, "nextval('public.t_z_seq'::regclass)")))));
        // NOT NULL without a default cannot be added to a table with rows in one step.
        assertEquals(List.of(PgOperation.ADD_COLUMN, PgOperation.SET_NOT_NULL),
                ops(schema(base()), schema(base(col("z", "integer", false, null)))));
    }

    @Test
    void setNotNullSkipsTheScanWhenAValidCheckProvesIt() {
        Constraint check = new Constraint("t_a_nn", Constraint.Kind.CHECK, List.of(), "CHECK ((a IS NOT NULL))",
                false, false, true);
        Table before = table(T, List.of(ID, A), List.of(check), List.of(), List.of());
        Table after = table(T, List.of(ID, A.withNullable(false)), List.of(check), List.of(), List.of());
        assertEquals(List.of(PgOperation.SET_NOT_NULL_WITH_VALID_CHECK), ops(schema(before), schema(after)));
        Constraint notValid = new Constraint("t_a_nn", Constraint.Kind.CHECK, List.of(), "CHECK ((a IS NOT NULL))",
                false, false, false);
        Table unproven = table(T, List.of(ID, A), List.of(notValid), List.of(), List.of());
        Table unprovenAfter = table(T, List.of(ID, A.withNullable(false)), List.of(notValid), List.of(), List.of());
        assertEquals(List.of(PgOperation.SET_NOT_NULL), ops(schema(unproven), schema(unprovenAfter)));
    }

    @Test
    void foreignKeysAndChecksValidatedOrNot() {
        Table p = table(P, List.of(ID), List.of(), List.of(), List.of());
        ForeignKey fk = new ForeignKey("t_a_fk", List.of("a"), P, List.of("id"), "NO ACTION", "NO ACTION", "SIMPLE",
                false, false, true);
        Table withFk = table(T, List.of(ID, A), List.of(), List.of(fk), List.of());
        Table withNotValid = table(T, List.of(ID, A), List.of(), List.of(fk.withValidated(false)), List.of());
        Table plain = table(T, List.of(ID, A), List.of(), List.of(), List.of());
        assertEquals(List.of(PgOperation.ADD_FOREIGN_KEY), ops(schema(p, plain), schema(p, withFk)));
        assertEquals(List.of(PgOperation.ADD_FOREIGN_KEY_NOT_VALID), ops(schema(p, plain), schema(p, withNotValid)));
        assertEquals(List.of(PgOperation.VALIDATE_FOREIGN_KEY), ops(schema(p, withNotValid), schema(p, withFk)));
        PgImpacts.Step step = new PgImpacts(schema(p, plain), schema(p, withFk), STATS)
                .steps(SchemaDiff.diff(schema(p, plain), schema(p, withFk)).get(0)).get(0);
        assertEquals(T, step.table());
        assertEquals(P, step.other());
        assertEquals(1_000_000, step.work().rows());
    }

    @Test
    void aNewIndexIsSizedFromRowsAndKeyWidth() {
        Index idx = new Index("t_a_idx", false, "btree", List.of(Index.IndexKey.column("a")), List.of(), null, false, null);
        Table before = base();
        Table after = table(T, before.columns(), before.constraints(), List.of(), List.of(idx));
        PgImpacts impacts = new PgImpacts(schema(before), schema(after), STATS);
        Change c = SchemaDiff.diff(schema(before), schema(after)).get(0);
        PgImpacts.Step step = impacts.steps(c).get(0);
        assertEquals(PgOperation.CREATE_INDEX, step.operation());
        // integer key (4 bytes, aligned to 8) + 12 bytes of entry overhead, at 90 % fill, per row.
        assertEquals((long) (1_000_000 * 20 / 0.9), step.work().newIndexBytes());
        assertEquals(100L << 20, step.work().tableBytes());
    }

    @Test
    void aNewIndexOnATextKeyIsSizedFromTheWidthAnalyzeSaw() {
        Column name = col("name", "character varying", true, null);
        Index idx = new Index("t_name_idx", false, "btree", List.of(Index.IndexKey.column("name")), List.of(), null,
                false, null);
        Table before = base(name);
        Table after = table(T, before.columns(), before.constraints(), List.of(), List.of(idx));
        Change c = SchemaDiff.diff(schema(before), schema(after)).get(0);
        // No sampled width: a 24-byte guess (+ 12 bytes of overhead) per row.
        assertEquals((long) (1_000_000 * 36 / 0.9),
                new PgImpacts(schema(before), schema(after), STATS).steps(c).get(0).work().newIndexBytes());
        // ANALYZE saw 11 bytes on average (aligned to 16): 28 bytes an entry.
        Stats sampled = new Stats("15.4", 64 << 20, 2, 8192, List.of(new TableStats(T, 1_000_000, 100L << 20, 0,
                30L << 20, Map.of("t_pkey", 30L << 20), Map.of("name", 11, "id", 4))));
        assertEquals((long) (1_000_000 * 28 / 0.9),
                new PgImpacts(schema(before), schema(after), sampled).steps(c).get(0).work().newIndexBytes());
    }

    @Test
    void removingAnEnumLabelRewritesEveryTableThatUsesTheType() {
        QName mood = QName.of("public", "mood");
        Column m = new Column("m", 3, DataType.of("public.mood"), true, null, null, null, null, null);
        Schema from = schema(List.of(new EnumType(mood, List.of("a", "b", "c"), null)), base(m));
        Schema to = schema(List.of(new EnumType(mood, List.of("a", "c"), null)), base(m));
        assertEquals(List.of(PgOperation.CREATE_ENUM, PgOperation.ALTER_TYPE_REWRITE, PgOperation.DROP_TYPE), ops(from, to));
        Schema appended = schema(List.of(new EnumType(mood, List.of("a", "b", "c", "d"), null)), base(m));
        assertEquals(List.of(PgOperation.ENUM_ADD_VALUE), ops(from, appended));
    }

    @Test
    void aNewTableCostsNothingAndATableWithoutStatisticsIsUnknown() {
        Table n = table(QName.of("public", "n"), List.of(ID), List.of(), List.of(), List.of());
        Schema from = schema(base());
        Schema to = schema(base(), n);
        PgImpacts impacts = new PgImpacts(from, to, STATS);
        assertEquals(Work.NONE, impacts.tableWork(n.name()));
        assertTrue(impacts.tableWork(T).known());
        assertEquals(Work.UNKNOWN, new PgImpacts(from, to, null).tableWork(T));
    }

    @Test
    void droppingATableWithRowsIsHighRiskAndAnEmptyOneMedium() {
        Table p = table(P, List.of(ID), List.of(), List.of(), List.of());
        Stats emptyP = new Stats("15.4", 0, 0, 8192, List.of(new TableStats(P, 0, 0, 0, 0, Map.of())));
        for (Stats s : List.of(STATS, emptyP)) {
            Plan plan = Planner.plan(new Planner.Input("a", "b", schema(base(), p), schema(base()),
                    SchemaDiff.diff(schema(base(), p), schema(base())), s, "s", Profile.DEFAULT, null, true));
            PlanItem drop = plan.items().get(0);
            assertEquals("DROP_TABLE", drop.operation());
            assertTrue(drop.destructive());
            assertEquals(s == STATS ? Risk.HIGH : Risk.MEDIUM, drop.risk());
        }
    }
}
