package org.civitas.ndjson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.util.regex.Pattern;
import org.civitas.event.Event;
import org.civitas.event.JsonValues;

/**
 * Reads a line of NDJSON with a full JSON parser, which takes any JSON and says precisely what is wrong with a line
 * that holds no event: the reading of every line that {@link EventLine} does not read in place. The parser sees one
 * line at a time, already checked by {@link LineBytes}, so one bad line costs nothing but itself. One reader serves
 * one stretch of text, on one thread.
 */
final class JsonLines {

    private static final Pattern OPENED_AT = Pattern.compile(" \\(for \\w+ starting at \\[.*?\\]\\)");

    private final byte[] bytes;
    private final EventParser.EventSink sink;
    private final RefusedLines refused;
    private final EventObjectReader objects;

    /**
     * A reader of lines in {@code bytes} that hands events to {@code sink} and the problems of refused lines to
     * {@code refused}, taking only events that occurred in {@code window}.
     */
    JsonLines(byte[] bytes, EventParser.EventSink sink, RefusedLines refused, OccurrenceWindow window) {
        this.bytes = bytes;
        this.sink = sink;
        this.refused = refused;
        this.objects = new EventObjectReader(bytes, window);
    }

    /**
     * Reads the line held in {@code bytes[start, end)}, without its line feed, which is line {@code line}: refuses it
     * unread if it is too long or not clean text, else parses it.
     */
    void read(int start, int end, long line) {
        if (clean(start, end, line)) {
            parse(start, end, line);
        }
    }

    /** Whether the line is short enough and clean text to be parsed; refuses it if not. */
    boolean clean(int start, int end, long line) {
        if (end - start > EventParser.MAX_LINE_BYTES) {
            refused.add(EventParser.tooLong(line, end - start));
            return false;
        }
        String problem = LineBytes.problem(bytes, start, end);
        if (problem != null) {
            refused.add(new LineError(line, LineError.WHOLE_LINE, problem));
            return false;
        }
        return true;
    }

    /** Parses a clean line, handing on its event or what is wrong with it. */
    void parse(int start, int end, long line) {
        try (JsonParser parser = JsonValues.parser(bytes, start, end - start)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return;
            }
            if (token != JsonToken.START_OBJECT) {
                refuse(line, "expected an event object, found " + EventObjectReader.describe(token));
                return;
            }
            Event event = objects.read(parser, start, line);
            if (parser.nextToken() != null) {
                refuse(line, "more than one JSON value on the line");
            } else if (event != null) {
                sink.event(event, line);
            } else {
                objects.errors().forEach(refused::add);
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
}
