package org.civitas.governance;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A proposal to change a jurisdiction's rule book, and where it stands.
 *
 * @param author the person who proposed it
 * @param supportsNeeded how many supports open its vote, fixed when it was submitted
 * @param voting its vote, once opened
 * @param tally the count of its vote, once closed
 */
public record Proposal(
        String id, String author, ProposalDraft draft, ProposalState state, Instant submittedAt,
        Instant debateEndsAt, long supportsNeeded, long supports, Optional<Voting> voting, Optional<Tally> tally) {

    public Proposal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(debateEndsAt, "debateEndsAt");
        Objects.requireNonNull(voting, "voting");
        Objects.requireNonNull(tally, "tally");
    }

    public String jurisdiction() {
        return draft.jurisdiction();
    }
}
