package org.civitas.ndjson;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.civitas.event.EventFields;
import org.civitas.event.Instants;

/**
 * One line of NDJSON that is a plain event, read in place: where each of its names and its attributes lie in the
 * line's bytes, and when it occurred. Plain means what nearly every source sends: one JSON object with the known
 * fields, each once; names of printable ASCII without escapes or slashes, up to {@link EventParser#MAX_NAME_CHARS};
 * an instant in UTC ({@code 2026-03-01T03:12:00Z}, with an optional fraction) in the window of instants taken;
 * attributes in standard JSON and well-formed UTF-8, not nested too deep. {@link EventParser} reads such lines here, in place, and every other line with a full
 * JSON parser, which also says what is wrong with a malformed one: both give the same event for a plain line.
 *
 * <p>A view is pointed at one line after another; what it shows holds until the next {@link #read}. Not
 * thread-safe.
 */
final class EventLine implements EventFields {

    private static final Name[] NAMES = Name.values();
    /** The JSON field of each {@link Name}, then of the instant and the attributes. */
    private static final byte[][] FIELDS = {
        ascii("id"), ascii("source"), ascii("person"), ascii("type"), ascii("jurisdiction"), ascii("occurredAt"),
        ascii("attributes")
    };
    private static final int OCCURRED_AT = NAMES.length;
    private static final int ATTRIBUTES = OCCURRED_AT + 1;
    /** Every field but the attributes is required. */
    private static final int REQUIRED = (1 << ATTRIBUTES) - 1;
    private static final byte[] NO_ATTRIBUTES = ascii("{}");

    private byte[] bytes = NO_ATTRIBUTES;
    private final int[] starts = new int[NAMES.length];
    private final int[] ends = new int[NAMES.length];
    private int attributesStart;
    private int attributesEnd;
    private long epochSecond;
    private int nano;
    private final AsciiView instantText = new AsciiView();
    private OccurrenceWindow window = OccurrenceWindow.RECORDED;

    /** Takes, from now on, only events that occurred in {@code window}; returns this view. */
    EventLine within(OccurrenceWindow window) {
        this.window = window;
        return this;
    }

    /**
     * Points this view at the line that starts at {@code bytes[from]} and ends at the next line feed or at
     * {@code end}, and returns where it ends if it is a plain event, else -1. When it is not, what the view shows is
     * undefined.
     */
    public int read(byte[] bytes, int from, int end) {
        this.bytes = bytes;
        int at = JsonCheck.space(bytes, from, end);
        if (at >= end || bytes[at] != '{') {
            return -1;
        }
        int seen = 0;
        do {
            at = JsonCheck.space(bytes, at + 1, end);
            int field = field(bytes, at, end);
            if (field < 0 || (seen & (1 << field)) != 0) {
                return -1;
            }
            seen |= 1 << field;
            at = JsonCheck.space(bytes, at + FIELDS[field].length + 2, end);
            if (at >= end || bytes[at] != ':') {
                return -1;
            }
            at = value(field, bytes, JsonCheck.space(bytes, at + 1, end), end);
            if (at < 0) {
                return -1;
            }
            at = JsonCheck.space(bytes, at, end);
        } while (at < end && bytes[at] == ',');
        if (at >= end || bytes[at] != '}' || (seen & REQUIRED) != REQUIRED) {
            return -1;
        }
        if ((seen & (1 << ATTRIBUTES)) == 0) {
            attributesStart = -1;
        }
        int lineEnd = JsonCheck.space(bytes, at + 1, end);
        boolean ended = lineEnd == end || bytes[lineEnd] == '\n';
        return ended && lineEnd - from <= EventParser.MAX_LINE_BYTES ? lineEnd : -1;
    }

    /** Which field's quoted name starts at {@code at}, or -1. */
    private static int field(byte[] bytes, int at, int to) {
        if (at + 3 >= to || bytes[at] != '"') {
            return -1;
        }
        int field = switch (bytes[at + 1]) {
            case 'i' -> Name.ID.ordinal();
            case 's' -> Name.SOURCE.ordinal();
            case 'p' -> Name.PERSON.ordinal();
            case 't' -> Name.TYPE.ordinal();
            case 'j' -> Name.JURISDICTION.ordinal();
            case 'o' -> OCCURRED_AT;
            case 'a' -> ATTRIBUTES;
            default -> -1;
        };
        return field >= 0 && named(bytes, at + 1, to, FIELDS[field]) ? field : -1;
    }

    /** Whether {@code name} and a closing quote follow at {@code at}. */
    private static boolean named(byte[] bytes, int at, int to, byte[] name) {
        if (at + name.length >= to || bytes[at + name.length] != '"') {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (bytes[at + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** Reads the value of {@code field} at {@code at}; returns where it ends, or -1 if it is not plain. */
    private int value(int field, byte[] bytes, int at, int to) {
        if (field == ATTRIBUTES) {
            int end = JsonCheck.object(bytes, at, to);
            attributesStart = at;
            attributesEnd = end;
            return end;
        }
        int end = plainString(bytes, at, to);
        if (end < 0) {
            return -1;
        }
        if (field == OCCURRED_AT) {
            return instant(bytes, at + 1, end - 1) ? end : -1;
        }
        int length = end - 2 - at;
        if (length > EventParser.MAX_NAME_CHARS || blank(bytes, at + 1, end - 1) || dots(bytes, at + 1, end - 1)) {
            return -1;
        }
        starts[field] = at + 1;
        ends[field] = end - 1;
        return end;
    }

    /**
     * Where the string at {@code at} ends, if it holds printable ASCII only, without escapes or slashes; else -1. (A
     * slash is no path separator in a name, by {@link NameSyntax}, and no instant holds one.)
     */
    private static int plainString(byte[] bytes, int at, int to) {
        if (at >= to || bytes[at] != '"') {
            return -1;
        }
        for (int i = at + 1; i < to; i++) {
            byte c = bytes[i];
            if (c == '"') {
                return i + 1;
            }
            if (c < 0x20 || c > 0x7E || c == '\\' || c == '/') {
                return -1;
            }
        }
        return -1;
    }

    /** Whether a run of printable ASCII is empty or all spaces, as {@link Character#isWhitespace} sees it. */
    private static boolean blank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    /** Whether a run of printable ASCII is {@code .} or {@code ..}, which {@link NameSyntax} refuses. */
    private static boolean dots(byte[] bytes, int from, int to) {
        return to - from <= 2 && bytes[from] == '.' && bytes[to - 1] == '.';
    }

    private boolean instant(byte[] bytes, int from, int to) {
        Instant instant = Instants.parseUtc(instantText.of(bytes, from, to - from));
        if (instant == null || !window.contains(instant)) {
            return false;
        }
        epochSecond = instant.getEpochSecond();
        nano = instant.getNano();
        return true;
    }

    @Override
    public byte[] bytes() {
        return bytes;
    }

    @Override
    public int start(Name name) {
        return starts[name.ordinal()];
    }

    @Override
    public int end(Name name) {
        return ends[name.ordinal()];
    }

    @Override
    public long epochSecond() {
        return epochSecond;
    }

    @Override
    public int nano() {
        return nano;
    }

    Instant occurredAt() {
        return Instant.ofEpochSecond(epochSecond, nano);
    }

    @Override
    public int attributesStart() {
        return Math.max(attributesStart, 0);
    }

    @Override
    public int attributesEnd() {
        return attributesStart < 0 ? NO_ATTRIBUTES.length : attributesEnd;
    }

    /** The line's bytes, or those of {@code {}} when it has no attributes. */
    @Override
    public byte[] attributesBytes() {
        return attributesStart < 0 ? NO_ATTRIBUTES : bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A stretch of ASCII bytes seen as a {@link CharSequence}, for reading an instant in place. */
    private static final class AsciiView implements CharSequence {
        private byte[] bytes = NO_ATTRIBUTES;
        private int offset;
        private int length;

        AsciiView of(byte[] bytes, int offset, int length) {
            this.bytes = bytes;
            this.offset = offset;
            this.length = length;
            return this;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            if (index < 0 || index >= length) {
                throw new IndexOutOfBoundsException(index);
            }
            return (char) bytes[offset + index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return toString().substring(start, end);
        }

        @Override
        public String toString() {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
    }
}
