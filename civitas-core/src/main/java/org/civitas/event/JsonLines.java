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
import java.util.regex.Pattern;
import org.civitas.Suggestions;

/**
 * Reads lines of NDJSON with a full JSON parser, which takes any JSON and says precisely what is wrong with a line
 * that holds no event: the reading of every line that {@link EventLine} does not read in place. One reader serves
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
    private final int end;
    private final long firstLine;
    private final EventParser.EventSink sink;
    private final List<LineError> errors;
    private final boolean oneLine;
    /** The text fields of the event being read, by their place in {@link #FIELDS}; only those seen are read. */
    private final String[] texts = new String[FIELDS.size()];

    /**
     * A reader of {@code bytes} up to {@code end}, whose line 0 is line {@code firstLine} of the input, that hands
     * events to {@code sink} and adds problems to {@code errors}; with {@code oneLine}, each {@link #read} stops
     * after one line's value.
     */
    JsonLines(byte[] bytes, int end, long firstLine, EventParser.EventSink sink, List<LineError> errors,
            boolean oneLine) {
        this.bytes = bytes;
        this.end = end;
        this.firstLine = firstLine;
        this.sink = sink;
        this.errors = errors;
        this.oneLine = oneLine;
    }

    /**
     * Reads from byte {@code start}, which begins line {@code from}, until the end or a malformed line, or, when
     * reading one line, until the line after the first value. Returns the line to go on from, or -1 at the end. An
     * event is handed on only once the next value is known to start on a later line.
     */
    int read(int start, int from) {
        int objectLine = -1;
        int previousLine = -1;
        Event pending = null;
        LineFinder lineOf = new LineFinder(start, from);
        try (JsonParser parser = JsonValues.FACTORY.createParser(bytes, start, end - start)) {
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    deliver(pending, previousLine);
                    return -1;
                }
                JsonLocation at = parser.currentTokenLocation();
                objectLine = lineOf.line(at);
                if (objectLine == previousLine) {
                    dropErrorsOf(previousLine);
                    return fail(objectLine, LineError.JSON, "more than one JSON value on the line");
                }
                deliver(pending, previousLine);
                pending = null;
                if (oneLine && previousLine >= 0) {
                    return objectLine;
                }
                if (token != JsonToken.START_OBJECT) {
                    return fail(objectLine, LineError.JSON, "expected an event object, found "
                            + describe(token));
                }
                int errorsBefore = errors.size();
                Event event = readFields(parser, start, firstLine + objectLine);
                JsonLocation after = parser.currentLocation();
                if (lineOf.line(after) != objectLine) {
                    errors.subList(errorsBefore, errors.size()).clear();
                    return fail(objectLine, LineError.JSON, "the event does not end on its line;"
                            + " each event must be one line of JSON");
                }
                long length = after.getByteOffset() - at.getByteOffset();
                if (length > EventParser.MAX_LINE_BYTES) {
                    errors.subList(errorsBefore, errors.size()).clear();
                    errors.add(EventParser.tooLong(firstLine + objectLine, length));
                } else {
                    pending = event;
                }
                previousLine = objectLine;
                objectLine = -1;
            }
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            int errorLine = where == null ? Math.max(objectLine, previousLine + 1) : lineOf.line(where);
            int line = objectLine >= 0 && objectLine < errorLine ? objectLine : errorLine;
            if (line == previousLine) {
                dropErrorsOf(previousLine);
            } else {
                deliver(pending, previousLine);
            }
            String at = line == errorLine && where != null ? " at column " + where.getColumnNr() : "";
            String why = line == errorLine ? withoutStart(e.getOriginalMessage())
                    : "the line ends before the event object does";
            return fail(line, LineError.JSON, "not valid JSON" + at + ": " + why);
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
    }

    /**
     * The parser's message without where the unclosed object or array began: that is on the same line, and the
     * parser numbers lines from where it started reading, not as the input does.
     */
    private static String withoutStart(String message) {
        return OPENED_AT.matcher(message).replaceAll("");
    }

    private void deliver(Event event, int line) {
        if (event != null) {
            sink.event(event, firstLine + line);
        }
    }

    private void dropErrorsOf(int line) {
        errors.removeIf(error -> error.line() == firstLine + line);
    }

    private int fail(int line, String field, String reason) {
        errors.add(new LineError(firstLine + line, field, reason));
        return line + 1;
    }

    /**
     * The line of a place the parser reports, counting line feeds only: the parser's own line numbers also count
     * a carriage return, which within a line is white space. Places must be asked for in order.
     */
    private final class LineFinder {
        private final int parserStart;
        private int counted;
        private int line;

        LineFinder(int parserStart, int firstLine) {
            this.parserStart = parserStart;
            this.counted = parserStart;
            this.line = firstLine;
        }

        int line(JsonLocation location) {
            int offset = (int) Math.min(end, parserStart + location.getByteOffset());
            for (; counted < offset; counted++) {
                if (bytes[counted] == '\n') {
                    line++;
                }
            }
            return line;
        }
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
                texts[index] = text(parser, value, line, field);
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

    private String text(JsonParser parser, JsonToken value, long line, String field) throws IOException {
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
        if (length > EventParser.MAX_NAME_CHARS) {
            errors.add(new LineError(line, field, "longer than " + EventParser.MAX_NAME_CHARS + " characters (" + length
                    + ")"));
            return null;
        }
        return new String(chars, offset, length);
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
        String text = parser.getText();
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
