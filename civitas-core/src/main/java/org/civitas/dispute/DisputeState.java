package org.civitas.dispute;

import java.util.Arrays;
import java.util.Locale;
import org.civitas.InvalidInputException;

/**
 * Where a dispute stands: open until it resolves, then upheld, corrected or removed, for good; a removed event may be
 * reinstated by its source with new evidence, which ends the dispute as reinstated and lets the person dispute again.
 */
public enum DisputeState {
    OPEN, UPHELD, CORRECTED, REMOVED, REINSTATED;

    /** The name the API and the pages use: {@code open}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this != OPEN;
    }

    /** The state named {@code id}, as the API writes it; refused with the names there are. */
    public static DisputeState of(String id) {
        return Arrays.stream(values()).filter(state -> state.id().equals(id)).findFirst()
                .orElseThrow(() -> new InvalidInputException("state", "'" + id + "' is not a state of a dispute;"
                        + " there are open, upheld, corrected, removed and reinstated"));
    }
}
