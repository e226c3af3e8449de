package org.civitas.store.vault;

import java.time.Instant;
import java.util.Objects;

/**
 * One event as its person's vault shows it: the ledger entry it came from ({@code sequence}), what the source said,
 * and the category the source registered its type under.
 *
 * @param attributes the event's attributes as the JSON object the source sent
 */
public record VaultEvent(
        long sequence, String person, String source, String eventId, String type, String category,
        Instant occurredAt, String jurisdiction, String attributes) {

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
}
