package org.civitas.projection;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How the projector is doing, for the health check.
 *
 * @param problem why it is failing or stopped: the last failure, or what ended its thread
 * @param since when it began failing, or stopped
 * @param failures how many attempts have failed in a row
 * @param projectedUpTo the vault holds every entry before this one
 * @param behindSince since when the vault has not held every committed entry; empty while it holds them all
 */
public record ProjectorHealth(State state, Optional<String> problem, Optional<Instant> since, long failures,
        long projectedUpTo, Optional<Instant> behindSince) {

    public ProjectorHealth {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(behindSince, "behindSince");
    }

    /** What the projector is doing. */
    public enum State {
        /** Projecting each commit as it comes. */
        FOLLOWING,
        /** Its last attempt failed for a reason not in any entry (the database gone, say); it retries each second. */
        FAILING,
        /** Its thread has ended: nothing more is projected until the server restarts. */
        STOPPED
    }
}
