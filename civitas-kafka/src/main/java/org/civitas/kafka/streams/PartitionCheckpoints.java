package org.civitas.kafka.streams;

import java.time.Duration;

/**
 * The checkpoints of each partition's transparency log: the task that chains a partition signs one of its log every
 * {@link #EVERY} while it grows, onto the checkpoints topic's partition of the same number, with an origin naming the
 * partition.
 */
public final class PartitionCheckpoints {

    /** How often the chaining task signs a checkpoint of its partition's log, if the log grew since the last. */
    public static final Duration EVERY = Duration.ofMinutes(1);

    private PartitionCheckpoints() {
    }

    /** The origin of the checkpoints of {@code partition}'s log, signed by the key named {@code keyName}. */
    public static String origin(String keyName, int partition) {
        return keyName + "/partition/" + partition;
    }
}
