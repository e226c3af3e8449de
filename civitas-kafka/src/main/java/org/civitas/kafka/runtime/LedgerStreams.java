package org.civitas.kafka.runtime;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.civitas.CivitasException;
import org.civitas.kafka.streams.LedgerTopology;
import org.civitas.kafka.streams.StoredScores;
import org.civitas.scoring.Scorer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topology running on a cluster, exactly once: an event is taken, chained and kept for scoring once, whatever
 * instance fails when. Its topics are made first where they are missing.
 */
public final class LedgerStreams implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerStreams.class);
    private static final Duration STARTING = Duration.ofSeconds(60);

    private final KafkaStreams streams;
    private final Scorer scorer;
    private final CountDownLatch stopped;

    private LedgerStreams(KafkaStreams streams, Scorer scorer, CountDownLatch stopped) {
        this.streams = streams;
        this.scorer = scorer;
        this.stopped = stopped;
    }

    /** Starts the topology, and returns once it runs. */
    public static LedgerStreams start(KafkaSettings settings, Scorer scorer) {
        LedgerTopics.ensure(settings);
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        properties.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toAbsolutePath().toString());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) settings.replicationFactor());
        KafkaStreams streams = new KafkaStreams(LedgerTopology.build(settings.topics(), scorer), properties);
        CountDownLatch stopped = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                stopped.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(failure -> {
            LOG.error("a stream thread failed; this instance stops, and the others take its partitions", failure);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
        long deadline = System.nanoTime() + STARTING.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing()) {
                streams.close(Duration.ofSeconds(10));
                throw new CivitasException("the Streams application " + settings.applicationId() + " did not start"
                        + " on " + settings.bootstrap() + " (it is " + streams.state() + ")");
            }
            sleep();
        }
        return new LedgerStreams(streams, scorer, stopped);
    }

    /** Waits until this instance stops, closed or failed; returns whether it failed. */
    public boolean awaitStop() throws InterruptedException {
        stopped.await();
        return streams.state() == KafkaStreams.State.ERROR;
    }

    /** The scores of the people whose partitions this instance holds. */
    public StoredScores localScores() {
        return new StoredScores(scorer, streams.store(StoreQueryParameters.fromNameAndType(
                LedgerTopology.PERSON_EVENTS, QueryableStoreTypes.<String, byte[]>keyValueStore())));
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CivitasException("interrupted while the Streams application started", e);
        }
    }

    /**
     * Stops this instance, leaving the group at once: its partitions go to the others (or to this instance started
     * again) now, not after the group's session times out.
     */
    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }
}
