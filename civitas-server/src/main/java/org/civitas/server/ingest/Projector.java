package org.civitas.server.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.civitas.event.Event;
import org.civitas.ledger.FileLedger;
import org.civitas.ledger.LedgerTail;
import org.civitas.scoring.ScoreBoard;
import org.civitas.server.api.EventView;
import org.civitas.server.api.ScoreView;
import org.civitas.server.live.LiveFeeds;
import org.civitas.store.support.SupportStore;
import org.civitas.store.vault.VaultEvent;
import org.civitas.store.vault.VaultStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the projections of the ledger up to date: every committed entry goes into its person's vault and onto the
 * score board, and reaches the person's open pages; a registry's record of where someone lives goes into the
 * residences the statistics count by district. On start it catches up from wherever the vault stopped; then it
 * follows the ledger, woken by each commit. A failure (the database gone, say) is retried from the vault's recorded
 * position, so nothing is projected twice and nothing is skipped.
 */
public final class Projector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Projector.class);
    private static final int BATCH = 20_000;
    /** The category of a registry's record of where a person lives, by an attribute {@code district}. */
    public static final String RESIDENCE = "residence";

    private final FileLedger ledger;
    private final VaultStore vault;
    private final SupportStore residences;
    private final ScoreBoard scores;
    private final SourceRegistry sources;
    private final LiveFeeds feeds;
    private final Clock clock;
    private final Object signal = new Object();
    private final Thread thread;
    private LedgerTail tail;
    private long scoredUpTo;
    private volatile long projectedUpTo;
    private volatile boolean running = true;

    /**
     * @param scoredUpTo the score board already holds every entry before this one
     */
    public Projector(FileLedger ledger, VaultStore vault, SupportStore residences, ScoreBoard scores,
            SourceRegistry sources, LiveFeeds feeds, Clock clock, long scoredUpTo) {
        this.ledger = ledger;
        this.vault = vault;
        this.residences = residences;
        this.scores = scores;
        this.sources = sources;
        this.feeds = feeds;
        this.clock = clock;
        this.scoredUpTo = scoredUpTo;
        this.projectedUpTo = vault.projectedUpTo();
        this.tail = ledger.tail(Math.min(projectedUpTo, scoredUpTo));
        this.thread = new Thread(this::follow, "projector");
        this.thread.setDaemon(true);
        ledger.onCommit(this::wake);
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

    /** The vault holds every entry before this sequence number. */
    public long projectedUpTo() {
        return projectedUpTo;
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

    private void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void follow() {
        while (running) {
            try {
                if (projectBatch() == 0) {
                    synchronized (signal) {
                        if (running && tail.position() >= ledger.committed()) {
                            signal.wait(500);
                        }
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("projecting the ledger failed; retrying from the vault's position in a second", e);
                restartFromVault();
            }
        }
    }

    /** Projects the next batch of committed entries; returns how many. */
    private synchronized int projectBatch() {
        List<Event> events = new ArrayList<>();
        List<Long> sequences = new ArrayList<>();
        long vaultPosition = projectedUpTo;
        List<VaultEvent> forVault = new ArrayList<>();
        Map<String, String> districts = new HashMap<>();
        int read = tail.poll(BATCH, (sequence, event) -> {
            events.add(event);
            sequences.add(sequence);
            if (sequence >= vaultPosition) {
                VaultEvent projected = vaultEvent(sequence, event);
                forVault.add(projected);
                noteResidence(event, projected.category(), districts);
            }
        });
        if (read == 0) {
            return 0;
        }
        residences.recordResidences(districts);
        vault.project(forVault, tail.position());
        for (int i = 0; i < events.size(); i++) {
            if (sequences.get(i) >= scoredUpTo) {
                score(events.get(i), sequences.get(i));
                scoredUpTo = sequences.get(i) + 1;
            }
        }
        publish(forVault);
        synchronized (signal) {
            projectedUpTo = tail.position();
            signal.notifyAll();
        }
        return read;
    }

    /** Notes where the person of {@code event} lives, if it is a registry's record of category {@value #RESIDENCE}. */
    private static void noteResidence(Event event, String category, Map<String, String> districts) {
        if (category.equals(RESIDENCE) && event.attributes().asMap().get("district") instanceof String district
                && !district.isBlank()) {
            districts.put(event.person(), district);
        }
    }

    private VaultEvent vaultEvent(long sequence, Event event) {
        return new VaultEvent(sequence, event.person(), event.source(), event.id(), event.type(),
                sources.categoryOf(event.source(), event.type()), event.occurredAt(), event.jurisdiction(),
                event.attributes().toJson(), false);
    }

    private void score(Event event, long sequence) {
        List<String> matched = scores.accept(event, sequence);
        if (!matched.isEmpty() && feeds.watching(event.person())) {
            feeds.publish(event.person(), "score", ScoreView.of(scores.score(event.person(), clock.instant()),
                    clock.instant()));
        }
    }

    private void publish(List<VaultEvent> projected) {
        for (VaultEvent event : projected) {
            if (feeds.watching(event.person())) {
                feeds.publish(event.person(), "event", EventView.of(vault.opened(event)));
            }
        }
    }

    private synchronized void restartFromVault() {
        try {
            Thread.sleep(1_000);
            tail.close();
            projectedUpTo = vault.projectedUpTo();
            tail = ledger.tail(Math.min(projectedUpTo, scoredUpTo));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } catch (Exception e) {
            LOG.warn("cannot restart the projection yet", e);
        }
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
        } catch (java.io.IOException ignored) {
            // The tail only reads; closing it cannot lose anything.
        }
    }
}
