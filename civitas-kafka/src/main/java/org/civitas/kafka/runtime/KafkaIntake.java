package org.civitas.kafka.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civitas.CivitasException;
import org.civitas.event.Event;
import org.civitas.kafka.streams.IntakeKeys;
import org.civitas.ledger.AppendResult;
import org.civitas.ledger.EncodedBatch;
import org.civitas.ledger.EventCodec;
import org.civitas.ledger.LedgerAppender;

/**
 * Where core's intake appends on the Kafka runtime: each event goes to the intake topic, keyed by its source and id,
 * from an idempotent producer that waits for every copy in sync ({@code acks=all}; the topics want two in sync where
 * they have two copies or more). A commit returns once every event its thread wrote is acknowledged, or throws: what
 * was not acknowledged may be sent again, and the topology counts it once. Threads write and commit on their own (a
 * server's requests share one intake), so no thread's commit answers for another's events. Which events were
 * duplicates the topology decides downstream, so a write counts every event it sends as taken.
 */
public final class KafkaIntake implements LedgerAppender, AutoCloseable {

    private final KafkaSettings settings;
    private final KafkaProducer<String, byte[]> producer;
    private final ThreadLocal<List<Future<RecordMetadata>>> unacknowledged = ThreadLocal.withInitial(ArrayList::new);
    private final AtomicLong sent = new AtomicLong();

    private KafkaIntake(KafkaSettings settings, KafkaProducer<String, byte[]> producer) {
        this.settings = settings;
        this.producer = producer;
    }

    /** An intake of the runtime {@code settings} describes, its topics made where they are missing. */
    public static KafkaIntake open(KafkaSettings settings) {
        LedgerTopics.ensure(settings);
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaIntake(settings, new KafkaProducer<>(properties, new StringSerializer(),
                new ByteArraySerializer()));
    }

    @Override
    public EncodedBatch.Builder newBatch(int expectedEvents, int expectedBytes) {
        return EncodedBatch.withoutKeys(expectedEvents, expectedBytes);
    }

    @Override
    public AppendResult write(EncodedBatch batch) {
        List<Future<RecordMetadata>> waiting = unacknowledged.get();
        for (int i = 0; i < batch.size(); i++) {
            byte[] payload = batch.payload(i);
            Event event = EventCodec.decode(payload, 0, payload.length);
            waiting.add(producer.send(new ProducerRecord<>(settings.topics().intake(), IntakeKeys.of(event),
                    payload)));
        }
        return new AppendResult(batch.size(), 0, sent.getAndAdd(batch.size()));
    }

    @Override
    public void commit() {
        List<Future<RecordMetadata>> waiting = unacknowledged.get();
        producer.flush();
        try {
            for (Future<RecordMetadata> acknowledged : waiting) {
                acknowledged.get();
            }
        } catch (ExecutionException e) {
            throw new CivitasException("the intake on " + settings.bootstrap() + " did not take every event: "
                    + e.getCause().getMessage() + "; send them again (the ledger counts each once)", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CivitasException("interrupted while the intake acknowledged events", e);
        } finally {
            waiting.clear();
        }
    }

    /** How many events were sent (acknowledged, once the last commit returned). */
    public long sent() {
        return sent.get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
