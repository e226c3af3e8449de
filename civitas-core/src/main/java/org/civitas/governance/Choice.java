package org.civitas.governance;

import java.util.Arrays;
import java.util.Locale;
import org.civitas.InvalidInputException;

/** What a ballot says. */
public enum Choice {
    YES, NO, ABSTAIN;

    /** The name the API uses: {@code yes}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Choice of(String id) {
        return Arrays.stream(values()).filter(choice -> choice.id().equals(id)).findFirst()
                .orElseThrow(() -> new InvalidInputException("choice", "'" + id + "' is not a choice;"
                        + " it is yes, no or abstain"));
    }
}
