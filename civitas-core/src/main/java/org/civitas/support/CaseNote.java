package org.civitas.support;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * What a case worker records in a case: a step taken, or the outcome, a programme the person completed, which the
 * person then confirms. The person sees each note with the case worker's badge number.
 */
public record CaseNote(String offer, Instant at, String badge, Kind kind, String text) {

    /** A step taken, or the outcome of the case. */
    public enum Kind {
        STEP, OUTCOME;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public CaseNote {
        Objects.requireNonNull(offer, "offer");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(badge, "badge");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }
}
