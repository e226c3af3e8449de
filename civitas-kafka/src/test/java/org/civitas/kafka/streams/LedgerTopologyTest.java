package org.civitas.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.civitas.event.Event;
import org.civitas.kafka.ConformanceCases;
import org.civitas.ledger.EntryBody;
import org.civitas.ledger.EventCodec;
import org.civitas.ndjson.NdjsonReader;
import org.civitas.scoring.ScoreSheet;
import org.civitas.scoring.Scorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The topology in Kafka Streams' test driver: the conformance cases scored through it give exactly what the embedded
 * engine gives and what was computed independently; a duplicate counts once; the ledger is a hash chain.
 */
class LedgerTopologyTest {

    private static final Topics TOPICS = new Topics("civitas");

    @TempDir
    Path state;

    private Properties settings() {
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "civitas-test");
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        settings.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        return settings;
    }

    private static void take(TopologyTestDriver driver, List<Event> events) {
        TestInputTopic<String, byte[]> intake = driver.createInputTopic(TOPICS.intake(), new StringSerializer(),
                new ByteArraySerializer());
        for (Event event : events) {
            intake.pipeInput(IntakeKeys.of(event), EventCodec.encode(event));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.civitas.kafka.ConformanceCases#all")
    void scoresAreTheEmbeddedEnginesAndTheIndependentlyComputedOnes(ConformanceCases conformance)
            throws IOException {
        Scorer scorer = conformance.scorer();
        ScoreSheet streamed;
        try (TopologyTestDriver driver = new TopologyTestDriver(LedgerTopology.build(TOPICS, scorer), settings())) {
            take(driver, conformance.events());
            streamed = new StoredScores(scorer, driver.getKeyValueStore(LedgerTopology.PERSON_EVENTS))
                    .everyone(ConformanceCases.AT);
        }

        assertThat(streamed.people()).as("person by person, contribution by contribution")
                .isEqualTo(conformance.embeddedScores());
        Map<String, Double> expected = conformance.expected();
        assertThat(streamed.people()).extracting(score -> score.person())
                .containsExactlyElementsOf(expected.keySet().stream().sorted().toList());
        streamed.people().forEach(score -> assertThat(score.roundedScore()).as(score.person())
                .isCloseTo(expected.get(score.person()), within(0.01)));
    }

    @Test
    void anIntakeRecordThatIsNotAnEventIsPassedOverAndTheNextOneTaken() throws IOException {
        Scorer scorer = ConformanceCases.all().findFirst().orElseThrow().scorer();
        Event after = event("e-9", "p-ada", "{\"hours\":3}");
        try (TopologyTestDriver driver = new TopologyTestDriver(LedgerTopology.build(TOPICS, scorer), settings())) {
            driver.createInputTopic(TOPICS.intake(), new StringSerializer(), new ByteArraySerializer())
                    .pipeInput("volunteer-hub/e-8", "not an event".getBytes(StandardCharsets.UTF_8));
            take(driver, List.of(after));

            List<KeyValue<String, byte[]>> ledger = driver.createOutputTopic(TOPICS.ledger(), new StringDeserializer(),
                    new ByteArrayDeserializer()).readKeyValuesToList();
            assertThat(ledger).hasSize(1);
            assertThat(EntryBody.sequence(ledger.get(0).value)).isZero();
            assertThat(EntryBody.event(ledger.get(0).value)).isEqualTo(after);
        }
    }

    @Test
    void theFirstEventOfASourceAndIdCountsAndEachPartitionIsAHashChain() throws IOException {
        Scorer scorer = ConformanceCases.all().findFirst().orElseThrow().scorer();
        Event first = event("e-1", "p-ada", "{\"hours\":3}");
        Event again = event("e-1", "p-bob", "{\"hours\":4}");
        Event other = event("e-2", "p-ada", "{\"hours\":2}");
        try (TopologyTestDriver driver = new TopologyTestDriver(LedgerTopology.build(TOPICS, scorer), settings())) {
            take(driver, List.of(first, again, other));

            List<KeyValue<String, byte[]>> ledger = driver.createOutputTopic(TOPICS.ledger(), new StringDeserializer(),
                    new ByteArrayDeserializer()).readKeyValuesToList();
            assertThat(ledger).extracting(entry -> entry.key).containsExactly("p-ada", "p-ada");
            byte[] previous = EntryBody.genesis();
            for (int i = 0; i < ledger.size(); i++) {
                byte[] body = ledger.get(i).value;
                assertThat(EntryBody.sequence(body)).isEqualTo(i);
                assertThat(Arrays.equals(EntryBody.previousHash(body), previous)).as("entry %d chains on", i).isTrue();
                previous = EntryBody.hash(body);
            }
            assertThat(EntryBody.event(ledger.get(0).value)).isEqualTo(first);
            assertThat(EntryBody.event(ledger.get(1).value)).isEqualTo(other);
            KeyValueStore<String, byte[]> kept = driver.getKeyValueStore(LedgerTopology.PERSON_EVENTS);
            assertThat(kept.get(PersonEvents.prefix("p-ada"))).isNotNull();
            assertThat(kept.get(PersonEvents.prefix("p-bob")))
                    .as("the later copy of e-1, naming another person, is not taken").isNull();
        }
    }

    private static Event event(String id, String person, String attributes) throws IOException {
        String line = "{\"id\":\"" + id + "\",\"source\":\"volunteer-hub\",\"person\":\"" + person + "\",\"type\":"
                + "\"volunteering\",\"jurisdiction\":\"harbor\",\"occurredAt\":\"2026-10-01T08:00:00Z\",\"attributes\":"
                + attributes + "}\n";
        return NdjsonReader.readAll(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8))).events().get(0);
    }
}
