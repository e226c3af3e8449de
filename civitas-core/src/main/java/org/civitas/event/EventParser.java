package org.civitas.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.CharBuffer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.civitas.Suggestions;

/**
 * Reads one event from one line of NDJSON, or says precisely why the line is not one. Stateless and thread-safe.
 */
public final class EventParser {

    /** Lines longer than this are refused unread. */
    public static final int MAX_LINE_BYTES = 64 * 1024;

    static final List<String> FIELDS =
            List.of("id", "source", "person", "type", "occurredAt", "jurisdiction", "attributes");

    private EventParser() {
    }

    /**
     * Parses the line held in {@code bytes[offset, offset + length)}: adds the event to {@code events}, or every
     * problem found to {@code errors}.
     */
    public static void parseLine(
            byte[] bytes, int offset, int length, long line, List<Event> events, List<LineError> errors) {
        if (length > MAX_LINE_BYTES) {
            errors.add(tooLong(line, length));
            return;
        }
        int errorsBefore = errors.size();
        try (JsonParser parser = JsonValues.FACTORY.createParser(bytes, offset, length)) {
            Event event = readEvent(parser, bytes, offset, line, errors);
            if (parser.nextToken() != null) {
                errors.add(new LineError(line, LineError.JSON, "unexpected content after the event object at column "
                        + parser.currentTokenLocation().getColumnNr()));
            } else if (event != null && errors.size() == errorsBefore) {
                events.add(event);
            }
        } catch (JsonProcessingException e) {
            errors.subList(errorsBefore, errors.size()).clear();
            errors.add(new LineError(line, LineError.JSON, "not valid JSON at column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
    }

    /** The error for a line longer than {@link #MAX_LINE_BYTES}. */
    public static LineError tooLong(long line, long length) {
        return new LineError(line, LineError.WHOLE_LINE,
                "longer than " + MAX_LINE_BYTES + " bytes (" + length + " bytes); split the attributes up");
    }

    private static Event readEvent(JsonParser parser, byte[] bytes, int offset, long line, List<LineError> errors)
            throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            errors.add(new LineError(line, LineError.JSON, "empty line"));
            return null;
        }
        if (first != JsonToken.START_OBJECT) {
            errors.add(new LineError(line, LineError.JSON, "expected an event object, found " + describe(first)));
            return null;
        }
        String id = null;
        String source = null;
        String person = null;
        String type = null;
        String jurisdiction = null;
        Instant occurredAt = null;
        Attributes attributes = Attributes.EMPTY;
        int errorsBefore = errors.size();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "id" -> id = text(parser, value, line, field, errors);
                case "source" -> source = text(parser, value, line, field, errors);
                case "person" -> person = text(parser, value, line, field, errors);
                case "type" -> type = text(parser, value, line, field, errors);
                case "jurisdiction" -> jurisdiction = text(parser, value, line, field, errors);
                case "occurredAt" -> occurredAt = instant(parser, value, line, errors);
                case "attributes" -> attributes = attributes(parser, value, bytes, offset, line, errors);
                default -> {
                    errors.add(new LineError(line, field, "unknown field" + Suggestions.hint(field, FIELDS)));
                    parser.skipChildren();
                }
            }
        }
        requirePresent(id, "id", line, errors);
        requirePresent(source, "source", line, errors);
        requirePresent(person, "person", line, errors);
        requirePresent(type, "type", line, errors);
        requirePresent(occurredAt, "occurredAt", line, errors);
        requirePresent(jurisdiction, "jurisdiction", line, errors);
        if (errors.size() > errorsBefore) {
            return null;
        }
        return new Event(id, source, person, type, occurredAt, jurisdiction, attributes);
    }

    private static void requirePresent(Object value, String field, long line, List<LineError> errors) {
        if (value == null && errors.stream().noneMatch(e -> e.line() == line && e.field().equals(field))) {
            errors.add(new LineError(line, field, "missing (required)"));
        }
    }

    private static String text(JsonParser parser, JsonToken value, long line, String field, List<LineError> errors)
            throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            errors.add(new LineError(line, field, "expected a string, found " + describe(value)));
            parser.skipChildren();
            return null;
        }
        String text = parser.getText();
        if (text.isBlank()) {
            errors.add(new LineError(line, field, "must not be empty"));
            return null;
        }
        return text;
    }

    private static Instant instant(JsonParser parser, JsonToken value, long line, List<LineError> errors)
            throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            errors.add(new LineError(line, "occurredAt",
                    "expected an ISO-8601 instant string, found " + describe(value)));
            parser.skipChildren();
            return null;
        }
        CharBuffer text = CharBuffer.wrap(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        try {
            return Instants.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new LineError(line, "occurredAt", "\"" + text
                    + "\" is not an ISO-8601 instant (expected e.g. 2026-03-01T03:12:00Z)"));
            return null;
        }
    }

    private static Attributes attributes(
            JsonParser parser, JsonToken value, byte[] bytes, int offset, long line, List<LineError> errors)
            throws IOException {
        if (value != JsonToken.START_OBJECT) {
            errors.add(new LineError(line, "attributes", "expected an object, found " + describe(value)));
            parser.skipChildren();
            return null;
        }
        int start = (int) parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        int end = (int) parser.currentLocation().getByteOffset();
        return Attributes.ofValidatedJson(Arrays.copyOfRange(bytes, offset + start, offset + end));
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
