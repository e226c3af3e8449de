package org.civitas.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HashingSlotsTest {

    private static final long MIB = 1024 * 1024;
    /** A thread of its own for each task, so that a held slot never keeps another task from starting. */
    private static final Executor THREADS = task -> {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        thread.start();
    };

    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void letGo() {
        release.countDown();
    }

    /** Takes the only slot of {@code slots} in another thread and keeps it until the test ends. */
    private CompletableFuture<String> occupy(HashingSlots slots) throws InterruptedException {
        CompletableFuture<String> held = CompletableFuture.supplyAsync(() -> slots.run(() -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "held";
        }), THREADS);
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        return held;
    }

    @Test
    void aComputationWaitsForASlotToFree() throws Exception {
        HashingSlots slots = new HashingSlots(1, 1, Duration.ofSeconds(10));
        CompletableFuture<String> held = occupy(slots);

        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> slots.run(() -> "waited"), THREADS);
        Thread.sleep(100);
        assertThat(waiting).isNotDone();
        release.countDown();

        assertThat(held.get(5, TimeUnit.SECONDS)).isEqualTo("held");
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo("waited");
    }

    @Test
    void oneThatFindsNoSlotWithinTheLongestWaitIsRefused() throws Exception {
        HashingSlots slots = new HashingSlots(1, 1, Duration.ofMillis(50));
        occupy(slots);

        assertThatThrownBy(() -> slots.run(() -> "never")).isInstanceOf(PasswordHashingBusyException.class)
                .hasMessageContaining("try again");
    }

    @Test
    void beyondTheMostWaitingANewcomerIsRefusedAtOnce() throws Exception {
        HashingSlots slots = new HashingSlots(1, 0, Duration.ofMinutes(1));
        occupy(slots);
        long start = System.nanoTime();

        assertThatThrownBy(() -> slots.run(() -> "never")).isInstanceOf(PasswordHashingBusyException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aComputationThatFailsGivesItsSlotBack() {
        HashingSlots slots = new HashingSlots(1, 0, Duration.ZERO);

        assertThatThrownBy(() -> slots.run(() -> {
            throw new IllegalStateException("broken");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(slots.run(() -> "free again")).isEqualTo("free again");
    }

    @Test
    void slotsAreAsManyAsCoresButNeverMoreThanAQuarterOfTheHeapHolds() {
        assertThat(HashingSlots.slotsFor(2, 4096 * MIB, 19 * MIB)).isEqualTo(2);
        assertThat(HashingSlots.slotsFor(32, 512 * MIB, 19 * MIB)).isEqualTo(6);
        assertThat(HashingSlots.slotsFor(8, 64 * MIB, 19 * MIB)).as("always at least one").isEqualTo(1);
    }
}
