package org.civitas.server;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.civitas.kafka.runtime.KafkaSettings;
import org.civitas.store.StorageSettings;

/**
 * How to run a Civitas server.
 *
 * @param host the address to listen on ({@code 0.0.0.0} for every interface)
 * @param port the port to listen on; 0 picks a free one
 * @param dataDirectory where the ledger (and the embedded database) live; on Kafka, the sources, the keys, the
 *     officials' record and the history of the books
 * @param kafka the Kafka runtime whose ledger topic the server runs on; empty for the file ledger
 * @param rules the rule books (a file or folder); empty for those kept in the data directory
 * @param constitution the constitution to check the books against; empty for the standard one
 */
public record ServerSettings(
        String host, int port, Path dataDirectory, StorageSettings storage, Optional<KafkaSettings> kafka,
        Optional<Path> rules, Optional<Path> constitution, Clock clock) {

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(constitution, "constitution");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("no such port: " + port);
        }
    }

    /** A server on {@code port} with everything embedded in {@code dataDirectory}, under the books kept there. */
    public static ServerSettings embedded(Path dataDirectory, int port) {
        return new ServerSettings("0.0.0.0", port, dataDirectory, new StorageSettings.Embedded(dataDirectory),
                Optional.empty(), Optional.empty(), Optional.empty(), Clock.systemUTC());
    }
}
