package org.civitas.event;

import java.util.List;

/**
 * The events and refused lines of one stretch of an NDJSON input, both in line order.
 *
 * @param bytes how many bytes of the input this stretch covered, for progress reports
 */
public record ParsedBatch(List<Event> events, List<LineError> errors, long bytes) {

    public ParsedBatch {
        events = List.copyOf(events);
        errors = List.copyOf(errors);
    }
}
