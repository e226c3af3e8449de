package org.civitas.kafka.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.civitas.ledger.EntryBody;

/**
 * The ledger on Kafka as its readers see it: every committed entry of every partition, in each partition's order,
 * and each partition's chain checked from its first entry to its last.
 */
public final class KafkaLedger {

    private static final Duration POLL = Duration.ofMillis(500);

    private KafkaLedger() {
    }

    /** Hears each entry: its partition, its person and its body. */
    @FunctionalInterface
    public interface EntryVisitor {
        void entry(int partition, String person, byte[] body);
    }

    /**
     * How one partition's chain stands.
     *
     * @param damage where and how the chain breaks, if it does
     */
    public record PartitionCheck(int partition, long entries, Optional<String> damage) {
    }

    /** Reads every committed entry, partition by partition; returns how many. */
    public static long read(KafkaSettings settings, EntryVisitor visitor) {
        String topic = settings.topics().ledger();
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        long read = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic,
                    info.partition())));
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < ends.get(new TopicPartition(topic, record.partition()))) {
                        visitor.entry(record.partition(), record.key(), record.value());
                        read++;
                    }
                }
            }
        }
        return read;
    }

    /** Checks every partition's chain: each entry numbered after the one before it, and holding its hash. */
    public static List<PartitionCheck> verify(KafkaSettings settings) {
        Map<Integer, ChainWalk> walks = new HashMap<>();
        read(settings, (partition, person, body) -> walks.computeIfAbsent(partition, ChainWalk::new).step(body));
        List<PartitionCheck> checks = new ArrayList<>();
        for (int partition = 0; partition < settings.partitions(); partition++) {
            ChainWalk walk = walks.getOrDefault(partition, new ChainWalk(partition));
            checks.add(new PartitionCheck(partition, walk.entries, walk.damage));
        }
        return checks;
    }

    /** One partition's chain, walked entry by entry; it stops judging at the first break. */
    private static final class ChainWalk {
        private final int partition;
        private byte[] previous = EntryBody.genesis();
        private long entries;
        private Optional<String> damage = Optional.empty();

        ChainWalk(int partition) {
            this.partition = partition;
        }

        void step(byte[] body) {
            long index = entries++;
            if (damage.isPresent()) {
                return;
            }
            String at = "partition " + partition + ", entry " + index;
            if (body == null || body.length < EntryBody.PREFIX_BYTES) {
                damage = Optional.of(at + " is no entry: it has " + (body == null ? 0 : body.length) + " bytes");
            } else if (EntryBody.sequence(body) != index) {
                damage = Optional.of(at + " is numbered " + EntryBody.sequence(body));
            } else if (!Arrays.equals(EntryBody.previousHash(body), previous)) {
                damage = Optional.of(at + " does not hold the hash of the entry before it");
            } else {
                previous = EntryBody.hash(body);
            }
        }
    }
}
