package org.civitas.projection;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongConsumer;
import org.civitas.ledger.FollowedChain;

/**
 * The projectors of every ledger chain a server follows, one each: the file ledger is one chain, the Kafka runtime's
 * ledger topic one a partition. They catch up, report and stop together. Counts of entries are counts of positions:
 * on Kafka, of offsets, which a transaction's marker takes too.
 */
public final class Projectors implements AutoCloseable {

    private final List<Projector> projectors;

    public Projectors(List<Projector> projectors) {
        if (projectors.isEmpty()) {
            throw new IllegalArgumentException("a server follows at least one chain");
        }
        this.projectors = List.copyOf(projectors);
    }

    /** Projects everything committed so far on every chain, telling {@code progress} how many entries are done. */
    public void catchUp(LongConsumer progress) {
        for (Projector projector : projectors) {
            projector.catchUp(done -> progress.accept(projected()));
        }
    }

    /** Starts following every chain, each on a thread of its own. */
    public void start() {
        projectors.forEach(Projector::start);
    }

    /** How many entries the chains have committed, as far as they know now. */
    public long committed() {
        return projectors.stream().map(Projector::chain).mapToLong(chain -> chain.committed() - chain.start()).sum();
    }

    /** How many entries the vault holds. */
    public long projected() {
        return projectors.stream().mapToLong(projector -> projector.projectedUpTo() - projector.chain().start())
                .sum();
    }

    /** How many committed entries the vault does not hold yet. */
    public long lag() {
        return projectors.stream().mapToLong(projector -> projector.chain().committed() - projector.projectedUpTo())
                .sum();
    }

    /** How the worst off of the projectors is doing (failing before following, stopped before failing). */
    public ProjectorHealth health() {
        List<ProjectorHealth> each = projectors.stream().map(Projector::health).toList();
        ProjectorHealth worst = each.stream().max(Comparator.comparing(ProjectorHealth::state)).orElseThrow();
        return new ProjectorHealth(worst.state(), worst.problem(), worst.since(), worst.failures(), projected(),
                each.stream().flatMap(health -> health.behindSince().stream()).min(Comparator.naturalOrder()));
    }

    /**
     * Waits until the vault holds every entry committed on each chain when this was called, or until
     * {@code timeout}; returns which.
     */
    public boolean awaitCaughtUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Long> committed = projectors.stream().map(Projector::chain).map(FollowedChain::committed).toList();
        for (int index = 0; index < projectors.size(); index++) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            if (!projectors.get(index).awaitProjected(committed.get(index), left)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        projectors.forEach(Projector::close);
    }
}
