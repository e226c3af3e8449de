package org.civitas.server.api;

import java.time.Instant;
import java.util.List;

/**
 * What a person's own data says about them, shaped for their "my data" page: time per website by day and by week,
 * the most visited sites month by month, the days with a location trail, and what the content they watched and the
 * recommendation profiles kept about them say they like.
 */
public record InsightsView(
        Instant from, Instant to, String zone, List<String> days, List<SiteSeries> secondsPerDay,
        List<String> weeks, List<SiteSeries> secondsPerWeek, List<MonthTop> topSitesByMonth, List<String> trailDays,
        List<Interest> watched, List<Interest> recommended, String recommendedBy, Instant recommendedAt) {

    /** One site's seconds, one number per day (or week) of {@code days} (or {@code weeks}). */
    public record SiteSeries(String site, List<Long> seconds) {
    }

    /** The most visited sites of one month, with where each stood the month before. */
    public record MonthTop(String month, List<SiteRank> sites) {
    }

    /** A site's place in a month: its rank (1 is most), its seconds, and its rank the month before (0: absent). */
    public record SiteRank(String site, long seconds, int rank, int previousRank) {
    }

    /** A topic and how much it weighs: seconds watched, or a recommender's affinity from 0 to 1. */
    public record Interest(String topic, double weight) {
    }
}
