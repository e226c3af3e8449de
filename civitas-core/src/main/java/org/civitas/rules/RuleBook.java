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
        String origin) {

    public RuleBook {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(charter, "charter");
        rules = List.copyOf(rules);
        Objects.requireNonNull(origin, "origin");
    }
}
