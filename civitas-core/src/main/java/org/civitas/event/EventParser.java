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
 * Reads events from NDJSON text, one event per line, or says precisely why a line is not one. A line that is a plain
 * event, as nearly every line is, is read in place by {@link EventLine}; any other line goes to a full JSON parser,
 * which reads it or says what is wrong with it. After a malformed line the next line is read afresh, so one bad line
 * costs nothing but itself. Stateless and thread-safe.
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

    private static final Pattern OPENED_AT = Pattern.compile(" \\(for \\w+ starting at \\[.*?\\]\\)");

    private static final ThreadLocal<EventLine> PLAIN_LINES = ThreadLocal.withInitial(EventLine::new);

    private EventParser() {
    }

    /** Receives the events of a stretch of lines, in line order, on the thread that reads them. */
    public interface EventSink {

        /** A line that is a plain event, read in place: the view holds until the next call. */
        void line(EventLine line, long lineNumber);

        /** An event from a line that is not plain, read by the full parser. */
        void event(Event event, long lineNumber);
    }

    /**
     * Reads the lines held in {@code bytes[offset, offset + length)}, the first of which is line {@code firstLine}
     * of the input: adds each event to {@code events} and each problem to {@code errors}, both in line order.
     *
     * @return how many lines the text holds
     */
    public static int parseLines(
            byte[] bytes, int offset, int length, long firstLine, List<Event> events, List<LineError> errors) {
        return parseLines(bytes, offset, length, firstLine, new Collector(events, null), errors);
    }

    /** Like {@link #parseLines}, and also adds the line number of each event to {@code eventLines}. */
    public static int parseLines(byte[] bytes, int offset, int length, long firstLine, List<Event> events,
            List<Long> eventLines, List<LineError> errors) {
        return parseLines(bytes, offset, length, firstLine, new Collector(events, eventLines), errors);
    }

    /** Like {@link #parseLines}, handing each event to {@code sink} as it is read. */
    public static int parseLines(
            byte[] bytes, int offset, int length, long firstLine, EventSink sink, List<LineError> errors) {
        return new Stretch(bytes, offset + length, firstLine, sink, errors, PLAIN_LINES.get()).read(offset);
    }

    /** Reads every line with the full parser: the reference that reading plain lines in place must agree with. */
    static int parseLinesFully(
            byte[] bytes, int offset, int length, long firstLine, List<Event> events, List<LineError> errors) {
        return new Stretch(bytes, offset + length, firstLine, new Collector(events, null), errors, null).read(offset);
    }

    /** The error for a line longer than {@link #MAX_LINE_BYTES}. */
    public static LineError tooLong(long line, long length) {
        return new LineError(line, LineError.WHOLE_LINE,
                "longer than " + MAX_LINE_BYTES + " bytes (" + length + " bytes); split the attributes up");
    }

    /** Collects events, and optionally their line numbers, into lists. */
    private record Collector(List<Event> events, List<Long> eventLines) implements EventSink {

        @Override
        public void line(EventLine line, long lineNumber) {
            event(line.toEvent(NameCache.forThisThread()), lineNumber);
        }

        @Override
        public void event(Event event, long lineNumber) {
            events.add(event);
            if (eventLines != null) {
                eventLines.add(lineNumber);
            }
        }
    }

    /**
     * Reads a stretch of lines: plain lines in place, the others with a full parser each. Without a view for plain
     * lines, one full parser reads on until a malformed line.
     */
    private static final class Stretch {

        private final byte[] bytes;
        private final int end;
        private final long firstLine;
        private final EventSink sink;
        private final List<LineError> errors;
        private final EventLine plainLine;
        private final CharView instantText = new CharView();
        /** The text fields of the event being read, by their place in {@link #FIELDS}; only those seen are read. */
        private final String[] texts = new String[FIELDS.size()];

        Stretch(byte[] bytes, int end, long firstLine, EventSink sink, List<LineError> errors, EventLine plainLine) {
            this.bytes = bytes;
            this.end = end;
            this.firstLine = firstLine;
            this.sink = sink;
            this.errors = errors;
            this.plainLine = plainLine;
        }

        /** Reads from {@code offset} to the end; returns how many lines there were. */
        int read(int offset) {
            int start = offset;
            int line = 0;
            while (start < end) {
                int lineEnd = plainLine == null ? -1 : plainLine.read(bytes, start, end);
                if (lineEnd >= 0) {
                    sink.line(plainLine, firstLine + line);
                    start = lineEnd + 1;
                    line++;
                    continue;
                }
                int next = readUntilTrouble(start, line);
                while ((next < 0 || line < next) && start < end) {
                    start = lineEnd(start) + 1;
                    line++;
                }
            }
            return line;
        }

        /** Where the line starting at {@code start} ends: at its line feed, or at the end of the text. */
        private int lineEnd(int start) {
            int at = start;
            while (at < end && bytes[at] != '\n') {
                at++;
            }
            return at;
        }

        /**
         * Reads from byte {@code start}, which begins line {@code from}, until the end or a malformed line, or, when
         * plain lines are read in place, until the line after the first value. Returns the line to go on from, or -1
         * at the end. An event is handed on only once the next value is known to start on a later line.
         */
        private int readUntilTrouble(int start, int from) {
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
                    if (plainLine != null && previousLine >= 0) {
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
                    if (length > MAX_LINE_BYTES) {
                        errors.subList(errorsBefore, errors.size()).clear();
                        errors.add(tooLong(firstLine + objectLine, length));
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
            if (length > MAX_NAME_CHARS) {
                errors.add(new LineError(line, field, "longer than " + MAX_NAME_CHARS + " characters (" + length
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
