package org.civitas.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civitas.event.Event;
import org.civitas.kafka.runtime.KafkaLedger;
import org.civitas.kafka.runtime.KafkaSettings;
import org.civitas.kafka.streams.IntakeKeys;
import org.civitas.ledger.EventCodec;

/** Events sent to a runtime's intake on a real broker, and the wait until its ledger holds them. */
public final class IntakeTraffic {

    private IntakeTraffic() {
    }

    /** Sends every event to the intake, each acknowledged by every copy before this returns. */
    public static void send(KafkaSettings settings, List<Event> events) throws Exception {
        Map<String, Object> properties = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = events.stream().map(event -> producer.send(new ProducerRecord<>(
                    settings.topics().intake(), IntakeKeys.of(event), EventCodec.encode(event)))).toList();
            for (Future<RecordMetadata> acknowledged : sent) {
                acknowledged.get();
            }
        }
    }

    /** Waits until the ledger holds {@code entries} entries, failing after a minute. */
    public static void awaitLedger(KafkaSettings settings, long entries) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        long read = 0;
        while (System.nanoTime() < deadline) {
            read = KafkaLedger.read(settings, (partition, person, body) -> { });
            if (read >= entries) {
                return;
            }
            Thread.sleep(200);
        }
        assertThat(Optional.of(read)).as("entries in the ledger after a minute").contains(entries);
    }
}
