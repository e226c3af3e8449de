package org.civitas.ledger;

import java.time.Instant;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.civitas.event.NameCache;

/**
 * Reads events out of ledger payloads. Names that repeat from event to event (people, types, sources,
 * jurisdictions) come out as one shared string each. Not thread-safe: one decoder per reading thread.
 */
final class EventDecoder {

    private final NameCache names = new NameCache();

    Event decode(byte[] bytes, int offset, int length) {
        EventCodec.Reader reader = new EventCodec.Reader(bytes, offset, length);
        String source = reader.text(names);
        String id = reader.text();
        String person = reader.text(names);
        String type = reader.text(names);
        String jurisdiction = reader.text(names);
        Instant occurredAt = Instant.ofEpochSecond(reader.longValue(), reader.intValue());
        Attributes attributes = reader.sealed()
                ? Attributes.sealed(reader.text(names), reader.bytes(reader.intValue()))
                : Attributes.ofValidatedJson(reader.bytes(reader.intValue()));
        return new Event(id, source, person, type, occurredAt, jurisdiction, attributes);
    }

    /** Reads just who, what and where of a payload, for deciding whether the whole event is needed. */
    Header header(byte[] bytes, int offset, int length) {
        EventCodec.Reader reader = new EventCodec.Reader(bytes, offset, length);
        reader.skipText();
        reader.skipText();
        String person = reader.text(names);
        String type = reader.text(names);
        String jurisdiction = reader.text(names);
        return new Header(person, type, jurisdiction);
    }

    record Header(String person, String type, String jurisdiction) {
    }
}
