package org.civitas.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.civitas.CivitasException;

/**
 * A growable byte buffer that frames are encoded into, in place, before one write. {@link #reserve} may replace the
 * array, so callers reserve first and fetch {@link #data()} after.
 */
final class FrameBuffer {

    private byte[] data;
    private int size;

    FrameBuffer(int capacity) {
        this.data = new byte[capacity];
    }

    /** Makes room for {@code length} more bytes and returns where they start. */
    int reserve(int length) {
        if (size + length > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + length));
        }
        int start = size;
        size += length;
        return start;
    }

    byte[] data() {
        return data;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    /** Forgets everything after the first {@code newSize} bytes. */
    void truncate(int newSize) {
        size = newSize;
    }

    void putByte(byte value) {
        int at = reserve(1);
        data[at] = value;
    }

    void putInt(int value) {
        int at = reserve(4);
        EventCodec.putInt(data, at, value);
    }

    void putLong(long value) {
        int at = reserve(8);
        EventCodec.putLong(data, at, value);
    }

    void putBytes(byte[] bytes) {
        int at = reserve(bytes.length);
        System.arraycopy(bytes, 0, data, at, bytes.length);
    }

    /** Writes {@code text} as UTF-8 after a two-byte length. */
    void putText(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new CivitasException("a name longer than 65535 bytes cannot be stored: " + text.substring(0, 40)
                    + "...");
        }
        int at = reserve(2);
        data[at] = (byte) (bytes.length >>> 8);
        data[at + 1] = (byte) bytes.length;
        putBytes(bytes);
    }
}
