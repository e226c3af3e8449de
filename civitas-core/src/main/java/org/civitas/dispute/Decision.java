package org.civitas.dispute;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One reviewer's decision about a dispute, with its written reason.
 *
 * @param badge the reviewer's badge number, which the person sees
 * @param corrected for {@link Outcome#CORRECTED}, the event's attributes as corrected, a JSON object
 */
public record Decision(String reviewer, String badge, Outcome outcome, String reason, Optional<String> corrected,
        Instant decidedAt) {

    public Decision {
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(badge, "badge");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(corrected, "corrected");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (corrected.isPresent() != (outcome == Outcome.CORRECTED)) {
            throw new IllegalArgumentException("a correction comes with the corrected attributes, and only a"
                    + " correction");
        }
    }
}
