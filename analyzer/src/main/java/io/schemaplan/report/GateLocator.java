package io.schemaplan.report;

import io.schemaplan.gate.Verdict.Finding;

/** Where in the repository a finding points (SARIF locations, annotations); null when nowhere. */
@FunctionalInterface
public interface GateLocator {
    /** {@code line} 0: the file as a whole. */
    record Location(String file, int line) {
    }

    Location locate(Finding f);
}
