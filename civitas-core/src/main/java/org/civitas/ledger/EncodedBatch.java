package org.civitas.ledger;

import java.util.Collections;
import java.util.List;
import org.civitas.event.Event;

/**
 * Events encoded for one ledger, ready to append: their payloads side by side and the fingerprints of their keys.
 * Made by {@link FileLedger#encode} on any thread, so the costly part of an append can run where the events were
 * just parsed. The list of events is held, not copied.
 */
public final class EncodedBatch {

    final List<Event> events;
    final byte[] payloads;
    final int[] offsets;
    final long[] fingerprints;

    EncodedBatch(List<Event> events, byte[] payloads, int[] offsets, long[] fingerprints) {
        this.events = Collections.unmodifiableList(events);
        this.payloads = payloads;
        this.offsets = offsets;
        this.fingerprints = fingerprints;
    }

    public int size() {
        return events.size();
    }

    /** Where the payload of event {@code index} starts in {@link #payloads}; it ends where the next one starts. */
    int payloadStart(int index) {
        return offsets[index];
    }

    int payloadEnd(int index) {
        return offsets[index + 1];
    }
}
