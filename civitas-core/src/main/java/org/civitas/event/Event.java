package org.civitas.event;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a source recorded about a person: what happened ({@code type}), when, where ({@code jurisdiction}) and
 * the details the source knows ({@code attributes}).
 */
public record Event(
        String id,
        String source,
        String person,
        String type,
        Instant occurredAt,
        String jurisdiction,
        Attributes attributes) {

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(attributes, "attributes");
    }

    public EventKey key() {
        return new EventKey(source, id);
    }
}
