package org.civitas.kafka.runtime;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the commands need of a Kafka runtime's configuration: the cluster and its topics, the rule books, and the
 * data directory (the sources registered there, and the keys that seal personal data), if it names one.
 */
public record KafkaConfig(KafkaSettings kafka, Optional<Path> rules, Optional<Path> data) {

    public KafkaConfig {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(data, "data");
    }
}
