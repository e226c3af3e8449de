package org.civitas.rules;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.civitas.rules.condition.Condition;

/**
 * One rule of a rule book: events of type {@code on} that satisfy {@code when} while the rule is {@code effective}
 * earn {@code points} (negative for harm), which fade with {@code halfLife} and are limited by {@code cap}.
 *
 * @param version the rule's version, carried by every point it grants
 * @param description a longer plain-language explanation, or empty
 * @param warnFirst for a penalty, how long an offence is remembered: a matching event with no earlier one of this rule
 *     for the same person within this period before it is a warning, granting nothing
 * @param binding whether the rule holds in every jurisdiction below its own, which may not override it
 * @param adoptedBy the proposal whose adoption made this version, if one did
 * @param off whether this version switches off, in its book's jurisdiction and below, the rule of a higher book with
 *     its id: it reads no events and grants nothing
 */
public record Rule(
        String id,
        long version,
        String title,
        String description,
        String category,
        String on,
        Condition when,
        long points,
        Optional<Duration> halfLife,
        Optional<Cap> cap,
        Optional<Duration> warnFirst,
        Effective effective,
        boolean binding,
        Optional<String> adoptedBy,
        boolean off) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(halfLife, "halfLife");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(warnFirst, "warnFirst");
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(adoptedBy, "adoptedBy");
    }

    /** This rule at {@code version}. */
    public Rule withVersion(long version) {
        return new Rule(id, version, title, description, category, on, when, points, halfLife, cap, warnFirst,
                effective, binding, adoptedBy, off);
    }

    /** This rule, in force {@code effective}. */
    public Rule withEffective(Effective effective) {
        return new Rule(id, version, title, description, category, on, when, points, halfLife, cap, warnFirst,
                effective, binding, adoptedBy, off);
    }

    /** This rule, as the adoption of {@code proposal} made it. */
    public Rule adoptedBy(String proposal) {
        return new Rule(id, version, title, description, category, on, when, points, halfLife, cap, warnFirst,
                effective, binding, Optional.of(proposal), off);
    }

    /** A version that switches off the rule {@code id} of a higher book while it is in force. */
    public static Rule off(String id, long version, Effective effective, Optional<String> adoptedBy) {
        return new Rule(id, version, "switched off", "", "", "", Condition.ALWAYS, 0, Optional.empty(),
                Optional.empty(), Optional.empty(), effective, false, adoptedBy, true);
    }
}
