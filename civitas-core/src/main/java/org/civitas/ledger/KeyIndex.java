package org.civitas.ledger;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which events a ledger holds, by source and id, in 16 bytes per event: a 64-bit fingerprint of the key and where
 * the entry lies. A fingerprint match is confirmed against the entry itself, so the index never mistakes one event
 * for another; fingerprints only spare the lookups of keys that are new, which is nearly all of them.
 */
final class KeyIndex {

    /** Confirms whether the entry at a location has the key being looked up. */
    @FunctionalInterface
    interface KeyCheck {
        boolean sameKey(long location) throws IOException;
    }

    private static final long EMPTY = 0;

    private final long seed = ThreadLocalRandom.current().nextLong();
    /** Open addressing with linear probing; each slot is a fingerprint and a location side by side. */
    private long[] slots;
    private int size;
    /** What {@link #warm} read, kept so that the compiler cannot drop the reads as unused. */
    private long warmed;

    /** An index sized for about {@code expectedKeys} keys without growing. */
    KeyIndex(long expectedKeys) {
        slots = new long[2 * capacityFor(expectedKeys)];
    }

    private static int capacityFor(long keys) {
        int capacity = 1 << 16;
        while (capacity < 2 * keys + 1 && capacity < (1 << 29)) {
            capacity <<= 1;
        }
        return capacity;
    }

    /** Grows the index at once to hold about {@code expectedKeys} keys, if it is smaller. */
    void reserve(long expectedKeys) {
        int capacity = capacityFor(expectedKeys);
        if (capacity > capacity()) {
            rehashInto(capacity);
        }
    }

    /** The fingerprint of the key (source and id) at the start of a payload, after its kind byte. */
    long fingerprint(byte[] payload, int payloadOffset) {
        int start = payloadOffset + 1;
        int sourceLength = ((payload[start] & 0xFF) << 8) | (payload[start + 1] & 0xFF);
        int idAt = start + 2 + sourceLength;
        int idLength = ((payload[idAt] & 0xFF) << 8) | (payload[idAt + 1] & 0xFF);
        long hash = 0xcbf29ce484222325L ^ seed;
        for (int i = start, end = idAt + 2 + idLength; i < end; i++) {
            hash = (hash ^ (payload[i] & 0xFF)) * 0x100000001b3L;
        }
        hash = mix(hash);
        return hash == EMPTY ? 1 : hash;
    }

    /** Reads the first slot of each of {@code count} fingerprints, so that their cache misses overlap, not queue. */
    void warm(long[] fingerprints, int count) {
        int mask = capacity() - 1;
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += slots[2 * ((int) fingerprints[i] & mask)];
        }
        warmed = sum;
    }

    /**
     * Adds the key unless the index already holds it; returns whether it was added. A slot with the same fingerprint
     * is asked of {@code check} before the key counts as present.
     */
    boolean addIfAbsent(long fingerprint, long location, KeyCheck check) throws IOException {
        if (2 * (size + 1) > capacity()) {
            grow();
        }
        int mask = capacity() - 1;
        int slot = (int) fingerprint & mask;
        while (slots[2 * slot] != EMPTY) {
            if (slots[2 * slot] == fingerprint && check.sameKey(slots[2 * slot + 1])) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        slots[2 * slot] = fingerprint;
        slots[2 * slot + 1] = location;
        size++;
        return true;
    }

    /** Adds a key known not to be in the index yet, as when rebuilding it from a sound ledger. */
    void add(long fingerprint, long location) {
        if (2 * (size + 1) > capacity()) {
            grow();
        }
        insert(slots, fingerprint, location);
        size++;
    }

    private int capacity() {
        return slots.length / 2;
    }

    private void grow() {
        rehashInto(2 * capacity());
    }

    private void rehashInto(int capacity) {
        long[] larger = new long[2 * capacity];
        for (int slot = 0; slot < capacity(); slot++) {
            if (slots[2 * slot] != EMPTY) {
                insert(larger, slots[2 * slot], slots[2 * slot + 1]);
            }
        }
        slots = larger;
    }

    private static void insert(long[] slots, long fingerprint, long location) {
        int mask = slots.length / 2 - 1;
        int slot = (int) fingerprint & mask;
        while (slots[2 * slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        slots[2 * slot] = fingerprint;
        slots[2 * slot + 1] = location;
    }

    /** The finalizer of MurmurHash3: spreads every input bit over the whole word. */
    private static long mix(long hash) {
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        return hash ^ (hash >>> 33);
    }

    /** Whether the keys at the start of two payloads are the same bytes. */
    static boolean sameKey(byte[] a, int aPayload, byte[] b, int bPayload) {
        int aLength = keyLength(a, aPayload);
        return aLength == keyLength(b, bPayload)
                && Arrays.equals(a, aPayload + 1, aPayload + 1 + aLength, b, bPayload + 1, bPayload + 1 + aLength);
    }

    /** How many bytes, after the kind byte, the source and id of a payload take. */
    /**
     * The length of the key at the start of a payload of {@code length} bytes, after its kind byte, or -1 if the
     * payload is too short to hold the key its length fields announce.
     */
    static int keyLength(byte[] payload, int payloadOffset, int length) {
        int end = payloadOffset + length;
        int start = payloadOffset + 1;
        if (start + 2 > end) {
            return -1;
        }
        int idAt = start + 2 + (((payload[start] & 0xFF) << 8) | (payload[start + 1] & 0xFF));
        if (idAt + 2 > end) {
            return -1;
        }
        int keyEnd = idAt + 2 + (((payload[idAt] & 0xFF) << 8) | (payload[idAt + 1] & 0xFF));
        return keyEnd > end ? -1 : keyEnd - start;
    }

    static int keyLength(byte[] payload, int payloadOffset) {
        int start = payloadOffset + 1;
        int sourceLength = ((payload[start] & 0xFF) << 8) | (payload[start + 1] & 0xFF);
        int idAt = start + 2 + sourceLength;
        int idLength = ((payload[idAt] & 0xFF) << 8) | (payload[idAt + 1] & 0xFF);
        return 2 + sourceLength + 2 + idLength;
    }
}
