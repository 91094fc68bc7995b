package io.schemaplan.read;

/**
 * A kind of source contributed from outside this package (found with {@link java.util.ServiceLoader}), such
 * as the bundled Dify releases ({@code dify:1.12.1}). Keeps {@code read} free of the packages that provide
 * sources, which themselves use the readers.
 */
public interface SourceProvider {
    /** True when {@code spec} is this provider's (by its prefix; never by touching the network or disk). */
    boolean accepts(String spec);

    /**
     * Reads the source.
     *
     * @throws ReadException with a one-line message when it cannot
     */
    Loaded load(String spec);
}
