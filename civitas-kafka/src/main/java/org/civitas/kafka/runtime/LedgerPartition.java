package org.civitas.kafka.runtime;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.civitas.CivitasException;
import org.civitas.ledger.ChainTail;
import org.civitas.ledger.EntryBodyReader;
import org.civitas.ledger.FileLedger;
import org.civitas.ledger.FollowedChain;
import org.civitas.ledger.LedgerPositions;

/**
 * One partition of the ledger topic, as a projection follows it: its committed entries in order. An entry's position
 * is its offset in the partition's chain of {@link LedgerPositions}, so that positions name entries across partitions.
 */
public final class LedgerPartition implements FollowedChain {

    private static final Duration POLL = Duration.ofMillis(100);
    /** How long a tail waits for entries it knows are committed before it says it has none for now. */
    private static final Duration CATCHING_UP = Duration.ofSeconds(2);

    private final KafkaSettings settings;
    private final int partition;
    private volatile long knownEnd;

    private LedgerPartition(KafkaSettings settings, int partition) {
        this.settings = settings;
        this.partition = partition;
        this.knownEnd = LedgerPositions.of(partition, 0);
    }

    /** Every partition of the ledger topic {@code settings} name. */
    public static List<LedgerPartition> all(KafkaSettings settings) {
        List<LedgerPartition> partitions = new ArrayList<>(settings.partitions());
        for (int partition = 0; partition < settings.partitions(); partition++) {
            partitions.add(new LedgerPartition(settings, partition));
        }
        return partitions;
    }

    /** The position of this partition's entry at {@code offset}. */
    private long at(long offset) {
        return LedgerPositions.of(partition, offset);
    }

    public int partition() {
        return partition;
    }

    @Override
    public String name() {
        return "ledger/partition/" + partition;
    }

    @Override
    public long start() {
        return at(0);
    }

    @Override
    public long committed() {
        return knownEnd;
    }

    /** A partition is polled: its commits are made by other processes. */
    @Override
    public void onCommit(Runnable listener) {
        // Nothing here hears of another process's commits; the tail polls.
    }

    @Override
    public ChainTail tail(long position) {
        return new Tail(Math.max(0, position - start()));
    }

    private final class Tail implements ChainTail {

        private final TopicPartition topicPartition = new TopicPartition(settings.topics().ledger(), partition);
        private final KafkaConsumer<String, byte[]> consumer;
        private final EntryBodyReader reader = new EntryBodyReader();
        private final Deque<ConsumerRecord<String, byte[]>> pending = new ArrayDeque<>();
        private long nextOffset;

        Tail(long offset) {
            this.nextOffset = offset;
            try {
                consumer = KafkaLedger.reader(settings);
                consumer.assign(List.of(topicPartition));
                consumer.seek(topicPartition, offset);
                Long end = consumer.endOffsets(List.of(topicPartition)).get(topicPartition);
                knownEnd = at(Math.max(offset, end == null ? 0 : end));
            } catch (KafkaException e) {
                throw new CivitasException("cannot follow " + topicPartition + " on " + settings.bootstrap() + ": "
                        + e.getMessage(), e);
            }
        }

        @Override
        public long position() {
            return at(nextOffset);
        }

        @Override
        public int poll(int max, FileLedger.EventVisitor visitor, FileLedger.UnreadableVisitor unreadable) {
            try {
                fetch();
                int handed = 0;
                while (handed < max && !pending.isEmpty()) {
                    ConsumerRecord<String, byte[]> record = pending.poll();
                    reader.read(at(record.offset()), record.value(), visitor, unreadable);
                    nextOffset = record.offset() + 1;
                    handed++;
                }
                if (pending.isEmpty()) {
                    // The consumer's position is past the transactions' markers, which are no entries.
                    nextOffset = Math.max(nextOffset, consumer.position(topicPartition));
                }
                return handed;
            } catch (KafkaException e) {
                throw new CivitasException("cannot follow " + topicPartition + " on " + settings.bootstrap() + ": "
                        + e.getMessage(), e);
            } catch (IOException e) {
                throw new CivitasException("cannot hand out the entries of " + topicPartition + ": "
                        + e.getMessage(), e);
            }
        }

        /** Fetches more entries if none are pending: waiting a while for those it knows are committed. */
        private void fetch() {
            long deadline = System.nanoTime() + CATCHING_UP.toNanos();
            while (pending.isEmpty()) {
                consumer.poll(POLL).forEach(pending::add);
                OptionalLong lag = consumer.currentLag(topicPartition);
                long end = consumer.position(topicPartition) + (lag.isPresent() ? lag.getAsLong() : 0);
                knownEnd = Math.max(knownEnd, at(end));
                if (at(consumer.position(topicPartition)) >= knownEnd || System.nanoTime() > deadline) {
                    return;
                }
            }
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
