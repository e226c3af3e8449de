package org.civitas.ndjson;

import org.civitas.event.Utf8;

/**
 * Checks the raw bytes of a line before any JSON parser reads them: the line must be well-formed UTF-8 (no overlong
 * forms, no surrogates, nothing above U+10FFFF) and hold no control character but tab and carriage return, which JSON
 * allows between tokens only and never raw inside a string. A line that fails is refused with the place of its first
 * bad byte; a parser never sees it, so it can neither guess another encoding nor let ill-formed text into the ledger.
 */
final class LineBytes {

    private LineBytes() {
    }

    /**
     * Why the bytes {@code [from, to)} are not a line any parser should read, naming the first bad byte (counted from
     * 1 at the line's start), or null when they are fine.
     */
    static String problem(byte[] bytes, int from, int to) {
        int at = from;
        while (at < to) {
            int c = bytes[at];
            if (c >= 0x20 || c == '\t' || c == '\r') {
                at++;
            } else if (c < 0) {
                int next = Utf8.sequenceEnd(bytes, at, to);
                if (next < 0) {
                    return "byte " + (at - from + 1) + ": " + illFormed(bytes, at, to)
                            + " is not well-formed UTF-8; send text as UTF-8";
                }
                at = next;
            } else {
                return "byte " + (at - from + 1) + ": the control character " + String.format("U+%04X", c)
                        + " may not stand raw in a line; inside a string write it as \\u" + String.format("%04x", c);
            }
        }
        return null;
    }

    /** The bytes of the bad sequence at {@code at}, in hex: its lead and the continuation bytes that follow it. */
    private static String illFormed(byte[] bytes, int at, int to) {
        StringBuilder hex = new StringBuilder(String.format("0x%02X", bytes[at] & 0xFF));
        for (int i = at + 1; i < Math.min(to, at + 4) && (bytes[i] & 0xC0) == 0x80; i++) {
            hex.append(String.format(" 0x%02X", bytes[i] & 0xFF));
        }
        return hex.toString();
    }
}
