package org.civitas.server.stats;

import java.time.Instant;
import java.util.List;

/**
 * Public statistics: aggregates only, each about at least {@code minimumGroup} people. A group smaller than that is
 * suppressed (its figures are null), and so are as many more as it takes that the suppressed ones cannot be worked
 * out from the totals.
 *
 * @param support the demand for support in each district
 * @param disputes how often each source's events are disputed and removed
 * @param unscoredPeople people none of whose events any rule has scored (all at the base score), or null
 */
public record StatisticsView(
        Instant asOf, int minimumGroup, List<JurisdictionScores> jurisdictions, List<RuleUse> rules,
        List<DistrictSupport> support, List<SourceDisputes> disputes, Integer unscoredPeople) {

    /** How scores spread in one jurisdiction: people by their jurisdiction of latest scored event. */
    public record JurisdictionScores(String jurisdiction, Integer people, List<Band> scores) {
    }

    /** People whose score is in {@code [from, to)}. */
    public record Band(int from, int to, Integer people) {

        public boolean suppressed() {
            return people == null;
        }
    }

    /** How much one rule is used: how many people it touched, how often, and its points at {@code asOf}. */
    public record RuleUse(
            String jurisdiction, String rule, String title, Integer people, Integer contributions, Double points) {

        public boolean suppressed() {
            return people == null;
        }
    }

    /**
     * How one source's events fare in disputes: how many of them scored someone ({@code scoredEvents}), how many were
     * disputed and how many of those removed, and the rates. A count of fewer than the minimum is suppressed, and so
     * is every rate it would be part of.
     *
     * @param disputedRate disputed per scored event
     * @param removedRate removed per disputed event
     */
    public record SourceDisputes(String source, Integer scoredEvents, Integer disputed, Integer removed,
            Double disputedRate, Double removedRate) {
    }

    /**
     * How many residents of a district have an offer of help open or accepted ({@code seekingHelp}), of how many
     * residents.
     */
    public record DistrictSupport(String district, Integer residents, Integer seekingHelp) {

        public boolean suppressed() {
            return seekingHelp == null;
        }
    }
}
