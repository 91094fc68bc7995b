package io.schemaplan.impact;

import io.schemaplan.model.CheckpointSettings;
import io.schemaplan.model.Stats;
import io.schemaplan.model.TableStats;
import java.util.ArrayList;
import java.util.List;

/**
 * What a checkpoint during a data statement makes the statement log again: the server's checkpoint
 * settings and, per index of the table written, its bytes, its leaves ({@code bytes / blockSize}) and how
 * its new entries spread ({@code prefixes}: 0 when they scatter over every leaf, as uuid keys do; else the
 * number of places heap-ordered rows enter it at, {@link TableStats#heapOrderedIndexes}).
 * {@link #NONE} when nothing is known or the server logs no page images: no checkpoint term.
 */
public record Checkpoints(CheckpointSettings settings, int blockSize, List<Index> indexes) {
    public static final Checkpoints NONE = new Checkpoints(CheckpointSettings.NO_PAGE_IMAGES, 8192, List.of());

    /** The block size assumed when the statistics do not say (MySQL, hand-written files): PostgreSQL's. */
    static final int DEFAULT_BLOCK = 8192;

    /** One index: its bytes and the places new entries go to at a time (0: scattered over all leaves). */
    public record Index(long bytes, long prefixes) {
    }

    public Checkpoints {
        indexes = List.copyOf(indexes);
        if (blockSize <= 0) blockSize = DEFAULT_BLOCK;
    }

    /**
     * The table's indexes as its statistics describe them. An index whose size is not listed by name (a
     * hand-written file with indexBytes alone) counts as one scattered index of those bytes.
     */
    public static Checkpoints of(TableStats ts, Stats stats) {
        List<Index> list = new ArrayList<>();
        ts.indexes().forEach((name, bytes) -> list.add(new Index(bytes, ts.heapOrderedIndexes().getOrDefault(name, 0L))));
        if (list.isEmpty() && ts.indexBytes() > 0) list.add(new Index(ts.indexBytes(), 0));
        return new Checkpoints(stats.checkpoints(), stats.blockSize(), list);
    }
}
