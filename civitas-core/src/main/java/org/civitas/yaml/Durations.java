package org.civitas.yaml;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.civitas.CivitasException;

/**
 * ISO-8601 durations as rule books and constitutions write them: {@code P60D}, {@code PT12H}, {@code P1DT6H}. Both
 * read them the same way, so the parsing lives beside the YAML reading they share.
 */
public final class Durations {

    private Durations() {
    }

    /**
     * A positive duration of fixed length. Months and years have no fixed length, so {@code P1M} and {@code P1Y} are
     * refused with a hint to write days.
     */
    public static Duration parsePositive(String text) {
        Duration duration;
        try {
            duration = Duration.parse(text);
        } catch (DateTimeParseException e) {
            if (text.matches("(?i)P(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T.*)?")) {
                throw new CivitasException("'" + text + "': months, years and weeks have no fixed length here;"
                        + " write days, e.g. P30D or P365D");
            }
            throw new CivitasException("'" + text + "' is not an ISO-8601 duration (e.g. P60D or PT12H)");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new CivitasException("'" + text + "' must be longer than zero");
        }
        return duration;
    }
}
