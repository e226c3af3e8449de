package org.civitas.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/** One person's score at an instant: 1000 plus the worth of every contribution, each of which explains itself. */
public record PersonScore(String person, double score, List<Contribution> contributions) {

    /** Where everyone starts. */
    public static final long BASE = 1000;

    public PersonScore {
        Objects.requireNonNull(person, "person");
        contributions = List.copyOf(contributions);
    }

    /** The score as reported: rounded half-up to two decimals. */
    public double roundedScore() {
        return round(score);
    }

    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
