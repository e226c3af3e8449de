package org.civitas.server.api;

import java.time.Instant;
import org.civitas.scoring.Contribution;

/**
 * What one rule did to a score for one event, with its reason, its rule and when it fades. A warning grants nothing
 * and tells, in {@code nextOffencePoints}, what the next offence would be granted; it is null for anything else.
 * {@code adoptedBy} names the proposal whose adoption made the rule's version, or is null; {@code jurisdiction} is the
 * rule's book, {@code occurredIn} where the event happened. {@code disputed} says that the person disputes the event
 * and the dispute is open: until it ends, the contribution grants nothing.
 */
public record ContributionView(
        String event, String source, Instant occurredAt, String jurisdiction, String rule, long ruleVersion,
        String title, String category, long granted, boolean warning, Long nextOffencePoints, double worth,
        Instant fadesBelowHalfPointAt, String adoptedBy, String occurredIn, boolean disputed) {

    public static ContributionView of(Contribution contribution) {
        Long nextOffencePoints = contribution.warning() ? contribution.nextOffencePoints().getAsLong() : null;
        return new ContributionView(contribution.event(), contribution.source(), contribution.occurredAt(),
                contribution.jurisdiction(), contribution.rule(), contribution.ruleVersion(), contribution.title(),
                contribution.category(), contribution.granted(), contribution.warning(), nextOffencePoints,
                Math.round(contribution.worth() * 100) / 100.0, contribution.fadesBelowHalfPointAt().orElse(null),
                contribution.adoptedBy().orElse(null), contribution.occurredIn(), contribution.disputed());
    }
}
