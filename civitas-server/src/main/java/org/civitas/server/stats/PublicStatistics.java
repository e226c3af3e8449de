package org.civitas.server.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.civitas.dispute.DisputeDesk;
import org.civitas.dispute.SourceDisputes;
import org.civitas.scoring.Contribution;
import org.civitas.scoring.PersonScore;
import org.civitas.scoring.ScoreBoard;
import org.civitas.store.support.SupportStore;
import org.civitas.support.DistrictDemand;

/**
 * Works out the public statistics from everyone's live score, at most once a minute: score bands per jurisdiction, the
 * use of every rule and the demand for support per district, each cell about at least {@value #MINIMUM_GROUP} people
 * or suppressed.
 */
public final class PublicStatistics {

    public static final int MINIMUM_GROUP = 20;
    static final int BAND_WIDTH = 25;
    private static final Duration FRESH_FOR = Duration.ofMinutes(1);

    private final ScoreBoard scores;
    private final SupportStore support;
    private final DisputeDesk disputes;
    private final Clock clock;
    private volatile StatisticsView latest;

    public PublicStatistics(ScoreBoard scores, SupportStore support, DisputeDesk disputes, Clock clock) {
        this.scores = scores;
        this.support = support;
        this.disputes = disputes;
        this.clock = clock;
    }

    public StatisticsView current() {
        StatisticsView view = latest;
        Instant now = clock.instant();
        if (view == null || now.isAfter(view.asOf().plus(FRESH_FOR))) {
            view = compute(now);
            latest = view;
        }
        return view;
    }

    private StatisticsView compute(Instant at) {
        Map<String, Map<Integer, Integer>> bands = new TreeMap<>();
        Map<String, RuleTally> rules = new TreeMap<>();
        Map<String, Integer> scoredEvents = new TreeMap<>();
        int[] unscored = {0};
        scores.forEachScore(at, (score, jurisdiction) -> {
            if (jurisdiction.isEmpty()) {
                unscored[0]++;
            } else {
                bands.computeIfAbsent(jurisdiction.get(), ignored -> new TreeMap<>())
                        .merge(bandOf(score.score()), 1, Integer::sum);
            }
            tally(score, rules);
            countScoredEvents(score, scoredEvents);
        });
        List<StatisticsView.JurisdictionScores> jurisdictions = new ArrayList<>();
        bands.forEach((jurisdiction, counts) -> jurisdictions.add(jurisdictionScores(jurisdiction, counts)));
        List<StatisticsView.RuleUse> uses = rules.values().stream().map(RuleTally::view).toList();
        List<StatisticsView.DistrictSupport> districts = support.demandByDistrict().stream()
                .map(PublicStatistics::districtSupport).toList();
        return new StatisticsView(at, MINIMUM_GROUP, jurisdictions, uses, districts, disputes(scoredEvents),
                shown(unscored[0]));
    }

    /** The events of each source that scored someone, each counted once however many rules it matched. */
    private static void countScoredEvents(PersonScore score, Map<String, Integer> bySource) {
        Set<String> seen = new HashSet<>();
        for (Contribution contribution : score.contributions()) {
            if (seen.add(contribution.source() + "/" + contribution.event())) {
                bySource.merge(contribution.source(), 1, Integer::sum);
            }
        }
    }

    /** How each source's events fare in disputes, every count of fewer than the minimum suppressed. */
    private List<StatisticsView.SourceDisputes> disputes(Map<String, Integer> scoredEvents) {
        Map<String, SourceDisputes> counted = new TreeMap<>();
        disputes.countBySource().forEach(tally -> counted.put(tally.source(), tally));
        Set<String> sources = new TreeSet<>(scoredEvents.keySet());
        sources.addAll(counted.keySet());
        List<StatisticsView.SourceDisputes> views = new ArrayList<>();
        for (String source : sources) {
            Integer scored = shown(scoredEvents.getOrDefault(source, 0));
            SourceDisputes tally = counted.getOrDefault(source, new SourceDisputes(source, 0, 0));
            Integer disputed = shown((int) tally.disputed());
            Integer removed = shown((int) tally.removed());
            views.add(new StatisticsView.SourceDisputes(source, scored, disputed, removed, rate(disputed, scored),
                    rate(removed, disputed)));
        }
        return views;
    }

    private static Double rate(Integer part, Integer whole) {
        return part == null || whole == null || whole == 0 ? null : Math.round(10_000.0 * part / whole) / 10_000.0;
    }

    /**
     * A district's demand for support, shown only when both those seeking help and those not are groups of at least
     * the minimum: either figure and the number of residents would give the other away.
     */
    private static StatisticsView.DistrictSupport districtSupport(DistrictDemand demand) {
        int notSeeking = demand.residents() - demand.seekingHelp();
        boolean shown = demand.seekingHelp() >= MINIMUM_GROUP && notSeeking >= MINIMUM_GROUP;
        return new StatisticsView.DistrictSupport(demand.district(), shown(demand.residents()),
                shown ? demand.seekingHelp() : null);
    }

    private static void tally(PersonScore score, Map<String, RuleTally> rules) {
        Set<String> touched = new HashSet<>();
        for (Contribution contribution : score.contributions()) {
            String key = contribution.jurisdiction() + "/" + contribution.rule();
            RuleTally tally = rules.computeIfAbsent(key, ignored -> new RuleTally(contribution));
            tally.contributions++;
            tally.points += contribution.worth();
            if (touched.add(key)) {
                tally.people++;
            }
        }
    }

    private static StatisticsView.JurisdictionScores jurisdictionScores(String jurisdiction,
            Map<Integer, Integer> counts) {
        int people = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (people < MINIMUM_GROUP) {
            return new StatisticsView.JurisdictionScores(jurisdiction, null, List.of());
        }
        Set<Integer> suppressed = suppressedBands(counts);
        List<StatisticsView.Band> bands = new ArrayList<>();
        counts.forEach((from, count) -> bands.add(new StatisticsView.Band(from, from + BAND_WIDTH,
                suppressed.contains(from) ? null : count)));
        return new StatisticsView.JurisdictionScores(jurisdiction, people, bands);
    }

    /**
     * The bands to suppress: every band of fewer than the minimum, then the smallest others until the suppressed
     * bands hold at least the minimum together, so the total less the shown bands reveals no small group.
     */
    static Set<Integer> suppressedBands(Map<Integer, Integer> counts) {
        Set<Integer> suppressed = new HashSet<>();
        int hidden = 0;
        for (Map.Entry<Integer, Integer> band : counts.entrySet()) {
            if (band.getValue() < MINIMUM_GROUP) {
                suppressed.add(band.getKey());
                hidden += band.getValue();
            }
        }
        List<Map.Entry<Integer, Integer>> bySize = counts.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder())).toList();
        for (Map.Entry<Integer, Integer> band : bySize) {
            if (hidden == 0 || hidden >= MINIMUM_GROUP) {
                break;
            }
            if (suppressed.add(band.getKey())) {
                hidden += band.getValue();
            }
        }
        return suppressed;
    }

    static int bandOf(double score) {
        return (int) Math.floor(score / BAND_WIDTH) * BAND_WIDTH;
    }

    private static Integer shown(int people) {
        return people < MINIMUM_GROUP ? null : people;
    }

    /** One rule's use, counted up. */
    private static final class RuleTally {

        private final String jurisdiction;
        private final String rule;
        private final String title;
        private int people;
        private int contributions;
        private double points;

        RuleTally(Contribution first) {
            this.jurisdiction = first.jurisdiction();
            this.rule = first.rule();
            this.title = first.title();
        }

        StatisticsView.RuleUse view() {
            if (people < MINIMUM_GROUP) {
                return new StatisticsView.RuleUse(jurisdiction, rule, title, null, null, null);
            }
            return new StatisticsView.RuleUse(jurisdiction, rule, title, people, contributions,
                    Math.round(points * 100) / 100.0);
        }
    }
}
