package org.civitas.constitution;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.civitas.rules.condition.AttributeReads;

/**
 * What the constitution looks at in a rule: what it concerns, what it reads and what it does to a score.
 *
 * @param eventCategory the category of {@code eventType}, when its source has declared it
 */
public record RuleFacts(
        String ruleId, String category, String eventType, Optional<String> eventCategory, long points,
        Optional<Duration> halfLife, AttributeReads reads) {

    public RuleFacts {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(eventCategory, "eventCategory");
        Objects.requireNonNull(halfLife, "halfLife");
        Objects.requireNonNull(reads, "reads");
    }
}
