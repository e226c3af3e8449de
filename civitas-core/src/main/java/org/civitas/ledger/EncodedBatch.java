package org.civitas.ledger;

import java.util.Arrays;
import org.civitas.event.Event;
import org.civitas.event.EventFields;

/**
 * Events encoded for one ledger, ready to append: their payloads side by side and the fingerprints of their keys.
 * Built by a {@link Builder} on any thread, so the costly part of an append can run where the events were just read.
 */
public final class EncodedBatch {

    final byte[] payloads;
    final long[] fingerprints;
    private final int[] offsets;
    private final int size;

    private EncodedBatch(byte[] payloads, int[] offsets, long[] fingerprints, int size) {
        this.payloads = payloads;
        this.offsets = offsets;
        this.fingerprints = fingerprints;
        this.size = size;
    }

    /** How many events the batch holds. */
    public int size() {
        return size;
    }

    /** Where the payload of event {@code index} starts in {@link #payloads}; it ends where the next one starts. */
    int payloadStart(int index) {
        return offsets[index];
    }

    int payloadEnd(int index) {
        return offsets[index + 1];
    }

    /** The payload of event {@code index}: the event as the ledger encodes it. */
    public byte[] payload(int index) {
        return Arrays.copyOfRange(payloads, offsets[index], offsets[index + 1]);
    }

    /**
     * A builder for a ledger that keeps no index of keys here (the Kafka runtime's, which counts a duplicate once
     * downstream): its batches carry no fingerprints.
     */
    public static Builder withoutKeys(int expectedEvents, int expectedBytes) {
        return new Builder(null, expectedEvents, expectedBytes);
    }

    /**
     * Encodes events, one after another, for the ledger that made it ({@link FileLedger#newBatch}). Any thread may
     * build a batch; one batch is built by one thread.
     */
    public static final class Builder {

        private final KeyIndex keys;
        private final FrameBuffer buffer;
        private int[] offsets;
        private long[] fingerprints;
        private int size;

        Builder(KeyIndex keys, int expectedEvents, int expectedBytes) {
            this.keys = keys;
            this.buffer = new FrameBuffer(Math.max(256, expectedBytes));
            this.offsets = new int[Math.max(1, expectedEvents) + 1];
            this.fingerprints = new long[Math.max(1, expectedEvents)];
        }

        /** Adds an event as it is (sealed or not). */
        public void add(Event event) {
            int start = buffer.size();
            EventCodec.write(event, buffer);
            added(start);
        }

        /**
         * Adds {@code event} with sealed attributes of {@code category}, and returns where in {@link #bytes()} the
         * {@code sealedLength} sealed bytes are to be written, which the caller does next.
         */
        public int addSealed(Event event, String category, int sealedLength) {
            int start = buffer.size();
            int sealedAt = EventCodec.writeSealed(event, category, sealedLength, buffer);
            added(start);
            return sealedAt;
        }

        /** Adds the event of a plain line, its attributes as they are. */
        public void add(EventFields line) {
            int start = buffer.size();
            EventCodec.write(line, buffer);
            added(start);
        }

        /**
         * Adds the event of a plain line with sealed attributes of {@code category}, and returns where in
         * {@link #bytes()} the {@code sealedLength} sealed bytes are to be written, which the caller does next.
         */
        public int addSealed(EventFields line, String category, int sealedLength) {
            int start = buffer.size();
            int sealedAt = EventCodec.writeSealed(line, category, sealedLength, buffer);
            added(start);
            return sealedAt;
        }

        /** The bytes the payloads are encoded into; replaced as the batch grows, so fetch them after each add. */
        public byte[] bytes() {
            return buffer.data();
        }

        private void added(int start) {
            if (size == fingerprints.length) {
                fingerprints = Arrays.copyOf(fingerprints, 2 * size);
                offsets = Arrays.copyOf(offsets, 2 * size + 1);
            }
            offsets[size] = start;
            fingerprints[size] = keys == null ? 0 : keys.fingerprint(buffer.data(), start);
            size++;
            offsets[size] = buffer.size();
        }

        /** The batch of everything added so far. */
        public EncodedBatch build() {
            return new EncodedBatch(buffer.data(), offsets, fingerprints, size);
        }
    }
}
