package org.civitas.governance;

import java.time.Instant;
import java.util.Objects;

/**
 * A proposal's vote, as fixed when it opened: who may vote (their number, and the hash of the list) and what they
 * vote on (the hash of the proposed book's text), so that everyone can check they voted on the same thing.
 */
public record Voting(Instant openedAt, Instant closesAt, long eligible, String eligibleHash, String bookHash) {

    public Voting {
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(closesAt, "closesAt");
        Objects.requireNonNull(eligibleHash, "eligibleHash");
        Objects.requireNonNull(bookHash, "bookHash");
    }
}
