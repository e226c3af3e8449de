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
        int length = text.length();
        if (length <= 0xFFFF) {
            int start = reserve(2 + length);
            if (putAscii(text, start + 2)) {
                putLength(start, length);
                return;
            }
            truncate(start);
        }
        putUtf8(text);
    }

    /** Writes the UTF-8 text {@code bytes[from, to)} after a two-byte length; it must be shorter than 64 KiB. */
    void putText(byte[] bytes, int from, int to) {
        int length = to - from;
        int start = reserve(2 + length);
        putLength(start, length);
        System.arraycopy(bytes, from, data, start + 2, length);
    }

    /** Writes {@code text} at {@code at}, a byte per character, and says whether every character was ASCII. */
    private boolean putAscii(String text, int at) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return false;
            }
            data[at + i] = (byte) c;
        }
        return true;
    }

    /** Writes {@code text} as UTF-8 after a two-byte length, by way of a copy of its bytes. */
    private void putUtf8(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new CivitasException("a name longer than 65535 bytes cannot be stored: " + text.substring(0, 40)
                    + "...");
        }
        int start = reserve(2);
        putBytes(bytes);
        putLength(start, bytes.length);
    }

    private void putLength(int at, int length) {
        data[at] = (byte) (length >>> 8);
        data[at + 1] = (byte) length;
    }
}
