package org.civitas.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.civitas.event.Event;
import org.civitas.rules.RuleBook;
import org.civitas.rules.condition.Condition;
import org.civitas.rules.condition.ConditionInput;

/**
 * One scoring pass at one instant. Feed it every event once, in input order (duplicates already removed: the same
 * source and id counts once), then ask for the {@link ScoreSheet}. Everyone who appears in the events is scored;
 * events after the instant do not count yet. Not thread-safe.
 */
public final class ScoringRun {

    private static final List<Match> NO_MATCHES = List.of();

    private final Scorer scorer;
    private final Instant at;
    private final Map<String, List<Match>> matchesByPerson = new HashMap<>();
    private final Map<String, ConditionInput> inputs = new HashMap<>();
    private final long[] evaluationErrors;
    private long order;

    ScoringRun(Scorer scorer, Instant at) {
        this.scorer = scorer;
        this.at = at;
        this.evaluationErrors = new long[scorer.slots().size()];
        for (RuleBook book : scorer.books().all()) {
            inputs.put(book.jurisdiction(), new ConditionInput(book.timezone(), book.jurisdiction()));
        }
    }

    /**
     * Counts {@code person} in, with nothing to score: for an event no rule reads ({@link Scorer#readsAny} is false),
     * which need not be decoded whole. Its place in the input still counts.
     */
    public void include(String person) {
        order++;
        matchesByPerson.putIfAbsent(person, NO_MATCHES);
    }

    public void accept(Event event) {
        long position = order++;
        List<Match> matches = matchesByPerson.get(event.person());
        if (matches == null) {
            matches = NO_MATCHES;
            matchesByPerson.put(event.person(), matches);
        }
        if (event.occurredAt().isAfter(at)) {
            return;
        }
        RuleSlot[] slots = scorer.slotsFor(event.jurisdiction(), event.type());
        if (slots == null) {
            return;
        }
        ConditionInput input = inputs.get(event.jurisdiction()).on(event);
        for (RuleSlot slot : slots) {
            if (!slot.inForceAt(event.occurredAt())) {
                continue;
            }
            Condition.Outcome outcome = slot.rule.when().evaluate(input);
            if (outcome == Condition.Outcome.MATCH) {
                if (matches == NO_MATCHES) {
                    matches = new ArrayList<>(4);
                    matchesByPerson.put(event.person(), matches);
                }
                matches.add(new Match(slot, event.id(), event.source(), event.occurredAt(), position));
            } else if (outcome == Condition.Outcome.ERROR) {
                evaluationErrors[slot.index]++;
            }
        }
    }

    /** Everyone's score, sorted by person. */
    public ScoreSheet finish() {
        TreeMap<String, List<Match>> sorted = new TreeMap<>(matchesByPerson);
        List<PersonScore> people = new ArrayList<>(sorted.size());
        sorted.forEach((person, matches) -> people.add(PersonScoring.score(person, matches, at)));
        Map<String, Long> errors = new HashMap<>();
        for (RuleSlot slot : scorer.slots()) {
            if (evaluationErrors[slot.index] > 0) {
                errors.put(slot.key, evaluationErrors[slot.index]);
            }
        }
        return new ScoreSheet(at, people, errors);
    }
}
