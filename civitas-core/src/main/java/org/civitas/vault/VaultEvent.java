package org.civitas.vault;

import java.time.Instant;
import java.util.Objects;

/**
 * One event as its person's vault shows it: the ledger entry it came from ({@code sequence}), what the source said,
 * and the category the source registered its type under.
 *
 * @param attributes the event's attributes as the JSON object the source sent ({@code {}} once erased)
 * @param erased whether the attributes were erased at the person's request and can no longer be read
 */
public record VaultEvent(
        long sequence, String person, String source, String eventId, String type, String category,
        Instant occurredAt, String jurisdiction, String attributes, boolean erased) {

    public VaultEvent {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(attributes, "attributes");
    }

    /** This event with its attributes as its reader is to see them. */
    public VaultEvent withAttributes(String opened) {
        return new VaultEvent(sequence, person, source, eventId, type, category, occurredAt, jurisdiction, opened,
                false);
    }

    /** This event with its attributes erased. */
    public VaultEvent withAttributesErased() {
        return new VaultEvent(sequence, person, source, eventId, type, category, occurredAt, jurisdiction, "{}",
                true);
    }
}
