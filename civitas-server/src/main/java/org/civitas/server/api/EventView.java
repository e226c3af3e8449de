package org.civitas.server.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import org.civitas.vault.VaultEvent;

/**
 * An event as the API shows it to the person it is about.
 *
 * @param attributes what the source recorded, or null once the person erased it
 * @param erased whether the person erased the attributes
 */
public record EventView(
        long sequence, String id, String source, String type, String category, Instant occurredAt,
        String jurisdiction, @JsonRawValue String attributes, boolean erased) {

    public static EventView of(VaultEvent event) {
        return new EventView(event.sequence(), event.eventId(), event.source(), event.type(), event.category(),
                event.occurredAt(), event.jurisdiction(), event.erased() ? null : event.attributes(), event.erased());
    }
}
