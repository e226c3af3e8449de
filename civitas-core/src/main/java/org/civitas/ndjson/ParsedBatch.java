package org.civitas.ndjson;

import java.util.Collections;
import java.util.List;
import org.civitas.event.Event;

/**
 * The events and refused lines of one stretch of an NDJSON input, in line order. The list of events is handed over,
 * not copied: the reader builds it for the batch alone.
 *
 * @param bytes how many bytes of the input this stretch covered, for progress reports
 */
public record ParsedBatch(List<Event> events, RefusedLines refused, long bytes) {

    public ParsedBatch {
        events = Collections.unmodifiableList(events);
    }

    /** The errors of the refused lines that are listed. */
    public List<LineError> errors() {
        return refused.listed();
    }
}
