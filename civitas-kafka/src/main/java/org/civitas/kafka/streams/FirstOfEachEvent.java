package org.civitas.kafka.streams;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.civitas.event.Event;
import org.civitas.ledger.EventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the first event of each source and id through, keyed by its person, and drops any later one with the same
 * source and id, as the embedded ledger counts a duplicate once. The intake is keyed by source and id, so every copy
 * of an event reaches the one task that remembers it.
 */
final class FirstOfEachEvent implements Processor<String, byte[], String, byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(FirstOfEachEvent.class);
    private static final byte[] SEEN = {};

    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> seen;

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.seen = context.getStateStore(LedgerTopology.SEEN_EVENTS);
    }

    @Override
    public void process(Record<String, byte[]> taken) {
        Event event;
        try {
            event = EventCodec.decode(taken.value(), 0, taken.value().length);
        } catch (RuntimeException unreadable) {
            // Civitas's intake writes only events it has checked: this came from elsewhere, and the ledger is no
            // place for it. It is named, and passed over.
            LOG.warn("intake record {} of partition {} is not an event, and is passed over: {}",
                    context.recordMetadata().map(RecordMetadata::offset).orElse(-1L),
                    context.recordMetadata().map(RecordMetadata::partition).orElse(-1), unreadable.getMessage());
            return;
        }
        String key = IntakeKeys.of(event);
        if (seen.get(key) != null) {
            return;
        }
        seen.put(key, SEEN);
        context.forward(taken.withKey(event.person()));
    }
}
