package org.civitas.rules.condition;

/**
 * A rule's {@code when}: a checked CEL expression that decides whether the rule applies to one event. A condition that
 * cannot be evaluated for an event (a missing attribute, a value of the wrong kind) does not match it.
 */
public interface Condition {

    /** What evaluating a condition for one event gave. */
    enum Outcome {
        MATCH,
        NO_MATCH,
        /** The expression could not be evaluated for this event; the rule does not apply to it. */
        ERROR
    }

    /** The condition of a rule without {@code when}: every event matches. */
    Condition ALWAYS = new Condition() {
        @Override
        public Outcome evaluate(ConditionInput input) {
            return Outcome.MATCH;
        }

        @Override
        public String expression() {
            return "";
        }

        @Override
        public String toString() {
            return "always";
        }
    };

    /** Evaluates the condition for the event {@code input} currently holds. Not thread-safe per input. */
    Outcome evaluate(ConditionInput input);

    /** The CEL text, or empty for {@link #ALWAYS}. */
    String expression();
}
