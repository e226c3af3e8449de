package org.civitas.kafka.streams;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.civitas.ledger.EntryBody;

/**
 * Chains the entries of one partition: each becomes the body the embedded ledger would write, numbered from 0 within
 * its partition and holding the hash of the entry before it. The task that owns a partition of the sequenced events
 * is its one writer; its store keeps where the chain stands, and with exactly-once processing the head moves if and
 * only if the entry is written.
 */
final class Chaining implements Processor<String, byte[], String, byte[]> {

    /** The one key of the store: the partition's head, {@code [u64 next sequence][hash of the last body]}. */
    private static final String HEAD = "head";

    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> heads;

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.heads = context.getStateStore(LedgerTopology.CHAIN_HEADS);
    }

    @Override
    public void process(Record<String, byte[]> sequenced) {
        byte[] head = heads.get(HEAD);
        long next = head == null ? 0 : ByteBuffer.wrap(head).getLong();
        byte[] previous = head == null ? EntryBody.genesis() : Arrays.copyOfRange(head, Long.BYTES, head.length);
        byte[] body = EntryBody.of(next, previous, sequenced.value());
        byte[] hash = EntryBody.hash(body);
        heads.put(HEAD, ByteBuffer.allocate(Long.BYTES + hash.length).putLong(next + 1).put(hash).array());
        context.forward(sequenced.withValue(body));
    }
}
