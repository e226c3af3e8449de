package org.civitas.projection;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.civitas.event.Event;
import org.civitas.ledger.ChainTail;
import org.civitas.ledger.FollowedChain;
import org.civitas.residence.Residents;
import org.civitas.scoring.ScoreBoard;
import org.civitas.source.SourceRegistry;
import org.civitas.vault.Vault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the projections of one ledger chain up to date: every committed entry goes into its person's vault and onto
 * the score board, and reaches whoever listens (the person's open pages); a registry's record of where someone lives
 * goes into the residences (the districts statistics count by, the jurisdictions whose residents vote). On start it
 * catches up from wherever the vault stopped; then it follows the chain, woken by each commit it hears of. A server
 * on the file ledger has one projector; on Kafka, one a partition of the ledger topic, which holds each of its
 * people's entries whole.
 *
 * <p>An entry that cannot be read, scored or kept is set aside with its place and the reason, and the projection
 * goes on past it: nothing already in the ledger can stop it. A failure that is not an entry's (the database gone,
 * say) is retried from the vault's recorded position each second, so nothing is projected twice and nothing is
 * skipped; {@link #health()} says so meanwhile.
 */
public final class Projector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Projector.class);
    private static final int BATCH = 20_000;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /** Set-aside entries are rare; should a fault set aside thousands, the log names the first ones only. */
    private static final int MAX_SET_ASIDE_LOGGED = 1_000;

    private final FollowedChain chain;
    private final Vault vault;
    private final ScoreBoard scores;
    private final ProjectionListener listener;
    private final Clock clock;
    private final EntryProjection projection;
    private final VaultWriter writer;
    private final Object signal = new Object();
    private final Thread thread;
    private ChainTail tail;
    private long scoredUpTo;
    private int setAsideLogged;
    private volatile long projectedUpTo;
    private volatile boolean running = true;
    private volatile Optional<Failure> failing = Optional.empty();
    private volatile Optional<Failure> stopped = Optional.empty();
    /** Guarded by {@link #signal}. */
    private Instant behindSince;

    /** What went wrong last, since when it has gone wrong, and how many times. */
    private record Failure(String reason, Instant since, long count) {
    }

    /**
     * @param scoredUpTo the score board already holds every entry of the chain before this one
     * @param databaseAnswers whether the database answers a trivial query: when a write fails while it does, the
     *     entries written are searched for the one at fault
     */
    public Projector(FollowedChain chain, Vault vault, Residents residences, ScoreBoard scores,
            SourceRegistry sources, ProjectionListener listener, Clock clock, long scoredUpTo,
            BooleanSupplier databaseAnswers) {
        this.chain = chain;
        this.vault = vault.following(chain.name());
        this.scores = scores;
        this.listener = listener;
        this.clock = clock;
        this.projection = new EntryProjection(sources, vault::liesInTheData, clock);
        this.writer = new VaultWriter(this.vault, residences, databaseAnswers, projection);
        this.scoredUpTo = scoredUpTo;
        this.projectedUpTo = this.vault.projectedUpTo();
        this.tail = chain.tail(Math.min(projectedUpTo, scoredUpTo));
        this.thread = new Thread(this::follow, "projector " + chain.name());
        this.thread.setDaemon(true);
        this.thread.setUncaughtExceptionHandler((ended, cause) -> {
            stopped = Optional.of(new Failure(Failures.describe(cause), clock.instant(), 1));
            LOG.error("the projector has stopped; nothing more is projected until the server restarts", cause);
        });
        chain.onCommit(this::committed);
    }

    /** Projects everything committed so far, reporting progress (entries projected) to {@code progress}. */
    public void catchUp(LongConsumer progress) {
        while (projectBatch() > 0) {
            progress.accept(projectedUpTo);
        }
    }

    /** Starts following the ledger on a thread of its own. */
    public void start() {
        thread.start();
    }

    /** The vault holds every entry of the chain before this position. */
    public long projectedUpTo() {
        return projectedUpTo;
    }

    /** The chain this projector follows. */
    public FollowedChain chain() {
        return chain;
    }

    /** Whether the projector is following, failing or stopped, and how far behind the ledger the vault is. */
    public ProjectorHealth health() {
        Optional<Instant> behind;
        synchronized (signal) {
            behind = Optional.ofNullable(behindSince);
        }
        Optional<Failure> problem = stopped.or(() -> failing);
        ProjectorHealth.State state = stopped.isPresent() || (running && thread.getState() == Thread.State.TERMINATED)
                ? ProjectorHealth.State.STOPPED
                : failing.isPresent() ? ProjectorHealth.State.FAILING : ProjectorHealth.State.FOLLOWING;
        if (state == ProjectorHealth.State.STOPPED && problem.isEmpty()) {
            problem = Optional.of(new Failure("its thread ended", clock.instant(), 1));
        }
        return new ProjectorHealth(state, problem.map(Failure::reason), problem.map(Failure::since),
                problem.map(Failure::count).orElse(0L), projectedUpTo, behind);
    }

    /** Waits until every entry before {@code sequence} is projected, or until {@code timeout}; returns which. */
    public boolean awaitProjected(long sequence, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (signal) {
            signal.notifyAll();
            while (projectedUpTo < sequence) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    signal.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private void committed() {
        synchronized (signal) {
            if (behindSince == null) {
                behindSince = clock.instant();
            }
            signal.notifyAll();
        }
    }

    private void follow() {
        while (running) {
            try {
                if (projectBatch() == 0) {
                    synchronized (signal) {
                        if (running && tail.position() >= chain.committed()) {
                            signal.wait(500);
                        }
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                Optional<Failure> before = failing;
                failing = Optional.of(new Failure(Failures.describe(e), before.map(Failure::since)
                        .orElse(clock.instant()), before.map(Failure::count).orElse(0L) + 1));
                LOG.warn("projecting the ledger failed; retrying from the vault's position in a second", e);
                restartFromVault();
            }
        }
    }

    /** Projects the next batch of committed entries; returns how many. */
    private synchronized int projectBatch() {
        long vaultPosition = projectedUpTo;
        List<Polled> polled = new ArrayList<>();
        List<ProjectedEntry> forVault = new ArrayList<>();
        int read = tail.poll(BATCH, (sequence, event) -> {
            polled.add(new Polled(sequence, event, null));
            if (sequence >= vaultPosition) {
                forVault.add(projection.project(sequence, event));
            }
        }, entry -> {
            polled.add(new Polled(entry.sequence(), null, entry.reason()));
            if (entry.sequence() >= vaultPosition) {
                forVault.add(projection.setAside(entry));
            }
        });
        if (read == 0) {
            return 0;
        }
        List<ProjectedEntry> written = writer.write(forVault, tail.position());
        logSetAside(written);
        for (Polled entry : polled) {
            if (entry.sequence() >= scoredUpTo) {
                score(entry);
                scoredUpTo = entry.sequence() + 1;
            }
        }
        publish(written);
        failing = Optional.empty();
        synchronized (signal) {
            projectedUpTo = tail.position();
            if (projectedUpTo >= chain.committed()) {
                behindSince = null;
            }
            signal.notifyAll();
        }
        return read;
    }

    /** An entry as the tail handed it out: an event, or (with a null event) the reason it cannot be read. */
    private record Polled(long sequence, Event event, String unreadable) {
    }

    private void score(Polled entry) {
        if (entry.event() == null) {
            scores.setAside(entry.sequence(), entry.unreadable());
            return;
        }
        Event event = entry.event();
        if (!scores.accept(event, entry.sequence()).isEmpty()) {
            try {
                listener.scored(event.person());
            } catch (RuntimeException e) {
                // The score board holds the entry: a listener that missed it reads the score there. Failing here
                // would score the entry again when the batch is retried.
                LOG.warn("could not hand the score of entry {} to the projection's listener", entry.sequence(), e);
            }
        }
    }

    private void logSetAside(List<ProjectedEntry> written) {
        for (ProjectedEntry entry : written) {
            if (entry instanceof ProjectedEntry.SetAside aside && setAsideLogged++ < MAX_SET_ASIDE_LOGGED) {
                LOG.warn("ledger {} is set aside, and the projection goes on; 'civitas repair' projects it again{}",
                        aside.entry(), setAsideLogged == MAX_SET_ASIDE_LOGGED ? " (further ones are not logged;"
                                + " /health counts them)" : "");
            }
        }
    }

    private void publish(List<ProjectedEntry> written) {
        for (ProjectedEntry entry : written) {
            if (entry instanceof ProjectedEntry.Kept kept) {
                try {
                    listener.kept(kept.event());
                } catch (RuntimeException e) {
                    // The event is in the vault: a listener that missed it reads it there.
                    LOG.warn("could not hand entry {} to the projection's listener", kept.sequence(), e);
                }
            }
        }
    }

    /**
     * Starts the tail again where the vault stopped. The failed batch moved the tail past entries the vault may not
     * hold, so the tail is always started again: from the vault's own position if it answers, else from the last
     * position the vault confirmed, which is never ahead of it (writing what it holds again changes nothing).
     */
    private synchronized void restartFromVault() {
        try {
            Thread.sleep(RETRY_AFTER.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return;
        }
        try {
            projectedUpTo = vault.projectedUpTo();
        } catch (RuntimeException e) {
            LOG.warn("cannot ask the vault where it stopped; starting again from entry {}", projectedUpTo, e);
        }
        try {
            tail.close();
        } catch (IOException ignored) {
            // The tail only reads; closing it cannot lose anything.
        }
        tail = chain.tail(Math.min(projectedUpTo, scoredUpTo));
    }

    @Override
    public void close() {
        running = false;
        wake();
        thread.interrupt();
        try {
            thread.join(5_000);
            tail.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // The tail only reads; closing it cannot lose anything.
        }
    }

    private void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }
}
