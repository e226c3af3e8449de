package org.civitas.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.civitas.kafka.runtime.KafkaIntake;
import org.civitas.kafka.runtime.KafkaLedger;
import org.civitas.kafka.runtime.KafkaSettings;
import org.civitas.kafka.runtime.LedgerPartition;
import org.civitas.kafka.runtime.LedgerStreams;
import org.civitas.kafka.transparency.KafkaLogs;
import org.civitas.ledger.FileLedger;
import org.civitas.ledger.FollowedChain;
import org.civitas.ledger.LedgerAppender;
import org.civitas.ledger.LedgerHistory;
import org.civitas.scoring.Scorer;
import org.civitas.transparency.LedgerLogs;
import org.civitas.transparency.TransparencyLog;

/**
 * The ledger a server runs on. Embedded, it is the file ledger in the data directory: one chain, appended to here.
 * On Kafka, events go to the intake topic; the runtime's topology, which runs in every instance, sequences them into
 * the ledger topic, and the server follows each of its partitions.
 */
public final class ServerLedger implements AutoCloseable {

    private final LedgerAppender appender;
    private final List<FollowedChain> chains;
    private final LedgerHistory history;
    private final Optional<FileLedger> file;
    private final Optional<KafkaSettings> kafka;
    private final Runnable closing;
    private LedgerStreams streams;
    private LedgerLogs logs;

    private ServerLedger(LedgerAppender appender, List<? extends FollowedChain> chains, LedgerHistory history,
            Optional<FileLedger> file, Optional<KafkaSettings> kafka, Runnable closing) {
        this.appender = appender;
        this.chains = List.copyOf(chains);
        this.history = history;
        this.file = file;
        this.kafka = kafka;
        this.closing = closing;
    }

    /** The ledger {@code settings} name: the Kafka runtime's, if any, or else the file ledger of the data directory. */
    static ServerLedger open(ServerSettings settings) {
        return settings.kafka().map(ServerLedger::onKafka).orElseGet(() -> inFiles(settings.dataDirectory()));
    }

    private static ServerLedger inFiles(Path dataDirectory) {
        FileLedger ledger = FileLedger.open(dataDirectory);
        return new ServerLedger(ledger, List.of(ledger), LedgerHistory.inFiles(dataDirectory), Optional.of(ledger),
                Optional.empty(), ledger::close);
    }

    private static ServerLedger onKafka(KafkaSettings settings) {
        KafkaIntake intake = KafkaIntake.open(settings);
        return new ServerLedger(intake, LedgerPartition.all(settings), KafkaLedger.history(settings),
                Optional.empty(), Optional.of(settings), intake::close);
    }

    /**
     * Starts what sequences the intake into the ledger, if this ledger needs it: on Kafka, this instance's share of
     * the topology, scoring by {@code scorer}. Returns once it runs.
     */
    void startSequencing(Scorer scorer) {
        kafka.ifPresent(settings -> streams = LedgerStreams.start(settings, scorer));
    }

    /**
     * Builds the ledger's transparency logs (telling {@code built} how many entries they hold) in the data directory,
     * which keeps their key and checkpoints: the file ledger's one log, or one a partition of the ledger topic.
     * They are closed with the ledger.
     */
    LedgerLogs openLogs(Path dataDirectory, LongConsumer built) {
        logs = file.<LedgerLogs>map(ledger -> TransparencyLog.open(dataDirectory, ledger, built))
                .orElseGet(() -> KafkaLogs.open(kafka.orElseThrow(), dataDirectory, built));
        return logs;
    }

    /** Where events are appended: the intake and the desks that record decisions. */
    public LedgerAppender appender() {
        return appender;
    }

    /** The chains a projection follows: the file ledger, or each partition of the ledger topic. */
    public List<FollowedChain> chains() {
        return chains;
    }

    /** The whole ledger, for replays. */
    public LedgerHistory history() {
        return history;
    }

    /** The file ledger, when the server runs on it. */
    public Optional<FileLedger> file() {
        return file;
    }

    @Override
    public void close() {
        if (logs != null) {
            logs.close();
        }
        if (streams != null) {
            streams.close();
        }
        closing.run();
    }
}
