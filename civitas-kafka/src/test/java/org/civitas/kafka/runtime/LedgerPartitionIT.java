package org.civitas.kafka.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civitas.event.Event;
import org.civitas.event.EventKey;
import org.civitas.kafka.ConformanceCases;
import org.civitas.kafka.IntakeTraffic;
import org.civitas.kafka.broker.KafkaBroker;
import org.civitas.ledger.ChainTail;
import org.civitas.ledger.LedgerPositions;
import org.civitas.ledger.UnreadableEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partition of a real broker's ledger topic followed as a chain: every committed entry once, in its partition's
 * order, at a position that names its partition; a tail keeps following what is committed later, one started at a
 * position resumes right there, and a record that is no event is handed out as unreadable, in its place.
 */
class LedgerPartitionIT {

    private static final int PARTITIONS = 3;

    @TempDir
    Path data;

    @Test
    void eachPartitionHandsOutItsEntriesOnceAndFollowsWhatComesLater() throws Exception {
        ConformanceCases conformance = ConformanceCases.all().findFirst().orElseThrow();
        List<Event> events = conformance.events();
        List<Event> early = events.subList(0, events.size() / 2);
        try (KafkaBroker broker = KafkaBroker.start(data.resolve("broker"), 0)) {
            KafkaSettings settings = new KafkaSettings(broker.bootstrapServers(), "civitas", PARTITIONS, (short) 1,
                    "civitas-it", data.resolve("streams"));
            List<LedgerPartition> chains = LedgerPartition.all(settings);
            try (LedgerStreams streams = LedgerStreams.start(settings, conformance.scorer())) {
                IntakeTraffic.send(settings, early);
                IntakeTraffic.awaitLedger(settings, distinct(early));

                List<Handed> handed = new ArrayList<>();
                List<ChainTail> tails = new ArrayList<>();
                for (LedgerPartition chain : chains) {
                    ChainTail tail = chain.tail(0);
                    tails.add(tail);
                    follow(chain, tail, handed);
                    assertThat(tail.position()).isEqualTo(chain.committed());
                }
                assertThat(keys(handed)).hasSize((int) distinct(early));

                IntakeTraffic.send(settings, events);
                IntakeTraffic.awaitLedger(settings, distinct(events));
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    follow(chains.get(partition), tails.get(partition), handed);
                    tails.get(partition).close();
                }
                assertThat(keys(handed)).as("every event once, in all the partitions").hasSize(handed.size())
                        .hasSize((int) distinct(events));
                assertThat(handed).allSatisfy(entry -> assertThat(LedgerPositions.chainOf(entry.position()))
                        .isEqualTo(entry.partition()));
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    int in = partition;
                    List<Handed> ofPartition = handed.stream().filter(entry -> entry.partition() == in).toList();
                    assertThat(ofPartition).extracting(Handed::position).isSorted();
                    if (ofPartition.size() > 1) {
                        Handed second = ofPartition.get(1);
                        List<Handed> resumed = new ArrayList<>();
                        try (ChainTail tail = chains.get(partition).tail(second.position())) {
                            follow(chains.get(partition), tail, resumed);
                        }
                        assertThat(resumed).isEqualTo(ofPartition.subList(1, ofPartition.size()));
                    }
                }

                forge(settings, 0);
                List<UnreadableEntry> unreadable = new ArrayList<>();
                try (ChainTail tail = chains.get(0).tail(0)) {
                    while (tail.poll(1_000, (position, event) -> { }, unreadable::add) > 0) {
                        assertThat(unreadable).hasSizeLessThanOrEqualTo(1);
                    }
                }
                assertThat(unreadable).singleElement().satisfies(entry -> assertThat(entry.reason())
                        .contains("not an entry body"));
            }
        }
    }

    /** One entry as a tail handed it out. */
    private record Handed(int partition, long position, EventKey key) {
    }

    private static void follow(LedgerPartition chain, ChainTail tail, List<Handed> handed) {
        while (tail.poll(1_000, (position, event) -> handed.add(new Handed(chain.partition(), position,
                event.key())), entry -> {
                    throw new AssertionError("unreadable: " + entry);
                }) > 0) {
            assertThat(tail.position()).isLessThanOrEqualTo(chain.committed());
        }
    }

    private static List<EventKey> keys(List<Handed> handed) {
        return handed.stream().map(Handed::key).distinct().toList();
    }

    /** Writes a record that is no entry body straight onto {@code partition} of the ledger topic. */
    private static void forge(KafkaSettings settings, int partition) throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(settings.topics().ledger(), partition, "someone", new byte[] {1, 2}))
                    .get();
        }
    }

    private static long distinct(List<Event> events) {
        return events.stream().map(Event::key).distinct().count();
    }
}
