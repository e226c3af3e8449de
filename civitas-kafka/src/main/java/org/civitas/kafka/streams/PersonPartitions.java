package org.civitas.kafka.streams;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * The partition of a person's entries, the same on the sequenced topic and on the ledger: so the task that chains a
 * partition of one writes the same partition of the other, and is its one writer.
 */
public final class PersonPartitions implements StreamPartitioner<String, byte[]> {

    /** The partition of {@code person}'s entries, of {@code partitions}. */
    public static int of(String person, int partitions) {
        return Utils.toPositive(Utils.murmur2(person.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @Override
    public Optional<Set<Integer>> partitions(String topic, String person, byte[] value, int partitions) {
        return Optional.of(Set.of(of(person, partitions)));
    }
}
