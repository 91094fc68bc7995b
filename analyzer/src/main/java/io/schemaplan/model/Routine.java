package io.schemaplan.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A function or procedure. {@code name} carries the schema and name; {@code arguments} is the identity
 * argument list ({@code pg_get_function_identity_arguments}), so overloads are distinct routines; the
 * key is {@link #signature()}. {@code attributes} are the non-default options in canonical spelling
 * ({@code STABLE}, {@code STRICT}, {@code PARALLEL SAFE}, {@code SECURITY DEFINER}, {@code COST 10}, …),
 * sorted. {@code body} is the source text between the dollar quotes.
 *
 * <p>A MySQL/MariaDB procedure, function or event is one too ({@code io.schemaplan.normalize.MysqlRoutines}):
 * {@code arguments} is its parameter list, {@code language} null, {@code attributes} its non-default
 * characteristics (an event's schedule and status among them). MySQL has no overloading, so there a routine
 * is known by kind and name; an event has no parameters and its signature is its name.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Routine(
        QName name,
        String kind,
        String arguments,
        String returns,
        String language,
        List<String> attributes,
        String body,
        String comment) {

    public Routine {
        // A routine without arguments has "" (pg_get_function_identity_arguments); a snapshot leaves the empty
        // string out, and reading it back as null made the signature "f(null)", a routine dropped and added.
        arguments = arguments == null ? "" : arguments;
        attributes = Lists.sorted(attributes, x -> x);
    }

    public String signature() {
        return "event".equals(kind) ? name.toString() : name + "(" + arguments + ")";
    }
}
