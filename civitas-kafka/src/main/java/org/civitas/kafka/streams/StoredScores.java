package org.civitas.kafka.streams;

import java.time.Instant;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.civitas.ledger.EventCodec;
import org.civitas.scoring.PersonScore;
import org.civitas.scoring.ScoreSheet;
import org.civitas.scoring.Scorer;
import org.civitas.scoring.ScoringRun;

/**
 * Scores from the histories the topology keeps, with the engine the embedded runtime scores with: a person's score,
 * or everyone's, at any instant.
 */
public final class StoredScores {

    private final Scorer scorer;
    private final ReadOnlyKeyValueStore<String, byte[]> histories;

    /** @param histories the store {@link LedgerTopology#PERSON_EVENTS}, or the part of it one instance holds */
    public StoredScores(Scorer scorer, ReadOnlyKeyValueStore<String, byte[]> histories) {
        this.scorer = scorer;
        this.histories = histories;
    }

    /** Everyone in the store, scored at {@code at}, sorted by person. */
    public ScoreSheet everyone(Instant at) {
        ScoringRun run = scorer.start(at);
        try (KeyValueIterator<String, byte[]> all = histories.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> person = all.next();
                feed(run, person.key, person.value);
            }
        }
        return run.finish();
    }

    /** The score of {@code person} at {@code at}: the base, for someone the ledger holds nothing of. */
    public PersonScore of(String person, Instant at) {
        ScoringRun run = scorer.start(at);
        byte[] history = histories.get(person);
        feed(run, person, history == null ? new byte[0] : history);
        return run.finish().people().get(0);
    }

    private static void feed(ScoringRun run, String person, byte[] history) {
        run.include(person);
        for (byte[] payload : PersonEvents.payloads(history)) {
            try {
                run.accept(EventCodec.decode(payload, 0, payload.length));
            } catch (RuntimeException unscorable) {
                // Its attributes cannot be read: it counts for no one, as in every scoring pass.
            }
        }
    }
}
