package org.civitas.ledger;

import java.util.List;
import org.civitas.event.Event;

/**
 * Where the intake appends events: the file ledger, or the intake topic of the Kafka runtime. Batches are built by
 * the parsing threads, written one at a time, and made durable together.
 */
public interface LedgerAppender {

    /** Room made for each event when encoding a batch: most events fit, so the buffer seldom grows. */
    int EXPECTED_BYTES_PER_EVENT = 256;

    /** A builder for a batch of about {@code expectedEvents} events of {@code expectedBytes} bytes in all. */
    EncodedBatch.Builder newBatch(int expectedEvents, int expectedBytes);

    /** Writes a batch (not yet durable); says how many of its events are taken, and how many were there already. */
    AppendResult write(EncodedBatch batch);

    /** Makes everything written so far durable, or throws. */
    void commit();

    /** Writes {@code events} as one batch and makes them durable; the ledger counts each source and id once. */
    default AppendResult append(List<Event> events) {
        EncodedBatch.Builder batch = newBatch(events.size(), events.size() * EXPECTED_BYTES_PER_EVENT);
        events.forEach(batch::add);
        AppendResult result = write(batch.build());
        commit();
        return result;
    }
}
