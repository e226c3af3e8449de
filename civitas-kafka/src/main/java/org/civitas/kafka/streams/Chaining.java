package org.civitas.kafka.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.civitas.ledger.EntryBody;
import org.civitas.transparency.Checkpoint;
import org.civitas.transparency.NoteKey;
import org.civitas.transparency.TreeFrontier;

/**
 * Chains the entries of one partition: each becomes the body the embedded ledger would write, numbered from 0 within
 * its partition and holding the hash of the entry before it, and a leaf of the partition's transparency log. The
 * task that owns a partition of the sequenced events is its one writer; its store keeps where the chain and the log
 * stand, and with exactly-once processing they move if and only if the entry is written. Every
 * {@link PartitionCheckpoints#EVERY} the log grew, it signs a checkpoint of it.
 */
final class Chaining implements Processor<String, byte[], String, byte[]> {

    /** The partition's head, {@code [u64 next sequence][hash of the last body]}. */
    private static final String HEAD = "head";
    /** The right edge of the partition's log ({@link TreeFrontier#bytes()}). */
    private static final String LOG = "log";
    /** The size of the log's last signed checkpoint, a u64. */
    private static final String SIGNED = "signed";

    private final NoteKey key;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> heads;

    Chaining(NoteKey key) {
        this.key = key;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.heads = context.getStateStore(LedgerTopology.CHAIN_HEADS);
        context.schedule(PartitionCheckpoints.EVERY, PunctuationType.WALL_CLOCK_TIME, this::signCheckpoint);
    }

    @Override
    public void process(Record<String, byte[]> sequenced) {
        byte[] head = heads.get(HEAD);
        long next = head == null ? 0 : ByteBuffer.wrap(head).getLong();
        byte[] previous = head == null ? EntryBody.genesis() : Arrays.copyOfRange(head, Long.BYTES, head.length);
        byte[] body = EntryBody.of(next, previous, sequenced.value());
        byte[] hash = EntryBody.hash(body);
        TreeFrontier log = log();
        log.append(sequenced.value());
        heads.put(HEAD, ByteBuffer.allocate(Long.BYTES + hash.length).putLong(next + 1).put(hash).array());
        heads.put(LOG, log.bytes());
        context.forward(sequenced.withValue(body), LedgerTopology.TO_LEDGER);
    }

    private void signCheckpoint(long now) {
        TreeFrontier log = log();
        byte[] signed = heads.get(SIGNED);
        if (signed != null && ByteBuffer.wrap(signed).getLong() == log.size()) {
            return;
        }
        int partition = context.taskId().partition();
        String note = key.sign(new Checkpoint(PartitionCheckpoints.origin(key.name(), partition), log.size(),
                log.root()).body());
        heads.put(SIGNED, ByteBuffer.allocate(Long.BYTES).putLong(log.size()).array());
        context.forward(new Record<>(String.valueOf(partition), note.getBytes(StandardCharsets.UTF_8), now),
                LedgerTopology.TO_CHECKPOINTS);
    }

    private TreeFrontier log() {
        byte[] kept = heads.get(LOG);
        return kept == null ? TreeFrontier.empty() : TreeFrontier.of(kept);
    }
}
