package org.civitas.event;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.civitas.Suggestions;

/**
 * Reads events from NDJSON text, one event per line, or says precisely why a line is not one. A whole stretch of
 * lines is read with one JSON parser, which is what makes reading fast; after a malformed line the parser starts
 * afresh on the next line, so one bad line costs nothing but itself. Stateless and thread-safe.
 */
public final class EventParser {

    /** Lines longer than this are refused unread. */
    public static final int MAX_LINE_BYTES = 64 * 1024;

    /** Names (id, source, person, type, jurisdiction) longer than this are refused. */
    public static final int MAX_NAME_CHARS = 256;

    static final List<String> FIELDS =
            List.of("id", "source", "person", "type", "occurredAt", "jurisdiction", "attributes");
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

    private EventParser() {
    }

    /**
     * Reads the lines held in {@code bytes[offset, offset + length)}, the first of which is line {@code firstLine}
     * of the input: adds each event to {@code events} and each problem to {@code errors}, both in line order.
     *
     * @return how many lines the text holds
     */
    public static int parseLines(
            byte[] bytes, int offset, int length, long firstLine, List<Event> events, List<LineError> errors) {
        return new Stretch(bytes, offset + length, firstLine, events, null, errors).read(offset);
    }

    /** Like {@link #parseLines}, and also adds the line number of each event to {@code eventLines}. */
    public static int parseLines(byte[] bytes, int offset, int length, long firstLine, List<Event> events,
            List<Long> eventLines, List<LineError> errors) {
        return new Stretch(bytes, offset + length, firstLine, events, eventLines, errors).read(offset);
    }

    /** The error for a line longer than {@link #MAX_LINE_BYTES}. */
    public static LineError tooLong(long line, long length) {
        return new LineError(line, LineError.WHOLE_LINE,
                "longer than " + MAX_LINE_BYTES + " bytes (" + length + " bytes); split the attributes up");
    }

    /** Reads a stretch of lines with as few parsers as its malformed lines allow. */
    private static final class Stretch {

        private final byte[] bytes;
        private final int end;
        private final long firstLine;
        private final List<Event> events;
        private final List<Long> eventLines;
        private final List<LineError> errors;
        private final NameCache names = NameCache.forThisThread();
        private final CharView instantText = new CharView();
        /** The text fields of the event being read, by their place in {@link #FIELDS}; only those seen are read. */
        private final String[] texts = new String[FIELDS.size()];
        private int lines;

        Stretch(byte[] bytes, int end, long firstLine, List<Event> events, List<Long> eventLines,
                List<LineError> errors) {
            this.bytes = bytes;
            this.end = end;
            this.firstLine = firstLine;
            this.events = events;
            this.eventLines = eventLines;
            this.errors = errors;
        }

        /** Reads from {@code offset} to the end; returns how many lines there were. */
        int read(int offset) {
            int start = offset;
            int line = 0;
            while (start < end) {
                int next = readUntilTrouble(start, line);
                if (next < 0) {
                    break;
                }
                while (line < next && start < end) {
                    while (start < end && bytes[start] != '\n') {
                        start++;
                    }
                    start++;
                    line++;
                }
                lines = Math.max(lines, line);
            }
            return lines;
        }

        /**
         * Reads from byte {@code start}, which begins line {@code from}, until the end or a malformed line. Returns
         * the line to go on from, or -1 at the end.
         */
        private int readUntilTrouble(int start, int from) {
            int objectLine = -1;
            int previousLine = -1;
            int eventsBefore = -1;
            try (JsonParser parser = JsonValues.FACTORY.createParser(bytes, start, end - start)) {
                while (true) {
                    JsonToken token = parser.nextToken();
                    if (token == null) {
                        JsonLocation last = parser.currentLocation();
                        lines = Math.max(lines, from + lineOf(last) + (last.getColumnNr() > 1 ? 1 : 0));
                        return -1;
                    }
                    JsonLocation at = parser.currentTokenLocation();
                    objectLine = from + lineOf(at);
                    if (objectLine == previousLine) {
                        dropEventOf(previousLine, eventsBefore);
                        return fail(objectLine, LineError.JSON, "more than one JSON value on the line");
                    }
                    if (token != JsonToken.START_OBJECT) {
                        return fail(objectLine, LineError.JSON, "expected an event object, found "
                                + describe(token));
                    }
                    eventsBefore = events.size();
                    int errorsBefore = errors.size();
                    Event event = readFields(parser, start, firstLine + objectLine);
                    JsonLocation after = parser.currentLocation();
                    if (from + lineOf(after) != objectLine) {
                        errors.subList(errorsBefore, errors.size()).clear();
                        return fail(objectLine, LineError.JSON, "the event does not end on its line;"
                                + " each event must be one line of JSON");
                    }
                    long length = after.getByteOffset() - at.getByteOffset();
                    if (length > MAX_LINE_BYTES) {
                        errors.subList(errorsBefore, errors.size()).clear();
                        errors.add(tooLong(firstLine + objectLine, length));
                    } else if (event != null) {
                        events.add(event);
                        if (eventLines != null) {
                            eventLines.add(firstLine + objectLine);
                        }
                    }
                    previousLine = objectLine;
                    objectLine = -1;
                }
            } catch (JsonProcessingException e) {
                JsonLocation where = e.getLocation();
                int errorLine = where == null ? Math.max(objectLine, previousLine + 1) : from + lineOf(where);
                int line = objectLine >= 0 && objectLine < errorLine ? objectLine : errorLine;
                if (line == previousLine) {
                    dropEventOf(previousLine, eventsBefore);
                }
                String at = line == errorLine && where != null ? " at column " + where.getColumnNr() : "";
                String why = line == errorLine ? e.getOriginalMessage()
                        : "the line ends before the event object does";
                return fail(line, LineError.JSON, "not valid JSON" + at + ": " + why);
            } catch (IOException e) {
                throw new IllegalStateException("reading from memory cannot fail", e);
            }
        }

        private void dropEventOf(int line, int eventsBefore) {
            if (events.size() > eventsBefore && eventsBefore >= 0) {
                events.subList(eventsBefore, events.size()).clear();
                if (eventLines != null) {
                    eventLines.subList(eventsBefore, eventLines.size()).clear();
                }
            }
            errors.removeIf(error -> error.line() == firstLine + line);
        }

        private int fail(int line, String field, String reason) {
            errors.add(new LineError(firstLine + line, field, reason));
            lines = Math.max(lines, line + 1);
            return line + 1;
        }

        private static int lineOf(JsonLocation location) {
            return location.getLineNr() - 1;
        }

        private Event readFields(JsonParser parser, int parserOffset, long line) throws IOException {
            Instant occurredAt = null;
            Attributes attributes = Attributes.EMPTY;
            int seen = 0;
            int errorsBefore = errors.size();
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
                    texts[index] = text(parser, value, line, field, index == ID ? null : names);
                }
            }
            for (int index = 0; index < ATTRIBUTES; index++) {
                if ((seen & (1 << index)) == 0) {
                    errors.add(new LineError(line, FIELDS.get(index), "missing (required)"));
                }
            }
            if (errors.size() > errorsBefore) {
                return null;
            }
            return new Event(texts[ID], texts[SOURCE], texts[PERSON], texts[TYPE], occurredAt, texts[JURISDICTION],
                    attributes);
        }

        /** A string field's value; through {@code shared} when it is a name that repeats from line to line. */
        private String text(JsonParser parser, JsonToken value, long line, String field, NameCache shared)
                throws IOException {
            if (value != JsonToken.VALUE_STRING) {
                errors.add(new LineError(line, field, "expected a string, found " + describe(value)));
                parser.skipChildren();
                return null;
            }
            char[] chars = parser.getTextCharacters();
            int offset = parser.getTextOffset();
            int length = parser.getTextLength();
            if (isBlank(chars, offset, length)) {
                errors.add(new LineError(line, field, "must not be empty"));
                return null;
            }
            if (length > MAX_NAME_CHARS) {
                errors.add(new LineError(line, field, "longer than " + MAX_NAME_CHARS + " characters (" + length
                        + ")"));
                return null;
            }
            return shared == null ? new String(chars, offset, length) : shared.get(chars, offset, length);
        }

        private static boolean isBlank(char[] chars, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (!Character.isWhitespace(chars[i])) {
                    return false;
                }
            }
            return true;
        }

        private Instant instant(JsonParser parser, JsonToken value, long line) throws IOException {
            if (value != JsonToken.VALUE_STRING) {
                errors.add(new LineError(line, "occurredAt",
                        "expected an ISO-8601 instant string, found " + describe(value)));
                parser.skipChildren();
                return null;
            }
            CharView text = instantText.of(parser.getTextCharacters(), parser.getTextOffset(),
                    parser.getTextLength());
            try {
                return Instants.parse(text);
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
