package org.civitas.kafka.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.civitas.kafka.streams.Topics;
import org.civitas.yaml.YamlDocument;
import org.civitas.yaml.YamlMapping;

/**
 * Reads the Kafka runtime's part of a configuration file: {@code runtime: kafka}, its {@code kafka} section, and
 * {@code rules} and {@code data}; the server's own fields are the server's to read. Relative paths are relative to
 * the file.
 *
 * <pre>
 * runtime: kafka
 * kafka: { bootstrap: '127.0.0.1:9092', topicPrefix: civitas, partitions: 4, replicationFactor: 1,
 *          applicationId: civitas, stateDir: data/streams }
 * rules: books/
 * data: data                 # the sources registered, and the keys that seal personal data
 * </pre>
 */
public final class KafkaConfigFile {

    private static final List<String> KAFKA_FIELDS = List.of("bootstrap", "topicPrefix", "partitions",
            "replicationFactor", "applicationId", "stateDir");
    private static final int MAX_PARTITIONS = 10_000;

    private KafkaConfigFile() {
    }

    public static KafkaConfig read(Path file) {
        Path base = file.toAbsolutePath().getParent();
        return YamlDocument.readConfiguration(file, root -> config(root, base));
    }

    private static Optional<KafkaConfig> config(YamlMapping root, Path base) {
        Optional<String> runtime = root.requiredText("runtime");
        if (runtime.isPresent() && !runtime.get().equals("kafka")) {
            root.report("runtime", "'" + runtime.get() + "' is not the Kafka runtime: say runtime: kafka, or give"
                    + " --data DIR for the embedded one");
        }
        Optional<Path> data = root.text("data").map(base::resolve);
        Optional<Path> rules = root.text("rules").map(base::resolve);
        return settingsIn(root, base, data)
                .filter(settings -> runtime.filter("kafka"::equals).isPresent())
                .map(settings -> new KafkaConfig(settings, rules, data));
    }

    /**
     * The settings of the {@code kafka} section of a configuration's {@code root}, or empty when it is missing or a
     * field is wrong (each reported); relative paths are relative to {@code base}, and the Streams state goes in
     * {@code data} by default.
     */
    public static Optional<KafkaSettings> settingsIn(YamlMapping root, Path base, Optional<Path> data) {
        Optional<YamlMapping> section = root.mapping("kafka");
        if (section.isEmpty()) {
            root.report("kafka", "the Kafka runtime needs its section, e.g. kafka: { bootstrap: '127.0.0.1:9092' }");
        }
        return section.flatMap(kafka -> settings(kafka, base, data));
    }

    private static Optional<KafkaSettings> settings(YamlMapping kafka, Path base, Optional<Path> data) {
        kafka.allowOnly(KAFKA_FIELDS);
        Optional<String> bootstrap = kafka.requiredText("bootstrap");
        long partitions = kafka.integer("partitions").orElse(4L);
        if (partitions < 1 || partitions > MAX_PARTITIONS) {
            kafka.report("partitions", "a ledger has 1 to " + MAX_PARTITIONS + " partitions, not " + partitions);
            return Optional.empty();
        }
        long copies = kafka.integer("replicationFactor").orElse(1L);
        if (copies < 1 || copies > Short.MAX_VALUE) {
            kafka.report("replicationFactor", "a partition has 1 to " + Short.MAX_VALUE + " copies, not " + copies);
            return Optional.empty();
        }
        String prefix = kafka.text("topicPrefix").orElse("civitas");
        if (!Topics.isPrefix(prefix)) {
            kafka.report("topicPrefix", "a topic prefix is letters, digits, '.', '_' and '-', not '" + prefix + "'");
            return Optional.empty();
        }
        Path stateDir = kafka.text("stateDir").map(base::resolve)
                .orElseGet(() -> data.orElse(base).resolve("streams"));
        String applicationId = kafka.text("applicationId").orElse("civitas");
        return bootstrap.map(servers -> new KafkaSettings(servers, prefix, (int) partitions, (short) copies,
                applicationId, stateDir));
    }
}
