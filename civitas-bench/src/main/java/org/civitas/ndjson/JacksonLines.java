package org.civitas.ndjson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.civitas.event.Event;
import org.civitas.event.JsonValues;

/**
 * The peer of {@link EventParser} in {@code IngestBenchmark}: reads lines of NDJSON into events with Jackson's
 * streaming parser, tuned as a careful user of Jackson would tune it, and takes and refuses exactly what Civitas's
 * reader does, in the same words. It lives in the package of that reader to share its checks (line bytes, names,
 * instants, the parser's limits) rather than copy them.
 *
 * <p>One parser reads line after line of a stretch while each line holds one object and nothing else; a line that
 * does not, or that the parser stumbles on, is read again by a parser of its own, which says precisely what is wrong
 * with it (as {@link JsonLines} reads it), and the next line gets a fresh parser. The fields of each object are read by
 * {@link EventObjectReader}, as Civitas reads them. One reader serves one stretch of text, on one thread.
 */
public final class JacksonLines {

    private final byte[] bytes;
    /** Where the stretch of lines ends in {@link #bytes}. */
    private final int end;
    private final EventParser.EventSink sink;
    private final RefusedLines refused;
    private final EventObjectReader fields;
    private final JsonLines alone;
    /** The parser reading line after line, or null; it reads from {@link #sharedFrom} on. */
    private JsonParser shared;
    private int sharedFrom;
    /** Where the line after the last one the shared parser read starts: the next it can read. */
    private int sharedNext = -1;

    private JacksonLines(byte[] bytes, int end, EventParser.EventSink sink, RefusedLines refused,
            OccurrenceWindow window) {
        this.bytes = bytes;
        this.end = end;
        this.sink = sink;
        this.refused = refused;
        this.fields = new EventObjectReader(bytes, window);
        this.alone = new JsonLines(bytes, sink, refused, window);
    }

    /**
     * Reads the lines held in {@code bytes[offset, offset + length)}, the first of which is line {@code firstLine},
     * as {@link EventParser#parseLines(byte[], int, int, long, EventParser.EventSink, RefusedLines, OccurrenceWindow)}
     * does, but every line with Jackson.
     *
     * @return how many lines the text holds
     */
    public static int parseLines(byte[] bytes, int offset, int length, long firstLine, EventParser.EventSink sink,
            RefusedLines refused, OccurrenceWindow window) {
        return new JacksonLines(bytes, offset + length, sink, refused, window).readAll(offset, firstLine);
    }

    private int readAll(int offset, long firstLine) {
        int start = offset;
        int lines = 0;
        while (start < end) {
            int lineEnd = lineEnd(start);
            readChecked(start, lineEnd, firstLine + lines);
            start = lineEnd + 1;
            lines++;
        }
        closeShared();
        return lines;
    }

    /** Reads a line unless it is too long or not clean text, as {@link EventParser} does. */
    private void readChecked(int start, int lineEnd, long line) {
        if (alone.clean(start, lineEnd, line)) {
            read(start, lineEnd, line);
        }
    }

    /** Reads the line {@code bytes[start, lineEnd)}: with the shared parser if it can, else alone. */
    private void read(int start, int lineEnd, long line) {
        if (blank(start, lineEnd)) {
            if (start == sharedNext) {
                sharedNext = lineEnd + 1;
            }
            return;
        }
        if (shared == null || start != sharedNext) {
            closeShared();
            shared = createParser(start, end);
            sharedFrom = start;
        }
        if (!readShared(start, lineEnd, line)) {
            closeShared();
            alone.parse(start, lineEnd, line);
        }
    }

    /**
     * Reads the line with the shared parser and hands on its event or its problems, if it holds one object and
     * nothing else; if not, or if the parser stumbles, returns false having handed on nothing.
     */
    private boolean readShared(int start, int lineEnd, long line) {
        try {
            if (shared.nextToken() != JsonToken.START_OBJECT
                    || sharedFrom + shared.currentTokenLocation().getByteOffset() >= lineEnd) {
                return false;
            }
            Event event = fields.read(shared, sharedFrom, line);
            int objectEnd = sharedFrom + (int) shared.currentLocation().getByteOffset();
            if (objectEnd > lineEnd || !blank(objectEnd, lineEnd)) {
                return false;
            }
            sharedNext = lineEnd + 1;
            handOn(event, line);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
    }

    /** Hands on the event of a line, or, when it holds none, the problems of its fields. */
    private void handOn(Event event, long line) {
        if (event != null) {
            sink.event(event, line);
        } else {
            fields.errors().forEach(refused::add);
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

    /** Where the line starting at {@code start} ends: at its line feed, or at the end of the text. */
    private int lineEnd(int start) {
        int at = start;
        while (at < end && bytes[at] != '\n') {
            at++;
        }
        return at;
    }

    private JsonParser createParser(int from, int to) {
        try {
            return JsonValues.parser(bytes, from, to - from);
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
    }

    private void closeShared() {
        if (shared != null) {
            try {
                shared.close();
            } catch (IOException e) {
                throw new IllegalStateException("closing a parser of memory cannot fail", e);
            }
            shared = null;
        }
    }
}
