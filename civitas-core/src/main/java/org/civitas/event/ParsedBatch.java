package org.civitas.event;

import java.util.Collections;
import java.util.List;

/**
 * The events and refused lines of one stretch of an NDJSON input, both in line order. The lists are handed over,
 * not copied: the reader builds them for the batch alone.
 *
 * @param bytes how many bytes of the input this stretch covered, for progress reports
 */
public record ParsedBatch(List<Event> events, List<LineError> errors, long bytes) {

    public ParsedBatch {
        events = Collections.unmodifiableList(events);
        errors = Collections.unmodifiableList(errors);
    }
}
