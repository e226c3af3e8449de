package org.civitas.server.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import org.civitas.store.vault.VaultEvent;

/** An event as the API shows it to the person it is about. */
public record EventView(
        long sequence, String id, String source, String type, String category, Instant occurredAt,
        String jurisdiction, @JsonRawValue String attributes) {

    public static EventView of(VaultEvent event) {
        return new EventView(event.sequence(), event.eventId(), event.source(), event.type(), event.category(),
                event.occurredAt(), event.jurisdiction(), event.attributes());
    }
}
