package org.civitas.kafka.runtime;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.civitas.CivitasException;
import org.civitas.kafka.streams.Topics;

/**
 * Makes the topics of a Civitas on Kafka, where they are missing: the intake, the sequenced events and the ledger, all
 * with the settings' partitions and copies. The ledger, and what leads to it, is kept for ever.
 */
final class LedgerTopics {

    private static final Map<String, String> KEPT_FOR_EVER = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1");

    private LedgerTopics() {
    }

    static void ensure(KafkaSettings settings) {
        Topics topics = settings.topics();
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        try (Admin client = Admin.create(admin)) {
            for (String topic : List.of(topics.intake(), topics.sequenced(), topics.ledger())) {
                NewTopic made = new NewTopic(topic, settings.partitions(), settings.replicationFactor())
                        .configs(KEPT_FOR_EVER);
                try {
                    client.createTopics(List.of(made)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new CivitasException("cannot make the topic " + topic + " on " + settings.bootstrap()
                                + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CivitasException("interrupted while making the topics on " + settings.bootstrap(), e);
        }
    }
}
