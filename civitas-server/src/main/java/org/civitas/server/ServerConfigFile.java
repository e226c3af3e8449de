package org.civitas.server;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
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
        root.text("runtime").filter(runtime -> !runtime.equals("embedded")).ifPresent(runtime -> root.report(
                "runtime", "the server runs on the embedded ledger (runtime: embedded, the default); the Kafka"
                        + " runtime's stream processing runs as 'civitas streams --config FILE'"));
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
        if (data.isEmpty() || storage == null) {
            return null;
        }
        return new ServerSettings(host, (int) port, data.get(), storage, rules, constitution, Clock.systemUTC());
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
