package org.civitas.ndjson;

import java.util.List;
import org.civitas.event.Event;
import org.civitas.event.EventFields;
import org.civitas.event.NameCache;

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
    private static final ThreadLocal<EventLine> PLAIN_LINES = ThreadLocal.withInitial(EventLine::new);

    private EventParser() {
    }

    /** Receives the events of a stretch of lines, in line order, on the thread that reads them. */
    public interface EventSink {

        /** A line that is a plain event, read in place: the view holds until the next call. */
        void line(EventFields line, long lineNumber);

        /** An event from a line that is not plain, read by the full parser. */
        void event(Event event, long lineNumber);
    }

    /**
     * Reads the lines held in {@code bytes[offset, offset + length)}, the first of which is line {@code firstLine}
     * of the input: adds each event to {@code events} and each problem to {@code errors}, both in line order. Instants
     * are taken as {@link OccurrenceWindow#RECORDED} takes them; for tests and small inputs.
     *
     * @return how many lines the text holds
     */
    public static int parseLines(
            byte[] bytes, int offset, int length, long firstLine, List<Event> events, List<LineError> errors) {
        return parseLines(bytes, offset, length, firstLine, new Collector(events), errors);
    }

    /** Like {@link #parseLines}, handing each event to {@code sink} as it is read. */
    public static int parseLines(
            byte[] bytes, int offset, int length, long firstLine, EventSink sink, List<LineError> errors) {
        RefusedLines refused = new RefusedLines(Integer.MAX_VALUE);
        int lines = parseLines(bytes, offset, length, firstLine, sink, refused, OccurrenceWindow.RECORDED);
        errors.addAll(refused.listed());
        return lines;
    }

    /**
     * Reads the lines held in {@code bytes[offset, offset + length)}, the first of which is line {@code firstLine}
     * of the input, handing each event to {@code sink} as it is read and each refused line to {@code refused}; an
     * event that did not occur in {@code window} is refused.
     *
     * @return how many lines the text holds
     */
    public static int parseLines(byte[] bytes, int offset, int length, long firstLine, EventSink sink,
            RefusedLines refused, OccurrenceWindow window) {
        return new Stretch(bytes, offset + length, firstLine, sink, refused, window, PLAIN_LINES.get()).read(offset);
    }

    /** Reads every line with the full parser: the reference that reading plain lines in place must agree with. */
    static int parseLinesFully(byte[] bytes, int offset, int length, long firstLine, List<Event> events,
            List<LineError> errors, OccurrenceWindow window) {
        RefusedLines refused = new RefusedLines(Integer.MAX_VALUE);
        int lines = new Stretch(bytes, offset + length, firstLine, new Collector(events), refused, window, null)
                .read(offset);
        errors.addAll(refused.listed());
        return lines;
    }

    /** The error for a line longer than {@link #MAX_LINE_BYTES}. */
    public static LineError tooLong(long line, long length) {
        return new LineError(line, LineError.WHOLE_LINE,
                "longer than " + MAX_LINE_BYTES + " bytes (" + length + " bytes); split the attributes up");
    }

    /** Collects events into a list. */
    public record Collector(List<Event> events) implements NdjsonReader.StretchReader<List<Event>> {

        @Override
        public void line(EventFields line, long lineNumber) {
            event(line.toEvent(NameCache.forThisThread()), lineNumber);
        }

        @Override
        public void event(Event event, long lineNumber) {
            events.add(event);
        }

        @Override
        public List<Event> result() {
            return events;
        }
    }

    /** Reads a stretch of lines: plain lines in place, the others with a full parser. */
    private static final class Stretch {

        private final byte[] bytes;
        private final int end;
        private final EventSink sink;
        private final long firstLine;
        private final RefusedLines refused;
        private final EventLine plainLine;
        private final JsonLines jsonLines;

        /** A stretch of which {@code plainLine}, when given, reads plain lines; without it, all go to the parser. */
        Stretch(byte[] bytes, int end, long firstLine, EventSink sink, RefusedLines refused, OccurrenceWindow window,
                EventLine plainLine) {
            this.bytes = bytes;
            this.end = end;
            this.sink = sink;
            this.firstLine = firstLine;
            this.refused = refused;
            this.plainLine = plainLine == null ? null : plainLine.within(window);
            this.jsonLines = new JsonLines(bytes, sink, refused, window);
        }

        /** Reads from {@code offset} to the end; returns how many lines there were. */
        int read(int offset) {
            int start = offset;
            int line = 0;
            while (start < end) {
                int lineEnd = plainLine == null ? -1 : plainLine.read(bytes, start, end);
                if (lineEnd >= 0) {
                    sink.line(plainLine, firstLine + line);
                } else {
                    lineEnd = lineEnd(start);
                    jsonLines.read(start, lineEnd, firstLine + line);
                }
                start = lineEnd + 1;
                line++;
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
    }
}
