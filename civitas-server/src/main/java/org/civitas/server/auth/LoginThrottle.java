package org.civitas.server.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing without locking anyone out. Failed sign-ins are counted over the last {@link #WINDOW}
 * for each pair of account and address, and for each address whatever the account. Past an allowance
 * ({@value #PER_PAIR} for a pair, {@value #PER_ADDRESS} for an address) the next attempt waits {@link #FIRST_DELAY}
 * after the latest failure, and every further failure doubles the wait, up to {@link #LONGEST_DELAY}.
 *
 * <p>An account's failures count only with the address they came from: whoever guesses at an account never holds back
 * its owner signing in from elsewhere, and from the same address the owner waits at most {@link #LONGEST_DELAY}. A
 * successful sign-in clears the pair's failures. An IPv6 address counts as its /64, the block one subscriber is given,
 * so that hopping between addresses of one's own block gains nothing. Kept in memory: each server counts what it sees.
 */
public final class LoginThrottle {

    public static final int PER_PAIR = 5;
    public static final int PER_ADDRESS = 50;
    /** Longer than the doubling takes to reach its cap, so that a steady guesser keeps waiting the longest. */
    public static final Duration WINDOW = Duration.ofHours(1);
    public static final Duration FIRST_DELAY = Duration.ofSeconds(2);
    public static final Duration LONGEST_DELAY = Duration.ofMinutes(5);

    /** Who tried to sign in as whom. */
    private record Pair(String username, String address) {
    }

    private final Clock clock;
    private final Failures<Pair> byPair = new Failures<>(PER_PAIR);
    private final Failures<String> byAddress = new Failures<>(PER_ADDRESS);

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long {@code username} from {@code address} must wait before trying again, if at all. */
    public Optional<Duration> waitBeforeTrying(String username, String address) {
        Instant now = clock.instant();
        String from = countedAs(address);
        Duration pair = byPair.waitAt(new Pair(username, from), now);
        Duration fromAddress = byAddress.waitAt(from, now);
        Duration longer = pair.compareTo(fromAddress) >= 0 ? pair : fromAddress;
        return longer.isZero() ? Optional.empty() : Optional.of(longer);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        String from = countedAs(address);
        byPair.record(new Pair(username, from), now);
        byAddress.record(from, now);
    }

    /** Clears the failures of {@code username} from {@code address}; those from other addresses still count. */
    public void succeeded(String username, String address) {
        byPair.forget(new Pair(username, countedAs(address)));
    }

    /** Forgets failures that left the window. */
    public void forgetOld() {
        Instant now = clock.instant();
        byPair.forgetOld(now);
        byAddress.forgetOld(now);
    }

    /** What failures from {@code address} are counted under: an IPv4 address itself, an IPv6 address its /64. */
    static String countedAs(String address) {
        String bare = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        if (bare.indexOf(':') < 0) {
            return bare;
        }
        try {
            byte[] bytes = InetAddress.getByName(bare).getAddress();
            if (bytes.length != 16) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        } catch (UnknownHostException notAnAddress) {
            return bare;
        }
    }

    /** The failures inside the window for each key, and the wait they impose. */
    private static final class Failures<K> {

        private final int allowance;
        private final Map<K, Deque<Instant>> failures = new ConcurrentHashMap<>();

        Failures(int allowance) {
            this.allowance = allowance;
        }

        /** How long {@code key} must still wait at {@code now}: zero within the allowance. */
        Duration waitAt(K key, Instant now) {
            Duration[] wait = {Duration.ZERO};
            failures.computeIfPresent(key, (ignored, times) -> {
                Deque<Instant> kept = pruned(times, now);
                if (kept != null && kept.size() >= allowance) {
                    Instant until = kept.peekLast().plus(delayAfter(kept.size() - allowance));
                    wait[0] = now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
                }
                return kept;
            });
            return wait[0];
        }

        void record(K key, Instant at) {
            failures.compute(key, (ignored, times) -> {
                Deque<Instant> kept = times == null ? new ArrayDeque<>() : times;
                kept.addLast(at);
                return kept;
            });
        }

        void forget(K key) {
            failures.remove(key);
        }

        void forgetOld(Instant now) {
            failures.keySet().forEach(key -> failures.computeIfPresent(key, (ignored, times) -> pruned(times, now)));
        }

        /** The wait after {@code beyond} failures more than the allowance: doubling from the first, up to the cap. */
        private static Duration delayAfter(int beyond) {
            int doublings = Math.min(beyond, 20);
            Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
            return delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay;
        }

        /** The failures still inside the window at {@code now}, or null (to drop the entry) if none is. */
        private static Deque<Instant> pruned(Deque<Instant> times, Instant now) {
            Instant cutoff = now.minus(WINDOW);
            times.removeIf(time -> !time.isAfter(cutoff));
            return times.isEmpty() ? null : times;
        }
    }
}
