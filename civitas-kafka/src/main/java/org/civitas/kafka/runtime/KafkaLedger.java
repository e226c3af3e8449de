package org.civitas.kafka.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.civitas.CivitasException;
import org.civitas.kafka.streams.PersonPartitions;
import org.civitas.ledger.EntryBody;
import org.civitas.ledger.EntryBodyReader;
import org.civitas.ledger.FileLedger;
import org.civitas.ledger.LedgerHistory;
import org.civitas.ledger.LedgerPositions;

/**
 * The ledger on Kafka as its readers see it: every committed entry of every partition, in each partition's order,
 * and each partition's chain checked from its first entry to its last.
 */
public final class KafkaLedger {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final int MAX_POLL_RECORDS = 5_000;

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
     * @param damage where and how the chain breaks, or holds an entry that is not its own, if it does
     * @param unreadable entries intact in the chain that cannot be read as events
     */
    public record PartitionCheck(int partition, long entries, Optional<String> damage, long unreadable) {
    }

    /** Reads every committed entry, each partition's in its order; returns how many. */
    public static long read(KafkaSettings settings, EntryVisitor visitor) {
        return readRecords(settings, record -> visitor.entry(record.partition(), record.key(), record.value()));
    }

    /**
     * The ledger topic as the history replays read: every committed entry, each partition's in its order, at its
     * position (see {@link LedgerPartition}).
     */
    public static LedgerHistory history(KafkaSettings settings) {
        return (selection, selected, others, unreadable) -> {
            EntryBodyReader reader = new EntryBodyReader();
            FileLedger.EventVisitor chosen = (position, event) -> {
                if (selection.wants(event.jurisdiction(), event.type())) {
                    selected.event(position, event);
                } else {
                    others.person(position, event.person());
                }
            };
            return readRecords(settings, record -> {
                try {
                    reader.read(LedgerPositions.of(record.partition(), record.offset()), record.value(),
                            chosen, unreadable);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        };
    }

    /**
     * A reader of the ledger topic as committed. It is assigned partitions rather than joining a group, and commits
     * no offsets, so that readers disturb neither one another nor the runtime.
     */
    public static KafkaConsumer<String, byte[]> reader(KafkaSettings settings) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static long readRecords(KafkaSettings settings, Consumer<ConsumerRecord<String, byte[]>> visitor) {
        String topic = settings.topics().ledger();
        long read = 0;
        try (KafkaConsumer<String, byte[]> consumer = reader(settings)) {
            List<TopicPartition> partitions = new ArrayList<>();
            Optional.ofNullable(consumer.partitionsFor(topic)).orElse(List.of()).forEach(info -> partitions.add(
                    new TopicPartition(topic, info.partition())));
            if (partitions.isEmpty()) {
                throw new CivitasException("there is no ledger topic " + topic + " on " + settings.bootstrap()
                        + ": has the runtime's stream processing ('civitas streams') run there?");
            }
            if (partitions.size() != settings.partitions()) {
                throw new CivitasException("the ledger topic " + topic + " has " + partitions.size()
                        + " partitions, not the " + settings.partitions() + " configured");
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < ends.get(new TopicPartition(topic, record.partition()))) {
                        visitor.accept(record);
                        read++;
                    }
                }
            }
        } catch (KafkaException e) {
            throw new CivitasException("cannot read the ledger topic " + topic + " on " + settings.bootstrap() + ": "
                    + e.getMessage(), e);
        }
        return read;
    }

    /**
     * Checks every partition's chain: each entry numbered after the one before it, holding its hash, in its
     * person's partition under its person's key; and counts the entries that cannot be read as events.
     */
    public static List<PartitionCheck> verify(KafkaSettings settings) {
        return verify(settings, (partition, person, body) -> { });
    }

    /** Checks every partition's chain as {@link #verify(KafkaSettings)} does, handing each entry to {@code also}. */
    public static List<PartitionCheck> verify(KafkaSettings settings, EntryVisitor also) {
        Map<Integer, ChainWalk> walks = new HashMap<>();
        read(settings, (partition, person, body) -> {
            walks.computeIfAbsent(partition, any -> new ChainWalk(partition, settings.partitions())).step(person,
                    body);
            also.entry(partition, person, body);
        });
        List<PartitionCheck> checks = new ArrayList<>();
        for (int partition = 0; partition < settings.partitions(); partition++) {
            ChainWalk walk = walks.getOrDefault(partition, new ChainWalk(partition, settings.partitions()));
            checks.add(new PartitionCheck(partition, walk.entries, walk.damage, walk.unreadable));
        }
        return checks;
    }

    /** One partition's chain, walked entry by entry; it stops judging at the first break. */
    private static final class ChainWalk {
        private final int partition;
        private final int partitions;
        private byte[] previous = EntryBody.genesis();
        private long entries;
        private long unreadable;
        private Optional<String> damage = Optional.empty();

        ChainWalk(int partition, int partitions) {
            this.partition = partition;
            this.partitions = partitions;
        }

        void step(String key, byte[] body) {
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
                damage = misplaced(at, key, body);
            }
        }

        /** Why the entry is not where its person's entries are, if it is not; an unreadable one is counted. */
        private Optional<String> misplaced(String at, String key, byte[] body) {
            String person;
            try {
                person = EntryBody.event(body).person();
            } catch (RuntimeException e) {
                unreadable++;
                return Optional.empty();
            }
            if (!person.equals(key)) {
                return Optional.of(at + " is " + person + "'s, under the key " + key);
            }
            int own = PersonPartitions.of(person, partitions);
            return own == partition ? Optional.empty()
                    : Optional.of(at + " is " + person + "'s, whose entries are in partition " + own);
        }
    }
}
