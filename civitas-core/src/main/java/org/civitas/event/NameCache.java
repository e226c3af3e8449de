package org.civitas.event;

import java.util.Arrays;

/**
 * One shared {@link String} per distinct name read from JSON, so that the people, types, sources and jurisdictions
 * that repeat from line to line are not built anew each time. Bounded: past {@link #MAX_NAMES} it starts over.
 * Not thread-safe; each parsing thread has its own.
 */
final class NameCache {

    static final int MAX_NAMES = 1 << 16;

    private static final ThreadLocal<NameCache> PER_THREAD = ThreadLocal.withInitial(NameCache::new);

    private char[][] keys = new char[1 << 10][];
    private String[] values = new String[1 << 10];
    /** The hash of each key, so that growing the table need not hash the keys again. */
    private int[] hashes = new int[1 << 10];
    private int size;

    static NameCache forThisThread() {
        return PER_THREAD.get();
    }

    String get(char[] chars, int offset, int length) {
        int hash = 0x811c9dc5;
        for (int i = offset; i < offset + length; i++) {
            hash = (hash ^ chars[i]) * 0x01000193;
        }
        int mask = keys.length - 1;
        int slot = (hash ^ (hash >>> 16)) & mask;
        while (keys[slot] != null) {
            char[] key = keys[slot];
            if (key.length == length && Arrays.equals(key, 0, length, chars, offset, offset + length)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        String value = new String(chars, offset, length);
        if (size >= MAX_NAMES) {
            return value;
        }
        keys[slot] = Arrays.copyOfRange(chars, offset, offset + length);
        values[slot] = value;
        hashes[slot] = hash;
        if (2 * ++size > keys.length) {
            rehash(keys.length * 2);
        }
        return value;
    }

    private void rehash(int capacity) {
        char[][] oldKeys = keys;
        String[] oldValues = values;
        int[] oldHashes = hashes;
        keys = new char[capacity][];
        values = new String[capacity];
        hashes = new int[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int hash = oldHashes[i];
                int slot = (hash ^ (hash >>> 16)) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
                hashes[slot] = hash;
            }
        }
    }
}
