package org.civitas.ledger;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import org.civitas.CivitasException;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.civitas.event.NameCache;

/**
 * Reads events out of ledger payloads. Names that repeat from event to event (people, types, sources,
 * jurisdictions) come out as one shared string each. Not thread-safe: one decoder per reading thread.
 *
 * <p>A whole event comes out only if every name and the attributes are well-formed UTF-8; otherwise decoding throws
 * {@link UnreadablePayload}, with the envelope when only the attributes were at fault. Whether the attributes are
 * one JSON object is not checked here, which would cost every reader a parse: that was checked on the way in, and
 * {@link AttributesCheck} checks it again where it matters.
 */
final class EventDecoder {

    private final NameCache names = new NameCache();

    Event decode(byte[] bytes, int offset, int length) {
        EventCodec.Reader reader;
        String source;
        String id;
        String person;
        String type;
        String jurisdiction;
        Instant occurredAt;
        try {
            reader = new EventCodec.Reader(bytes, offset, length);
            source = reader.name("source", names);
            id = reader.name("id", null);
            person = reader.name("person", names);
            type = reader.name("type", names);
            jurisdiction = reader.name("jurisdiction", names);
            occurredAt = Instant.ofEpochSecond(reader.longValue(), reader.intValue());
        } catch (CivitasException e) {
            throw new UnreadablePayload(e.getMessage(), Optional.empty());
        } catch (DateTimeException e) {
            throw new UnreadablePayload("occurredAt: out of range (" + e.getMessage() + ")", Optional.empty());
        }
        String failure;
        try {
            Attributes attributes = reader.sealed()
                    ? Attributes.sealed(reader.name("category", names), reader.bytes(reader.intValue()))
                    : Attributes.ofValidatedJson(reader.utf8("attributes", reader.intValue()));
            return new Event(id, source, person, type, occurredAt, jurisdiction, attributes);
        } catch (CivitasException e) {
            failure = e.getMessage();
        } catch (IllegalArgumentException e) {
            failure = "category: " + e.getMessage();
        }
        throw new UnreadablePayload(failure, Optional.of(new UnreadableEntry.Envelope(source, id, person, type,
                jurisdiction, occurredAt)));
    }

    /** Reads just who, what and where of a payload, for deciding whether the whole event is needed. */
    Header header(byte[] bytes, int offset, int length) {
        try {
            EventCodec.Reader reader = new EventCodec.Reader(bytes, offset, length);
            reader.skipText();
            reader.skipText();
            String person = reader.text(names);
            String type = reader.text(names);
            String jurisdiction = reader.text(names);
            return new Header(person, type, jurisdiction);
        } catch (CivitasException e) {
            throw new UnreadablePayload(e.getMessage(), Optional.empty());
        }
    }

    record Header(String person, String type, String jurisdiction) {
    }

    /** A payload that is not a readable event: why, and what of it could be read. */
    static final class UnreadablePayload extends CivitasException {

        private final transient Optional<UnreadableEntry.Envelope> envelope;

        UnreadablePayload(String reason, Optional<UnreadableEntry.Envelope> envelope) {
            super(reason);
            this.envelope = envelope;
        }

        /** The entry at {@code sequence} this payload belongs to. */
        UnreadableEntry at(long sequence) {
            return new UnreadableEntry(sequence, getMessage(), envelope);
        }
    }
}
