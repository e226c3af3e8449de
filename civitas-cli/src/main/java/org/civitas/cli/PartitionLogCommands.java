package org.civitas.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.civitas.CivitasException;
import org.civitas.kafka.runtime.KafkaConfig;
import org.civitas.kafka.runtime.KafkaConfigFile;
import org.civitas.kafka.transparency.PartitionLogs;
import org.civitas.server.http.Json;
import org.civitas.server.transparency.ConsistencyProof;
import org.civitas.server.transparency.InclusionProof;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code civitas log key|checkpoint|prove|consistency --config FILE}: the transparency log of a Kafka runtime, one log
 * a partition of its ledger topic, read from the topic as committed and signed with the key kept in its data
 * directory. What they print, {@code civitas log verify-inclusion} and {@code verify-consistency} check.
 */
final class PartitionLogCommands {

    private PartitionLogCommands() {
    }

    /** The runtime whose log a command reads: its configuration, which must name a data directory for the key. */
    static final class Runtime {

        @Option(names = "--config", paramLabel = "FILE", required = true,
                description = "The configuration of a Kafka runtime (runtime: kafka); its data directory keeps the"
                        + " log's key and the checkpoints signed.")
        private Path config;

        KafkaConfig read() {
            return KafkaConfigFile.read(config);
        }

        Path data(KafkaConfig kafka) {
            return kafka.data().orElseThrow(() -> new CivitasException("the log's key is kept in the runtime's data"
                    + " directory: name one in " + config + " (data: DIR)"));
        }

        PartitionLogs logs() {
            KafkaConfig kafka = read();
            return PartitionLogs.read(kafka.kafka(), data(kafka));
        }
    }

    /** Which partition's log a command is about. */
    static final class OnePartition {

        @Option(names = "--partition", required = true, description = "The partition.")
        private int partition;
    }

    @Command(name = "key", mixinStandardHelpOptions = true,
            description = "Prints the verifier key of every partition's checkpoints, in the signed-note form.")
    static final class Key implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private Runtime runtime;

        @Override
        public Integer call() {
            return print(spec, runtime.logs().verifierKey() + "\n");
        }
    }

    @Command(name = "checkpoint", mixinStandardHelpOptions = true,
            description = {"Signs a checkpoint of one partition's log as the ledger topic holds it now, keeps it, and",
                "prints it: a C2SP signed note whose origin names the partition."})
    static final class Checkpoint implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private Runtime runtime;

        @Mixin
        private OnePartition one;

        @Override
        public Integer call() {
            return print(spec, runtime.logs().signCheckpoint(one.partition));
        }
    }

    @Command(name = "prove", mixinStandardHelpOptions = true,
            description = {"Prints the proof that a person's event is in its partition's log, against a checkpoint",
                "signed now, in the form /api/v1/me/events/{id}/proof gives."})
    static final class Prove implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private Runtime runtime;

        @Option(names = "--person", required = true, description = "Whose event.")
        private String person;

        @Option(names = "--event", required = true, paramLabel = "ID", description = "The event's id.")
        private String id;

        @Option(names = "--source", description = "The event's source, if two of the person's events have the id.")
        private String source;

        @Override
        public Integer call() throws Exception {
            KafkaConfig kafka = runtime.read();
            PartitionLogs logs = PartitionLogs.finding(kafka.kafka(), runtime.data(kafka), person, id,
                    Optional.ofNullable(source));
            return print(spec, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(InclusionProof.of(
                    logs.proveFound())) + "\n");
        }
    }

    @Command(name = "consistency", mixinStandardHelpOptions = true,
            description = {"Prints the proof that one partition's log at --from entries is a prefix of its log at",
                "--to, in the form /api/v1/log/consistency gives."})
    static final class Consistency implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private Runtime runtime;

        @Mixin
        private OnePartition one;

        @Option(names = "--from", required = true, description = "The older size, in entries.")
        private long from;

        @Option(names = "--to", required = true, description = "The newer size, in entries.")
        private long to;

        @Override
        public Integer call() throws Exception {
            return print(spec, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(ConsistencyProof.of(
                    from, to, runtime.logs().consistency(one.partition, from, to))) + "\n");
        }
    }

    private static int print(CommandSpec spec, String text) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
        return 0;
    }
}
