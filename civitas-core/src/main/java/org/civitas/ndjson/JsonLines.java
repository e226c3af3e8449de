package org.civitas.ndjson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.civitas.Suggestions;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.civitas.event.Instants;
import org.civitas.event.JsonValues;

/**
 * Reads a line of NDJSON with a full JSON parser, which takes any JSON and says precisely what is wrong with a line
 * that holds no event: the reading of every line that {@link EventLine} does not read in place. The parser sees one
 * line at a time, already checked by {@link LineBytes}, so one bad line costs nothing but itself. One reader serves
 * one stretch of text, on one thread.
 */
final class JsonLines {

    private static final List<String> FIELDS = EventParser.FIELDS;
    private static final int ID = 0;
    private static final int SOURCE = 1;
    private static final int PERSON = 2;
    private static final int TYPE = 3;
    private static final int OCCURRED_AT = 4;
    private static final int JURISDICTION = 5;
    private static final int ATTRIBUTES = 6;

    /**
     * By {@link JsonToken#id()}: +1 for a token that opens an object or array, -1 for one that closes it, else 0. (The
     * one token with a negative id, NOT_AVAILABLE, comes only from non-blocking parsers.)
     */
    private static final int[] NESTING = nesting();

    private static final Pattern OPENED_AT = Pattern.compile(" \\(for \\w+ starting at \\[.*?\\]\\)");

    private final byte[] bytes;
    private final EventParser.EventSink sink;
    private final RefusedLines refused;
    private final OccurrenceWindow window;
    /** The problems of the line being read: handed on only once the whole line is known to hold one value. */
    private final List<LineError> errors = new ArrayList<>();
    /** The text fields of the event being read, by their place in {@link #FIELDS}; only those seen are read. */
    private final String[] texts = new String[FIELDS.size()];

    /**
     * A reader of lines in {@code bytes} that hands events to {@code sink} and the problems of refused lines to
     * {@code refused}, taking only events that occurred in {@code window}.
     */
    JsonLines(byte[] bytes, EventParser.EventSink sink, RefusedLines refused, OccurrenceWindow window) {
        this.bytes = bytes;
        this.sink = sink;
        this.refused = refused;
        this.window = window;
    }

    /** Reads the line held in {@code bytes[start, end)}, without its line feed, which is line {@code line}. */
    void read(int start, int end, long line) {
        errors.clear();
        try (JsonParser parser = JsonValues.parser(bytes, start, end - start)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return;
            }
            if (token != JsonToken.START_OBJECT) {
                refuse(line, "expected an event object, found " + describe(token));
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
                refuse(line, "not valid JSON" + at + ": " + withoutStart(e.getOriginalMessage()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
    }

    /** Refuses the line as a whole, for {@code reason} alone. */
    private void refuse(long line, String reason) {
        refused.add(new LineError(line, LineError.JSON, reason));
    }

    /** The parser's message without where the unclosed object or array began: that is on the same line. */
    private static String withoutStart(String message) {
        return OPENED_AT.matcher(message).replaceAll("");
    }

    private Event readFields(JsonParser parser, int parserOffset, long line) throws IOException {
        Instant occurredAt = null;
        Attributes attributes = Attributes.EMPTY;
        int seen = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            int index = fieldIndex(field);
            if (index < 0 || (seen & (1 << index)) != 0) {
                errors.add(new LineError(line, field, index < 0 ? "unknown field" + Suggestions.hint(field, FIELDS)
                        : "appears twice"));
                parser.skipChildren();
                continue;
            }
            seen |= 1 << index;
            if (index == OCCURRED_AT) {
                occurredAt = instant(parser, value, line);
            } else if (index == ATTRIBUTES) {
                attributes = attributes(parser, value, parserOffset, line);
            } else {
                texts[index] = text(parser, value, line, field);
            }
        }
        for (int index = 0; index < ATTRIBUTES; index++) {
            if ((seen & (1 << index)) == 0) {
                errors.add(new LineError(line, FIELDS.get(index), "missing (required)"));
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new Event(texts[ID], texts[SOURCE], texts[PERSON], texts[TYPE], occurredAt, texts[JURISDICTION],
                attributes);
    }

    private String text(JsonParser parser, JsonToken value, long line, String field) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            errors.add(new LineError(line, field, "expected a string, found " + describe(value)));
            parser.skipChildren();
            return null;
        }
        String problem = NameSyntax.problem(parser.getTextCharacters(), parser.getTextOffset(),
                parser.getTextLength());
        if (problem != null) {
            errors.add(new LineError(line, field, problem));
            return null;
        }
        return parser.getText();
    }

    private Instant instant(JsonParser parser, JsonToken value, long line) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            errors.add(new LineError(line, "occurredAt",
                    "expected an ISO-8601 instant string, found " + describe(value)));
            parser.skipChildren();
            return null;
        }
        String text = parser.getText();
        try {
            Instant instant = Instants.parse(text);
            if (!window.contains(instant)) {
                errors.add(new LineError(line, "occurredAt", window.refusal(instant)));
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            errors.add(new LineError(line, "occurredAt", "\"" + text
                    + "\" is not an ISO-8601 instant (expected e.g. 2026-03-01T03:12:00Z)"));
            return null;
        }
    }

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

    private static int[] nesting() {
        int[] nesting = new int[JsonToken.values().length];
        for (JsonToken token : JsonToken.values()) {
            if (token.id() >= 0) {
                nesting[token.id()] = token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
            }
        }
        return nesting;
    }

    /** The position of {@code field} in {@link #FIELDS}, or -1. */
    private static int fieldIndex(String field) {
        return switch (field) {
            case "id" -> ID;
            case "source" -> SOURCE;
            case "person" -> PERSON;
            case "type" -> TYPE;
            case "occurredAt" -> OCCURRED_AT;
            case "jurisdiction" -> JURISDICTION;
            case "attributes" -> ATTRIBUTES;
            default -> -1;
        };
    }

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
