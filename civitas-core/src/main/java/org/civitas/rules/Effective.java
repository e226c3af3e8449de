package org.civitas.rules;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** When a rule is in force: from {@code from} (inclusive) until {@code until} (exclusive); either end may be open. */
public record Effective(Optional<Instant> from, Optional<Instant> until) {

    public static final Effective ALWAYS = new Effective(Optional.empty(), Optional.empty());

    public Effective {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (from.isPresent() && until.isPresent() && !from.get().isBefore(until.get())) {
            throw new IllegalArgumentException("effective from " + from.get() + " is not before until " + until.get());
        }
    }

    /** Whether this and {@code other} share any instant. */
    public boolean overlaps(Effective other) {
        boolean thisEndsFirst = until.isPresent() && other.from.isPresent() && !until.get().isAfter(other.from.get());
        boolean otherEndsFirst = other.until.isPresent() && from.isPresent()
                && !other.until.get().isAfter(from.get());
        return !thisEndsFirst && !otherEndsFirst;
    }

    /** Whether the rule is in force at {@code instant}. */
    public boolean covers(Instant instant) {
        return (from.isEmpty() || !instant.isBefore(from.get())) && (until.isEmpty() || instant.isBefore(until.get()));
    }
}
