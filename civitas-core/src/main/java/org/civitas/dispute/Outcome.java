package org.civitas.dispute;

import java.util.Arrays;
import java.util.Locale;
import org.civitas.InvalidInputException;
import org.civitas.scoring.Amendment;

/**
 * What a reviewer decides about a disputed event, from the least to the most in the person's favour: the event stands
 * as it was, it stands corrected, or it is removed.
 */
public enum Outcome {
    UPHELD, CORRECTED, REMOVED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state a dispute so decided ends in. */
    public DisputeState state() {
        return DisputeState.valueOf(name());
    }

    /** What the ledger entry of this outcome does to the event. */
    public Amendment.Kind amendment() {
        return Amendment.Kind.valueOf(name());
    }

    /** The outcome named {@code id}, as the API writes it; refused with the names there are. */
    public static Outcome of(String id) {
        return Arrays.stream(values()).filter(outcome -> outcome.id().equals(id)).findFirst()
                .orElseThrow(() -> new InvalidInputException("outcome", "'" + id + "' is not an outcome; it is"
                        + " upheld, corrected or removed"));
    }
}
