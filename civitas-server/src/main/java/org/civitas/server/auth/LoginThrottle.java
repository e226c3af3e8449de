package org.civitas.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Slows down password guessing: after {@value #PER_ACCOUNT} failed sign-ins to one account, or {@value #PER_ADDRESS}
 * from one address, within {@link #WINDOW}, further attempts are refused until the oldest failure leaves the window.
 * A successful sign-in clears the account's failures. Kept in memory: each server counts what it sees.
 */
public final class LoginThrottle {

    public static final int PER_ACCOUNT = 5;
    public static final int PER_ADDRESS = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long {@code username} from {@code address} must wait before trying again, if at all. */
    public Optional<Duration> waitBeforeTrying(String username, String address) {
        Instant now = clock.instant();
        return Stream.of(waitFor("account:" + username, PER_ACCOUNT, now),
                        waitFor("address:" + address, PER_ADDRESS, now))
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        record("account:" + username, now);
        record("address:" + address, now);
    }

    public void succeeded(String username) {
        failures.remove("account:" + username);
    }

    /** Forgets failures that left the window. */
    public void forgetOld() {
        Instant now = clock.instant();
        failures.keySet().forEach(key -> failures.computeIfPresent(key, (ignored, times) -> pruned(times, now)));
    }

    private Optional<Duration> waitFor(String key, int limit, Instant now) {
        Duration[] wait = {null};
        failures.computeIfPresent(key, (ignored, times) -> {
            Deque<Instant> kept = pruned(times, now);
            if (kept != null && kept.size() >= limit) {
                wait[0] = Duration.between(now, kept.peekFirst().plus(WINDOW));
            }
            return kept;
        });
        return Optional.ofNullable(wait[0]);
    }

    private void record(String key, Instant at) {
        failures.compute(key, (ignored, times) -> {
            Deque<Instant> kept = times == null ? new ArrayDeque<>() : times;
            kept.addLast(at);
            return kept;
        });
    }

    /** The failures still inside the window at {@code now}, or null (to drop the entry) if none is. */
    private static Deque<Instant> pruned(Deque<Instant> times, Instant now) {
        Instant cutoff = now.minus(WINDOW);
        times.removeIf(time -> !time.isAfter(cutoff));
        return times.isEmpty() ? null : times;
    }
}
