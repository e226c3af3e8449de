package org.civitas.server.api;

import java.time.Instant;
import org.civitas.access.AccessRecord;

/**
 * One look at a person's data by someone else, as the person sees it.
 *
 * @param grantId the grant the look was made under, or null for an official acting without one
 */
public record AccessView(String actor, String actorRole, String what, String purpose, String grantId, Instant at) {

    public static AccessView of(AccessRecord record) {
        return new AccessView(record.actor(), record.actorRole(), record.what(), record.purpose(),
                record.grantId().orElse(null), record.at());
    }
}
