package org.civitas.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns the UTF-8 bytes of a name into one shared {@link String} per distinct name, so that the people, types,
 * sources and jurisdictions that repeat from event to event are not built anew each time. Bounded: past
 * {@link #MAX_NAMES} distinct names, further ones are built each time. Not thread-safe: one cache per thread.
 */
public final class NameCache {

    static final int MAX_NAMES = 1 << 16;

    private static final ThreadLocal<NameCache> PER_THREAD = ThreadLocal.withInitial(NameCache::new);

    private byte[][] keys = new byte[1 << 10][];
    private String[] values = new String[1 << 10];
    private int size;

    /** The cache of the calling thread. */
    public static NameCache forThisThread() {
        return PER_THREAD.get();
    }

    /** The name whose UTF-8 bytes are {@code bytes[offset, offset + length)}. */
    public String get(byte[] bytes, int offset, int length) {
        int hash = hash(bytes, offset, length);
        int mask = keys.length - 1;
        int slot = hash & mask;
        while (keys[slot] != null) {
            byte[] key = keys[slot];
            if (key.length == length && Arrays.equals(key, 0, length, bytes, offset, offset + length)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        String value = new String(bytes, offset, length, StandardCharsets.UTF_8);
        if (size < MAX_NAMES) {
            keys[slot] = Arrays.copyOfRange(bytes, offset, offset + length);
            values[slot] = value;
            if (2 * ++size > keys.length) {
                grow();
            }
        }
        return value;
    }

    private void grow() {
        byte[][] oldKeys = keys;
        String[] oldValues = values;
        keys = new byte[oldKeys.length * 2][];
        values = new String[oldValues.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = hash(oldKeys[i], 0, oldKeys[i].length) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    private static int hash(byte[] bytes, int offset, int length) {
        int hash = 0x811c9dc5;
        for (int i = offset; i < offset + length; i++) {
            hash = (hash ^ bytes[i]) * 0x01000193;
        }
        return hash ^ (hash >>> 16);
    }
}
