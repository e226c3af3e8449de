package org.civitas.event;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.civitas.Suggestions;

/**
 * Reads lines of NDJSON into events with Jackson's streaming parser, tuned for the lines sources send. One parser
 * reads line after line of a stretch while each line holds one object and nothing else; a line that does not (or
 * that the parser stumbles on) is read again by a parser of its own, which takes what the full parser takes and
 * refuses the rest with the same words, and the next line gets a fresh parser. The fields are matched in the order
 * sources write them ({@link JsonParser#nextFieldName(SerializableString)}), any other order by name; names are read
 * where the parser holds their characters and shared through a {@link NameCache}; the attributes are kept as the
 * bytes of the line, found from the parser's byte offsets. Each line it is given has been checked by
 * {@link LineBytes}. One reader serves one stretch of text, on one thread.
 */
final class JacksonLines implements EventParser.LineReader {

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

    /** By {@link JsonToken#id()}: +1 for a token that opens an object or array, -1 for one that closes it, else 0. */
    private static final int[] NESTING = nesting();
    private static final Pattern OPENED_AT = Pattern.compile(" \\(for \\w+ starting at \\[.*?\\]\\)");

    private final byte[] bytes;
    /** Where the stretch of lines ends in {@link #bytes}. */
    private final int stretchEnd;
    private final EventParser.EventSink sink;
    private final RefusedLines refused;
    private final OccurrenceWindow window;
    private final NameCache names = NameCache.forThisThread();
    private final CharView chars = new CharView();
    /** The problems of the line being read: handed on only once the whole line is known to hold one value. */
    private final List<LineError> errors = new ArrayList<>();
    /** The names of the event being read, by their place in {@link #FIELDS}. */
    private final String[] texts = new String[FIELDS.size()];
    private Instant occurredAt;
    private Attributes attributes;
    /** The parser reading line after line, or null; it reads from {@link #sharedFrom} on. */
    private JsonParser shared;
    private int sharedFrom;
    /** Where the line after the last one the shared parser read starts: the next it can read. */
    private int sharedNext = -1;

    /**
     * A reader of lines in {@code bytes} that hands events to {@code sink} and the problems of refused lines to
     * {@code refused}, taking only events that occurred in {@code window}.
     */
    JacksonLines(byte[] bytes, int stretchEnd, EventParser.EventSink sink, RefusedLines refused,
            OccurrenceWindow window) {
        this.bytes = bytes;
        this.stretchEnd = stretchEnd;
        this.sink = sink;
        this.refused = refused;
        this.window = window;
    }

    /**
     * Reads the line held in {@code bytes[start, end)}, without its line feed, which is line {@code line}: with the
     * shared parser if it holds one object and nothing else, else alone.
     */
    public void read(int start, int end, long line) {
        if (blank(start, end)) {
            if (start == sharedNext) {
                sharedNext = end + 1;
            }
            return;
        }
        if (shared == null || start != sharedNext) {
            finish();
            shared = createParser(start, stretchEnd);
            sharedFrom = start;
        }
        if (!readShared(start, end, line)) {
            finish();
            readAlone(start, end, line);
        }
    }

    /** Releases the shared parser: done with the stretch, or with what it was reading. */
    public void finish() {
        if (shared != null) {
            try {
                shared.close();
            } catch (IOException e) {
                throw new IllegalStateException("closing a parser of memory cannot fail", e);
            }
            shared = null;
        }
    }

    /**
     * Reads the line with the shared parser and hands on its event or its problems, if it holds one object and
     * nothing else; if not, or if the parser stumbles, returns false having handed on nothing.
     */
    private boolean readShared(int start, int end, long line) {
        errors.clear();
        try {
            if (shared.nextToken() != JsonToken.START_OBJECT
                    || sharedFrom + shared.currentTokenLocation().getByteOffset() >= end) {
                return false;
            }
            Event event = readFields(shared, sharedFrom, line);
            int objectEnd = sharedFrom + (int) shared.currentLocation().getByteOffset();
            if (objectEnd > end || !blank(objectEnd, end)) {
                return false;
            }
            sharedNext = end + 1;
            if (event != null) {
                sink.event(event, line);
            } else {
                errors.forEach(refused::add);
            }
            return true;
        } catch (JsonProcessingException e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
    }

    /** Whether {@code bytes[from, to)} holds nothing but JSON white space. */
    private boolean blank(int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = bytes[i];
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private JsonParser createParser(int start, int end) {
        try {
            return JsonValues.FACTORY.createParser(bytes, start, end - start);
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
    }

    /** Reads the line with a parser of its own, which says precisely what is wrong with it. */
    private void readAlone(int start, int end, long line) {
        errors.clear();
        try (JsonParser parser = createParser(start, end)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return;
            }
            if (token != JsonToken.START_OBJECT) {
                refuse(line, "expected an event object, found " + JsonLines.describe(token));
                return;
            }
            Event event = readFields(parser, start, line);
            if (parser.nextToken() != null) {
                refuse(line, "more than one JSON value on the line");
            } else if (event != null) {
                sink.event(event, line);
            } else {
                errors.forEach(refused::add);
            }
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            if (e instanceof JsonEOFException || where != null && where.getByteOffset() >= end - start) {
                refuse(line, "not valid JSON: the line ends before the event object does; each event must be one"
                        + " line of JSON");
            } else {
                String at = where == null ? "" : " at column " + where.getColumnNr();
                refuse(line, "not valid JSON" + at + ": " + OPENED_AT.matcher(e.getOriginalMessage()).replaceAll(""));
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
    }

    private void refuse(long line, String reason) {
        refused.add(new LineError(line, LineError.JSON, reason));
    }

    private Event readFields(JsonParser parser, int parserOffset, long line) throws IOException {
        occurredAt = null;
        attributes = Attributes.EMPTY;
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
            errors.add(new LineError(line, FIELDS.get(field), "expected a string, found "
                    + JsonLines.describe(value)));
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
        return field == ID ? new String(text, offset, length) : names.get(text, offset, length);
    }

    private Instant instant(JsonParser parser, JsonToken value, long line) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            errors.add(new LineError(line, "occurredAt",
                    "expected an ISO-8601 instant string, found " + JsonLines.describe(value)));
            parser.skipChildren();
            return null;
        }
        Instant instant = Instants.parseUtc(chars.of(parser.getTextCharacters(), parser.getTextOffset(),
                parser.getTextLength()));
        if (instant == null) {
            String text = parser.getText();
            try {
                instant = Instant.parse(text);
            } catch (DateTimeParseException e) {
                errors.add(new LineError(line, "occurredAt", "\"" + text
                        + "\" is not an ISO-8601 instant (expected e.g. 2026-03-01T03:12:00Z)"));
                return null;
            }
        }
        if (!window.contains(instant)) {
            errors.add(new LineError(line, "occurredAt", window.refusal(instant)));
            return null;
        }
        return instant;
    }

    private Attributes attributes(JsonParser parser, JsonToken value, int parserOffset, long line)
            throws IOException {
        if (value != JsonToken.START_OBJECT) {
            errors.add(new LineError(line, "attributes", "expected an object, found " + JsonLines.describe(value)));
            parser.skipChildren();
            return null;
        }
        int start = parserOffset + (int) parser.currentTokenLocation().getByteOffset();
        int depth = 1;
        do {
            depth += NESTING[parser.nextToken().id()];
        } while (depth > 0);
        int end = parserOffset + (int) parser.currentLocation().getByteOffset();
        return Attributes.ofValidatedJson(Arrays.copyOfRange(bytes, start, end));
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

    /** Characters the parser holds, seen as a {@link CharSequence} without copying them. */
    private static final class CharView implements CharSequence {
        private char[] chars = new char[0];
        private int offset;
        private int length;

        CharView of(char[] chars, int offset, int length) {
            this.chars = chars;
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
            return chars[offset + index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return toString().substring(start, end);
        }

        @Override
        public String toString() {
            return new String(chars, offset, length);
        }
    }
}
