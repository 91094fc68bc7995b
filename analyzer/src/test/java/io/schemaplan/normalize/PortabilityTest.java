package io.schemaplan.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.Schema;
import io.schemaplan.read.Sources;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortabilityTest {
    private static final Schema EMPTY = new Schema(io.schemaplan.model.Engine.POSTGRES, null, null, null, null, null, null, null, null);

    static List<String> reasons(String expr) {
        return Portability.pgOnlyReasons(expr, EMPTY);
    }

    @Test
    void expressionRules() {
        assertEquals(1, reasons("public.uuid_generate_v4()").size());
        assertEquals(1, reasons("gen_random_uuid()").size());
        assertEquals(1, reasons("nextval('public.task_id_sequence'::regclass)").size()); // nextval; ::regclass is part of it
        assertEquals(1, reasons("'x'::character varying").size());
        assertEquals(2, reasons("timezone('utc'::text, now())").size()); // the cast and the time-zone form
        assertEquals(1, reasons("(data -> 'key')").size());
        assertEquals(1, reasons("(data @> '{\"a\": 1}')").size());
        assertEquals(1, reasons("(status = ANY (ARRAY['a', 'b']))").size());
        assertEquals(1, reasons("(name ~* 'x')").size());
        // Portable: MySQL takes these as they are.
        assertEquals(List.of(), reasons("now()"));
        assertEquals(List.of(), reasons("CURRENT_TIMESTAMP(0)"));
        assertEquals(List.of(), reasons("'a::b || c'"));  // inside a string literal
        assertEquals(List.of(), reasons("0"));
    }

    @Test
    void dify1121PostgresSchemaForMysql() {
        Schema pg = Sources.load(Samples.postgres("1.12.1").toString(), null).schema();
        List<Portability.Finding> found = Portability.check(pg, Portability.Target.MYSQL);
        Map<String, Long> byConstruct = found.stream().collect(Collectors.groupingBy(
                f -> f.construct().replaceAll("nextval\\(.*", "nextval(…)"), TreeMap::new, Collectors.counting()));
        assertEquals(Map.ofEntries(
                Map.entry("DEFAULT public.uuid_generate_v4()", 85L), Map.entry("DEFAULT public.uuidv7()", 19L),
                Map.entry("DEFAULT nextval(…)", 3L), Map.entry("DEFAULT '-1'::integer", 1L),
                Map.entry("DEFAULT '{}' on text", 5L), Map.entry("DEFAULT '{}' on json", 1L),
                Map.entry("DEFAULT '[]' on text", 1L), Map.entry("DEFAULT '[]' on json", 1L),
                Map.entry("DEFAULT '' on text", 3L), Map.entry("USING gin", 3L),
                Map.entry("CREATE EXTENSION uuid-ossp", 1L), Map.entry("LANGUAGE sql", 2L)), byConstruct);
        assertTrue(found.contains(new Portability.Finding("tenant_credit_pools.id", "DEFAULT public.uuid_generate_v4()",
                reasons("uuid_generate_v4()").get(0))));
        // MariaDB takes literal defaults on TEXT/JSON columns.
        assertEquals(found.size() - 11, Portability.check(pg, Portability.Target.MARIADB).size());
    }

    @Test
    void cliExitCodes(@TempDir Path dir) throws Exception {
        Cli.Result r = Cli.run("portability", Samples.postgres("1.12.1").toString());
        assertEquals(1, r.exitCode(), r.err());
        // One construct for one reason is said once, with the objects it is on (Dify: 85 uuid_generate_v4() defaults).
        long uuidDefaults = Portability.check(Sources.load(Samples.postgres("1.12.1").toString(), java.util.Set.of()).schema(),
                Portability.Target.MYSQL).stream().filter(f -> f.construct().equals("DEFAULT public.uuid_generate_v4()")).count();
        assertTrue(uuidDefaults > 50, "the fixture: " + uuidDefaults);
        assertTrue(r.out().contains("\nDEFAULT public.uuid_generate_v4() (" + uuidDefaults + " objects)\n"), r.out());
        assertEquals(1, r.out().split("comes from PostgreSQL's uuid-ossp extension", -1).length - 1, r.out());
        assertTrue(r.out().replaceAll("\n +", " ").contains("tenant_credit_pools.id"), r.out());
        r.out().lines().forEach(l -> assertTrue(l.length() <= 100, l));
        Cli.Result clean = Cli.run("portability", Samples.mysql("1.12.1.patched-32196").toString());
        assertEquals(0, clean.exitCode(), clean.out());
        Cli.Result json = Cli.run("portability", Samples.postgres("0.6.16").toString(), "-f", "json");
        assertEquals(1, json.exitCode(), json.err());
        assertTrue(json.out().contains("\"format\" : \"schemaplan-portability/1\""), json.out());
        Path missing = dir.resolve("nope.sql");
        assertTrue(!Files.exists(missing));
        Cli.badInput("portability", missing.toString());
    }
}
