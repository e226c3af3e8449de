package org.civitas.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.civitas.testkit.ManualClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final String ATTACKER = "203.0.113.7";
    private static final String OWNER = "198.51.100.20";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-01T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    /** Fails {@code times} sign-ins as {@code username} from {@code address}, each as soon as the throttle lets it. */
    private void fail(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.waitBeforeTrying(username, address).ifPresent(clock::advance);
            throttle.failed(username, address);
            clock.advance(Duration.ofSeconds(1));
        }
    }

    private Optional<Duration> waitFor(String username, String address) {
        return throttle.waitBeforeTrying(username, address);
    }

    @Test
    void aPairMayFailFiveTimesThenWaitsTwiceAsLongAfterEachFailure() {
        fail("ada", ATTACKER, 4);
        assertThat(waitFor("ada", ATTACKER)).isEmpty();

        throttle.failed("ada", ATTACKER);
        assertThat(waitFor("ada", ATTACKER)).contains(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        assertThat(waitFor("ada", ATTACKER)).isEmpty();

        throttle.failed("ada", ATTACKER);
        assertThat(waitFor("ada", ATTACKER)).contains(Duration.ofSeconds(4));
        clock.advance(Duration.ofSeconds(4));
        throttle.failed("ada", ATTACKER);
        assertThat(waitFor("ada", ATTACKER)).contains(Duration.ofSeconds(8));
    }

    @Test
    void theWaitStopsGrowingAtFiveMinutes() {
        fail("adam", ATTACKER, 15);

        assertThat(waitFor("adam", ATTACKER)).hasValueSatisfying(wait -> assertThat(wait)
                .isPositive().isLessThanOrEqualTo(LoginThrottle.LONGEST_DELAY));
        clock.advance(LoginThrottle.LONGEST_DELAY);
        assertThat(waitFor("adam", ATTACKER)).as("never a lockout, even for the same pair").isEmpty();
    }

    @Test
    void guessingFromOneAddressNeverHoldsBackTheOwnerFromAnother() {
        fail("adam", ATTACKER, 15);

        assertThat(waitFor("adam", ATTACKER)).isPresent();
        assertThat(waitFor("adam", OWNER)).isEmpty();
        throttle.succeeded("adam", OWNER);
        assertThat(waitFor("adam", ATTACKER)).as("the attacker's failures still count").isPresent();
    }

    @Test
    void anAddressFailingAtManyAccountsWaitsBeyondItsAllowance() {
        for (int i = 1; i < LoginThrottle.PER_ADDRESS; i++) {
            fail("user-" + i, ATTACKER, 1);
        }
        assertThat(waitFor("someone-else", ATTACKER)).isEmpty();

        fail("one-too-many", ATTACKER, 1);

        assertThat(waitFor("someone-else", ATTACKER)).isPresent();
        assertThat(waitFor("someone-else", OWNER)).isEmpty();
    }

    @Test
    void addressesOfOneIpv6SubscriberBlockCountAsOne() {
        for (int i = 1; i <= LoginThrottle.PER_ADDRESS; i++) {
            fail("user-" + i, "2001:db8:7:7::" + Integer.toHexString(i), 1);
        }

        assertThat(waitFor("someone-else", "2001:db8:7:7:ffff::1")).isPresent();
        assertThat(waitFor("someone-else", "2001:db8:7:8::1")).isEmpty();
    }

    @Test
    void anAddressIsCountedAsItselfOrItsIpv6Block() {
        assertThat(LoginThrottle.countedAs("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(LoginThrottle.countedAs("[2001:db8:1:2::1]")).isEqualTo("20010db800010002::/64")
                .isEqualTo(LoginThrottle.countedAs("2001:db8:1:2:abcd::9"));
        assertThat(LoginThrottle.countedAs("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(LoginThrottle.countedAs("not:an:address")).isEqualTo("not:an:address");
    }

    @Test
    void aSuccessClearsThePairsFailures() {
        fail("ada", OWNER, 4);
        throttle.succeeded("ada", OWNER);
        fail("ada", OWNER, 4);

        assertThat(waitFor("ada", OWNER)).isEmpty();
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        fail("ada", OWNER, 4);
        clock.advance(LoginThrottle.WINDOW);
        throttle.forgetOld();
        fail("ada", OWNER, 4);

        assertThat(waitFor("ada", OWNER)).isEmpty();
    }
}
