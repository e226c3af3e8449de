package org.civitas.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.civitas.CivitasException;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.civitas.event.EventFields.Name;
import org.civitas.event.EventFields;
import org.civitas.event.NameCache;
import org.civitas.event.Utf8;

/**
 * The binary form of an event in a ledger entry: a kind byte, the five names as length-prefixed UTF-8, the instant as
 * seconds and nanoseconds, then the attributes: for an event, the JSON object the source sent; for a sealed event, the
 * category as a name and the sealed bytes, each length-prefixed.
 */
public final class EventCodec {

    /** The first byte of an entry that holds an event. */
    public static final byte KIND_EVENT = 1;

    /** The first byte of an entry that holds an event with sealed attributes. */
    public static final byte KIND_SEALED_EVENT = 2;

    private EventCodec() {
    }

    /** The payload bytes for {@code event}. */
    public static byte[] encode(Event event) {
        FrameBuffer buffer = new FrameBuffer(64 + event.attributes().jsonLength());
        write(event, buffer);
        return Arrays.copyOf(buffer.data(), buffer.size());
    }

    /** Appends the payload for {@code event} to {@code buffer}. */
    static void write(Event event, FrameBuffer buffer) {
        Attributes attributes = event.attributes();
        writeHeader(event, attributes.isSealed() ? KIND_SEALED_EVENT : KIND_EVENT, buffer);
        if (attributes.isSealed()) {
            buffer.putText(attributes.sealedCategory());
            buffer.putInt(attributes.sealedLength());
            int sealedAt = buffer.reserve(attributes.sealedLength());
            attributes.copySealedTo(buffer.data(), sealedAt);
        } else {
            buffer.putInt(attributes.jsonLength());
            int jsonAt = buffer.reserve(attributes.jsonLength());
            attributes.copyJsonTo(buffer.data(), jsonAt);
        }
    }

    /**
     * Appends the payload for {@code event} with sealed attributes of {@code category}, leaving room for
     * {@code sealedLength} sealed bytes; returns where they go in the buffer's data.
     */
    static int writeSealed(Event event, String category, int sealedLength, FrameBuffer buffer) {
        writeHeader(event, KIND_SEALED_EVENT, buffer);
        buffer.putText(category);
        buffer.putInt(sealedLength);
        return buffer.reserve(sealedLength);
    }

    private static void writeHeader(Event event, byte kind, FrameBuffer buffer) {
        buffer.putByte(kind);
        buffer.putText(event.source());
        buffer.putText(event.id());
        buffer.putText(event.person());
        buffer.putText(event.type());
        buffer.putText(event.jurisdiction());
        buffer.putLong(event.occurredAt().getEpochSecond());
        buffer.putInt(event.occurredAt().getNano());
    }

    /** Appends the payload for the event of a plain line, its attributes as they are. */
    static void write(EventFields line, FrameBuffer buffer) {
        writeHeader(line, KIND_EVENT, buffer);
        int length = line.attributesEnd() - line.attributesStart();
        buffer.putInt(length);
        int jsonAt = buffer.reserve(length);
        System.arraycopy(line.attributesBytes(), line.attributesStart(), buffer.data(), jsonAt, length);
    }

    /**
     * Appends the payload for the event of a plain line with sealed attributes of {@code category}, leaving room for
     * {@code sealedLength} sealed bytes; returns where they go in the buffer's data.
     */
    static int writeSealed(EventFields line, String category, int sealedLength, FrameBuffer buffer) {
        writeHeader(line, KIND_SEALED_EVENT, buffer);
        buffer.putText(category);
        buffer.putInt(sealedLength);
        return buffer.reserve(sealedLength);
    }

    private static void writeHeader(EventFields line, byte kind, FrameBuffer buffer) {
        buffer.putByte(kind);
        byte[] bytes = line.bytes();
        buffer.putText(bytes, line.start(Name.SOURCE), line.end(Name.SOURCE));
        buffer.putText(bytes, line.start(Name.ID), line.end(Name.ID));
        buffer.putText(bytes, line.start(Name.PERSON), line.end(Name.PERSON));
        buffer.putText(bytes, line.start(Name.TYPE), line.end(Name.TYPE));
        buffer.putText(bytes, line.start(Name.JURISDICTION), line.end(Name.JURISDICTION));
        buffer.putLong(line.epochSecond());
        buffer.putInt(line.nano());
    }

    /** The event in {@code bytes[offset, offset + length)}. */
    public static Event decode(byte[] bytes, int offset, int length) {
        return new EventDecoder().decode(bytes, offset, length);
    }
    static int putLong(byte[] out, int at, long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out[at++] = (byte) (value >>> shift);
        }
        return at;
    }

    static int putInt(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 24);
        out[at + 1] = (byte) (value >>> 16);
        out[at + 2] = (byte) (value >>> 8);
        out[at + 3] = (byte) value;
        return at + 4;
    }

    static long getLong(byte[] in, int at) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (in[at + i] & 0xFF);
        }
        return value;
    }

    static int getInt(byte[] in, int at) {
        return ((in[at] & 0xFF) << 24) | ((in[at + 1] & 0xFF) << 16) | ((in[at + 2] & 0xFF) << 8) | (in[at + 3] & 0xFF);
    }

    /** Reads the fields after the kind byte, refusing to run past the payload. */
    static final class Reader {
        private final byte[] bytes;
        private final int end;
        private final int start;
        private final boolean sealed;
        private int at;

        Reader(byte[] bytes, int offset, int length) {
            if (length < 1 || (bytes[offset] != KIND_EVENT && bytes[offset] != KIND_SEALED_EVENT)) {
                throw new CivitasException("payload: not an event (" + (length < 1 ? "it is empty"
                        : "its kind is " + bytes[offset]) + ")");
            }
            this.bytes = bytes;
            this.start = offset;
            this.end = offset + length;
            this.sealed = bytes[offset] == KIND_SEALED_EVENT;
            this.at = offset + 1;
        }

        /** Whether the entry holds an event with sealed attributes. */
        boolean sealed() {
            return sealed;
        }

        String text() {
            return text(null);
        }

        /** The next name, shared through {@code names} when given. */
        String text(NameCache names) {
            need(2);
            int length = ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
            at += 2;
            need(length);
            String text = names == null ? new String(bytes, at, length, StandardCharsets.UTF_8)
                    : names.get(bytes, at, length);
            at += length;
            return text;
        }

        /** The next name, which must be well-formed UTF-8; {@code field} names it in the complaint if not. */
        String name(String field, NameCache names) {
            int from = at + 2;
            String name = text(names);
            // Decoding makes U+FFFD of whatever is ill-formed, so only a name holding one needs its bytes checked.
            if (name.indexOf('\uFFFD') >= 0) {
                checkUtf8(field, from, at);
            }
            return name;
        }

        /** A copy of the next {@code length} bytes, which must be well-formed UTF-8. */
        byte[] utf8(String field, int length) {
            need(length);
            checkUtf8(field, at, at + length);
            return bytes(length);
        }

        private void checkUtf8(String field, int from, int to) {
            int illFormed = Utf8.firstIllFormed(bytes, from, to);
            if (illFormed >= 0) {
                throw new CivitasException(field + ": not well-formed UTF-8 ("
                        + Utf8.describe(bytes, from, to, illFormed) + ")");
            }
        }

        void skipText() {
            need(2);
            int length = ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
            at += 2;
            need(length);
            at += length;
        }

        long longValue() {
            need(8);
            long value = getLong(bytes, at);
            at += 8;
            return value;
        }

        int intValue() {
            need(4);
            int value = getInt(bytes, at);
            at += 4;
            return value;
        }

        byte[] bytes(int length) {
            need(length);
            byte[] copy = Arrays.copyOfRange(bytes, at, at + length);
            at += length;
            return copy;
        }

        private void need(int count) {
            if (count < 0 || count > end - at) {
                throw new CivitasException("payload: ends early (" + (count < 0 ? "a length of " + count
                        : "it needs " + count + " more bytes at byte " + (at - start) + " of " + (end - start)) + ")");
            }
        }
    }
}
