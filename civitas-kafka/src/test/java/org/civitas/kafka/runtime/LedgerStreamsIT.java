package org.civitas.kafka.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civitas.event.Event;
import org.civitas.kafka.ConformanceCases;
import org.civitas.kafka.IntakeTraffic;
import org.civitas.kafka.broker.KafkaBroker;
import org.civitas.ledger.EntryBody;
import org.civitas.ledger.EventCodec;
import org.civitas.scoring.PersonScore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology on a real broker, exactly once, over four partitions: a conformance case sent through the intake,
 * duplicates and all, comes out as one hash chain a partition, each person in one partition, and scores exactly as
 * the embedded engine scores it. Topics of another partition count are refused, a ledger topic that is not there is
 * named, and an entry written behind the runtime's back breaks its partition's chain.
 */
class LedgerStreamsIT {

    private static final int PARTITIONS = 4;

    @TempDir
    Path data;

    @Test
    void aCaseSentThroughTheIntakeIsChainedByPartitionAndScoredAsEmbedded() throws Exception {
        ConformanceCases conformance = ConformanceCases.all().findFirst().orElseThrow();
        List<Event> events = conformance.events();
        long distinct = events.stream().map(Event::key).distinct().count();
        try (KafkaBroker broker = KafkaBroker.start(data.resolve("broker"), 0)) {
            KafkaSettings settings = new KafkaSettings(broker.bootstrapServers(), "civitas", PARTITIONS, (short) 1,
                    "civitas-it", data.resolve("streams"));
            try (LedgerStreams streams = LedgerStreams.start(settings, conformance.scorer())) {
                IntakeTraffic.send(settings, events);
                IntakeTraffic.awaitLedger(settings, distinct);

                List<KafkaLedger.PartitionCheck> checks = KafkaLedger.verify(settings);
                assertThat(checks).allSatisfy(check -> assertThat(check.damage()).isEmpty());
                assertThat(checks.stream().mapToLong(KafkaLedger.PartitionCheck::entries).sum()).isEqualTo(distinct);
                assertThat(checks).filteredOn(check -> check.entries() > 0).as("people spread over partitions")
                        .hasSizeGreaterThan(1);
                Map<String, Set<Integer>> partitionsOf = new HashMap<>();
                KafkaLedger.read(settings, (partition, person, body) -> partitionsOf.computeIfAbsent(person,
                        any -> new HashSet<>()).add(partition));
                assertThat(partitionsOf.values()).as("each person's entries in one partition")
                        .allSatisfy(partitions -> assertThat(partitions).hasSize(1));

                List<PersonScore> scores = awaitScores(streams, conformance.embeddedScores());
                assertThat(scores).isEqualTo(conformance.embeddedScores());
                Map<String, Double> expected = conformance.expected();
                scores.forEach(score -> assertThat(score.roundedScore()).as(score.person())
                        .isCloseTo(expected.get(score.person()), within(0.01)));
            }

            KafkaSettings fewer = new KafkaSettings(broker.bootstrapServers(), "civitas", 2, (short) 1, "civitas-it",
                    data.resolve("other"));
            assertThatThrownBy(() -> LedgerStreams.start(fewer, conformance.scorer()))
                    .hasMessageContaining("has 4 partitions, not the 2 configured");
            assertThatThrownBy(() -> KafkaLedger.verify(new KafkaSettings(broker.bootstrapServers(), "nowhere",
                    PARTITIONS, (short) 1, "civitas-it", data.resolve("other"))))
                    .hasMessageContaining("there is no ledger topic nowhere.ledger");
            forge(broker, settings, "p-forger", EntryBody.of(0, EntryBody.genesis(), EventCodec.encode(
                    events.get(0))));
            assertThat(KafkaLedger.verify(settings)).as("an entry written behind the runtime's back")
                    .anySatisfy(check -> assertThat(check.damage()).isPresent());
        }
    }

    /** Writes {@code body} straight onto the ledger topic, under {@code key}, as no writer of Civitas would. */
    private static void forge(KafkaBroker broker, KafkaSettings settings, String key, byte[] body) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(settings.topics().ledger(), 0, key, body)).get();
        }
    }

    /** The instance's scores, once they are {@code expected} or a minute has passed: the last stage may lag. */
    private static List<PersonScore> awaitScores(LedgerStreams streams, List<PersonScore> expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        List<PersonScore> scores = streams.localScores().everyone(ConformanceCases.AT).people();
        while (!scores.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            scores = streams.localScores().everyone(ConformanceCases.AT).people();
        }
        return scores;
    }
}
