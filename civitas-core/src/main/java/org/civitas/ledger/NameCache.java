package org.civitas.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns the UTF-8 bytes of a name into one shared {@link String} per distinct name, so reading a ledger does not
 * allocate a new string for every repetition of a person, type, source or jurisdiction.
 */
final class NameCache {

    private byte[][] keys = new byte[1 << 10][];
    private String[] values = new String[1 << 10];
    private int size;

    String get(byte[] bytes, int offset, int length) {
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
        keys[slot] = Arrays.copyOfRange(bytes, offset, offset + length);
        values[slot] = value;
        if (2 * ++size > keys.length) {
            grow();
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
