package org.civitas.kafka.transparency;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.civitas.CivitasException;
import org.civitas.InvalidInputException;
import org.civitas.NotFoundException;
import org.civitas.kafka.runtime.KafkaLedger;
import org.civitas.kafka.runtime.KafkaSettings;
import org.civitas.ledger.EntryBody;
import org.civitas.ledger.LedgerPositions;
import org.civitas.transparency.Checkpoint;
import org.civitas.transparency.Inclusion;
import org.civitas.transparency.LedgerLogs;
import org.civitas.transparency.Witnessing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partitions' transparency logs as a server keeps them: built from the ledger topic when opened, and brought up
 * to date from it whenever a checkpoint is signed or a proof asked for, so that the server's chore signs each
 * partition's checkpoint each minute from what the topic holds, and nothing on the topology's hot path signs. An
 * entry is named by its position, the partition and offset the vault names it by.
 */
public final class KafkaLogs implements LedgerLogs {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaLogs.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration FETCHING = Duration.ofSeconds(10);

    private final KafkaSettings settings;
    private final PartitionLogs logs;
    private final List<TopicPartition> partitions;
    private final KafkaConsumer<String, byte[]> follower;
    private final KafkaConsumer<String, byte[]> fetcher;
    /** Each partition's offsets of its leaves, in order: {@code counts[p]} of {@code offsets[p]} in use. */
    private final long[][] offsets;
    private final int[] counts;
    private final String[] latest;
    private final long[] latestSize;
    private final List<Witnessing> witnessing = new ArrayList<>();

    private KafkaLogs(KafkaSettings settings, PartitionLogs logs, Path dataDirectory) {
        this.settings = settings;
        this.logs = logs;
        this.partitions = new ArrayList<>(settings.partitions());
        for (int partition = 0; partition < settings.partitions(); partition++) {
            partitions.add(new TopicPartition(settings.topics().ledger(), partition));
        }
        this.follower = KafkaLedger.reader(settings);
        this.fetcher = KafkaLedger.reader(settings);
        this.offsets = new long[settings.partitions()][16];
        this.counts = new int[settings.partitions()];
        this.latest = new String[settings.partitions()];
        this.latestSize = new long[settings.partitions()];
        Path directory = dataDirectory.resolve("log");
        for (int partition = 0; partition < settings.partitions(); partition++) {
            witnessing.add(new Witnessing(directory.resolve("witnesses"), directory.resolve("partitions")
                    .resolve(String.valueOf(partition)).resolve("cosignatures")));
        }
    }

    /**
     * The logs of every partition as the ledger topic holds them now, telling {@code built} how many entries they
     * hold as they grow; their key is made in {@code dataDirectory} if it has none.
     */
    public static KafkaLogs open(KafkaSettings settings, Path dataDirectory, LongConsumer built) {
        KafkaLogs logs = new KafkaLogs(settings, PartitionLogs.growing(settings.partitions(), dataDirectory),
                dataDirectory);
        try {
            logs.follower.assign(logs.partitions);
            logs.follower.seekToBeginning(logs.partitions);
            logs.catchUp(built);
        } catch (RuntimeException e) {
            logs.close();
            throw e;
        }
        return logs;
    }

    @Override
    public int count() {
        return partitions.size();
    }

    @Override
    public String verifierKey() {
        return logs.verifierKey();
    }

    @Override
    public synchronized String checkpoint(int log) {
        logs.size(log); // refuses a partition there is not
        if (latest[log] == null) {
            catchUp(entries -> { });
            sign(log);
        }
        return witnessing.get(log).cosigned(latest[log], latestSize[log]);
    }

    /** The witnesses hand in cosignatures of a partition's checkpoint, whose origin names the partition. */
    @Override
    public Witnessing.Cosignature cosign(String witnessKey, String note) {
        Optional<Checkpoint> checkpoint = Checkpoint.parse(note.substring(0, Math.max(0, note.indexOf("\n\n") + 1)));
        for (int partition = 0; partition < partitions.size(); partition++) {
            if (checkpoint.isPresent() && checkpoint.get().origin().equals(logs.origin(partition))) {
                return witnessing.get(partition).cosign(witnessKey, note);
            }
        }
        throw new InvalidInputException("note", "not a checkpoint of a partition's log");
    }

    @Override
    public List<Witnessing.Cosignature> cosignatures(int log) {
        logs.size(log); // refuses a partition there is not
        return witnessing.get(log).cosignatures();
    }

    @Override
    public synchronized void signCheckpoints() {
        catchUp(entries -> { });
        for (int partition = 0; partition < partitions.size(); partition++) {
            if (latest[partition] == null || latestSize[partition] != logs.size(partition)) {
                sign(partition);
            }
        }
    }

    private void sign(int partition) {
        latest[partition] = logs.signCheckpoint(partition);
        latestSize[partition] = logs.size(partition);
        witnessing.get(partition).signed(latestSize[partition], latest[partition].substring(0,
                latest[partition].indexOf("\n\n") + 1));
    }

    @Override
    public synchronized Inclusion prove(long position) {
        int partition = LedgerPositions.chainOf(position);
        long offset = position - LedgerPositions.of(partition, 0);
        logs.size(partition); // refuses a partition there is not
        int index = indexOf(partition, offset);
        if (index < 0) {
            catchUp(entries -> { });
            index = indexOf(partition, offset);
        }
        if (index < 0) {
            throw new NotFoundException("partition " + partition + "'s log holds no entry at offset " + offset);
        }
        if (latest[partition] == null || index >= latestSize[partition]) {
            sign(partition);
        }
        long size = latestSize[partition];
        return new Inclusion(index, size, EntryBody.payload(fetch(partition, offset)), logs.leafHash(partition,
                index), logs.inclusionProof(partition, index, size), latest[partition]);
    }

    @Override
    public synchronized List<byte[]> consistency(int log, long from, long to) {
        catchUp(entries -> { });
        return logs.consistency(log, from, to);
    }

    private int indexOf(int partition, long offset) {
        return Arrays.binarySearch(offsets[partition], 0, counts[partition], offset);
    }

    /** Takes what the topic committed since into the logs, telling {@code built} how many entries they hold. */
    private void catchUp(LongConsumer built) {
        try {
            Map<TopicPartition, Long> ends = follower.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> follower.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : follower.poll(POLL)) {
                    take(record);
                }
                built.accept(Arrays.stream(counts).asLongStream().sum());
            }
        } catch (KafkaException e) {
            throw new CivitasException("cannot read the ledger topic " + settings.topics().ledger() + " on "
                    + settings.bootstrap() + " for its logs: " + e.getMessage(), e);
        }
    }

    private void take(ConsumerRecord<String, byte[]> record) {
        int partition = record.partition();
        if (record.value() == null || record.value().length < EntryBody.PREFIX_BYTES) {
            LOG.warn("{} offset {} is no ledger entry; its log passes over it, and 'civitas verify --config' names"
                    + " it", partitions.get(partition), record.offset());
            return;
        }
        if (counts[partition] == offsets[partition].length) {
            offsets[partition] = Arrays.copyOf(offsets[partition], counts[partition] * 2);
        }
        offsets[partition][counts[partition]++] = record.offset();
        logs.append(partition, record.value());
    }

    /** The body at {@code offset} of {@code partition}, read again from the topic. */
    private byte[] fetch(int partition, long offset) {
        TopicPartition topicPartition = partitions.get(partition);
        fetcher.assign(List.of(topicPartition));
        fetcher.seek(topicPartition, offset);
        long deadline = System.nanoTime() + FETCHING.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : fetcher.poll(POLL)) {
                if (record.offset() == offset) {
                    return record.value();
                }
            }
        }
        throw new CivitasException("cannot read " + topicPartition + " offset " + offset + " again within "
                + FETCHING.toSeconds() + " s");
    }

    @Override
    public synchronized void close() {
        follower.close(Duration.ofSeconds(5));
        fetcher.close(Duration.ofSeconds(5));
    }
}
