package io.schemaplan.model;

/**
 * The PostgreSQL settings that decide how often a checkpoint starts while a statement writes WAL, and
 * whether each one makes it log whole pages again: {@code max_wal_size} (bytes), {@code checkpoint_timeout}
 * (seconds), {@code checkpoint_completion_target} and {@code full_page_writes}. A checkpoint is requested
 * once the WAL written since the last one passes max_wal_size / (1 + checkpoint_completion_target)
 * (PostgreSQL's CheckPointSegments), or when checkpoint_timeout has passed, whichever comes first; after
 * each, the first change to every page logs the whole page again (when full_page_writes is on).
 * Statistics read before these were carried have {@link #POSTGRES_DEFAULTS}.
 */
public record CheckpointSettings(long maxWalSizeBytes, long checkpointTimeoutSeconds,
                                 double checkpointCompletionTarget, boolean fullPageWrites) {

    /** PostgreSQL's own defaults (11 to 17): 1 GB, 5 min, 0.9, on. */
    public static final CheckpointSettings POSTGRES_DEFAULTS = new CheckpointSettings(1L << 30, 300, 0.9, true);
    /** No page images after a checkpoint: InnoDB's redo log carries none (its doublewrite buffer does that job). */
    public static final CheckpointSettings NO_PAGE_IMAGES = new CheckpointSettings(1L << 30, 300, 0.9, false);

    public CheckpointSettings {
        if (maxWalSizeBytes <= 0) throw new IllegalArgumentException("max_wal_size must be positive");
        if (checkpointTimeoutSeconds <= 0) throw new IllegalArgumentException("checkpoint_timeout must be positive");
        if (!(checkpointCompletionTarget >= 0 && checkpointCompletionTarget <= 1)) {
            throw new IllegalArgumentException("checkpoint_completion_target must be within 0..1");
        }
    }

    /** The WAL between two checkpoints requested by WAL volume: max_wal_size / (1 + completion target). */
    public long checkpointDistanceBytes() {
        return (long) (maxWalSizeBytes / (1 + checkpointCompletionTarget));
    }
}
