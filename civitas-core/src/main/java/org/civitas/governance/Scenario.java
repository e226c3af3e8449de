package org.civitas.governance;

import java.util.Objects;

/**
 * An example a proposal gives of what its rule does: an event, and the points that event alone must earn under the
 * book as the proposal would make it.
 *
 * @param event the event as one JSON object, as a source sends it
 */
public record Scenario(String event, long points) {

    public Scenario {
        Objects.requireNonNull(event, "event");
    }
}
