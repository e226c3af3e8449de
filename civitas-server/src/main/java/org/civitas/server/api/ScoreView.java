package org.civitas.server.api;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.civitas.scoring.PersonScore;

/** A person's score as of an instant, newest contributions first. */
public record ScoreView(String person, double score, Instant asOf, List<ContributionView> contributions) {

    /**
     * What the points earned in each jurisdiction add up to, by where the events happened: where a visitor's points
     * came from. The rules in force there scored the events there.
     */
    public Map<String, Double> worthByJurisdiction() {
        Map<String, Double> worth = new TreeMap<>();
        contributions.forEach(contribution -> worth.merge(contribution.occurredIn(), contribution.worth(),
                Double::sum));
        return worth;
    }

    public static ScoreView of(PersonScore score, Instant asOf) {
        return new ScoreView(score.person(), score.roundedScore(), asOf, score.contributions().stream()
                .map(ContributionView::of)
                .sorted(Comparator.comparing(ContributionView::occurredAt).reversed())
                .toList());
    }
}
