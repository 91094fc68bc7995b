package io.schemaplan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.schemaplan.read.MysqlDumpReader;
import io.schemaplan.read.PgDumpReader;
import io.schemaplan.testing.Samples;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The model records that write out their equals and hashCode (see the package's documentation) keep the record
 * contract: two instances are equal exactly when every component is, and equal instances hash alike. Checked
 * on the instances of real schemas (every bundled Dify dump of both dialects and the feature fixtures): for each
 * component, an instance rebuilt with that one component taken from another instance where it differs must no
 * longer be equal. A component added to a record and left out of its equals fails here.
 */
class RecordEqualityTest {
    /** Every record instance reachable from the schemas read, by class. */
    private static final Map<Class<?>, List<Record>> INSTANCES = new LinkedHashMap<>();

    @BeforeAll
    static void readSchemas() {
        List<Path> pg = new ArrayList<>();
        for (String v : Samples.postgresVersions()) pg.add(Samples.postgres(v));
        Path resources = Samples.root().resolve("../analyzer/src/test/resources");
        pg.add(resources.resolve("pg/features.dump.sql"));
        pg.add(resources.resolve("pg/objects.dump.sql"));
        Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Path p : pg) collect(PgDumpReader.read(p).schema(), seen);
        for (String v : Samples.mysqlVersions()) collect(MysqlDumpReader.read(Samples.mysql(v)).schema(), seen);
        collect(MysqlDumpReader.read(resources.resolve("mysql/features.sql")).schema(), seen);
        collect(MysqlDumpReader.read(resources.resolve("mysql/mysql8.sql")).schema(), seen);
    }

    private static void collect(Object o, Set<Object> seen) {
        if (o == null || !seen.add(o)) return;
        if (o instanceof Collection<?> c) {
            c.forEach(e -> collect(e, seen));
        } else if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                collect(k, seen);
                collect(v, seen);
            });
        } else if (o instanceof Record r) {
            INSTANCES.computeIfAbsent(r.getClass(), k -> new ArrayList<>()).add(r);
            for (RecordComponent rc : r.getClass().getRecordComponents()) collect(value(r, rc), seen);
        }
    }

    @ParameterizedTest
    @ValueSource(classes = {QName.class, Column.class, DataType.class, Index.class, Index.IndexKey.class,
            Constraint.class, ForeignKey.class, Sequence.class})
    void everyComponentTakesPartInEquality(Class<?> type) throws Exception {
        List<Record> all = INSTANCES.getOrDefault(type, List.of());
        assertTrue(all.size() >= 2, "the schemas read hold at least two " + type.getSimpleName());
        RecordComponent[] components = type.getRecordComponents();
        Constructor<?> canonical = type.getDeclaredConstructor(
                java.util.Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        for (RecordComponent rc : components) {
            Record base = null;
            Object other = null;
            // The first instance whose component differs from another instance's: that other value is valid input.
            search:
            for (Record a : all) {
                for (Record b : all) {
                    if (!Objects.equals(value(a, rc), value(b, rc))) {
                        base = a;
                        other = value(b, rc);
                        break search;
                    }
                }
            }
            if (base == null) {
                // No real variation of this component (a flag no bundled schema sets): flip it.
                base = all.get(0);
                other = flipped(value(base, rc));
                if (other == null) fail("no two " + type.getSimpleName() + " of the schemas read differ in " + rc.getName()
                        + ": add a fixture object that does, so that its part in equals is checked");
            }
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                args[i] = components[i].equals(rc) ? other : value(base, components[i]);
            }
            Record changed = (Record) canonical.newInstance(args);
            if (Objects.equals(value(changed, rc), value(base, rc))) continue; // the constructor normalized it away
            assertFalse(base.equals(changed), type.getSimpleName() + " differing only in " + rc.getName() + " is not equal");
            assertFalse(changed.equals(base), type.getSimpleName() + " differing only in " + rc.getName() + " (reversed)");
        }
    }

    @ParameterizedTest
    @ValueSource(classes = {QName.class, Column.class, DataType.class, Index.class, Index.IndexKey.class,
            Constraint.class, ForeignKey.class, Sequence.class})
    void equalityIsComponentWiseAndHashesAgree(Class<?> type) {
        List<Record> every = INSTANCES.getOrDefault(type, List.of());
        // A spread sample: every instance against every other is quadratic in tens of thousands of columns.
        List<Record> all = new ArrayList<>();
        for (int i = 0; i < every.size(); i += Math.max(1, every.size() / 600)) all.add(every.get(i));
        RecordComponent[] components = type.getRecordComponents();
        List<Object[]> values = all.stream()
                .map(r -> java.util.Arrays.stream(components).map(rc -> value(r, rc)).toArray()).toList();
        int equalPairs = 0;
        for (int i = 0; i < all.size(); i++) {
            Record a = all.get(i);
            for (int j = i; j < all.size(); j++) {
                Record b = all.get(j);
                boolean componentWise = java.util.Arrays.equals(values.get(i), values.get(j));
                assertEquals(componentWise, a.equals(b), type.getSimpleName() + " " + a + " vs " + b);
                if (componentWise) {
                    assertEquals(a.hashCode(), b.hashCode(), "equal " + type.getSimpleName() + " hash alike: " + a);
                    equalPairs++;
                }
            }
        }
        assertTrue(equalPairs >= all.size(), "each instance is at least equal to itself");
        assertFalse(all.get(0).equals(null));
        assertFalse(all.get(0).equals("not a " + type.getSimpleName()));
    }

    /** Another valid value of a flag, number or text; null for other kinds. */
    private static Object flipped(Object v) {
        if (v instanceof Boolean b) return !b;
        if (v instanceof Integer i) return i + 1;
        if (v instanceof Long l) return l + 1;
        if (v instanceof String t) return t + "x";
        return null;
    }

    private static Object value(Record r, RecordComponent rc) {
        try {
            var accessor = rc.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
