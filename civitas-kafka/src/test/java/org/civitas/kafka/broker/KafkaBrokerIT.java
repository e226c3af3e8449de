package org.civitas.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process broker: what a producer writes with acks=all a consumer reads, and it outlives a restart. */
class KafkaBrokerIT {

    @TempDir
    Path data;

    @Test
    void aRecordWrittenWithAllAcknowledgementsIsReadBackAndOutlivesARestart() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(data, 0)) {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                    broker.bootstrapServers(), "acks", "all", "enable.idempotence", "true"), new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>("civitas-test", "p-ada", "an event")).get();
            }
            assertThat(read(broker, "first")).containsExactly("p-ada=an event");
        }
        try (KafkaBroker again = KafkaBroker.start(data, 0)) {
            assertThat(read(again, "after-restart")).as("kept in the broker's directory").containsExactly(
                    "p-ada=an event");
        }
    }

    private static List<String> read(KafkaBroker broker, String group) {
        List<String> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                broker.bootstrapServers(), "group.id", group, "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("civitas-test"));
            for (int poll = 0; poll < 30 && read.isEmpty(); poll++) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    read.add(record.key() + "=" + record.value());
                }
            }
        }
        return read;
    }
}
