package org.civitas.attestation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One resident's attestation of a good deed by another.
 *
 * @param jurisdiction where the praised person lives, whose books list the kind: the event is recorded there
 * @param confirmedAt when the praised person confirmed it; empty while it waits for them
 * @param counted whether its confirmation became an event: not when the two had praised each other already
 */
public record Attestation(String id, String giver, String person, String jurisdiction, String kind, String note,
        Instant givenAt, Optional<Instant> confirmedAt, boolean counted) {

    public Attestation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(giver, "giver");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(givenAt, "givenAt");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
    }

    public boolean confirmed() {
        return confirmedAt.isPresent();
    }
}
