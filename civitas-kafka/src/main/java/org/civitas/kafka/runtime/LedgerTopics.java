package org.civitas.kafka.runtime;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.civitas.CivitasException;
import org.civitas.kafka.streams.Topics;

/**
 * Makes the topics of a Civitas on Kafka, where they are missing: the intake, the sequenced events and the ledger, all
 * with the settings' partitions and copies, two of which (where there are two) must have a write before it is
 * acknowledged. The ledger, and what leads to it, is kept for ever. Topics that are there already must have the
 * settings' partitions: a person's partition follows from the count, and so does the one writer of each chain.
 */
final class LedgerTopics {

    private static final int DESCRIBE_ATTEMPTS = 20;


    private LedgerTopics() {
    }

    static void ensure(KafkaSettings settings) {
        Topics topics = settings.topics();
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        Map<String, String> configs = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, "-1", TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                String.valueOf(Math.min(2, settings.replicationFactor())));
        List<String> names = List.of(topics.intake(), topics.sequenced(), topics.ledger());
        try (Admin client = Admin.create(admin)) {
            for (String topic : names) {
                NewTopic made = new NewTopic(topic, settings.partitions(), settings.replicationFactor())
                        .configs(configs);
                try {
                    client.createTopics(List.of(made)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new CivitasException("cannot make the topic " + topic + " on " + settings.bootstrap()
                                + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            for (TopicDescription topic : described(client, names)) {
                if (topic.partitions().size() != settings.partitions()) {
                    throw new CivitasException("the topic " + topic.name() + " on " + settings.bootstrap() + " has "
                            + topic.partitions().size() + " partitions, not the " + settings.partitions()
                            + " configured: a person's partition follows from the count, so it cannot change");
                }
            }
        } catch (ExecutionException e) {
            throw new CivitasException("cannot read the topics on " + settings.bootstrap() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CivitasException("interrupted while making the topics on " + settings.bootstrap(), e);
        }
    }

    /** The topics, as the cluster describes them once it knows of them all: a topic just made takes a moment. */
    private static Collection<TopicDescription> described(Admin client, List<String> names)
            throws InterruptedException, ExecutionException {
        for (int attempt = 1; ; attempt++) {
            try {
                return client.describeTopics(names).allTopicNames().get().values();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || attempt == DESCRIBE_ATTEMPTS) {
                    throw e;
                }
                Thread.sleep(100L * attempt);
            }
        }
    }
}
