package org.civitas.dispute;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.civitas.event.EventKey;

/**
 * A person's dispute about one of their events: what they said, what the source answered, what each reviewer decided
 * and where it stands. While it is {@link DisputeState#OPEN open}, the event counts nothing.
 *
 * @param type the event's type, {@code occurredAt} when and {@code jurisdiction} where it happened
 * @param evidence what the person adds to their reason; empty if nothing
 * @param deadline when the dispute resolves as {@link DisputeState#REMOVED removed} unless reviewers decide it first
 * @param reinstatement the new evidence with which the source reinstated the event the dispute removed, if it did
 */
public record Dispute(
        String id, String person, EventKey event, String type, Instant occurredAt, String jurisdiction,
        String reason, String evidence, DisputeState state, Instant openedAt, Instant deadline,
        Optional<SourceAnswer> answer, List<Decision> decisions, Optional<Instant> resolvedAt,
        Optional<SourceAnswer> reinstatement) {

    public Dispute {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(answer, "answer");
        decisions = List.copyOf(decisions);
        Objects.requireNonNull(resolvedAt, "resolvedAt");
        Objects.requireNonNull(reinstatement, "reinstatement");
    }

    /** Whether {@code reviewer} has decided this dispute already. */
    public boolean decidedBy(String reviewer) {
        return decisions.stream().anyMatch(decision -> decision.reviewer().equals(reviewer));
    }
}
