package org.civitas.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.civitas.testkit.ManualClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-01T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    private void fail(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(username, address);
            clock.advance(Duration.ofSeconds(10));
        }
    }

    @Test
    void anAccountIsHeldBackAfterFiveFailuresUntilTheFirstLeavesTheWindow() {
        fail("ada", "10.0.0.1", 4);
        assertThat(throttle.waitBeforeTrying("ada", "10.0.0.2")).isEmpty();

        fail("ada", "10.0.0.1", 1);

        assertThat(throttle.waitBeforeTrying("ada", "10.0.0.2")).contains(Duration.ofMinutes(15).minusSeconds(50));
        assertThat(throttle.waitBeforeTrying("bob", "10.0.0.2")).isEmpty();
        clock.advance(Duration.ofMinutes(15).minusSeconds(50));
        assertThat(throttle.waitBeforeTrying("ada", "10.0.0.2")).isEmpty();
    }

    @Test
    void anAddressIsHeldBackAfterTwentyFailuresWhateverTheAccounts() {
        for (int i = 0; i < 20; i++) {
            fail("user-" + i, "10.0.0.9", 1);
        }

        assertThat(throttle.waitBeforeTrying("someone-else", "10.0.0.9")).isPresent();
        assertThat(throttle.waitBeforeTrying("someone-else", "10.0.0.10")).isEmpty();
    }

    @Test
    void aSuccessClearsTheAccountsFailuresAndOldFailuresAreForgotten() {
        fail("ada", "10.0.0.1", 4);
        throttle.succeeded("ada");
        fail("ada", "10.0.0.1", 4);
        assertThat(throttle.waitBeforeTrying("ada", "10.0.0.1")).isEmpty();

        clock.advance(Duration.ofHours(1));
        throttle.forgetOld();
        fail("ada", "10.0.0.1", 4);
        assertThat(throttle.waitBeforeTrying("ada", "10.0.0.1")).isEmpty();
    }
}
