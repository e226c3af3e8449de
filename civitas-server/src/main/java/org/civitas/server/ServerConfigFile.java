package org.civitas.server;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.civitas.kafka.runtime.KafkaConfigFile;
import org.civitas.kafka.runtime.KafkaSettings;
import org.civitas.store.StorageSettings;
import org.civitas.yaml.YamlDocument;
import org.civitas.yaml.YamlMapping;

/**
 * Reads the YAML file {@code civitas serve --config} takes. Relative paths in it are relative to the file itself.
 *
 * <pre>
 * port: 8080
 * data: data                 # the ledger's directory (and the embedded database's)
 * storage:
 *   kind: postgresql         # or embedded (the default)
 *   url: jdbc:postgresql://127.0.0.1:5432/civitas
 *   user: civitas
 *   passwordEnv: CIVITAS_DB_PASSWORD   # or password: ...
 * rules: rules               # a rule book or a folder of them (default: DATA/rules/)
 * constitution: constitution.yaml      # (default: the standard one)
 * runtime: kafka             # or embedded (the default); Kafka wants storage of kind postgresql
 * kafka: { bootstrap: '127.0.0.1:9092', topicPrefix: civitas, partitions: 4, replicationFactor: 1,
 *          applicationId: civitas, stateDir: data/streams }
 * </pre>
 */
public final class ServerConfigFile {

    private static final List<String> FIELDS = List.of("host", "port", "data", "storage", "rules", "constitution",
            "runtime", "kafka");
    private static final List<String> STORAGE_FIELDS = List.of("kind", "url", "user", "password", "passwordEnv");

    private ServerConfigFile() {
    }

    public static ServerSettings read(Path file) {
        Path base = file.toAbsolutePath().getParent();
        return YamlDocument.readConfiguration(file, root -> Optional.ofNullable(settings(root, base)));
    }

    private static ServerSettings settings(YamlMapping root, Path base) {
        root.allowOnly(FIELDS);
        String runtime = root.text("runtime").orElse("embedded");
        if (!runtime.equals("embedded") && !runtime.equals("kafka")) {
            root.report("runtime", "'" + runtime + "' is not a runtime; use embedded (the default) or kafka");
        }
        String host = root.text("host").orElse("0.0.0.0");
        long port = root.integer("port").orElse(8080L);
        if (port < 0 || port > 65_535) {
            root.report("port", port + " is not a port number");
        }
        Optional<Path> data = root.requiredText("data").map(base::resolve);
        Optional<Path> rules = root.text("rules").map(base::resolve);
        Optional<Path> constitution = root.text("constitution").map(base::resolve);
        StorageSettings storage = root.mapping("storage").map(section -> storage(section, data))
                .orElseGet(() -> new StorageSettings.Embedded(data.orElse(base)));
        Optional<KafkaSettings> kafka = runtime.equals("kafka") ? kafka(root, base, data, storage) : Optional.empty();
        if (data.isEmpty() || storage == null || runtime.equals("kafka") && kafka.isEmpty()) {
            return null;
        }
        return new ServerSettings(host, (int) port, data.get(), storage, kafka, rules, constitution,
                Clock.systemUTC());
    }

    /** The Kafka runtime's settings; its instances share their relational parts, so they are in PostgreSQL. */
    private static Optional<KafkaSettings> kafka(YamlMapping root, Path base, Optional<Path> data,
            StorageSettings storage) {
        if (storage != null && !(storage instanceof StorageSettings.Postgres)) {
            root.report("storage", "the Kafka runtime keeps its relational parts in PostgreSQL, which its instances"
                    + " share: say storage: { kind: postgresql, url: ..., user: ... }");
            return Optional.empty();
        }
        return KafkaConfigFile.settingsIn(root, base, data);
    }

    private static StorageSettings storage(YamlMapping section, Optional<Path> data) {
        section.allowOnly(STORAGE_FIELDS);
        String kind = section.text("kind").orElse("embedded");
        if (kind.equals("embedded")) {
            return data.map(StorageSettings.Embedded::new).orElse(null);
        }
        if (!kind.equals("postgresql")) {
            section.report("kind", "'" + kind + "' is not a kind of storage; use embedded or postgresql");
            return null;
        }
        Optional<String> url = section.requiredText("url");
        Optional<String> user = section.requiredText("user");
        String password = section.text("password").orElseGet(() -> section.text("passwordEnv")
                .map(System::getenv).orElse(""));
        if (url.isEmpty() || user.isEmpty()) {
            return null;
        }
        if (!url.get().startsWith("jdbc:postgresql:")) {
            section.report("url", "a PostgreSQL JDBC URL starts with jdbc:postgresql:");
            return null;
        }
        return new StorageSettings.Postgres(url.get(), user.get(), password);
    }
}
