package org.civitas.rules;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a jurisdiction offers a person help, from its charter: a score below {@code below}, a fall of at least
 * {@code fall} points within its window, or a rule matched {@code times} within its window (three late bills in 90
 * days, say). Any one of them opens an offer; the person answers it, and the score decides nothing else.
 *
 * @param fall the fall that opens an offer, if the charter names one
 * @param repeated the rules whose repetition opens an offer
 */
public record HelpTriggers(double below, Optional<Fall> fall, List<Repeated> repeated) {

    /** A score below the base everyone starts with, and nothing else, opens an offer. */
    public static final HelpTriggers DEFAULT = new HelpTriggers(1000, Optional.empty(), List.of());

    /** A fall of at least {@code points} within {@code within}. */
    public record Fall(long points, Duration within) {

        public Fall {
            Objects.requireNonNull(within, "within");
        }
    }

    /** {@code rule} matched at least {@code times} within {@code within}. */
    public record Repeated(String rule, long times, Duration within) {

        public Repeated {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(within, "within");
        }
    }

    public HelpTriggers {
        Objects.requireNonNull(fall, "fall");
        repeated = List.copyOf(repeated);
    }
}
