package org.civitas.kafka.streams;

import java.util.Locale;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.civitas.event.Event;
import org.civitas.ledger.EntryBody;
import org.civitas.scoring.Scorer;

/**
 * Keeps, for each person, the ledger entries the books read (or that amend earlier ones): all that scoring needs of
 * them, whatever instant a score is asked for. Each entry is a key of its own, the person's name and the entry's
 * place in its partition, so taking one in writes that entry alone, and the person's entries sort in ledger order
 * after a mark that the person is known. A person none of whose events a rule reads has the mark alone, and scores
 * the base.
 */
final class PersonEvents implements Processor<String, byte[], Void, Void> {

    /** Between a person's name and an entry's place: no name holds a control character. */
    static final char SEPARATOR = '\u0000';
    private static final byte[] KNOWN = {};

    private final Scorer scorer;
    private KeyValueStore<String, byte[]> entries;

    PersonEvents(Scorer scorer) {
        this.scorer = scorer;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.entries = context.getStateStore(LedgerTopology.PERSON_EVENTS);
    }

    @Override
    public void process(Record<String, byte[]> entry) {
        Event event = EntryBody.event(entry.value());
        String known = prefix(event.person());
        if (entries.get(known) == null) {
            entries.put(known, KNOWN);
        }
        if (scorer.readsAny(event.jurisdiction(), event.type())) {
            entries.put(known + String.format(Locale.ROOT, "%016x", EntryBody.sequence(entry.value())),
                    EntryBody.payload(entry.value()));
        }
    }

    /** What every key of {@code person}'s begins with; alone, the mark that the person is known. */
    static String prefix(String person) {
        return person + SEPARATOR;
    }

    /** The person a key is about. */
    static String personOf(String key) {
        return key.substring(0, key.indexOf(SEPARATOR));
    }
}
