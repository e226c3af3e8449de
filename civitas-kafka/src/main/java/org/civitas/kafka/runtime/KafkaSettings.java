package org.civitas.kafka.runtime;

import java.nio.file.Path;
import java.util.Objects;
import org.civitas.kafka.streams.Topics;

/**
 * Where Civitas runs on Kafka: the cluster, the prefix of its topics, how many partitions the ledger has and how many
 * copies of each, the Streams application's id and where its state is kept on this machine.
 */
public record KafkaSettings(String bootstrap, String topicPrefix, int partitions, short replicationFactor,
        String applicationId, Path stateDir) {

    public KafkaSettings {
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(stateDir, "stateDir");
        if (partitions < 1) {
            throw new IllegalArgumentException("a ledger has at least one partition, not " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("a partition has at least one copy, not " + replicationFactor);
        }
    }

    public Topics topics() {
        return new Topics(topicPrefix);
    }
}
