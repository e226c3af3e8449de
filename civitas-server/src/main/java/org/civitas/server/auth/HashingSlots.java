package org.civitas.server.auth;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Lets only a few password hashes be computed at once. Each Argon2 computation holds its whole memory cost on the heap
 * while it runs, so a burst of sign-ins, left alone, takes as much memory as there are sign-ins. One that finds every
 * slot taken waits up to a bound for one to free; it is refused with {@link PasswordHashingBusyException} when none
 * frees in time, or at once when too many are already waiting.
 */
public final class HashingSlots {

    /** How many may wait for each slot: beyond that, a newcomer could hardly get a slot within the longest wait. */
    private static final int WAITING_PER_SLOT = 16;

    private final Semaphore slots;
    private final int mostWaiting;
    private final Duration longestWait;
    private final AtomicInteger waiting = new AtomicInteger();

    /**
     * @param slots how many computations may run at once
     * @param mostWaiting how many may wait for a slot; more are refused at once
     * @param longestWait how long one waits for a slot before it is refused
     */
    public HashingSlots(int slots, int mostWaiting, Duration longestWait) {
        if (slots < 1 || mostWaiting < 0) {
            throw new IllegalArgumentException("need at least one slot and no negative queue: " + slots + ", "
                    + mostWaiting);
        }
        this.slots = new Semaphore(slots, true);
        this.mostWaiting = mostWaiting;
        this.longestWait = Objects.requireNonNull(longestWait, "longestWait");
    }

    /**
     * Slots for this JVM, each to hold {@code bytesPerComputation}, waiting up to two seconds. As many as there are
     * cores, since a single-lane Argon2 keeps one core busy throughout: more at once would not finish more per second,
     * only hold more memory. And no more than a quarter of the largest heap can hold, so that hashing never crowds
     * out what the server keeps in memory (scores, sessions, requests in flight).
     */
    public static HashingSlots sizedFor(Runtime runtime, long bytesPerComputation) {
        int slots = slotsFor(runtime.availableProcessors(), runtime.maxMemory(), bytesPerComputation);
        return new HashingSlots(slots, slots * WAITING_PER_SLOT, Duration.ofSeconds(2));
    }

    /** How many slots {@link #sizedFor} gives {@code cores} and a heap of {@code maxMemory} bytes: at least one. */
    static int slotsFor(int cores, long maxMemory, long bytesPerComputation) {
        return (int) Math.max(1, Math.min(cores, maxMemory / 4 / bytesPerComputation));
    }

    /** Runs {@code computation} in a slot, once one is free; refused if none frees in time. */
    public <T> T run(Supplier<T> computation) {
        if (!slots.tryAcquire()) {
            waitForSlot();
        }
        try {
            return computation.get();
        } finally {
            slots.release();
        }
    }

    private void waitForSlot() {
        if (waiting.incrementAndGet() > mostWaiting) {
            waiting.decrementAndGet();
            throw new PasswordHashingBusyException();
        }
        try {
            if (!slots.tryAcquire(longestWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new PasswordHashingBusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PasswordHashingBusyException();
        } finally {
            waiting.decrementAndGet();
        }
    }
}
