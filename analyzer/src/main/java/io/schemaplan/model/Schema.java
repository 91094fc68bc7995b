package io.schemaplan.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * Everything read from one source: a database, a dump file or a snapshot. {@code namespaces} lists the
 * user schemas other than {@code public} (those a dump creates). {@code serverVersion} is the version of
 * the server that produced the schema ("15.18"), or null when unknown. {@code domains} are PostgreSQL
 * domains, sorted by name.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Schema(
        Engine engine,
        String serverVersion,
        List<String> namespaces,
        List<Extension> extensions,
        List<EnumType> enums,
        List<Sequence> sequences,
        List<Table> tables,
        List<View> views,
        List<Routine> routines,
        List<Domain> domains) {

    /** A schema without domains (every MySQL schema; the form before domains were read). */
    public Schema(Engine engine, String serverVersion, List<String> namespaces, List<Extension> extensions,
                  List<EnumType> enums, List<Sequence> sequences, List<Table> tables, List<View> views,
                  List<Routine> routines) {
        this(engine, serverVersion, namespaces, extensions, enums, sequences, tables, views, routines, List.of());
    }

    public Schema {
        namespaces = Lists.sorted(namespaces, x -> x);
        extensions = Lists.sorted(extensions, Extension::name);
        enums = Lists.sorted(enums, EnumType::name);
        sequences = Lists.sorted(sequences, Sequence::name);
        tables = Lists.sorted(tables, Table::name);
        views = Lists.sorted(views, View::name);
        routines = Lists.sorted(routines, Routine::signature);
        domains = Lists.sorted(domains, Domain::name);
    }

    public Optional<Table> table(QName name) {
        return Lists.find(tables, name);
    }

    /** The subset of this schema in the given namespaces (the {@code --schema} filter). */
    public Schema onlyNamespaces(java.util.Set<String> keep) {
        return new Schema(engine, serverVersion,
                namespaces.stream().filter(keep::contains).toList(),
                extensions,
                enums.stream().filter(e -> keep.contains(e.name().schema())).toList(),
                sequences.stream().filter(s -> keep.contains(s.name().schema())).toList(),
                tables.stream().filter(t -> keep.contains(t.name().schema())).toList(),
                views.stream().filter(v -> keep.contains(v.name().schema())).toList(),
                routines.stream().filter(r -> keep.contains(r.name().schema())).toList(),
                domains.stream().filter(d -> keep.contains(d.name().schema())).toList());
    }
}
