package org.civitas.ndjson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.nio.CharBuffer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.civitas.Suggestions;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.civitas.event.Instants;
import org.civitas.event.NameCache;

/**
 * Reads the fields of an event object with Jackson's streaming parser, and says what is wrong with each field that
 * holds no part of an event. The fields are matched in the order sources write them
 * ({@link JsonParser#nextFieldName(SerializableString)}), any other order by name; names are read where the parser
 * holds their characters and shared through a {@link NameCache}; the attributes are kept as the bytes of the line,
 * found from the parser's byte offsets. Not thread-safe.
 */
final class EventObjectReader {

    private static final List<String> FIELDS = EventParser.FIELDS;
    /** The fields in the order sources write them, which is the order of {@link #FIELDS}. */
    private static final SerializableString[] IN_ORDER = FIELDS.stream().map(SerializedString::new)
            .toArray(SerializableString[]::new);
    private static final int ID = 0;
    private static final int SOURCE = 1;
    private static final int PERSON = 2;
    private static final int TYPE = 3;
    private static final int OCCURRED_AT = 4;
    private static final int JURISDICTION = 5;
    private static final int ATTRIBUTES = 6;
    /** What {@link #nextField} returns when the object has no more fields. */
    private static final int NO_MORE = -2;
    private static final int UNKNOWN = -1;

    /**
     * By {@link JsonToken#id()}: +1 for a token that opens an object or array, -1 for one that closes it, else 0. (The
     * one token with a negative id, NOT_AVAILABLE, comes only from non-blocking parsers.)
     */
    private static final int[] NESTING = nesting();

    private final byte[] bytes;
    private final OccurrenceWindow window;
    private final NameCache names = NameCache.forThisThread();
    /** The problems of the object last read. */
    private final List<LineError> errors = new ArrayList<>();
    /** The names of the event being read, by their place in {@link #FIELDS}. */
    private final String[] texts = new String[FIELDS.size()];
    /** The bytes of an ASCII name, to look it up in {@link #names}. */
    private byte[] ascii = new byte[64];

    /** A reader of objects in {@code bytes} that takes only events that occurred in {@code window}. */
    EventObjectReader(byte[] bytes, OccurrenceWindow window) {
        this.bytes = bytes;
        this.window = window;
    }

    /**
     * Reads the fields of the object the parser has just opened, up to its end, on line {@code line}; the parser
     * reads {@code bytes} from {@code parserOffset}. Returns its event, or null if it holds none: then
     * {@link #errors()} says why.
     */
    Event read(JsonParser parser, int parserOffset, long line) throws IOException {
        errors.clear();
        Instant occurredAt = null;
        Attributes attributes = Attributes.EMPTY;
        int seen = 0;
        int expected = ID;
        for (int field = nextField(parser, expected); field != NO_MORE; field = nextField(parser, expected)) {
            if (field == UNKNOWN || (seen & (1 << field)) != 0) {
                String name = parser.currentName();
                errors.add(new LineError(line, name, field == UNKNOWN
                        ? "unknown field" + Suggestions.hint(name, FIELDS) : "appears twice"));
                parser.nextToken();
                parser.skipChildren();
                continue;
            }
            JsonToken value = parser.nextToken();
            seen |= 1 << field;
            expected = field + 1;
            if (field == OCCURRED_AT) {
                occurredAt = instant(parser, value, line);
            } else if (field == ATTRIBUTES) {
                attributes = attributes(parser, value, parserOffset, line);
            } else {
                texts[field] = name(parser, value, line, field);
            }
        }
        for (int field = 0; field < ATTRIBUTES; field++) {
            if ((seen & (1 << field)) == 0) {
                errors.add(new LineError(line, FIELDS.get(field), "missing (required)"));
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new Event(texts[ID], texts[SOURCE], texts[PERSON], texts[TYPE], occurredAt, texts[JURISDICTION],
                attributes);
    }

    /** The problems of the object last read, in the order of its fields. */
    List<LineError> errors() {
        return errors;
    }

    /**
     * Moves to the next field: matched as a whole against {@code expected}, the field that comes next in the usual
     * order, and by name if it is another. Returns its place in {@link #FIELDS}, {@link #UNKNOWN} or, at the end of
     * the object, {@link #NO_MORE}.
     */
    private static int nextField(JsonParser parser, int expected) throws IOException {
        if (expected < IN_ORDER.length) {
            if (parser.nextFieldName(IN_ORDER[expected])) {
                return expected;
            }
        } else {
            parser.nextToken();
        }
        return parser.currentToken() == JsonToken.FIELD_NAME ? fieldIndex(parser.currentName()) : NO_MORE;
    }

    /** The name at the parser, shared through the cache but for the id, which is each event's own; or null. */
    private String name(JsonParser parser, JsonToken value, long line, int field) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            errors.add(new LineError(line, FIELDS.get(field), "expected a string, found " + describe(value)));
            parser.skipChildren();
            return null;
        }
        char[] text = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int length = parser.getTextLength();
        String problem = NameSyntax.problem(text, offset, length);
        if (problem != null) {
            errors.add(new LineError(line, FIELDS.get(field), problem));
            return null;
        }
        return field == ID ? new String(text, offset, length) : shared(text, offset, length);
    }

    /** The name {@code text[offset, offset + length)}, looked up by its bytes when it is ASCII, as names are. */
    private String shared(char[] text, int offset, int length) {
        if (ascii.length < length) {
            ascii = new byte[Math.max(length, 2 * ascii.length)];
        }
        for (int i = 0; i < length; i++) {
            char c = text[offset + i];
            if (c >= 0x80) {
                return new String(text, offset, length);
            }
            ascii[i] = (byte) c;
        }
        return names.get(ascii, 0, length);
    }

    private Instant instant(JsonParser parser, JsonToken value, long line) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            errors.add(new LineError(line, "occurredAt",
                    "expected an ISO-8601 instant string, found " + describe(value)));
            parser.skipChildren();
            return null;
        }
        Instant instant;
        try {
            instant = Instants.parse(CharBuffer.wrap(parser.getTextCharacters(), parser.getTextOffset(),
                    parser.getTextLength()));
        } catch (DateTimeParseException e) {
            errors.add(new LineError(line, "occurredAt", "\"" + parser.getText()
                    + "\" is not an ISO-8601 instant (expected e.g. 2026-03-01T03:12:00Z)"));
            return null;
        }
        if (!window.contains(instant)) {
            errors.add(new LineError(line, "occurredAt", window.refusal(instant)));
            return null;
        }
        return instant;
    }

    /** The attributes object the parser has just opened, as the bytes it spans, after reading on to its end. */
    private Attributes attributes(JsonParser parser, JsonToken value, int parserOffset, long line)
            throws IOException {
        if (value != JsonToken.START_OBJECT) {
            errors.add(new LineError(line, "attributes", "expected an object, found " + describe(value)));
            parser.skipChildren();
            return null;
        }
        int start = parserOffset + (int) parser.currentTokenLocation().getByteOffset();
        skipToEndOfObject(parser);
        int end = parserOffset + (int) parser.currentLocation().getByteOffset();
        return Attributes.ofValidatedJson(Arrays.copyOfRange(bytes, start, end));
    }

    /**
     * Reads on to the end of the object just opened. Unlike {@link JsonParser#skipChildren()}, it does not branch on
     * what each token is: the first attributes holding a nested object or array (which may come after many thousands
     * of flat ones) would otherwise send the compiled parser back to the interpreter just as it got fast.
     */
    private static void skipToEndOfObject(JsonParser parser) throws IOException {
        int depth = 1;
        do {
            depth += NESTING[parser.nextToken().id()];
        } while (depth > 0);
    }

    private static int fieldIndex(String field) {
        return switch (field) {
            case "id" -> ID;
            case "source" -> SOURCE;
            case "person" -> PERSON;
            case "type" -> TYPE;
            case "occurredAt" -> OCCURRED_AT;
            case "jurisdiction" -> JURISDICTION;
            case "attributes" -> ATTRIBUTES;
            default -> UNKNOWN;
        };
    }

    private static int[] nesting() {
        int[] nesting = new int[JsonToken.values().length];
        for (JsonToken token : JsonToken.values()) {
            if (token.id() >= 0) {
                nesting[token.id()] = token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
            }
        }
        return nesting;
    }

    /** How a token is named in a problem: "an object", "a number", "null". */
    static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }
}
