package org.civitas.server.api;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.civitas.scoring.PersonScore;

/** A person's score as of an instant, newest contributions first. */
public record ScoreView(String person, double score, Instant asOf, List<ContributionView> contributions) {

    public static ScoreView of(PersonScore score, Instant asOf) {
        return new ScoreView(score.person(), score.roundedScore(), asOf, score.contributions().stream()
                .map(ContributionView::of)
                .sorted(Comparator.comparing(ContributionView::occurredAt).reversed())
                .toList());
    }
}
