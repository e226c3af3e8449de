package org.civitas.sharing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A person lets {@code party} see their events of {@code categories}, and their score if {@code score}, for {@code
 * purpose}, from {@code createdAt} until {@code expiresAt} or until they revoke it.
 *
 * @param party an account, or a support case the person accepted ({@link #caseParty}), which its case workers read
 * @param categories in alphabetical order, each once
 */
public record Grant(
        String id, String person, String party, List<String> categories, boolean score, String purpose,
        Instant createdAt, Instant expiresAt, Optional<Instant> revokedAt) {

    private static final String CASE = "case:";

    public Grant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(party, "party");
        categories = categories.stream().sorted().distinct().toList();
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    /** Whether the grant lets its party see anything at {@code at}: not yet expired, not revoked. */
    public boolean activeAt(Instant at) {
        return revokedAt.isEmpty() && at.isBefore(expiresAt);
    }

    /** The party of a grant to support case {@code id}: the case workers on the case read what it shares. */
    public static String caseParty(String id) {
        return CASE + id;
    }

    /** The support case {@code party} is, if it is one rather than an account. */
    public static Optional<String> caseOf(String party) {
        return party.startsWith(CASE) ? Optional.of(party.substring(CASE.length())) : Optional.empty();
    }
}
