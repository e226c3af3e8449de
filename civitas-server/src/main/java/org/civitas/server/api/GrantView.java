package org.civitas.server.api;

import java.time.Instant;
import java.util.List;
import org.civitas.sharing.Grant;

/**
 * A grant as the API shows it, to the person who gave it and to the party it shares with.
 *
 * @param revokedAt when the person revoked it, or null
 * @param active whether it shares anything now
 */
public record GrantView(
        String id, String person, String party, List<String> categories, boolean score, String purpose,
        Instant createdAt, Instant expiresAt, Instant revokedAt, boolean active) {

    public static GrantView of(Grant grant, Instant now) {
        return new GrantView(grant.id(), grant.person(), grant.party(), grant.categories(), grant.score(),
                grant.purpose(), grant.createdAt(), grant.expiresAt(), grant.revokedAt().orElse(null),
                grant.activeAt(now));
    }

    /** Whom the grant shares with, as a page names them: an account, or the person's support case. */
    public String sharedWith() {
        return Grant.caseOf(party).map(id -> "your support case").orElse(party);
    }
}
