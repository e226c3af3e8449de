package org.civitas.dispute;

import java.time.Instant;
import java.util.Optional;
import org.civitas.event.EventKey;

/** Where a person's events are kept: a dispute reads the one it is about from there. */
@FunctionalInterface
public interface DisputedEvents {

    /** {@code person}'s event {@code key}, which occurred at {@code occurredAt}, if their vault holds it. */
    Optional<DisputedEvent> find(String person, EventKey key, Instant occurredAt);
}
