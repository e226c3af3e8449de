package org.civitas.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A ledger entry whose frame, checksum and place in the chain are sound, but whose payload cannot be read as an
 * event: written by an older version that let ill-formed text in, say. The chain still proves it was never altered;
 * readers hand it out as this instead of an event, so one such entry never stops a reader, and whoever projects the
 * ledger can set it aside with its place and reason.
 *
 * @param sequence the entry's place in the ledger
 * @param reason why it cannot be read, in words
 * @param envelope who, what, where and when, if those could be read and only the attributes could not
 */
public record UnreadableEntry(long sequence, String reason, Optional<Envelope> envelope) {

    public UnreadableEntry {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(envelope, "envelope");
    }

    /** Everything of an event but its attributes. */
    public record Envelope(String source, String id, String person, String type, String jurisdiction,
            Instant occurredAt) {

        public Envelope {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(person, "person");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(jurisdiction, "jurisdiction");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }
    }

    @Override
    public String toString() {
        return "entry " + sequence + ": " + reason;
    }
}
