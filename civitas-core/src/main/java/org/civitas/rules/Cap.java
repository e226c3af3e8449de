package org.civitas.rules;

import java.time.Duration;
import java.util.Objects;

/** At most {@code points} (in absolute value) from one rule to one person within any window of length {@code per}. */
public record Cap(long points, Duration per) {

    public Cap {
        if (points <= 0) {
            throw new IllegalArgumentException("a cap allows a positive number of points, not " + points);
        }
        Objects.requireNonNull(per, "per");
    }
}
