package org.civitas.rules;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of one jurisdiction, and its charter: how its residents change them. Local times in conditions
 * ({@code ctx.hour}, {@code ctx.weekday}) are read in the book's time zone.
 *
 * @param parent the jurisdiction this one lies in (a city's region, a region's nation); empty for a nation
 * @param origin the file the book was read from, for messages
 */
public record RuleBook(
        String jurisdiction, Optional<String> parent, ZoneId timezone, Charter charter, List<Rule> rules,
        List<AttestationKind> attestations, List<Reward> rewards, String origin) {

    public RuleBook {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(charter, "charter");
        rules = List.copyOf(rules);
        attestations = List.copyOf(attestations);
        rewards = List.copyOf(rewards);
        Objects.requireNonNull(origin, "origin");
    }

    /** This book with {@code rules} in place of its own, and its other parts as they are. */
    public RuleBook withRules(List<Rule> rules, String origin) {
        return new RuleBook(jurisdiction, parent, timezone, charter, rules, attestations, rewards, origin);
    }
}
