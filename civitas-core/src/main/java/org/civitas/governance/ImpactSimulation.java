package org.civitas.governance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import org.civitas.event.Event;
import org.civitas.event.EventKey;
import org.civitas.ledger.FileLedger;
import org.civitas.ledger.LedgerHistory;
import org.civitas.ledger.LedgerReadAhead;
import org.civitas.rules.Rule;
import org.civitas.rules.RuleBook;
import org.civitas.rules.RuleBookText;
import org.civitas.rules.RuleBooks;
import org.civitas.scoring.Contribution;
import org.civitas.scoring.PersonScore;
import org.civitas.scoring.ScoreSheet;
import org.civitas.scoring.Scorer;
import org.civitas.scoring.ScoringRun;

/**
 * Scores a window of history under the books in force and under proposed ones, in one pass, with the engine that
 * scores everyone: what the proposed books give is exactly what scoring with them gives. Feed it the events in
 * ledger order, then {@link #finish()}.
 */
public final class ImpactSimulation {

    /** Changes of score, in points, that bound the bands of the report. */
    private static final double[] BAND_EDGES = {-20, -5, 0, 5, 20};
    /** The width, in points, of a bar of the score histograms. */
    private static final double BIN_WIDTH = 25;

    /** The scores under both books, person by person, and what they add up to. */
    public record Result(ScoreSheet before, ScoreSheet after, Impact impact) {
    }

    private final Scorer current;
    private final Scorer proposed;
    private final Instant from;
    private final Instant to;
    private final ScoringRun before;
    private final ScoringRun after;
    private final Set<String> changedRules;

    /** A simulation of the events that occurred in {@code [from, to)}, scored at {@code to}. */
    public ImpactSimulation(Scorer current, Scorer proposed, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the window must end after it starts: " + from + " to " + to);
        }
        this.current = Objects.requireNonNull(current, "current");
        this.proposed = Objects.requireNonNull(proposed, "proposed");
        this.from = from;
        this.to = to;
        this.before = current.start(to);
        this.after = proposed.start(to);
        this.changedRules = changedRules(current.books(), proposed.books());
    }

    /** How often, in ledger entries, a replay reports how far it has come. */
    public static final int PROGRESS_STEP = 65_536;

    /**
     * Replays the committed ledger through a simulation of {@code [from, to)}: a proposal's published impact. An
     * entry that cannot be read counts for no one and goes to {@code unreadable}.
     */
    public static Result replay(LedgerHistory history, Scorer current, Scorer proposed, Instant from, Instant to,
            FileLedger.UnreadableVisitor unreadable) {
        ImpactSimulation simulation = new ImpactSimulation(current, proposed, from, to);
        history.read(simulation::readsAny, (sequence, event) -> simulation.accept(event), (sequence, person) -> { },
                unreadable);
        return simulation.finish();
    }

    /**
     * Replays as {@link #replay(LedgerHistory, Scorer, Scorer, Instant, Instant, FileLedger.UnreadableVisitor)} does,
     * the file ledger as {@code ahead} reads it (started before the books were compiled, it has read part of it),
     * telling {@code progress} every {@value #PROGRESS_STEP} entries how many it has read: the one pass behind
     * {@code civitas simulate}.
     */
    public static Result replay(LedgerReadAhead ahead, Scorer current, Scorer proposed, Instant from, Instant to,
            FileLedger.UnreadableVisitor unreadable, LongConsumer progress) {
        ImpactSimulation simulation = new ImpactSimulation(current, proposed, from, to);
        long[] read = {0};
        ahead.read(simulation::readsAny, (sequence, event) -> {
            simulation.accept(event);
            tick(read, progress);
        }, (sequence, person) -> tick(read, progress), entry -> {
            unreadable.unreadable(entry);
            tick(read, progress);
        });
        progress.accept(read[0]);
        return simulation.finish();
    }

    private static void tick(long[] read, LongConsumer progress) {
        if (++read[0] % PROGRESS_STEP == 0) {
            progress.accept(read[0]);
        }
    }

    /** Whether a rule of either book reads events of {@code type} in {@code jurisdiction}. */
    public boolean readsAny(String jurisdiction, String type) {
        return current.readsAny(jurisdiction, type) || proposed.readsAny(jurisdiction, type);
    }

    public void accept(Event event) {
        if (inWindow(event.occurredAt())) {
            before.accept(event);
            after.accept(event);
        }
    }

    /** Counts in the person of an event no rule of either book reads. */
    public void include(String person, Instant occurredAt) {
        if (inWindow(occurredAt)) {
            before.include(person);
            after.include(person);
        }
    }

    private boolean inWindow(Instant occurredAt) {
        return !occurredAt.isBefore(from) && occurredAt.isBefore(to);
    }

    public Result finish() {
        ScoreSheet scoredBefore = before.finish();
        ScoreSheet scoredAfter = after.finish();
        return new Result(scoredBefore, scoredAfter, impact(scoredBefore, scoredAfter));
    }

    private Impact impact(ScoreSheet scoredBefore, ScoreSheet scoredAfter) {
        Map<String, PersonScore> afterByPerson = new HashMap<>();
        scoredAfter.people().forEach(person -> afterByPerson.put(person.person(), person));
        int people = scoredBefore.people().size();
        double[] changes = new double[people];
        double[] beforeScores = new double[people];
        double[] afterScores = new double[people];
        long affected = 0;
        long crossBelow = 0;
        long crossAbove = 0;
        Set<EventKey> matched = new HashSet<>();
        for (int i = 0; i < people; i++) {
            PersonScore was = scoredBefore.people().get(i);
            PersonScore will = afterByPerson.get(was.person());
            beforeScores[i] = was.roundedScore();
            afterScores[i] = will.roundedScore();
            changes[i] = Math.round((afterScores[i] - beforeScores[i]) * 100) / 100.0;
            if (changes[i] != 0) {
                affected++;
            }
            if (beforeScores[i] >= PersonScore.BASE && afterScores[i] < PersonScore.BASE) {
                crossBelow++;
            } else if (beforeScores[i] < PersonScore.BASE && afterScores[i] >= PersonScore.BASE) {
                crossAbove++;
            }
            collectMatched(was, matched);
            collectMatched(will, matched);
        }
        double[] sorted = changes.clone();
        Arrays.sort(sorted);
        return new Impact(from, to, people, affected, bands(changes), histogram(beforeScores),
                histogram(afterScores), people == 0 ? 0 : Arrays.stream(changes).sum() / people, median(sorted),
                crossBelow, crossAbove, matched.size(), List.of());
    }

    private void collectMatched(PersonScore score, Set<EventKey> matched) {
        for (Contribution contribution : score.contributions()) {
            if (changedRules.contains(contribution.jurisdiction() + "/" + contribution.rule())) {
                matched.add(new EventKey(contribution.source(), contribution.event()));
            }
        }
    }

    /**
     * The rules, as jurisdiction and id, that one set of books has and the other has not, or has otherwise: with
     * other fields, or other versions.
     */
    private static Set<String> changedRules(RuleBooks current, RuleBooks proposed) {
        Map<String, List<Map<String, Object>>> was = definitions(current);
        Map<String, List<Map<String, Object>>> will = definitions(proposed);
        Set<String> changed = new HashSet<>();
        was.forEach((rule, versions) -> {
            if (!versions.equals(will.get(rule))) {
                changed.add(rule);
            }
        });
        will.keySet().stream().filter(rule -> !was.containsKey(rule)).forEach(changed::add);
        return changed;
    }

    /** Every version of every rule, as a book writes it, by jurisdiction and id. */
    private static Map<String, List<Map<String, Object>>> definitions(RuleBooks books) {
        Map<String, List<Map<String, Object>>> definitions = new HashMap<>();
        for (RuleBook book : books.all()) {
            for (Rule rule : book.rules()) {
                definitions.computeIfAbsent(book.jurisdiction() + "/" + rule.id(), key -> new ArrayList<>())
                        .add(RuleBookText.rule(rule));
            }
        }
        return definitions;
    }

    private static List<Impact.Cell> bands(double[] changes) {
        long[] counts = new long[BAND_EDGES.length + 2];
        for (double change : changes) {
            counts[band(change)]++;
        }
        List<Impact.Cell> bands = new ArrayList<>();
        bands.add(cell(null, BAND_EDGES[0], counts[0]));
        bands.add(cell(BAND_EDGES[0], BAND_EDGES[1], counts[1]));
        bands.add(cell(BAND_EDGES[1], 0.0, counts[2]));
        bands.add(cell(0.0, 0.0, counts[3]));
        bands.add(cell(0.0, BAND_EDGES[3], counts[4]));
        bands.add(cell(BAND_EDGES[3], BAND_EDGES[4], counts[5]));
        bands.add(cell(BAND_EDGES[4], null, counts[6]));
        return bands;
    }

    /** Below -20, -20 to -5, -5 to 0, no change, 0 to 5, 5 to 20, from 20: each band holds its lower edge. */
    private static int band(double change) {
        if (change == 0) {
            return 3;
        }
        if (change < 0) {
            return change < BAND_EDGES[0] ? 0 : change < BAND_EDGES[1] ? 1 : 2;
        }
        return change < BAND_EDGES[3] ? 4 : change < BAND_EDGES[4] ? 5 : 6;
    }

    private static List<Impact.Cell> histogram(double[] scores) {
        TreeMap<Double, Long> counts = new TreeMap<>();
        for (double score : scores) {
            counts.merge(Math.floor(score / BIN_WIDTH) * BIN_WIDTH, 1L, Long::sum);
        }
        List<Impact.Cell> bins = new ArrayList<>();
        counts.forEach((lower, count) -> bins.add(cell(lower, lower + BIN_WIDTH, count)));
        return bins;
    }

    private static Impact.Cell cell(Double from, Double to, long people) {
        return new Impact.Cell(from, to, people < Impact.LEAST_PEOPLE_IN_A_CELL ? null : people);
    }

    private static double median(double[] sorted) {
        if (sorted.length == 0) {
            return 0;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
