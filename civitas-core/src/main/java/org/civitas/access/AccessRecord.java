package org.civitas.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One look at a person's data by someone else: who, in which role, what they read, for what purpose, under which
 * grant, and when. The person sees every one of these.
 */
public record AccessRecord(
        String person, String actor, String actorRole, String what, String purpose, Optional<String> grantId,
        Instant at) {

    public AccessRecord {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(actorRole, "actorRole");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(at, "at");
    }
}
