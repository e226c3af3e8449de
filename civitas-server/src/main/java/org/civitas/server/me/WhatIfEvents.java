package org.civitas.server.me;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.civitas.InvalidInputException;
import org.civitas.event.Event;
import org.civitas.ndjson.EventParser;
import org.civitas.ndjson.LineError;
import org.civitas.ndjson.OccurrenceWindow;
import org.civitas.ndjson.RefusedLines;

/**
 * Reads the made-up events of a what-if: {@code {"events":[{"type","occurredAt","jurisdiction","attributes"}]}}, each
 * checked as a source's event is, about the person who asks and no one else. An id and a source may be left out.
 */
final class WhatIfEvents {

    /** The most made-up events one question may hold. */
    static final int MAX_EVENTS = 100;
    /** How far ahead a made-up event may lie: a year, to ask what next month's conduct would do. */
    static final Duration AHEAD = Duration.ofDays(366);
    /** The source a made-up event names when it names none. */
    static final String SOURCE = "what-if";

    private WhatIfEvents() {
    }

    static List<Event> read(JsonNode body, String person, Instant now) {
        JsonNode events = body.path("events");
        if (!events.isArray() || events.isEmpty()) {
            throw new InvalidInputException("events", "expected a list of one or more events");
        }
        if (events.size() > MAX_EVENTS) {
            throw new InvalidInputException("events", "at most " + MAX_EVENTS + " events, not " + events.size());
        }
        OccurrenceWindow window = new OccurrenceWindow(OccurrenceWindow.EARLIEST, now.plus(AHEAD));
        List<Event> read = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String field = "events[" + i + "]";
            if (!(events.get(i) instanceof ObjectNode event)) {
                throw new InvalidInputException(field, "expected an event object");
            }
            if (event.has("person") && !person.equals(event.path("person").asText())) {
                throw new InvalidInputException(field + ".person", "a what-if is about your own conduct; leave"
                        + " the person out");
            }
            event.put("person", person);
            if (!event.has("id")) {
                event.put("id", "what-if-" + i);
            }
            if (!event.has("source")) {
                event.put("source", SOURCE);
            }
            read.add(parse(event, field, window));
        }
        return read;
    }

    private static Event parse(ObjectNode event, String field, OccurrenceWindow window) {
        byte[] line = event.toString().getBytes(StandardCharsets.UTF_8);
        List<Event> parsed = new ArrayList<>(1);
        RefusedLines refused = new RefusedLines();
        EventParser.parseLines(line, 0, line.length, 1, new EventParser.Collector(parsed), refused, window);
        if (!refused.isEmpty()) {
            LineError error = refused.listed().get(0);
            throw new InvalidInputException(field + "." + error.field(), error.reason());
        }
        return parsed.get(0);
    }
}
