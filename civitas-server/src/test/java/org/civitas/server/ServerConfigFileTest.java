package org.civitas.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.civitas.kafka.runtime.KafkaSettings;
import org.civitas.store.StorageSettings;
import org.civitas.validation.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigFileTest {

    private static final String POSTGRES = "storage: { kind: postgresql, url: 'jdbc:postgresql://127.0.0.1/civitas',"
            + " user: civitas, password: secret }\n";

    @TempDir
    Path folder;

    private Path file(String text) throws IOException {
        return Files.writeString(folder.resolve("civitas.yaml"), text);
    }

    @Test
    void readsAServerOnTheFileLedgerWhenNoRuntimeIsNamed() throws IOException {
        ServerSettings settings = ServerConfigFile.read(file("port: 9090\ndata: city\n"));

        assertThat(settings.kafka()).isEmpty();
        assertThat(settings.port()).isEqualTo(9090);
        assertThat(settings.storage()).isEqualTo(new StorageSettings.Embedded(folder.resolve("city")));
    }

    @Test
    void readsAServerOnTheKafkaRuntimeWithItsSectionAndPostgreSql() throws IOException {
        ServerSettings settings = ServerConfigFile.read(file("data: nation\nruntime: kafka\n"
                + "kafka: { bootstrap: '127.0.0.1:9092', partitions: 6, applicationId: lakeside }\n" + POSTGRES));

        assertThat(settings.kafka()).contains(new KafkaSettings("127.0.0.1:9092", "civitas", 6, (short) 1,
                "lakeside", folder.resolve("nation").resolve("streams")));
        assertThat(settings.storage()).isInstanceOf(StorageSettings.Postgres.class);
    }

    @Test
    void refusesTheKafkaRuntimeOnEmbeddedStorageItsInstancesCouldNotShare() throws IOException {
        Path config = file("data: nation\nruntime: kafka\nkafka: { bootstrap: '127.0.0.1:9092' }\n");

        assertThatThrownBy(() -> ServerConfigFile.read(config)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("storage").hasMessageContaining("PostgreSQL, which its instances share");
    }

    @Test
    void theExamplesServeOnTheFileLedgerAndOnKafka() {
        Path examples = Path.of("..", "examples");

        assertThat(ServerConfigFile.read(examples.resolve("serve-embedded.yaml")).kafka()).isEmpty();
        assertThat(ServerConfigFile.read(examples.resolve("serve-postgresql.yaml")).kafka()).isEmpty();
        ServerSettings kafka = ServerConfigFile.read(examples.resolve("kafka.yaml"));
        assertThat(kafka.kafka()).hasValueSatisfying(settings -> assertThat(settings.partitions()).isEqualTo(4));
        assertThat(kafka.storage()).isInstanceOf(StorageSettings.Postgres.class);
    }

    @Test
    void namesAWrongKafkaFieldAndAnUnknownRuntime() throws IOException {
        assertThatThrownBy(() -> ServerConfigFile.read(file("data: nation\nruntime: kafka\n"
                + "kafka: { bootstrap: '127.0.0.1:9092', partitions: 0 }\n" + POSTGRES)))
                .hasMessageContaining("partitions").hasMessageContaining("1 to 10000 partitions, not 0");
        assertThatThrownBy(() -> ServerConfigFile.read(file("data: nation\nruntime: flink\n")))
                .hasMessageContaining("'flink' is not a runtime; use embedded (the default) or kafka");
    }
}
