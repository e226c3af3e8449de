package org.civitas.scoring;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one rule did to one person's score for one event, with everything needed to explain it: the event, the rule
 * (of which jurisdiction's book) and its version, the points granted (after any cap), what they are worth at the
 * scoring instant and when they fade below half a point ({@code empty} for points that never fade).
 *
 * @param nextOffencePoints for a warning (an offence against a rule with {@code warnFirst} that no other offence
 *     against it preceded within that period; it grants nothing), the points the rule grants an offence while this one
 *     is remembered, before any cap; {@code empty} for any other contribution
 * @param adoptedBy the proposal whose adoption made the rule's version, if one did
 * @param occurredIn the jurisdiction where the event happened, whose rules (its own and those above) scored it
 * @param disputed whether the person disputes the event and the dispute is open: until it ends, the contribution
 *     grants nothing
 */
public record Contribution(
        String event,
        String source,
        Instant occurredAt,
        String jurisdiction,
        String rule,
        long ruleVersion,
        String title,
        String category,
        long granted,
        OptionalLong nextOffencePoints,
        double worth,
        Optional<Instant> fadesBelowHalfPointAt,
        Optional<String> adoptedBy,
        String occurredIn,
        boolean disputed) {

    public Contribution {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(nextOffencePoints, "nextOffencePoints");
        Objects.requireNonNull(fadesBelowHalfPointAt, "fadesBelowHalfPointAt");
        Objects.requireNonNull(adoptedBy, "adoptedBy");
        Objects.requireNonNull(occurredIn, "occurredIn");
    }

    /** Whether the event was a warning: shown to the person, granting nothing. */
    public boolean warning() {
        return nextOffencePoints.isPresent();
    }
}
