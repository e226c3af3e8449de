package org.civitas.scoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everyone's score at one instant, sorted by person.
 *
 * @param evaluationErrors per rule (as {@code jurisdiction/rule-id}), how many events its condition could not be
 *     evaluated for; such events simply do not match that rule
 */
public record ScoreSheet(Instant at, List<PersonScore> people, Map<String, Long> evaluationErrors) {

    public ScoreSheet {
        Objects.requireNonNull(at, "at");
        people = List.copyOf(people);
        evaluationErrors = Map.copyOf(evaluationErrors);
    }
}
