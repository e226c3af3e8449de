package org.civitas.kafka.streams;

import java.time.Instant;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.civitas.ledger.EventCodec;
import org.civitas.scoring.ScoreSheet;
import org.civitas.scoring.Scorer;
import org.civitas.scoring.ScoringRun;

/**
 * Scores from the entries the topology keeps, with the engine the embedded runtime scores with: everyone's, at any
 * instant. The store keeps what the instance's books read when an entry came: scored with books that read other types,
 * it misses their entries, which only the ledger topic then holds.
 */
public final class StoredScores {

    private final Scorer scorer;
    private final ReadOnlyKeyValueStore<String, byte[]> entries;

    /** @param entries the store {@link LedgerTopology#PERSON_EVENTS}, or the part of it one instance holds */
    public StoredScores(Scorer scorer, ReadOnlyKeyValueStore<String, byte[]> entries) {
        this.scorer = scorer;
        this.entries = entries;
    }

    /** Everyone in the store, scored at {@code at}, sorted by person. */
    public ScoreSheet everyone(Instant at) {
        ScoringRun run = scorer.start(at);
        try (KeyValueIterator<String, byte[]> all = entries.all()) {
            feed(run, all);
        }
        return run.finish();
    }

    /** Scores the entries in key order: each person's mark, then their entries in ledger order. */
    private static void feed(ScoringRun run, KeyValueIterator<String, byte[]> keyed) {
        while (keyed.hasNext()) {
            KeyValue<String, byte[]> entry = keyed.next();
            if (entry.value.length == 0) {
                run.include(PersonEvents.personOf(entry.key));
                continue;
            }
            try {
                run.accept(EventCodec.decode(entry.value, 0, entry.value.length));
            } catch (RuntimeException unscorable) {
                // Its attributes cannot be read: it counts for no one, as in every scoring pass.
            }
        }
    }
}
