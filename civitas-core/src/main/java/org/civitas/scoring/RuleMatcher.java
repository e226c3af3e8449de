package org.civitas.scoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civitas.event.Event;
import org.civitas.rules.RuleBook;
import org.civitas.rules.condition.Condition;
import org.civitas.rules.condition.ConditionInput;

/**
 * Finds the rules an event matches: those of its jurisdiction's book, on its type, in force when it occurred, whose
 * condition holds. Counts, per rule, the events a condition could not be evaluated for. Not thread-safe.
 */
final class RuleMatcher {

    /** Receives each match. */
    @FunctionalInterface
    interface MatchSink {
        void matched(Match match);
    }

    private final Scorer scorer;
    private final Map<String, ConditionInput> inputs = new HashMap<>();
    private final long[] evaluationErrors;

    RuleMatcher(Scorer scorer) {
        this.scorer = scorer;
        this.evaluationErrors = new long[scorer.slots().size()];
        for (RuleBook book : scorer.books().all()) {
            inputs.put(book.jurisdiction(), new ConditionInput(book.timezone(), book.jurisdiction()));
        }
    }

    /** Hands every rule {@code event} matches to {@code sink}; {@code order} is its place in the input. */
    void match(Event event, long order, MatchSink sink) {
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
                sink.matched(new Match(slot, event.id(), event.source(), event.occurredAt(), event.jurisdiction(),
                        order));
            } else if (outcome == Condition.Outcome.ERROR) {
                evaluationErrors[slot.index]++;
            }
        }
    }

    /** Per rule ({@code jurisdiction/rule-id}), the events its condition could not be evaluated for. */
    Map<String, Long> evaluationErrors() {
        Map<String, Long> errors = new HashMap<>();
        List<RuleSlot> slots = scorer.slots();
        for (RuleSlot slot : slots) {
            if (evaluationErrors[slot.index] > 0) {
                errors.put(slot.key, evaluationErrors[slot.index]);
            }
        }
        return errors;
    }
}
