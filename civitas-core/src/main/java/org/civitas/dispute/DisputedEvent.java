package org.civitas.dispute;

import java.time.Instant;
import java.util.Objects;
import org.civitas.event.EventKey;

/**
 * The event a dispute is about, as its person's vault keeps it.
 *
 * @param attributes its attributes, the JSON object the source sent
 */
public record DisputedEvent(EventKey key, String type, Instant occurredAt, String jurisdiction, String attributes) {

    public DisputedEvent {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(attributes, "attributes");
    }
}
