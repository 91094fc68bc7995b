package io.schemaplan.dify;

import io.schemaplan.read.Loaded;
import io.schemaplan.read.SourceProvider;

/** The {@code dify:VERSION[/ENGINE]} source: a release's pristine schema from the bundled catalog. */
public final class DifySourceProvider implements SourceProvider {
    public static final String PREFIX = "dify:";

    @Override
    public boolean accepts(String spec) {
        return spec.startsWith(PREFIX);
    }

    @Override
    public Loaded load(String spec) {
        ReleaseCatalog catalog = ReleaseCatalog.bundled();
        return catalog.load(catalog.find(spec));
    }
}
