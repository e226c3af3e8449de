package org.civitas.ledger;

/**
 * Where the intake appends events: the file ledger, or the intake topic of the Kafka runtime. Batches are built by
 * the parsing threads, written one at a time, and made durable together.
 */
public interface LedgerAppender {

    /** A builder for a batch of about {@code expectedEvents} events of {@code expectedBytes} bytes in all. */
    EncodedBatch.Builder newBatch(int expectedEvents, int expectedBytes);

    /** Writes a batch (not yet durable); says how many of its events are taken, and how many were there already. */
    AppendResult write(EncodedBatch batch);

    /** Makes everything written so far durable, or throws. */
    void commit();
}
