package org.civitas.event;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Tells well-formed UTF-8 from bytes that only look like it, by Unicode's table of well-formed byte sequences: no
 * stray continuation bytes, no overlong forms, no surrogates, nothing past U+10FFFF. Java's own decoding replaces
 * what is ill-formed with U+FFFD without a word, and Jackson refuses some of it, so bytes are checked before either
 * sees them.
 */
public final class Utf8 {

    private Utf8() {
    }

    /** Reads eight bytes at once, so that a run of ASCII, which most text is, is passed eight bytes a step. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** Where the first byte of {@code bytes[from, to)} that is not well-formed UTF-8 is, or -1 if all of it is. */
    public static int firstIllFormed(byte[] bytes, int from, int to) {
        int at = from;
        while (at < to) {
            if (at + Long.BYTES <= to && ((long) LONGS.get(bytes, at) & HIGH_BITS) == 0) {
                at += Long.BYTES;
                continue;
            }
            if (bytes[at] >= 0) {
                at++;
                continue;
            }
            int length = sequenceLength(bytes, at, to);
            if (length < 0) {
                return at;
            }
            at += length;
        }
        return -1;
    }

    /** Where the well-formed sequence of two to four bytes at {@code at} ends, or -1 if there is none. */
    public static int sequenceEnd(byte[] bytes, int at, int to) {
        int length = sequenceLength(bytes, at, to);
        return length < 0 ? -1 : at + length;
    }

    /** The length of the well-formed sequence of two to four bytes at {@code at}, or -1 if there is none. */
    private static int sequenceLength(byte[] bytes, int at, int to) {
        int lead = bytes[at] & 0xFF;
        int length;
        int secondLow = 0x80;
        int secondHigh = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            secondLow = lead == 0xE0 ? 0xA0 : 0x80;
            secondHigh = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            secondLow = lead == 0xF0 ? 0x90 : 0x80;
            secondHigh = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            return -1;
        }
        if (at + length > to) {
            return -1;
        }
        int second = bytes[at + 1] & 0xFF;
        if (second < secondLow || second > secondHigh) {
            return -1;
        }
        for (int i = 2; i < length; i++) {
            int next = bytes[at + i] & 0xFF;
            if (next < 0x80 || next > 0xBF) {
                return -1;
            }
        }
        return length;
    }

    /** Says where {@code bytes[from, to)} stops being well-formed, for a reason a reader can act on. */
    public static String describe(byte[] bytes, int from, int to, int illFormedAt) {
        return String.format("byte %d of %d is 0x%02X, which cannot stand there", illFormedAt - from, to - from,
                bytes[illFormedAt] & 0xFF);
    }
}
