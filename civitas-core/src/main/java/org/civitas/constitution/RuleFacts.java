package org.civitas.constitution;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the constitution looks at in a rule: what it concerns, what it reads and what it does to a score.
 *
 * @param eventCategory the category of {@code eventType}, when its source has declared it
 * @param attributesRead every attribute name the rule's condition reads by name, at any depth
 * @param unnamedAttributeAccess whether the condition also reaches attributes without naming them, so no one can tell
 *     what it reads
 */
public record RuleFacts(
        String ruleId, String category, String eventType, Optional<String> eventCategory, long points,
        Optional<Duration> halfLife, Set<String> attributesRead, boolean unnamedAttributeAccess) {

    public RuleFacts {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(eventCategory, "eventCategory");
        Objects.requireNonNull(halfLife, "halfLife");
        attributesRead = Set.copyOf(attributesRead);
    }
}
