package org.civitas.kafka.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.civitas.validation.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaConfigFileTest {

    @TempDir
    Path folder;

    private Path file(String text) throws IOException {
        return Files.writeString(folder.resolve("civitas.yaml"), text);
    }

    @Test
    void readsTheKafkaSectionWithItsDefaultsAndPathsBesideTheFile() throws IOException {
        KafkaConfig config = KafkaConfigFile.read(file("""
                runtime: kafka
                kafka: { bootstrap: '127.0.0.1:9092', partitions: 8 }
                rules: books
                data: data
                port: 8080
                storage: { kind: postgresql, url: 'jdbc:postgresql://127.0.0.1/civitas', user: civitas }
                """));

        assertThat(config.kafka()).isEqualTo(new KafkaSettings("127.0.0.1:9092", "civitas", 8, (short) 1,
                "civitas", folder.resolve("data").resolve("streams")));
        assertThat(config.rules()).contains(folder.resolve("books"));
        assertThat(config.data()).isEqualTo(Optional.of(folder.resolve("data")));
    }

    @Test
    void aWrongSectionIsRefusedNamingEachFieldAndLine() throws IOException {
        Path wrong = file("""
                runtime: kafka
                kafka:
                  partitions: 0
                  replicas: 3
                """);

        assertThatThrownBy(() -> KafkaConfigFile.read(wrong)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("civitas.yaml:4:3: unknown field 'replicas'")
                .hasMessageContaining("civitas.yaml:3:15: partitions: a ledger has 1 to 10000 partitions, not 0")
                .hasMessageContaining("bootstrap: missing");
        Path missing = file("""
                runtime: kafka
                kafka: { partitions: 2 }
                """);
        assertThatThrownBy(() -> KafkaConfigFile.read(missing)).hasMessageContaining("bootstrap");
    }

    @Test
    void anotherRuntimeIsNotTakenForKafka() throws IOException {
        Path embedded = file("""
                runtime: embedded
                kafka: { bootstrap: '127.0.0.1:9092' }
                """);

        assertThatThrownBy(() -> KafkaConfigFile.read(embedded)).hasMessageContaining("'embedded' is not the Kafka"
                + " runtime");
        assertThatThrownBy(() -> KafkaConfigFile.read(file("runtime: kafka\n"))).hasMessageContaining(
                "the Kafka runtime needs its section");
    }
}
