package org.civitas.kafka.streams;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;
import org.civitas.scoring.Scorer;

/**
 * Civitas as a Kafka Streams topology: an event taken once ({@link FirstOfEachEvent}), chained into its person's
 * partition of the ledger ({@link Chaining}), and kept for scoring with its person's history ({@link PersonEvents}),
 * which {@link StoredScores} scores with the core engine.
 */
public final class LedgerTopology {

    /** The source and id of every event taken, on the task of its intake partition. */
    static final String SEEN_EVENTS = "seen-events";
    /** Where each partition's chain stands. */
    static final String CHAIN_HEADS = "chain-heads";
    /** Each person's entries that the books read, for scoring. */
    public static final String PERSON_EVENTS = "person-events";

    private LedgerTopology() {
    }

    public static Topology build(Topics topics, Scorer scorer) {
        var keys = Serdes.String();
        var values = Serdes.ByteArray();
        PersonPartitions partitions = new PersonPartitions();
        Topology topology = new Topology();
        topology.addSource("intake", keys.deserializer(), values.deserializer(), topics.intake());
        topology.addProcessor("first-of-each-event", FirstOfEachEvent::new, "intake");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SEEN_EVENTS), keys,
                values), "first-of-each-event");
        topology.addSink("to-sequenced", topics.sequenced(), keys.serializer(), values.serializer(), partitions,
                "first-of-each-event");

        topology.addSource("sequenced", keys.deserializer(), values.deserializer(), topics.sequenced());
        topology.addProcessor("chaining", Chaining::new, "sequenced");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CHAIN_HEADS), keys,
                values), "chaining");
        topology.addSink("to-ledger", topics.ledger(), keys.serializer(), values.serializer(), partitions,
                "chaining");

        topology.addSource("ledger", keys.deserializer(), values.deserializer(), topics.ledger());
        topology.addProcessor("person-events", () -> new PersonEvents(scorer), "ledger");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PERSON_EVENTS), keys,
                values), "person-events");
        return topology;
    }
}
