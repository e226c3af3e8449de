package org.civitas.store.vault;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which of a person's events to show, newest first: optionally only one category or type, only from {@code from}
 * (inclusive) until {@code to} (exclusive), and only after the page a {@code cursor} ended.
 */
public record VaultQuery(
        Optional<String> category, Optional<String> type, Optional<Instant> from, Optional<Instant> to,
        Optional<VaultCursor> cursor, int limit) {

    public static final int MAX_LIMIT = 1_000;

    public VaultQuery {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(cursor, "cursor");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_LIMIT + " events, not " + limit);
        }
    }

    /** Everything, a page of {@code limit} at a time. */
    public static VaultQuery all(int limit) {
        return new VaultQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), limit);
    }
}
