package org.civitas.server.api;

import java.time.Instant;
import org.civitas.scoring.Contribution;

/** What one rule did to a score for one event, with its reason, its rule and when it fades. */
public record ContributionView(
        String event, String source, Instant occurredAt, String jurisdiction, String rule, long ruleVersion,
        String title, String category, long granted, double worth, Instant fadesBelowHalfPointAt) {

    public static ContributionView of(Contribution contribution) {
        return new ContributionView(contribution.event(), contribution.source(), contribution.occurredAt(),
                contribution.jurisdiction(), contribution.rule(), contribution.ruleVersion(), contribution.title(),
                contribution.category(), contribution.granted(), Math.round(contribution.worth() * 100) / 100.0,
                contribution.fadesBelowHalfPointAt().orElse(null));
    }
}
