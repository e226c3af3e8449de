package org.civitas.kafka.streams;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.civitas.event.Event;
import org.civitas.ledger.EntryBody;
import org.civitas.scoring.Scorer;

/**
 * Keeps, for each person, the ledger entries the books read (or that amend earlier ones), in ledger order: all that
 * scoring needs of them, whatever instant a score is asked for. A person none of whose events a rule reads is kept
 * with none, and scores the base. The store's value is {@code [u32 length][payload]} an entry.
 */
final class PersonEvents implements Processor<String, byte[], Void, Void> {

    private final Scorer scorer;
    private KeyValueStore<String, byte[]> histories;

    PersonEvents(Scorer scorer) {
        this.scorer = scorer;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.histories = context.getStateStore(LedgerTopology.PERSON_EVENTS);
    }

    @Override
    public void process(Record<String, byte[]> entry) {
        Event event = EntryBody.event(entry.value());
        byte[] history = histories.get(event.person());
        if (!scorer.readsAny(event.jurisdiction(), event.type())) {
            if (history == null) {
                histories.put(event.person(), new byte[0]);
            }
            return;
        }
        histories.put(event.person(), appended(history, EntryBody.payload(entry.value())));
    }

    private static byte[] appended(byte[] history, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((history == null ? 0 : history.length) + 4
                + payload.length);
        if (history != null) {
            out.writeBytes(history);
        }
        out.writeBytes(ByteBuffer.allocate(4).putInt(payload.length).array());
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** The payloads of a stored history, in ledger order. */
    static List<byte[]> payloads(byte[] history) {
        List<byte[]> payloads = new ArrayList<>();
        ByteBuffer read = ByteBuffer.wrap(history);
        while (read.hasRemaining()) {
            byte[] payload = new byte[read.getInt()];
            read.get(payload);
            payloads.add(payload);
        }
        return payloads;
    }
}
