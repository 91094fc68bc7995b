package io.schemaplan.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An enum type with its labels in declared order (the order is part of the type). */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record EnumType(QName name, List<String> labels, String comment) {
    public EnumType {
        labels = Lists.copy(labels);
    }
}
